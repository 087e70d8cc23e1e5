/// A language a person reads the tool's output in: kind and relation names in charts, rule
/// titles, rationales and findings' messages (``LocalizedText``).
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case vietnamese = "vi"
}

extension Language {
    /// The words for this language, of the two given; only the chosen one is worked out.
    public func text(en english: @autoclosure () -> String, vi vietnamese: @autoclosure () -> String) -> String {
        switch self {
        case .english: english()
        case .vietnamese: vietnamese()
        }
    }
}
