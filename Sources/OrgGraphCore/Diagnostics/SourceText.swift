/// The bytes of a source file, with what diagnostics need: lines, and locations of offsets.
///
/// Only diagnostics use it, but a failed load can make twenty of them in a file of hundreds of
/// megabytes, possibly on one line: lines are found with `memchr` and scalars counted eight
/// bytes at a time (``SourceScan``).
package struct SourceText: Sendable {
    package let file: String
    package let bytes: [UInt8]

    package init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// The text of line `line` (1-based), without its line break.
    ///
    /// - Complexity: O(*n*) in the size of the file; used only when a diagnostic is rendered.
    package func line(_ line: Int32) -> String? {
        lineRange(line).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The bytes of line `line` (1-based), without its line break.
    ///
    /// - Complexity: O(*n*) in the size of the file up to the end of the line.
    private func lineRange(_ line: Int32) -> Range<Int>? {
        guard line > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            var scan = SourceScan(buffer)
            var start = 0
            var current: Int32 = 1
            while current < line {
                guard let next = scan.lineBreak(from: start) else { return nil }
                start = next.upperBound
                current += 1
            }
            return start..<(scan.lineBreak(from: start)?.lowerBound ?? buffer.count)
        }
    }

    /// The column of the first tab in the indentation of line `line` (the spaces and tabs it
    /// starts with), if there is one.
    package func indentationTab(onLine line: Int32) -> Int? {
        guard let range = lineRange(line) else { return nil }
        var column = 1
        for index in range {
            switch bytes[index] {
            case 0x09: return column
            case 0x20: column += 1
            default: return nil
            }
        }
        return nil
    }

    /// A line longer than this, in bytes, is kept in a diagnostic only around its column.
    package static let longLine = 4096

    /// The line and column of byte `offset`.
    ///
    /// - Complexity: O(*offset*).
    package func location(ofOffset offset: Int) -> SourceLocation {
        bytes.withUnsafeBufferPointer { buffer in
            let end = max(0, min(offset, buffer.count))
            var scan = SourceScan(buffer)
            var line = 1
            var start = 0
            // A line break ending past `offset` (the CR of a CR LF) is not one yet.
            while let next = scan.lineBreak(from: start), next.upperBound <= end {
                line += 1
                start = next.upperBound
            }
            return SourceLocation(line: line, column: 1 + scan.scalarCount(start..<end))
        }
    }

    /// A diagnostic at `location` with its source line filled in: the whole line, or for a long
    /// line (a minified file, a 100,000-character id) the part of it the diagnostic shows.
    ///
    /// - Complexity: O(*n*) in the size of the file up to the end of the line.
    package func diagnostic(
        _ message: LocalizedText, at location: SourceLocation, kind: Diagnostic.Kind = .error,
        notes: [Diagnostic] = []
    ) -> Diagnostic {
        var diagnostic = Diagnostic(kind, file: file, location: location, message: message, notes: notes)
        guard let range = lineRange(location.line) else { return diagnostic }
        guard range.count > Self.longLine else {
            diagnostic.sourceLine = String(decoding: bytes[range], as: UTF8.self)
            return diagnostic
        }
        bytes.withUnsafeBufferPointer { buffer in
            let scan = SourceScan(buffer)
            let count = scan.scalarCount(range)
            let shown = Diagnostic.window(count: count, target: max(0, min(Int(location.column) - 1, count)))
            let start = scan.offset(advancing: shown.lowerBound, from: range.lowerBound, limit: range.upperBound)
            let end = scan.offset(advancing: shown.count, from: start, limit: range.upperBound)
            diagnostic.sourceLine = String(
                decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
            diagnostic.sourceLineOffset = shown.lowerBound
            diagnostic.sourceLineCount = count
        }
        return diagnostic
    }
}

package enum UTF8Validation {
    /// Whether every byte is ASCII.
    ///
    /// - Complexity: O(*n*), eight bytes at a time.
    package static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// The offset of the first byte that is not valid UTF-8, or `nil` when all are.
    ///
    /// - Complexity: O(*n*), eight ASCII bytes at a time.
    package static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { firstInvalidOffset(in: $0) }
    }

    /// The offset of the first byte that is not valid UTF-8, or `nil` when all are.
    ///
    /// - Complexity: O(*n*), eight ASCII bytes at a time.
    static func firstInvalidOffset(in raw: UnsafeRawBufferPointer) -> Int? {
        let count = raw.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = raw[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let byte = raw[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return index
            }
            index += length
        }
        return nil
    }
}
