/// The bytes of a source file, with what diagnostics need: lines, and locations of offsets.
struct SourceText: Sendable {
    let file: String
    let bytes: [UInt8]

    /// The text of line `line` (1-based), without its line break.
    ///
    /// - Complexity: O(*n*) in the size of the file; used only when a diagnostic is rendered.
    func line(_ line: Int32) -> String? {
        guard line > 0 else { return nil }
        var current: Int32 = 1
        var start = 0
        var index = 0
        let count = bytes.count
        while current < line {
            guard index < count else { return nil }
            let byte = bytes[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= count || bytes[index] != 0x0A)) {
                current += 1
                start = index
            }
        }
        var end = start
        while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The line and column of byte `offset`.
    ///
    /// - Complexity: O(*offset*).
    func location(ofOffset offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    /// A diagnostic at `location` with its source line filled in.
    func diagnostic(
        _ message: String, at location: SourceLocation, kind: Diagnostic.Kind = .error,
        notes: [Diagnostic] = []
    ) -> Diagnostic {
        Diagnostic(
            kind, file: file, location: location, message: message, sourceLine: self.line(location.line),
            notes: notes)
    }
}

enum UTF8Validation {
    /// The offset of the first byte that is not valid UTF-8, or `nil` when all are.
    ///
    /// - Complexity: O(*n*), eight ASCII bytes at a time.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
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
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
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
