import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Text from an organization file made fit for a chart label: one line of plain characters,
/// then wrapped at word boundaries to a readable width.
package enum LabelText {
    /// The most lines a wrapped text keeps; the last one kept ends in `…` when more would follow.
    package static let maximumLines = 5

    /// `text` with line breaks and tabs as spaces, runs of spaces as one, no spaces at the
    /// ends, and every other control character as U+FFFD.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    package static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0B
                || value == 0x0C || value == 0x85 || value == 0x2028 || value == 0x2029 || value == 0xA0
            {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            result.append(control ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }

    /// `text` (already clean) in lines of at most `width` characters, broken between words and
    /// balanced: as few lines as `width` allows, each about as long as the others, so no word is
    /// left alone on the last line. A word longer than `width` is broken inside. At most
    /// ``maximumLines`` lines.
    ///
    /// - Complexity: O(*n* + *k* · *w*) for *n* characters, *k* words and width *w*.
    package static func wrap(_ text: String, width: Int) -> [String] {
        guard !text.isEmpty else { return [] }
        let width = max(width, 4)
        // Words, with their lengths in characters counted once; over-long words cut in pieces.
        var words: [(text: Substring, count: Int)] = []
        var total = 0
        for word in text.split(separator: " ") {
            var rest = word
            var count = rest.count
            while count > width, words.count <= maximumLines * 2 {
                let cut = rest.index(rest.startIndex, offsetBy: width)
                words.append((rest[..<cut], width))
                rest = rest[cut...]
                count -= width
            }
            words.append((rest, count))
            total += count + 1
            if words.count > maximumLines * width { break }
        }
        let counts = words.map(\.count)
        var breaks = greedy(counts, width: width)
        if breaks.count > 1, breaks.count <= maximumLines, counts.max() ?? 0 < width {
            // The narrowest width that still needs no more lines.
            var narrower = max((total + breaks.count - 1) / breaks.count - 1, counts.max() ?? 0)
            while narrower < width {
                let candidate = greedy(counts, width: narrower)
                if candidate.count == breaks.count {
                    breaks = candidate
                    break
                }
                narrower += 1
            }
        }
        var lines = breaks.map { range in words[range].map { String($0.text) }.joined(separator: " ") }
        if lines.count > maximumLines {
            lines.removeLast(lines.count - maximumLines)
            lines[maximumLines - 1] += " …"
        }
        return lines
    }

    /// Fills lines word by word up to `width`: the ranges of words on each line.
    private static func greedy(_ counts: [Int], width: Int) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var length = 0
        for (index, count) in counts.enumerated() {
            if index > start, length + 1 + count > width {
                lines.append(start..<index)
                start = index
                length = 0
            }
            length += (index > start ? 1 : 0) + count
        }
        if start < counts.count { lines.append(start..<counts.count) }
        return lines
    }
}
