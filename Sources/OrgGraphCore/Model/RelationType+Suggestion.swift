extension RelationType {
    /// What to tell someone who typed `name` for a relation type that does not exist: the
    /// closest type (`; did you mean 'reports-to'?`), or the list of types when none is close.
    ///
    /// - Complexity: O(*k*²) per relation type, for a name of about *k* characters.
    public static func hint(for name: String) -> String {
        let names = allCases.map(\.rawValue)
        return Suggestion.closest(to: name, in: names).map { "; did you mean '\($0)'?" }
            ?? "; relations are " + names.joined(separator: ", ")
    }
}
