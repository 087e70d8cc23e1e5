/// libyaml's lines made the file's lines.
///
/// libyaml reads YAML 1.1, where U+0085, U+2028 and U+2029 break lines too; a diagnostic names
/// lines as an editor shows them, broken only by LF, CR LF and CR.
struct YAMLMarks {
    let source: SourceText
    /// The byte offset where each of libyaml's lines starts, when offsets are needed.
    private let lineStarts: [Int]?
    /// Whether libyaml's lines are not the file's.
    private let linesDiffer: Bool

    /// - Parameters:
    ///   - source: the file.
    ///   - needsOffsets: whether ``offset(line:column:)`` will be asked.
    init(_ source: SourceText, needsOffsets: Bool) {
        self.source = source
        let bytes = source.bytes
        var hasOtherBreaks = false
        for index in bytes.indices where bytes[index] == 0xC2 || bytes[index] == 0xE2 {
            if Self.otherBreakWidth(bytes, at: index) > 0 {
                hasOtherBreaks = true
                break
            }
        }
        linesDiffer = hasOtherBreaks
        guard hasOtherBreaks || needsOffsets else {
            lineStarts = nil
            return
        }
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
            } else if byte == 0x0A || byte == 0x0D {
                index += 1
            } else if case let width = Self.otherBreakWidth(bytes, at: index), width > 0 {
                index += width
            } else {
                index += 1
                continue
            }
            starts.append(index)
        }
        lineStarts = starts
    }

    /// The width of U+0085, U+2028 or U+2029 at `index`, or 0.
    private static func otherBreakWidth(_ bytes: [UInt8], at index: Int) -> Int {
        if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return 2 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
            bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
            return 3
        }
        return 0
    }

    /// The file's location of libyaml's 1-based `line` and `column` (in characters).
    func location(line: Int, column: Int) -> SourceLocation {
        guard linesDiffer else { return SourceLocation(line: line, column: column) }
        return source.location(ofOffset: offset(line: line, column: column))
    }

    /// The byte offset of libyaml's 1-based `line` and `column` (in characters); the end of the
    /// file when the marks were made without `needsOffsets`.
    ///
    /// - Complexity: O(*column*).
    func offset(line: Int, column: Int) -> Int {
        let bytes = source.bytes
        guard let lineStarts, line >= 1, line <= lineStarts.count else { return bytes.count }
        var offset = lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }
}
