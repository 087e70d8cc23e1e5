import OrgGraphCore

/// Where the files of a folder are in the locations of its ``CSVDocumentReader``: each file's
/// rows take a range of lines of their own, so one location names a file, a row and a column.
struct CSVPlaces {
    struct File {
        /// The first line of the file's rows, less one: row `r` is line `base + r`.
        var base: Int
        var name: String
        var header: [String]
    }

    private(set) var files: [File] = []
    private var nextBase = 0

    /// Gives `table` the next range of lines; its row `r` is the line returned plus `r`.
    mutating func add(_ table: CSVTable) -> Int {
        let base = nextBase
        files.append(File(base: base, name: table.file, header: table.header.map(\.trimmingSpaces)))
        nextBase = base + table.rowCount + 1
        return base
    }

    /// The file, and the row and column in it, of a location of the reader.
    func place(_ location: SourceLocation) -> (file: File, location: SourceLocation)? {
        guard location.isKnown, let file = files.last(where: { $0.base < Int(location.line) }) else { return nil }
        return (file, SourceLocation(line: Int(location.line) - file.base, column: Int(location.column)))
    }

    /// `location` as a row and column of its file.
    func row(_ location: SourceLocation) -> SourceLocation {
        place(location)?.location ?? location
    }

    /// A diagnostic of the decoder, made for the document, moved to its file, row and column,
    /// its message naming the column's header. No source line is shown under it: a record can
    /// span several lines of the file, and a caret counts characters, not a spreadsheet's columns.
    func moved(_ diagnostic: Diagnostic) -> Diagnostic {
        var moved = diagnostic
        moved.sourceLine = nil
        moved.notes = diagnostic.notes.map(self.moved)
        guard let (file, location) = place(diagnostic.location) else { return moved }
        moved.file = file.name
        moved.location = location
        let column = Int(location.column)
        if column >= 1, column <= file.header.count {
            let header = Diagnostic.quoted(file.header[column - 1])
            moved.text = LocalizedText(
                en: diagnostic.text.en + " (column \(header))", vi: diagnostic.text.vi + " (cột \(header))")
        }
        return moved
    }

    /// The error `error`, every diagnostic moved to its file.
    func moved(_ error: LoadError) -> LoadError {
        LoadError(error.diagnostics.map(moved), omitted: error.omitted)
    }

    /// Moves every location of `map` to its row and column, and names the file of each part.
    func move(_ map: inout SourceMap, folder: String) {
        map.nodes = map.nodes.map(row)
        map.partOf = map.partOf.map(row)
        map.level = map.level.map(row)
        map.relations = map.relations.map(row)
        map.suppressions = map.suppressions.map(row)
        map.rulebook = row(map.rulebook)
        func name(_ part: CSVFolder.Part) -> String { folder + "/" + part.fileName }
        map.parts = SourceMap.PartFiles(
            organization: name(.organization), nodes: name(.nodes), relations: name(.relations),
            suppressions: name(.suppressions))
    }
}

/// Builds the document a folder's tables stand for, checking their header rows first.
struct CSVDocument {
    private(set) var reader = CSVDocumentReader()
    private(set) var places = CSVPlaces()
    private var errors: [Diagnostic] = []
    private let limit: Int

    /// - Throws: ``LoadError`` for header rows with unknown, repeated, unnamed or missing
    ///   columns, and for unknown fields in `organization.csv`.
    init(_ tables: [CSVFolder.Part: CSVTable], limit: Int) throws(LoadError) {
        self.limit = limit
        for part in CSVFolder.Part.allCases {
            if let table = tables[part] { checkHeader(table, part) }
        }
        try stopIfFailed()
        reader.open(.mapping, at: SourceLocation(line: 1, column: 1))
        organization(tables[.organization])
        try stopIfFailed()
        for part in [CSVFolder.Part.nodes, .relations, .suppressions] {
            guard let table = tables[part] else { continue }
            let base = places.add(table)
            reader.scalar(part.rawValue, at: SourceLocation(line: base + 1, column: 1))
            reader.open(.sequence, at: SourceLocation(line: base + 1, column: 1))
            let names = table.header.map(\.trimmingSpaces)
            // A record starts at its first required cell: `id`, `type`, `rule`.
            let start = part.requiredColumns.first.flatMap { names.firstIndex(of: $0) } ?? 0
            for record in table.records {
                self.record(record, of: table, part, names: names, start: start, base: base)
            }
            reader.close()
        }
        reader.close()
    }

