import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// ``YAMLMarks`` against a walk from the start of the file, on random text of every kind of
/// line break libyaml knows (LF, CR LF, CR, U+0085, U+2028, U+2029) and of characters of one to
/// four bytes.
@Suite("YAML marks")
struct YAMLMarksTests {
    static let pieces = ["a", " ", "ế", "Đ", "\u{309}", "😀", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    static let breaks: [Unicode.Scalar] = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    /// libyaml's lines: broken by every break the pieces have, CR LF counting once.
    static func libyamlLines(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            lines[lines.count - 1].append(scalar)
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" {
                lines[lines.count - 1].append("\n")
                index += 1
                lines.append([])
            } else if breaks.contains(scalar) {
                lines.append([])
            }
        }
        return lines
    }

    @Test("Every place on libyaml's lines is the file's place of the same byte, and its offset", arguments: 0..<40)
    func placesMatchAWalk(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let length = Int(generator.next() % 60)
        let text = (0..<length).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
        let bytes = Array(text.utf8)
        let source = SourceText(file: "marks.yaml", bytes: bytes)
        let lines = Self.libyamlLines(Array(text.unicodeScalars))
        let hasOtherBreaks = text.unicodeScalars.contains { ["\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
        for needsOffsets in [false, true] {
            let marks = YAMLMarks(source, needsOffsets: needsOffsets)
            var lineStart = 0
            for (number, line) in lines.enumerated() {
                // Every column of the line up to its break, in order and then backwards.
                let breakLength =
                    line.suffix(2) == ["\r", "\n"] ? 2 : (line.last.map { Self.breaks.contains($0) } == true ? 1 : 0)
                let columns = Array(1...(line.count - breakLength + 1))
                for column in columns + columns.reversed() {
                    let offset = lineStart + line.prefix(column - 1).reduce(0) { $0 + UTF8.width($1) }
                    let expected = source.location(ofOffset: offset)
                    let found = marks.location(line: number + 1, column: column)
                    if hasOtherBreaks {
                        #expect(found == expected, "\(text.debugDescription) at \(number + 1):\(column)")
                    } else {
                        #expect(found == SourceLocation(line: number + 1, column: column))
                    }
                    if needsOffsets {
                        #expect(marks.offset(line: number + 1, column: column) == min(offset, bytes.count))
                    }
                }
                lineStart += line.reduce(0) { $0 + UTF8.width($1) }
            }
        }
    }
}
