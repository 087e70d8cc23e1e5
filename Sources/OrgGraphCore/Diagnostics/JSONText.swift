/// Small, exact JSON text building: escaping and literals, for writers that want a fixed key
/// order and byte-identical output for the same input.
public enum JSONText {
    /// `value` as a JSON string literal, quotes included. Non-ASCII text is kept as UTF-8.
    public static func quote(_ value: String) -> String {
        // Most text needs no escape: copy it whole.
        if !value.utf8.contains(where: {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
        }) {
            return "\"" + value + "\""
        }
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
        return result
    }

    /// `{"a": 1, "b": "x"}` from pairs whose values are already JSON text, in the given order.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A document's top-level object, one member a line indented by two spaces, and a line
    /// break after it: `{\n  "a": 1,\n  "b": [...]\n}\n`. The values are already JSON text.
    public static func document(_ members: [(String, String)]) -> String {
        "{\n  " + members.map { quote($0.0) + ": " + $0.1 }.joined(separator: ",\n  ") + "\n}\n"
    }

    /// `[a, b]` from elements that are already JSON text.
    public static func array(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ", ") + "]"
    }
}
