import OrgGraphCore

/// libyaml's lines made the file's lines.
///
/// libyaml reads YAML 1.1, where U+0085, U+2028 and U+2029 break lines too; a diagnostic names
/// lines as an editor shows them, broken only by LF, CR LF and CR.
struct YAMLMarks {
    let source: SourceText
    /// The byte offset where each of libyaml's lines starts, when offsets are needed.
    private let lineStarts: [Int]?
    /// The file's line and column where each of libyaml's lines starts, when libyaml's lines are
    /// not the file's. No line break of the file falls inside one of libyaml's lines, so a place
    /// on that line is its start moved right by the column: no walk from the start of the file.
    private let lineOrigins: [SourceLocation]?
    /// Where the last offset asked for was, to walk on from there.
    private let cursor = Cursor()

    /// The last place ``offset(line:column:)`` found. Places are asked for in document order,
    /// so each walk goes on from the last one rather than from the start of its line, which for
    /// a file on one line would make the walks quadratic.
    private final class Cursor {
        var line = 0
        var column = 0
        var offset = 0
    }

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
        guard hasOtherBreaks || needsOffsets else {
            lineStarts = nil
            lineOrigins = nil
            return
        }
        var starts = [0]
        var origins = [SourceLocation(line: 1, column: 1)]
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
                (line, column) = (line + 1, 1)
            } else if byte == 0x0A || byte == 0x0D {
                index += 1
                (line, column) = (line + 1, 1)
            } else if case let width = Self.otherBreakWidth(bytes, at: index), width > 0 {
                index += width
                column += 1
            } else {
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
                continue
            }
            starts.append(index)
            origins.append(SourceLocation(line: line, column: column))
        }
        lineStarts = needsOffsets ? starts : nil
        lineOrigins = hasOtherBreaks ? origins : nil
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
    ///
    /// - Complexity: O(1).
    func location(line: Int, column: Int) -> SourceLocation {
        guard let lineOrigins else { return SourceLocation(line: line, column: column) }
        guard line >= 1, line <= lineOrigins.count else { return source.location(ofOffset: source.bytes.count) }
        let origin = lineOrigins[line - 1]
        return SourceLocation(line: Int(origin.line), column: Int(origin.column) + column - 1)
    }

    /// The byte offset of libyaml's 1-based `line` and `column` (in characters); the end of the
    /// file when the marks were made without `needsOffsets`.
    ///
    /// - Complexity: O(*d*) for the *d* characters from the place last asked for when this one is
    ///   further on the same line, else O(*column*).
    func offset(line: Int, column: Int) -> Int {
        let bytes = source.bytes
        guard let lineStarts, line >= 1, line <= lineStarts.count else { return bytes.count }
        var offset = lineStarts[line - 1]
        var remaining = column - 1
        if cursor.line == line, cursor.column <= column {
            offset = cursor.offset
            remaining = column - cursor.column
        }
        while remaining > 0, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        (cursor.line, cursor.column, cursor.offset) = (line, column, offset)
        return offset
    }
}
