import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// A finding's message with placeholders a check fills in: `{subject}` (the node the finding
/// is about, by id and name), `{count}`, `{found}` and `{missing}` (lists of nodes),
/// `{targets}` and `{sources}` (the two ends a relation check looks between), `{periods}`
/// (reporting periods that are missing), `{type}` (the relation type).
public struct MessageTemplate: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The template in English, Vietnamese or both; one missing falls back to the other.
    public var text: LocalizedText

    public init(_ text: LocalizedText) { self.text = text }
    public init(_ text: String) { self.text = LocalizedText(text) }
    public init(stringLiteral value: String) { text = LocalizedText(value) }

    /// The placeholders a template may use.
    public static let placeholders = ["subject", "count", "found", "missing", "targets", "sources", "periods", "type"]

    /// The message in `language` with each placeholder replaced; unknown placeholders stay as
    /// written.
    public func render(_ values: [String: String], in language: Language) -> String {
        var result = ""
        var rest = Substring(text.text(in: language))
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
