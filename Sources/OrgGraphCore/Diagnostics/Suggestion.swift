/// "Did you mean" suggestions: the closest candidate by edit distance.
package enum Suggestion {
    /// How many cells of edit-distance tables one suggestion may fill: enough for every id of
    /// a nationwide file that is close in length, and a bound on the time a diagnostic takes
    /// when a hundred thousand ids all have the length of the unknown one.
    static let workLimit = 4_000_000

    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Candidates whose length alone puts them too far are skipped by their UTF-8 length,
    /// without being decoded; the others are compared in a band of the table as wide as the
    /// distance allowed; the search stops with the best so far after ``workLimit`` cells.
    ///
    /// - Complexity: O(*m* + *w*) for *m* candidates and the work limit *w*.
    package static func closest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        let target = Array(word.unicodeScalars)
        let limit = max(1, min(3, target.count / 3 + 1))
        var best: (distance: Int, candidate: String)?
        var work = 0
        for candidate in candidates {
            let bound = min(limit, (best?.distance ?? limit + 1) - 1)
            // Only the word itself is closer than one edit: a suggestion one edit away is the best.
            guard bound >= 1 else { break }
            // A scalar takes one to four bytes: the UTF-8 length brackets the scalar count.
            let bytes = candidate.utf8.count
            guard bytes + bound >= target.count, bytes <= 4 * (target.count + bound) else { continue }
            let scalars = Array(candidate.unicodeScalars)
            guard abs(scalars.count - target.count) <= bound else { continue }
            work += (2 * bound + 1) * (target.count + 1)
            if let distance = editDistance(target, scalars, atMost: bound), distance < (best?.distance ?? Int.max) {
                best = (distance, candidate)
            }
            if work > workLimit { break }
        }
        return best?.candidate
    }

    /// The Levenshtein distance between `a` and `b` (with adjacent transpositions counted as one),
    /// or `nil` when it exceeds `bound`.
    ///
    /// - Complexity: O(*n* · *bound*): only the cells within `bound` of the diagonal are filled.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        guard abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let outside = bound + 1
        var previousPrevious = [Int](repeating: outside, count: b.count + 1)
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - bound)
            let high = min(b.count, i + bound)
            current[0] = i <= bound ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previousPrevious[j - 2] + 1)
                    }
                    current[j] = min(value, outside)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > bound { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }

    /// `; did you mean 'x'?` (`; có phải là 'x'?`) when there is a close candidate, else the
    /// empty text; the candidate is quoted as it is written.
    package static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> LocalizedText
    where S.Element == String {
        hint(closest(to: word, in: candidates))
    }

    /// `; did you mean 'x'?` (`; có phải là 'x'?`) for a candidate, the empty text for none.
    package static func hint(_ candidate: String?) -> LocalizedText {
        guard let candidate else { return LocalizedText(en: "", vi: "") }
        return LocalizedText(en: "; did you mean '\(candidate)'?", vi: "; có phải là '\(candidate)'?")
    }
}
