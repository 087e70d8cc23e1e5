import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// Writing text into DOT so that it is read back exactly as meant and can never become syntax.
///
/// Every name and value is a quoted string. Two readings apply to a quoted string: the DOT
/// scanner turns `\"` into `"` (and keeps every other backslash), then Graphviz reads
/// *escString* attributes such as `label` once more, turning `\\` into `\` and treating
/// `\N`, `\G`, `\E`, `\T`, `\H`, `\L`, `\n`, `\l` and `\r` as substitutions and line breaks.
package enum DOTText {
    /// `text` as a quoted string for an escString attribute (`label`), shown literally.
    ///
    /// Backslashes are doubled first, then quotes escaped, so no escString sequence of the
    /// input survives: `\N` becomes `\\N`, which Graphviz shows as the two characters `\N`.
    /// The text must already be free of line breaks and control characters
    /// (``LabelText/clean(_:)``).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    package static func escString(_ text: String) -> String {
        escString(lines: [text])
    }

    /// Lines joined by centred line breaks (`\n`) into one quoted escString.
    ///
    /// - Complexity: O(*n*) in the total length of the lines.
    package static func escString(lines: [String]) -> String {
        quoted(escStringValue(lines: lines))
    }

    /// The escString value of lines, as Graphviz stores it once the DOT scanner has read the
    /// quoted string: backslashes doubled, lines joined by `\n`. Not quoted.
    ///
    /// - Complexity: O(*n*) in the total length of the lines.
    static func escStringValue(lines: [String]) -> String {
        var result = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { result += "\\n" }
            if !line.utf8.contains(UInt8(ascii: "\\")) {
                result += line
                continue
            }
            for scalar in line.unicodeScalars {
                if scalar == "\\" { result += "\\\\" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// `value` as a DOT quoted string: wrapped in quotes, each quote escaped as `\"` (the only
    /// sequence the scanner rewrites). A value must not end in a lone backslash; escString values
    /// never do (their backslashes come in pairs or before `n`).
    ///
    /// - Complexity: O(*n*) in the length of `value`.
    static func quoted(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + value + "\"" }
        var result = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { result += "\\\"" } else { result.unicodeScalars.append(scalar) }
        }
        return result + "\""
    }

    /// Whether `text` reads back verbatim from a quoted string, is shown verbatim in every output
    /// Graphviz makes from a name (an SVG title quotes `&` only when it starts no character
    /// reference), and is not a name the writer makes for itself: no quote, backslash, `#`, `&`,
    /// control character or character XML cannot hold, and not empty.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    package static func isVerbatim(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            !(scalar == "\"" || scalar == "\\" || scalar == "#" || scalar == "&" || scalar.value < 0x20
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029)
        }
    }
}
