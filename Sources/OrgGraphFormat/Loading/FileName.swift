import OrgGraphCore

/// File names as the system keeps them: bytes, nearly always UTF-8.
///
/// A name that is not UTF-8 (a byte 0xFF, Latin-1 from an old archive) must still open the
/// file it names. Such a name is held in a `String` with each byte that is not part of valid
/// UTF-8 as the private-use scalar U+10FF00 + byte, and turned back into that byte when the
/// file is opened: the bytes round-trip, where decoding with U+FFFD would lose them.
public enum FileName {
    /// The first scalar standing for a byte; bytes 0x80 to 0xFF map to U+10FF80 to U+10FFFF.
    private static let base: UInt32 = 0x10_FF00

    /// The name the bytes `bytes` spell: their UTF-8 text, with every byte that is not part of
    /// valid UTF-8 held as a private-use scalar.
    ///
    /// - Complexity: O(*n*).
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let bytes = Array(bytes)
        if UTF8Validation.firstInvalidOffset(in: bytes) == nil { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let rest = Array(bytes[index..<min(bytes.count, index + 4)])
            let length = validLength(rest)
            if length > 0, let scalar = String(decoding: rest[0..<length], as: UTF8.self).unicodeScalars.first {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[index])) ?? "\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes of the name `name`, each private-use scalar of ``decode(_:)`` turned back into
    /// its byte.
    public static func bytes(_ name: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.value >= base + 0x80, scalar.value <= base + 0xFF {
                bytes.append(UInt8(scalar.value - base))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with the name as the system has it, a NUL-terminated C string.
    public static func withCString<Result>(
        _ name: String, _ body: (UnsafePointer<CChar>) throws -> Result
    ) rethrows -> Result {
        let bytes = Self.bytes(name)
        // A name cannot hold a NUL byte; cut short there it would name another file, so it names none.
        if bytes.contains(0) { return try "".withCString(body) }
        return try (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return try "".withCString(body) }
            return try body(start)
        }
    }

    /// How many bytes the valid UTF-8 sequence at the start of `bytes` takes, or 0.
    private static func validLength(_ bytes: [UInt8]) -> Int {
        guard let lead = bytes.first else { return 0 }
        let length: Int
        switch lead {
        case 0..<0x80: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard bytes.count >= length else { return 0 }
        return UTF8Validation.firstInvalidOffset(in: Array(bytes[0..<length])) == nil ? length : 0
    }
}
