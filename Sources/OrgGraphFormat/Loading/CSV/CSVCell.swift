/// How a value is written in a cell of an organization folder.
///
/// A spreadsheet cannot tell an empty cell from an empty text, but an organization file can
/// (`note: ""` is a note, an absent `note` is none). An empty cell is a field that is not
/// written; an empty text is written `""` (two double quotes, the cell's whole content, as one
/// types it in Excel). So that this loses nothing, a text made only of double quotes, two or
/// more, is written with two more of them; a lone `"` is written as it is.
enum CSVCell {
    /// The value a non-empty cell holding `text` stands for.
    static func value(_ text: String) -> String {
        let count = text.utf8.count
        guard count >= 2, text.utf8.allSatisfy({ $0 == UInt8(ascii: "\"") }) else { return text }
        return String(repeating: "\"", count: count - 2)
    }

    /// The text of the cell for `value`, which ``value(_:)`` reads back as `value`.
    static func text(_ value: String) -> String {
        let count = value.utf8.count
        guard count != 1, value.utf8.allSatisfy({ $0 == UInt8(ascii: "\"") }) else { return value }
        return String(repeating: "\"", count: count + 2)
    }

    /// The text of the cell for an optional value: empty when there is none.
    static func text(_ value: String?) -> String {
        value.map(text) ?? ""
    }

    /// The prefix of an attribute's column: `attr:beds`.
    static let attributePrefix = "attr:"

    /// What joins the periods of a `reports-to` relation in one cell: `6-months|1-year`.
    static let periodSeparator: Character = "|"
}
