extension RelationType {
    /// What to tell someone who typed `name` for a relation type that does not exist: the
    /// closest type (`; did you mean 'reports-to'?`), or the list of types when none is close.
    ///
    /// - Complexity: O(*k*²) per relation type, for a name of about *k* characters.
    public static func hint(for name: String) -> LocalizedText {
        let names = allCases.map(\.rawValue)
        if let close = Suggestion.closest(to: name, in: names) { return Suggestion.hint(close) }
        let list = names.joined(separator: ", ")
        return LocalizedText(en: "; relations are \(list)", vi: "; các quan hệ là \(list)")
    }
}
