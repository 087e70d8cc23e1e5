import OrgGraph

/// The rulebooks of a run, each loaded once: the one the command line names, else the one the
/// organization file names (relative to the file), else 125-QD/TW.
struct RulebookCache {
    private var loaded: [String: Rulebook] = [:]
    /// The error of the last rulebook that could not be loaded.
    private(set) var lastError: LoadError?

    /// The rulebook for `organization`, or `nil` after printing why it cannot be loaded.
    mutating func rulebook(_ option: String?, for organization: LoadedOrganization, file: String) -> Rulebook? {
        let reference: String
        var directory: String?
        if let option {
            reference = option
        } else if let named = organization.organization.rulebook {
            reference = named
            directory = RulebookLoader.builtin(named) == nil ? Self.directory(of: file) : nil
        } else {
            reference = RulebookLoader.defaultID
        }
        let key = (directory ?? "") + "\u{1F}" + reference
        if let rulebook = loaded[key] { return rulebook }
        do {
            let rulebook = try RulebookLoader().load(reference, relativeTo: directory)
            loaded[key] = rulebook
            return rulebook
        } catch {
            FileOutput.standardError(error.description + "\n")
            lastError = error
            return nil
        }
    }

    private static func directory(of path: String) -> String? {
        guard path != "-", let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
