/// Text made fit for XML 1.0, in element content and in attribute values alike.
///
/// XML 1.0 cannot hold most C0 control characters, not even as character references, nor
/// U+FFFE and U+FFFF. Each C0 control it cannot hold is written as its Unicode control
/// picture (U+0001 as `␁`, U+2401), so it stays visible and its code can be read back; U+FFFE
/// and U+FFFF are written as U+FFFD. Tab, line feed and carriage return are kept, as character
/// references (a parser would turn a literal carriage return into a line feed, and tabs and line
/// feeds in an attribute into spaces). Every other character is kept as it is, `&`, `<`, `>`,
/// `"` and `'` escaped.
package enum XMLText {
    /// `text` escaped for element content or a double-quoted attribute value.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    package static func escape(_ text: String) -> String {
        // Most text needs no escape: copy it whole.
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF
        }) {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&apos;".unicodeScalars)
            case "\t": result.append(contentsOf: "&#9;".unicodeScalars)
            case "\n": result.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            default: result.append(representable(scalar))
            }
        }
        return String(result)
    }

    /// `scalar` when XML 1.0 can hold it, else the character written in its place.
    package static func representable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: scalar
        case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0xFFFE, 0xFFFF: "\u{FFFD}"
        default: scalar
        }
    }
}
