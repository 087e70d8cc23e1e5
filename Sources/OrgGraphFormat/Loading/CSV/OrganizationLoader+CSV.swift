import OrgGraphCore

extension OrganizationLoader {
    /// Loads the folder of CSV files at `path` (SPEC §1, §5): every diagnostic names
    /// `FOLDER/nodes.csv:ROW:COLUMN` and the column's header, and the organization's source map
    /// names each part's file, so findings point at rows.
    ///
    /// Each file may have ``maximumInputBytes`` bytes.
    ///
    /// - Throws: ``LoadError``.
    func loadFolder(_ path: String) throws(LoadError) -> LoadedOrganization {
        let folder = CSVFolder.shownName(path)
        var tables: [CSVFolder.Part: CSVTable] = [:]
        for part in CSVFolder.Part.allCases {
            guard let bytes = try CSVFolder.bytes(of: part, in: folder, limit: maximumInputBytes) else {
                guard part.isRequired else { continue }
                throw LoadError([
                    Diagnostic(
                        file: folder, location: .unknown,
                        message: LocalizedText(
                            en: "the folder has no \(part.fileName); a folder read as an organization holds "
                                + "nodes.csv and relations.csv, and may hold suppressions.csv and organization.csv",
                            vi: "thư mục không có \(part.fileName); thư mục được đọc như một tổ chức gồm nodes.csv và "
                                + "relations.csv, có thể có thêm suppressions.csv và organization.csv"))
                ])
            }
            tables[part] = try CSVTable(bytes: bytes, file: folder + "/" + part.fileName)
        }
        let document = try CSVDocument(tables, limit: maximumDiagnostics)
        let places = document.places
        let source = SourceText(file: folder, bytes: [])
        let (decoded, diagnostics) = OrganizationDecoding().decode(
            document.reader, source: source, limit: maximumDiagnostics)
        guard let decoded, diagnostics.isEmpty else { throw places.moved(diagnostics.loadError) }
        var organization = decoded.organization
        organization.sourceMap.file = folder
        var loaded: LoadedOrganization
        do {
            loaded = try resolve(organization, decoded, source: source)
        } catch {
            throw places.moved(error)
        }
        places.move(&loaded.organization.sourceMap, folder: folder)
        return loaded
    }
}
