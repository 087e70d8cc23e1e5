import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder of CSV files read as an organization (SPEC §1, §5): `nodes.csv` and
/// `relations.csv`, optionally `suppressions.csv` and `organization.csv`.
enum CSVFolder {
    /// The files of a folder, in the order they are read and written.
    enum Part: String, CaseIterable {
        case organization, nodes, relations, suppressions

        /// `nodes.csv`.
        var fileName: String { rawValue + ".csv" }

        /// Whether the folder must have this file.
        var isRequired: Bool { self == .nodes || self == .relations }

        /// The columns of the part, besides `attr:KEY` ones.
        var columns: [String] {
            switch self {
            case .organization: ["field", "value"]
            case .nodes: NodeField.spellings.filter { $0 != NodeField.attributes.rawValue }
            case .relations: RelationField.spellings.filter { $0 != RelationField.attributes.rawValue }
            case .suppressions: SuppressionField.spellings
            }
        }

        /// The columns every file of the part has.
        var requiredColumns: [String] {
            switch self {
            case .organization: ["field", "value"]
            case .nodes: NodeField.required.map(\.rawValue)
            case .relations: RelationField.required.map(\.rawValue)
            case .suppressions: SuppressionField.required.map(\.rawValue)
            }
        }

        /// Whether the part has `attr:KEY` columns.
        var hasAttributes: Bool { self == .nodes || self == .relations }

        /// What a row of the part is, in messages.
        var rowNoun: LocalizedText {
            switch self {
            case .organization: LocalizedText(en: "a field of the organization", vi: "một trường của tổ chức")
            case .nodes: LocalizedText(en: "a node", vi: "một nút")
            case .relations: LocalizedText(en: "a relation", vi: "một quan hệ")
            case .suppressions: LocalizedText(en: "a suppression", vi: "một mục miễn trừ (suppression)")
            }
        }
    }

    /// The fields `organization.csv` may name.
    static let organizationFields = [TopField.orggraph, .title, .rulebook].map(\.rawValue)

    /// Whether `path` names a folder (following a symbolic link the user gave).
    static func isFolder(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return FileName.withCString(path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// `path` without the slashes it ends with, the name files of the folder are shown under.
    static func shownName(_ path: String) -> String {
        var name = path
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }
        return name
    }

    /// The bytes of `part` in the folder `folder`, or `nil` when the folder has no such file.
    ///
    /// Only the four names are opened. A name that is a symbolic link is followed only to a
    /// file inside the folder, and what is read must be a regular file: a folder someone sends
    /// cannot make the tool read, and quote, a file outside it (as a `rulebook:` file name).
    ///
    /// - Throws: ``LoadError`` naming the file, for a file that cannot be read or is too large.
    static func bytes(of part: Part, in folder: String, limit: Int) throws(LoadError) -> [UInt8]? {
        let shown = shownName(folder) + "/" + part.fileName
        func failure(_ message: LocalizedText) -> LoadError {
            LoadError([Diagnostic(file: shown, location: .unknown, message: message)])
        }
        var info = stat()
        guard FileName.withCString(shown, { lstat($0, &info) }) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(
                LocalizedText(
                    en: "cannot read the file: \(String(cString: strerror(errno)))",
                    vi: "không đọc được tệp: \(String(cString: strerror(errno)))"))
        }
        var path = shown
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realPath(shown), let base = realPath(folder),
                real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
            else {
                throw failure(
                    LocalizedText(
                        en: "a symbolic link that leads out of the folder; it is not followed",
                        vi: "liên kết tượng trưng (symlink) trỏ ra ngoài thư mục; không đi theo liên kết này"))
            }
            path = real
        }
        do {
            return try FileBytes.read(path, limit: limit, regularOnly: true)
        } catch {
            throw failure(error.message)
        }
    }

    /// The real path of `path`, every link followed, or `nil`.
    private static func realPath(_ path: String) -> String? {
        guard let real = FileName.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(real) }
        return FileName.decode(UnsafeBufferPointer(start: real, count: strlen(real)).map { UInt8(bitPattern: $0) })
    }
}