    private func stopIfFailed() throws(LoadError) {
        guard !errors.isEmpty else { return }
        throw LoadError(Array(errors.prefix(limit)), omitted: max(0, errors.count - limit))
    }

    private mutating func error(
        _ table: CSVTable, row: Int, column: Int, _ message: LocalizedText, notes: [Diagnostic] = []
    ) {
        errors.append(
            Diagnostic(
                file: table.file, location: SourceLocation(line: row, column: column), message: message, notes: notes))
    }

    // MARK: Header rows

    private mutating func checkHeader(_ table: CSVTable, _ part: CSVFolder.Part) {
        var seen: [String: Int] = [:]
        for (index, written) in table.header.enumerated() {
            let name = written.trimmingSpaces
            let column = index + 1
            let shown = Diagnostic.quoted(name)
            let isAttribute = part.hasAttributes && name.hasPrefix(CSVCell.attributePrefix)
            // An attribute's name is compared as written after `attr:`, spaces included.
            let identity = isAttribute ? Self.attributeKey(written) : name
            if name.isEmpty {
                error(
                    table, row: 1, column: column,
                    LocalizedText(
                        en: "column \(column) has no name in the header row",
                        vi: "cột \(column) không có tên ở dòng tiêu đề"))
                continue
            }
            if let first = seen[identity] {
                let note = Diagnostic(
                    .note, file: table.file, location: SourceLocation(line: 1, column: first),
                    message: LocalizedText(en: "\(shown) is first named here", vi: "\(shown) được ghi lần đầu ở đây"))
                error(
                    table, row: 1, column: column,
                    LocalizedText(en: "duplicate column \(shown)", vi: "cột \(shown) bị trùng"), notes: [note])
                continue
            }
            seen[identity] = column
            if isAttribute { continue }
            guard !part.columns.contains(name) else { continue }
            let hint = Suggestion.didYouMean(name, in: part.columns)
            let attributes =
                part.hasAttributes
                ? LocalizedText(
                    en: " (an attribute's column is named attr:KEY)", vi: " (cột của thuộc tính ghi là attr:KEY)")
                : LocalizedText("")
            error(
                table, row: 1, column: column,
                LocalizedText(
                    en: "unknown column \(shown)\(hint.en)\(attributes.en); the columns are "
                        + part.columns.joined(separator: ", "),
                    vi: "cột không hợp lệ \(shown)\(hint.vi)\(attributes.vi); các cột là "
                        + part.columns.joined(separator: ", ")))
        }
        for required in part.requiredColumns where seen[required] == nil {
            let quoted = part.requiredColumns.map { "'\($0)'" }
            let all = quoted.dropLast().joined(separator: ", ")
            let last = quoted.last ?? ""
            error(
                table, row: 1, column: 1,
                LocalizedText(
                    en: "no '\(required)' column; \(part.rowNoun.en) needs \(all) and \(last)",
                    vi: "không có cột '\(required)'; \(part.rowNoun.vi) cần có \(all) và \(last)"))
        }
    }

    /// The attribute an `attr:KEY` column names: KEY as written, spaces included.
    private static func attributeKey(_ header: String) -> String {
        String(header.drop { $0 == " " || $0 == "\t" }.dropFirst(CSVCell.attributePrefix.count))
    }

    // MARK: Records

