/// "Did you mean" suggestions: the closest candidate by edit distance.
package enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// - Complexity: O(*m* · *k*²) for *m* candidates of length about *k*; candidates whose
    ///   length alone puts them too far are skipped in O(1).
    package static func closest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        let target = Array(word.unicodeScalars)
        let limit = max(1, min(3, target.count / 3 + 1))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            let bound = min(limit, (best?.distance ?? limit + 1) - 1)
            guard bound >= 0, abs(scalars.count - target.count) <= bound else { continue }
            if let distance = editDistance(target, scalars, atMost: bound) {
                if distance < (best?.distance ?? Int.max) {
                    best = (distance, candidate)
                }
            }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between `a` and `b` (with adjacent transpositions counted as one),
    /// or `nil` when it exceeds `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        if b.isEmpty { return a.count <= bound ? a.count : nil }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }

    /// `; did you mean 'x'?` when there is a close candidate, else the empty string.
    package static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String
    where S.Element == String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
