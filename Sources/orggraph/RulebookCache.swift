import OrgGraph

/// The rulebooks of a run, each loaded once: the one the command line names, else the one the
/// organization file names (a built-in, or a file under the organization file's folder), else
/// 125-QD/TW.
struct RulebookCache {
    private var loaded: [String: Rulebook] = [:]
    private let loader: RulebookLoader

    init(_ options: InputOptions) {
        loader = options.rulebookLoader
    }
    /// The error of the last rulebook that could not be loaded.
    private(set) var lastError: LoadError?

    /// The rulebook for `organization`, or `nil` after printing why it cannot be loaded.
    mutating func rulebook(_ option: String?, for organization: LoadedOrganization, file: String) -> Rulebook? {
        let named = organization.organization.rulebook
        let key: String
        if let option {
            key = "option\u{1F}" + option
        } else if let named {
            key = "file\u{1F}" + file + "\u{1F}" + named
        } else {
            key = "default"
        }
        if let rulebook = loaded[key] { return rulebook }
        do {
            let rulebook: Rulebook
            if let option {
                rulebook = try loader.load(option)
            } else if named != nil, let book = try loader.load(namedIn: organization.organization) {
                rulebook = book
            } else {
                rulebook = try loader.load(RulebookLoader.defaultID)
            }
            loaded[key] = rulebook
            return rulebook
        } catch {
            FileOutput.standardError(error.description + "\n")
            lastError = error
            return nil
        }
    }
}