    /// `organization.csv`: `field,value` rows for `orggraph` (1 when absent), `title` and `rulebook`.
    private mutating func organization(_ table: CSVTable?) {
        var hasVersion = false
        if let table {
            let base = places.add(table)
            let names = table.header.map(\.trimmingSpaces)
            let fieldColumn = names.firstIndex(of: "field") ?? 0
            let valueColumn = names.firstIndex(of: "value") ?? 1
            for record in table.records {
                let field = record.cells[fieldColumn].trimmingSpaces
                let fieldAt = SourceLocation(line: base + record.row, column: fieldColumn + 1)
                let valueAt = SourceLocation(line: base + record.row, column: valueColumn + 1)
                guard CSVFolder.organizationFields.contains(field) else {
                    let shown = Diagnostic.quoted(field)
                    let hint = Suggestion.didYouMean(field, in: CSVFolder.organizationFields)
                    let list = CSVFolder.organizationFields.joined(separator: ", ")
                    error(
                        table, row: record.row, column: fieldColumn + 1,
                        field.isEmpty
                            ? LocalizedText(
                                en: "a row with a value needs a field name (\(list))",
                                vi: "dòng có giá trị cần có tên trường (\(list))")
                            : LocalizedText(
                                en: "unknown field \(shown)\(hint.en); organization.csv names \(list)",
                                vi: "trường không hợp lệ \(shown)\(hint.vi); organization.csv ghi \(list)"))
                    continue
                }
                reader.scalar(field, at: fieldAt)
                let cell = record.cells[valueColumn]
                if cell.isEmpty {
                    reader.scalar("", kind: .null, at: valueAt)
                } else if field == TopField.orggraph.rawValue {
                    hasVersion = true
                    let value = cell.trimmingSpaces
                    reader.scalar(value, kind: Int(value) == nil ? .string : .number, at: valueAt)
                } else {
                    reader.scalar(CSVCell.value(cell), at: valueAt)
                }
                hasVersion = hasVersion || field == TopField.orggraph.rawValue
            }
        }
        if !hasVersion {
            reader.scalar(TopField.orggraph.rawValue, at: .unknown)
            reader.scalar(String(Organization.currentFormatVersion), kind: .number, at: .unknown)
        }
    }

    /// A node, relation or suppression: a mapping of its non-empty cells; an empty cell in a
    /// required column is a field with no value, which the decoder reports.
    private mutating func record(
        _ record: CSVTable.Record, of table: CSVTable, _ part: CSVFolder.Part, names: [String], start: Int, base: Int
    ) {
        let line = base + record.row
        reader.open(.mapping, at: SourceLocation(line: line, column: start + 1))
        var attributes: [(key: String, value: String, location: SourceLocation)] = []
        for (index, written) in table.header.enumerated() {
            let name = names[index]
            let cell = record.cells[index]
            let location = SourceLocation(line: line, column: index + 1)
            if part.hasAttributes, name.hasPrefix(CSVCell.attributePrefix) {
                if !cell.isEmpty {
                    attributes.append((Self.attributeKey(written), cell, location))
                }
                continue
            }
            if cell.isEmpty {
                guard part.requiredColumns.contains(name) else { continue }
                reader.scalar(name, at: location)
                reader.scalar("", kind: .null, at: location)
                continue
            }
            reader.scalar(name, at: location)
            let value = CSVCell.value(cell)
            if part == .relations, name == RelationField.period.rawValue {
                reader.open(.sequence, at: location)
                if !value.isEmpty {
                    for period in value.split(separator: CSVCell.periodSeparator, omittingEmptySubsequences: false) {
                        reader.scalar(String(period).trimmingSpaces, at: location)
                    }
                }
                reader.close()
            } else {
                reader.scalar(value, at: location)
            }
        }
        if let firstAttribute = attributes.first {
            reader.scalar(NodeField.attributes.rawValue, at: firstAttribute.location)
            reader.open(.mapping, at: firstAttribute.location)
            for attribute in attributes {
                reader.scalar(attribute.key, at: attribute.location)
                reader.scalar(CSVCell.value(attribute.value), at: attribute.location)
            }
            reader.close()
        }
        reader.close()
    }
}
