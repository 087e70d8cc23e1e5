/// Text for a person's terminal, with every character that could control the terminal or
/// reorder what the reader sees shown as a visible escape, the way `git` shows unusual file
/// names.
///
/// Escaped: the C0 controls (U+0000–U+001F) but the tab, DEL (U+007F), the C1 controls
/// (U+0080–U+009F), and the bidirectional marks, embeddings, overrides and isolates (U+061C,
/// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). The notation: `\n`, `\r` and `\e` (escape)
/// by name, other ASCII controls as `\xHH` (`\x00`, `\x07`, `\x7F`), the others as `\u{HHHH}`
/// (`\u{0085}`, `\u{202E}`). The tab is kept: it moves to the next column and nothing more.
/// Everything else, Vietnamese included, is kept as it is. JSON, YAML, SARIF and charts never
/// go through this: they keep names byte for byte.
public enum TerminalText {
    /// Whether line feeds are kept (text of several lines) or escaped (one line: a name, a message).
    public enum LineBreaks: Sendable {
        case kept
        case escaped
    }

    /// Whether `scalar` is shown as an escape.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        if value < 0x061C { return false }
        return value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// The visible escape for `scalar`, one that `needsEscape` accepts.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0..<0x80:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\x" + (hex.count == 1 ? "0" : "") + hex
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
        }
    }

    /// `text` with every control or bidirectional character shown as a visible escape.
    ///
    /// - Parameter lineBreaks: whether line feeds are kept or escaped.
    /// - Complexity: O(*n*); text with nothing to escape is returned as it is after one scan.
    public static func escaped(_ text: String, lineBreaks: LineBreaks = .escaped) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(lineBreaks == .kept && $0 == "\n") }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar), !(lineBreaks == .kept && scalar == "\n") {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
