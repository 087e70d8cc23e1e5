#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads rulebooks: the built-in ones by id, a user's from a YAML or JSON file that can extend
/// a built-in one (or another file), turn rules off, change severities and add rules.
public struct RulebookLoader: Sendable {
    /// How many diagnostics one failed load lists at the most.
    public var maximumDiagnostics = 20

    /// The id of the default rulebook.
    public static let defaultID = "125-QD/TW"

    /// The ids of the rulebooks compiled into the package.
    public static let builtinIDs = ["structural", "125-QD/TW"]

    public init() {}

    /// The rulebook `reference` names: a built-in id, or a path (relative to `directory` when
    /// given).
    ///
    /// - Throws: ``LoadError`` for a file that cannot be read or is not a valid rulebook.
    public func load(_ reference: String, relativeTo directory: String? = nil) throws(LoadError) -> Rulebook {
        try load(reference, relativeTo: directory, chain: [])
    }

    /// The built-in rulebook with `id`, if there is one.
    public static func builtin(_ id: String) -> Rulebook? {
        switch id {
        case "structural": return .structural
        case "125-QD/TW": return regulation125
        default: return nil
        }
    }

    /// The rulebook of Regulation 125-QD/TW, compiled into the package.
    public static let regulation125: Rulebook = {
        do {
            return try RulebookLoader().load(
                bytes: Array(BuiltinRulebookTexts.regulation125.utf8), file: "125-QD/TW (built in)", directory: nil,
                chain: [])
        } catch {
            // The built-in text is checked by the test suite; an empty rulebook keeps the tool
            // usable should it ever fail to load.
            return Rulebook(id: "125-QD/TW", title: "Regulation 125-QD/TW (failed to load: \(error))", rules: Rulebook.structural.rules)
        }
    }()

    private func load(_ reference: String, relativeTo directory: String?, chain: [String]) throws(LoadError) -> Rulebook {
        if let builtin = Self.builtin(reference) { return builtin }
        let path = Self.resolve(reference, relativeTo: directory)
        guard !chain.contains(path) else {
            throw LoadError([
                Diagnostic(
                    file: path, location: .unknown,
                    message: "rulebooks extend each other in a circle: " + (chain + [path]).joined(separator: " → "))
            ])
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            let hint = Suggestion.closest(to: reference, in: Self.builtinIDs).map { "; did you mean the built-in '\($0)'?" }
                ?? "; the built-in rulebooks are " + Self.builtinIDs.joined(separator: ", ")
            throw LoadError([Diagnostic(file: path, location: .unknown, message: error.message + hint)])
        }
        return try load(bytes: bytes, file: path, directory: Self.directory(of: path), chain: chain + [path])
    }

    /// Loads a rulebook from the bytes of a file named `file`.
    public func load(bytes: [UInt8], file: String) throws(LoadError) -> Rulebook {
        try load(bytes: bytes, file: file, directory: Self.directory(of: file), chain: [file])
    }

    private func load(bytes: [UInt8], file: String, directory: String?, chain: [String]) throws(LoadError) -> Rulebook {
        let (source, text) = try DocumentInput.read(
            bytes: bytes, file: file, format: FileFormat(path: file) ?? .yaml, maximumDiagnostics: maximumDiagnostics,
            RulebookDecoding())
        var base = Rulebook(id: "", title: "", rules: [])
        if let (name, location) = source.extends {
            do {
                base = try load(name, relativeTo: directory, chain: chain)
            } catch {
                var diagnostic = text.diagnostic("cannot load the rulebook '\(name)' this one extends", at: location)
                diagnostic.notes = error.diagnostics
                throw LoadError([diagnostic])
            }
        }
        return try compose(base: base, source, text)
    }

    /// Applies `source` to `base`: disables, severities, added and replaced rules.
    ///
    /// - Complexity: O(*b* + *r*) for the *b* rules of `base` and the *r* entries of `source`:
    ///   rules are found by id through one dictionary, never by a scan.
    private func compose(base: Rulebook, _ source: RulebookSource, _ text: SourceText) throws(LoadError) -> Rulebook {
        var rules = base.rules
        var diagnostics: [Diagnostic] = []
        var own: [String: SourceLocation] = [:]
        var positions: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { positions[rule.id] = index }
        for item in source.rules {
            if let first = own[item.rule.id] {
                diagnostics.append(
                    text.diagnostic(
                        "rule '\(item.rule.id)' is defined twice in this rulebook", at: item.location,
                        notes: [text.diagnostic("first defined here", at: first, kind: .note)]))
                continue
            }
            own[item.rule.id] = item.location
            if let index = positions[item.rule.id] {
                rules[index] = item.rule
            } else {
                positions[item.rule.id] = rules.count
                rules.append(item.rule)
            }
        }
        // Suggestions are worked out only for an id that is not there.
        var known: [String] { rules.map(\.id) }
        var disabled = Set<Int>()
        for (id, location) in source.disable {
            guard let index = positions[id], !disabled.contains(index) else {
                diagnostics.append(
                    text.diagnostic("cannot disable '\(id)': no such rule\(Suggestion.didYouMean(id, in: known))", at: location))
                continue
            }
            disabled.insert(index)
        }
        for (id, severity, location) in source.severities {
            guard let index = positions[id], !disabled.contains(index) else {
                diagnostics.append(
                    text.diagnostic(
                        "cannot set the severity of '\(id)': no such rule\(Suggestion.didYouMean(id, in: known))",
                        at: location))
                continue
            }
            rules[index].description.severity = severity
        }
        guard diagnostics.isEmpty else {
            throw LoadError(Array(diagnostics.prefix(maximumDiagnostics)), omitted: max(0, diagnostics.count - maximumDiagnostics))
        }
        if !disabled.isEmpty {
            rules = rules.enumerated().filter { !disabled.contains($0.offset) }.map(\.element)
        }
        return Rulebook(id: source.id, title: source.title ?? source.id, rules: rules)
    }

    private struct RulebookDecoding: DocumentDecoding {
        var expectedStart: String { "a rulebook starts with 'rulebook: ID'" }

        func decode<Reader: StructuredReader>(
            _ reader: Reader, source: SourceText, limit: Int
        ) -> (RulebookSource?, DiagnosticList) {
            var decoder = RulebookDecoder(reader: reader, source: source, limit: limit)
            do {
                let output = try decoder.decode()
                return (output, decoder.diagnostics)
            } catch {
                var diagnostics = decoder.diagnostics
                diagnostics.appendFinal(source.diagnostic(error.message, at: error.location))
                return (nil, diagnostics)
            }
        }
    }

    // MARK: Paths

    static func resolve(_ path: String, relativeTo directory: String?) -> String {
        guard let directory, !path.hasPrefix("/"), !directory.isEmpty else { return path }
        return directory == "." ? path : directory + "/" + path
    }

    static func directory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
