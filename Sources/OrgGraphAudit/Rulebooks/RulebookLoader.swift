import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

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

    /// The id of the rulebook for the two-tier local government since 1 July 2025.
    public static let twoTierID = "125-QD/TW-2025"

    /// The ids of the rulebooks compiled into the package.
    public static let builtinIDs = ["structural", defaultID, twoTierID]

    public init() {}

    /// The most bytes a rulebook file may have.
    public var maximumInputBytes = defaultMaximumInputBytes

    /// The rulebook `reference` names: a built-in id, or a path (relative to `directory` when
    /// given). This is the reading of `--rulebook`, the user's own choice: any file, extending
    /// any file.
    ///
    /// - Throws: ``LoadError`` for a file that cannot be read or is not a valid rulebook.
    public func load(_ reference: String, relativeTo directory: String? = nil) throws(LoadError) -> Rulebook {
        try load(reference, relativeTo: directory, chain: [], folder: nil)
    }

    /// The rulebook the `rulebook:` field of `organization` names, or `nil` when it names none.
    ///
    /// A file may name a built-in id, or a `.yaml`/`.yml` file under its own folder, which may
    /// extend only built-ins and files under that same folder: a file someone sends cannot make
    /// the tool read, and quote, `/etc/passwd` or a token. A path that leaves the folder
    /// (absolute, through `..`, or through a symlink) is refused before anything is read, and a
    /// file on standard input may name only a built-in.
    ///
    /// - Throws: ``LoadError`` located at the `rulebook:` value; the rulebook's own diagnostics,
    ///   when it is read and is not valid, are its notes.
    public func load(namedIn organization: Organization) throws(LoadError) -> Rulebook? {
        guard let reference = organization.rulebook else { return nil }
        if let builtin = Self.builtin(reference) { return builtin }
        let file = organization.sourceMap.rulebookFile
        let location = organization.sourceMap.rulebook
        func failure(_ message: LocalizedText, notes: [Diagnostic] = []) -> LoadError {
            LoadError([Diagnostic(file: file, location: location, message: message, notes: notes)])
        }
        if file == "-" {
            let quoted = Diagnostic.quoted(reference)
            throw failure(
                LocalizedText(
                    en: "a file on standard input can name only a built-in rulebook (\(Self.builtinList)), not "
                        + "\(quoted); give the rulebook with --rulebook",
                    vi: "tệp đọc từ đầu vào chuẩn chỉ được ghi bộ quy tắc có sẵn (\(Self.builtinList)), không được ghi "
                        + "\(quoted); hãy chỉ ra bộ quy tắc bằng --rulebook"))
        }
        // A folder of CSV files looks in itself, as a file looks in the folder it is in.
        let map = organization.sourceMap
        let directory = map.parts != nil ? map.file : Self.directory(of: file) ?? "."
        guard let folder = Self.realPath(directory) else {
            let quoted = Diagnostic.quoted(reference)
            throw failure(
                LocalizedText(
                    en: "cannot find the folder of this file to look for the rulebook \(quoted)",
                    vi: "không tìm thấy thư mục của tệp này để tìm bộ quy tắc \(quoted)"))
        }
        let path: String
        let shown: String
        switch Self.confine(reference, relativeTo: directory, within: folder) {
        case .refused(let reason): throw failure(reason)
        case .path(let resolved, let name): (path, shown) = (resolved, name)
        }
        do {
            return try load(path, relativeTo: nil, chain: [], folder: folder, name: shown)
        } catch {
            let quoted = Diagnostic.quoted(reference)
            throw failure(
                LocalizedText(
                    en: "cannot load the rulebook \(quoted)", vi: "không nạp được bộ quy tắc \(quoted)"),
                notes: error.diagnostics)
        }
    }

    /// The built-in rulebook with `id`, if there is one.
    public static func builtin(_ id: String) -> Rulebook? {
        switch id {
        case "structural": return .structural
        case defaultID: return regulation125
        case twoTierID: return regulation125TwoTier
        default: return nil
        }
    }

    /// The rulebook of Regulation 125-QD/TW, compiled into the package.
    public static let regulation125 = builtin(
        id: "125-QD/TW", title: "Regulation 125-QD/TW", text: BuiltinRulebookTexts.regulation125)

    /// The rulebook of Regulation 125-QD/TW under the two-tier local government (since
    /// 1 July 2025), compiled into the package; it extends ``regulation125``.
    public static let regulation125TwoTier = builtin(
        id: twoTierID, title: "Regulation 125-QD/TW, two-tier local government",
        text: BuiltinRulebookTexts.regulation125TwoTier)

    private static func builtin(id: String, title: String, text: String) -> Rulebook {
        do {
            return try RulebookLoader().load(
                bytes: Array(text.utf8), file: "\(id) (built in)", directory: nil, chain: [], folder: nil)
        } catch {
            // The built-in text is checked by the test suite; should it ever fail to load, the
            // structural rules keep the tool usable, and the title says what went wrong.
            return Rulebook(
                id: id, title: LocalizedText("\(title) (failed to load: \(error))"), rules: Rulebook.structural.rules)
        }
    }

    /// - Parameters:
    ///   - folder: for a rulebook an organization file named, the real path of that file's
    ///     folder, which every file of the chain must be under; `nil` for the user's own.
    ///   - name: the name of the file in messages, when it is not `reference`.
    private func load(
        _ reference: String, relativeTo directory: String?, chain: [String], folder: String?, name: String? = nil
    ) throws(LoadError) -> Rulebook {
        if let builtin = Self.builtin(reference) { return builtin }
        let path = Self.resolve(reference, relativeTo: directory)
        let shown = name ?? path
        guard !chain.contains(path) else {
            throw LoadError([
                Diagnostic(
                    file: path, location: .unknown,
                    message: LocalizedText(
                        en: "rulebooks extend each other in a circle: " + (chain + [path]).joined(separator: " → "),
                        vi: "các bộ quy tắc mở rộng lẫn nhau thành vòng khép kín: "
                            + (chain + [path]).joined(separator: " → ")))
            ])
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: maximumInputBytes, regularOnly: folder != nil)
        } catch {
            let hint = error.isLimit ? LocalizedText(en: "", vi: "") : Self.builtinHint(reference)
            throw LoadError([
                Diagnostic(
                    file: shown, location: .unknown,
                    message: LocalizedText(en: error.message.en + hint.en, vi: error.message.vi + hint.vi))
            ])
        }
        return try load(
            bytes: bytes, file: shown, directory: Self.directory(of: shown), chain: chain + [path], folder: folder)
    }

    /// Loads a rulebook from the bytes of a file named `file`.
    public func load(bytes: [UInt8], file: String) throws(LoadError) -> Rulebook {
        try load(bytes: bytes, file: file, directory: Self.directory(of: file), chain: [file], folder: nil)
    }

    private func load(
        bytes: [UInt8], file: String, directory: String?, chain: [String], folder: String?
    ) throws(LoadError) -> Rulebook {
        let (source, text) = try DocumentInput.read(
            bytes: bytes, file: file, format: FileFormat(path: file) ?? .yaml, maximumDiagnostics: maximumDiagnostics,
            RulebookDecoding())
        var base = Rulebook(id: "", title: "", rules: [])
        if let (name, location) = source.extends {
            var reference = name
            var from = directory
            var shown: String?
            if let folder, Self.builtin(name) == nil {
                switch Self.confine(name, relativeTo: directory ?? ".", within: folder) {
                case .refused(let reason): throw LoadError([text.diagnostic(reason, at: location)])
                case .path(let resolved, let named): (reference, from, shown) = (resolved, nil, named)
                }
            }
            do {
                base = try load(reference, relativeTo: from, chain: chain, folder: folder, name: shown)
            } catch {
                var diagnostic = text.diagnostic(
                    LocalizedText(
                        en: "cannot load the rulebook '\(name)' this one extends",
                        vi: "không nạp được bộ quy tắc '\(name)' mà bộ này mở rộng (extends)"),
                    at: location)
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
                        LocalizedText(
                            en: "rule '\(item.rule.id)' is defined twice in this rulebook",
                            vi: "quy tắc '\(item.rule.id)' được định nghĩa hai lần trong bộ quy tắc này"),
                        at: item.location,
                        notes: [
                            text.diagnostic(
                                LocalizedText(en: "first defined here", vi: "định nghĩa lần đầu ở đây"), at: first,
                                kind: .note)
                        ]))
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
                    text.diagnostic(
                        Self.noSuchRule(id, in: known, en: "cannot disable", vi: "không thể tắt"), at: location))
                continue
            }
            disabled.insert(index)
        }
        for (id, severity, location) in source.severities {
            guard let index = positions[id], !disabled.contains(index) else {
                diagnostics.append(
                    text.diagnostic(
                        Self.noSuchRule(
                            id, in: known, en: "cannot set the severity of", vi: "không thể đặt mức độ của"),
                        at: location))
                continue
            }
            rules[index].description.severity = severity
        }
        guard diagnostics.isEmpty else {
            throw LoadError(
                Array(diagnostics.prefix(maximumDiagnostics)), omitted: max(0, diagnostics.count - maximumDiagnostics))
        }
        if !disabled.isEmpty {
            rules = rules.enumerated().filter { !disabled.contains($0.offset) }.map(\.element)
        }
        var clauses = base.clauses
        var names = base.names
        // The rules it inherits cite the base's document, named as the base names it.
        if let inherited = base.document, source.document != nil, names[inherited.text(in: .english)] == nil {
            names[inherited.text(in: .english)] = inherited
        }
        for clause in source.clauses {
            if let summary = clause.summary { clauses[clause.section] = summary }
            if let name = clause.name { names[clause.section] = name }
        }
        return Rulebook(
            id: source.id, title: source.title ?? LocalizedText(source.id), rules: rules, clauses: clauses,
            document: source.document ?? base.document, names: names)
    }

    private struct RulebookDecoding: DocumentDecoding {
        var expectedStart: LocalizedText {
            LocalizedText(en: "a rulebook starts with 'rulebook: ID'", vi: "bộ quy tắc bắt đầu bằng 'rulebook: ID'")
        }
        var readsYAMLTree: Bool { true }

        func decode<Reader: StructuredReader>(
            _ reader: Reader, source: SourceText, limit: Int
        ) -> (RulebookSource?, DiagnosticList) {
            decode(with: RulebookDecoder(reader: reader, source: source, limit: limit), source: source)
        }
    }

    // MARK: Paths

    private static var builtinList: String { builtinIDs.joined(separator: ", ") }

    /// `; did you mean the built-in 'x'?`, else the list of the built-in rulebooks.
    static func builtinHint(_ reference: String) -> LocalizedText {
        if let close = Suggestion.closest(to: reference, in: builtinIDs) {
            return LocalizedText(
                en: "; did you mean the built-in '\(close)'?", vi: "; có phải là bộ quy tắc có sẵn '\(close)'?")
        }
        return LocalizedText(
            en: "; the built-in rulebooks are \(builtinList)", vi: "; các bộ quy tắc có sẵn là \(builtinList)")
    }

    /// `cannot disable 'x': no such rule; did you mean 'y'?`.
    private static func noSuchRule(_ id: String, in known: [String], en: String, vi: String) -> LocalizedText {
        let hint = Suggestion.didYouMean(id, in: known)
        return LocalizedText(
            en: "\(en) '\(id)': no such rule\(hint.en)", vi: "\(vi) '\(id)': không có quy tắc này\(hint.vi)")
    }

    /// Where a reference written in a file of an organization's folder leads.
    enum Confined: Equatable {
        /// The real path of a file under the folder, and the name it goes by in messages.
        case path(String, name: String)
        /// Why the reference may not be followed, for the message.
        case refused(LocalizedText)
    }

    /// Follows `reference` (not a built-in id) from `directory`, and keeps it only when it is a
    /// `.yaml`/`.yml` file under `folder` (a real path): checked on the words of the reference
    /// first, so that nothing outside is even looked at, then on its real path, component by
    /// component, so that a symlink out is caught too.
    static func confine(_ reference: String, relativeTo directory: String, within folder: String) -> Confined {
        let quoted = Diagnostic.quoted(reference)
        func refused(_ english: String, _ vietnamese: String) -> Confined {
            .refused(
                LocalizedText(
                    en: "\(english); a rulebook named in an organization file is a built-in id (\(builtinList)) or a "
                        + ".yaml or .yml file under the folder of the organization file; --rulebook can name any file",
                    vi: "\(vietnamese); bộ quy tắc ghi trong tệp tổ chức phải là mã bộ quy tắc có sẵn (\(builtinList)) "
                        + "hoặc một tệp .yaml, .yml trong thư mục của tệp tổ chức; --rulebook thì chỉ ra được mọi tệp"))
        }
        guard !reference.isEmpty else { return refused("'rulebook' is empty", "'rulebook' để trống") }
        if reference.hasPrefix("/") || reference.hasPrefix("~") {
            return refused(
                "the rulebook \(quoted) is outside the folder of the organization file",
                "bộ quy tắc \(quoted) nằm ngoài thư mục của tệp tổ chức")
        }
        if reference.split(separator: "/").contains("..") {
            return refused(
                "the rulebook \(quoted) leads out through '..'", "bộ quy tắc \(quoted) đi ra ngoài qua '..'")
        }
        let lower = reference.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else {
            return refused(
                "the rulebook \(quoted) is neither a built-in id nor a .yaml or .yml file",
                "bộ quy tắc \(quoted) không phải mã bộ quy tắc có sẵn, cũng không phải tệp .yaml, .yml")
        }
        let joined = resolve(reference, relativeTo: directory)
        guard let real = realPath(joined) else {
            let reason = String(cString: strerror(errno))
            let hint = builtinHint(reference)
            return .refused(
                LocalizedText(
                    en: "cannot read the rulebook \(quoted): \(reason)\(hint.en)",
                    vi: "không đọc được bộ quy tắc \(quoted): \(reason)\(hint.vi)"))
        }
        let inside = folder.split(separator: "/", omittingEmptySubsequences: true)
        let target = real.split(separator: "/", omittingEmptySubsequences: true)
        guard target.count > inside.count, target.starts(with: inside) else {
            return refused(
                "the rulebook \(quoted) leads out of the folder of the organization file through a symlink",
                "bộ quy tắc \(quoted) đi ra ngoài thư mục của tệp tổ chức qua một liên kết tượng trưng (symlink)")
        }
        return .path(real, name: joined)
    }

    /// The absolute path of `path` with no symlink, `.` or `..` in it, or `nil` (with `errno` set)
    /// when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = FileName.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return FileName.decode(
            UnsafeBufferPointer(start: resolved, count: strlen(resolved)).map { UInt8(bitPattern: $0) })
    }

    static func resolve(_ path: String, relativeTo directory: String?) -> String {
        guard let directory, !path.hasPrefix("/"), !directory.isEmpty else { return path }
        return directory == "." ? path : directory + "/" + path
    }

    static func directory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
