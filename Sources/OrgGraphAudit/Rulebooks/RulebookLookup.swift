import OrgGraphCore

extension RulebookLoader {
    /// The rulebook an organization is audited under: the one the command line names
    /// (`option`: a built-in id or any rulebook file), else the one the file's `rulebook:`
    /// names (a built-in, or a file under the organization file's folder, see
    /// ``load(namedIn:)``), else ``defaultID``.
    ///
    /// - Throws: ``LoadError`` when the rulebook chosen cannot be loaded.
    public func rulebook(option: String?, for organization: Organization) throws(LoadError) -> Rulebook {
        if let option { return try load(option) }
        if let named = try load(namedIn: organization) { return named }
        return try load(Self.defaultID)
    }
}

/// The rulebooks of a run over several organizations, each looked up by
/// ``RulebookLoader/rulebook(option:for:)`` and loaded once: files that name the same rulebook
/// the same way share it.
public struct RulebookLookup: Sendable {
    public let loader: RulebookLoader
    /// The rulebook the command line names, if it names one.
    public let option: String?
    private var loaded: [String: Rulebook] = [:]

    public init(_ loader: RulebookLoader = RulebookLoader(), option: String? = nil) {
        self.loader = loader
        self.option = option
    }

    /// The rulebook for `organization`, loaded at its first use.
    /// - Throws: ``LoadError`` when it cannot be loaded.
    public mutating func rulebook(for organization: Organization) throws(LoadError) -> Rulebook {
        let key: String
        if let option {
            key = "option\u{1F}" + option
        } else if let named = organization.rulebook {
            key = "file\u{1F}" + organization.sourceMap.file + "\u{1F}" + named
        } else {
            key = "default"
        }
        if let rulebook = loaded[key] { return rulebook }
        let rulebook = try loader.rulebook(option: option, for: organization)
        loaded[key] = rulebook
        return rulebook
    }
}
