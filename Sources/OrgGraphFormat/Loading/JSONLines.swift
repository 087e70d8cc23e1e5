import OrgGraphCore

/// Where a JSON reader is in lines: the line it is on, where that line starts, and the column
/// last worked out, so that locating the next offset on the line walks on from there (a file
/// on one line costs no more than a pretty-printed one). Columns count Unicode scalars.
struct JSONLines {
    private(set) var line = 1
    private(set) var lineStart = 0
    private var columnOffset = 0
    private var column = 1

    /// The position of a reader that starts on line `line`, at byte `lineStart` of it.
    init(line: Int = 1, lineStart: Int = 0) {
        self.line = line
        self.lineStart = lineStart
        columnOffset = lineStart
    }

    /// Moves `index` past JSON whitespace, counting line breaks (LF, CRLF, or CR alone).
    mutating func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            case 0x0D:
                index += 1
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    /// The line and column of `offset`, on the current line.
    mutating func locate(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        if columnOffset < lineStart || columnOffset > offset {
            columnOffset = lineStart
            column = 1
        }
        var position = columnOffset
        while position < offset {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        columnOffset = offset
        return SourceLocation(line: line, column: column)
    }
}
