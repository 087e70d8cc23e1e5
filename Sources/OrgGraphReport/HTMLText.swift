/// Text made safe for an HTML page: whatever a file holds (`<script>`, quotes, `&`, control
/// characters) is shown as written and never read as markup.
enum HTMLText {
    /// `text` escaped for the content of an element or a quoted attribute value: `&`, `<`, `>`,
    /// `"` and `'` as character references, and characters HTML does not allow in text (C0
    /// controls other than tab, line feed and carriage return; DEL; C1 controls; noncharacters)
    /// shown as visible `\u{…}` escapes.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if isDisallowed(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` as a JSON string literal that is safe inside a `<script>` element: `<`, `>`, `&`
    /// and the line separators are written as `\u` escapes, so no `</script>` or `<!--` can end
    /// or comment out the script.
    static func scriptString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                result += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u" + hex4(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether HTML forbids `scalar` in text: controls and noncharacters.
    private static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value)
            || value & 0xFFFE == 0xFFFE
    }
}
