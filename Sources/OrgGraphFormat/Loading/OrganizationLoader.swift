import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file formats an organization can be written in.
public enum FileFormat: String, Sendable, CaseIterable {
    case yaml
    case json

    /// The format a path names by its extension (`.yaml`, `.yml`, `.json`), if any.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }
}

/// Loads organization files (SPEC §1): YAML, JSON or a folder of CSV files, every gate error a
/// located diagnostic.
///
/// Loading is a gate: a file either loads whole, with every reference resolved, or fails with
/// ``LoadError`` naming file, line and column of each problem.
public struct OrganizationLoader: Sendable {
    /// How many diagnostics one failed load lists at the most.
    public var maximumDiagnostics = 20
    /// The most bytes a file may have; a larger one is a load error, found before it is read whole.
    public var maximumInputBytes = defaultMaximumInputBytes

    public init() {}

    /// Loads the file at `path`, or the folder of CSV files it names; `-` reads standard input.
    ///
    /// - Parameters:
    ///   - path: a file path, or `-`.
    ///   - format: the format; by default from the extension, else from the first character.
    /// - Returns: the organization, with its source map and graph.
    /// - Throws: ``LoadError``.
    public func load(contentsOf path: String, format: FileFormat? = nil) throws(LoadError) -> LoadedOrganization {
        if CSVFolder.isFolder(path) { return try loadFolder(path) }
        if path != "-", format ?? FileFormat(path: path) != .yaml, let loaded = loadMapped(path) { return loaded }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: maximumInputBytes)
        } catch {
            throw LoadError([Diagnostic(file: path, location: .unknown, message: error.message)])
        }
        return try load(bytes: bytes, file: path, format: format ?? FileFormat(path: path))
    }

    /// Loads an organization from the bytes of a file.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the name diagnostics and findings use.
    ///   - format: the format; `nil` to decide from the first character (`{` is JSON).
    /// - Throws: ``LoadError``.
    public func load(bytes: [UInt8], file: String, format: FileFormat? = nil) throws(LoadError) -> LoadedOrganization {
        let (decoded, source) = try DocumentInput.read(
            bytes: bytes, file: file, format: format, maximumDiagnostics: maximumDiagnostics, OrganizationDecoding())
        var organization = decoded.organization
        organization.sourceMap.file = file
        return try resolve(organization, decoded, source: source)
    }

    /// Loads a well-formed JSON file straight from its mapping, with no copy of the file held;
    /// `nil` for anything else (another format, any problem to report), which the caller then
    /// reads the ordinary way.
    private func loadMapped(_ path: String) -> LoadedOrganization? {
        guard let file = MappedFile(path: path, limit: maximumInputBytes) else { return nil }
        var bytes = file.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
        guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{"),
            let decoded = JSONOrganizationScanner.scan(bytes, in: file)
        else { return nil }
        guard let graph = try? Graph(decoded.organization, prepared: decoded.prepared) else { return nil }
        var organization = decoded.organization
        organization.sourceMap.file = path
        return LoadedOrganization(organization: organization, graph: graph)
    }

    struct OrganizationDecoding: DocumentDecoding {
        var expectedStart: LocalizedText {
            LocalizedText(
                en: "an organization file starts with 'orggraph: 1'", vi: "tệp tổ chức bắt đầu bằng 'orggraph: 1'")
        }

        /// It reports a known field or an attribute written twice, and refuses unknown fields.
        var refusesDuplicateKeys: Bool { true }

        func scanJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedOrganization? {
            JSONOrganizationScanner.scan(bytes)
        }

        func decode<Reader: StructuredReader>(
            _ reader: Reader, source: SourceText, limit: Int
        ) -> (DecodedOrganization?, DiagnosticList) {
            decode(with: OrganizationDecoder(reader: reader, source: source, limit: limit), source: source)
        }
    }

    /// Builds the graph, turning duplicate ids and dangling references into diagnostics.
    func resolve(
        _ organization: Organization, _ decoded: DecodedOrganization, source: SourceText
    ) throws(LoadError) -> LoadedOrganization {
        let graph: Graph
        do {
            graph = try Graph(organization, prepared: decoded.prepared)
        } catch {
            var diagnostics: [Diagnostic] = []
            let map = organization.sourceMap
            let ids = organization.nodes.lazy.map(\.id)
            for problem in error.problems.prefix(maximumDiagnostics) {
                switch problem {
                case .duplicateID(let id, let first, let second):
                    let note = LocalizedText(
                        en: "'\(id)' is first defined here", vi: "mã '\(id)' được khai báo lần đầu ở đây")
                    diagnostics.append(
                        source.diagnostic(
                            LocalizedText(en: "duplicate id '\(id)'", vi: "mã '\(id)' bị trùng"), at: map.node(second),
                            notes: [source.diagnostic(note, at: map.node(first), kind: .note)]))
                case .unknownReference(let id, let reference):
                    let (field, location): (String, SourceLocation)
                    switch reference {
                    case .partOf(let node): (field, location) = ("part-of", map.partOf(node))
                    case .relationFrom(let relation):
                        (field, location) = ("from", decoded.relationFrom[relation] ?? .unknown)
                    case .relationTo(let relation): (field, location) = ("to", decoded.relationTo[relation] ?? .unknown)
                    case .suppression(let index): (field, location) = ("node", decoded.suppressionNode[index])
                    }
                    let hint = Suggestion.didYouMean(id, in: ids)
                    diagnostics.append(
                        source.diagnostic(
                            LocalizedText(
                                en: "unknown node '\(id)' in '\(field)'\(hint.en)",
                                vi: "không có nút nào mang mã '\(id)' (ghi ở '\(field)')\(hint.vi)"),
                            at: location))
                }
            }
            throw LoadError(diagnostics, omitted: max(0, error.problems.count - maximumDiagnostics))
        }
        return LoadedOrganization(organization: organization, graph: graph)
    }

}
