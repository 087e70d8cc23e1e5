import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the decoder read, with the places the loader needs to resolve references.
package struct DecodedOrganization {
    var organization = Organization()
    var rootLocation = SourceLocation(line: 1, column: 1)
    /// Where a relation's `from` and `to` are written, by relation index, for the ends not
    /// resolved on reading (only they can be reported as unknown).
    var relationFrom: [Int: SourceLocation] = [:]
    var relationTo: [Int: SourceLocation] = [:]
    var suppressionNode: [SourceLocation] = []
    /// The ids of the nodes read so far, and the duplicates among them.
    var ids = IDIndex(capacity: 1024)
    var duplicates: [Graph.Problem] = []
    /// The relations read so far, by column, until ``finish()`` makes them the organization's.
    /// Each end is the index of the node whose id it spells exactly, or `-(u + 1)` for the
    /// `u`th of ``unresolved``: no id is kept twice.
    var relationTypes: [RelationType] = []
    var fromEnds: [Int32] = []
    var toEnds: [Int32] = []
    var periods: [[Period]?] = []
    var bases: [Basis?] = []
    var annotations: [Annotations] = []
    /// The ends, as written, that spell no id read before them, each once.
    var unresolved: [String] = []
    private var unresolvedIndex: [String: [Int32]] = [:]

    /// One end of a relation as read: the node whose id it spells exactly, or the text as written.
    enum End {
        case node(Int32)
        case written(String, SourceLocation)
    }

    // What both readers of the format (the decoder and the JSON fast path) record, one way.

    /// Adds a node read whole, starting at `start`, noting a duplicate id.
    mutating func add(_ node: Node, at start: SourceLocation, partOf: SourceLocation, level: SourceLocation) {
        let position = organization.nodes.count
        if let first = ids.insert(node.id, node: Int32(position)) {
            duplicates.append(.duplicateID(node.id, first: Int(first), second: position))
        }
        organization.nodes.append(node)
        organization.sourceMap.nodes.append(start)
        organization.sourceMap.partOf.append(partOf)
        organization.sourceMap.level.append(level)
    }

    /// The end written as `text` at `location`: its node when `text` spells a node's id exactly.
    func end(_ text: String, at location: SourceLocation) -> End {
        var text = text
        let node = text.withUTF8 { ids.exactIndex(UnsafeRawBufferPointer($0)) }
        return node.map(End.node) ?? .written(text, location)
    }

    /// Adds a relation read whole, starting at `start`.
    mutating func addRelation(
        _ type: RelationType, from: End, to: End, period: [Period]?, basis: Basis?, annotations: Annotations,
        at start: SourceLocation
    ) {
        let position = relationTypes.count
        relationTypes.append(type)
        organization.sourceMap.relations.append(start)
        // An end that names a node needs no key path (making one costs more than the rest).
        if case .node(let node) = from {
            fromEnds.append(node)
        } else {
            fromEnds.append(encode(from, position, to: \.relationFrom))
        }
        if case .node(let node) = to {
            toEnds.append(node)
        } else {
            toEnds.append(encode(to, position, to: \.relationTo))
        }
        periods.append(period)
        bases.append(basis)
        self.annotations.append(annotations)
    }

    /// An end as ``fromEnds`` and ``toEnds`` keep it, noting where an unresolved one is written.
    private mutating func encode(
        _ end: End, _ position: Int, to places: WritableKeyPath<Self, [Int: SourceLocation]>
    ) -> Int32 {
        switch end {
        case .node(let node): return node
        case .written(let text, let location):
            self[keyPath: places][position] = location
            return -intern(text) - 1
        }
    }

    /// The index of `text` in ``unresolved``, compared byte for byte, adding it when new.
    mutating func intern(_ text: String) -> Int32 {
        if let same = unresolvedIndex[text]?.first(where: { unresolved[Int($0)].utf8.elementsEqual(text.utf8) }) {
            return same
        }
        let index = Int32(unresolved.count)
        unresolved.append(text)
        unresolvedIndex[text, default: []].append(index)
        return index
    }

    /// Adds a suppression read whole, starting at `start`, its node written at `node`.
    mutating func add(_ suppression: Suppression, at start: SourceLocation, node: SourceLocation) {
        organization.suppressions.append(suppression)
        organization.sourceMap.suppressions.append(start)
        suppressionNode.append(node)
    }

    /// Makes the relations read the organization's: their table of ids is the nodes' ids, in
    /// node order, then the unresolved ends.
    mutating func finish() {
        let nodeCount = Int32(organization.nodes.count)
        if !unresolved.isEmpty {
            for index in fromEnds.indices where fromEnds[index] < 0 {
                fromEnds[index] = nodeCount - fromEnds[index] - 1
            }
            for index in toEnds.indices where toEnds[index] < 0 { toEnds[index] = nodeCount - toEnds[index] - 1 }
        }
        var names: [String] = []
        names.reserveCapacity(organization.nodes.count + unresolved.count)
        for node in organization.nodes { names.append(node.id) }
        names.append(contentsOf: unresolved)
        organization.relations = RelationList(
            names: names, types: relationTypes, from: fromEnds, to: toEnds, periods: periods, bases: bases,
            annotations: annotations)
        (relationTypes, fromEnds, toEnds, periods, bases, annotations) = ([], [], [], [], [], [])
        (unresolved, unresolvedIndex) = ([], [:])
    }

    /// What the graph can take from the reading: the id index, and that the relations' ids
    /// start with the nodes'.
    var prepared: Graph.Prepared {
        Graph.Prepared(ids: ids, duplicates: duplicates, nodeNames: organization.nodes.count)
    }
}

/// Reads an organization (SPEC §1) from a structured document, field by field, keeping the
/// place of everything it reads and collecting every schema error it can find before it stops.
///
/// Syntax errors stop at once; schema errors (unknown fields, wrong types, unknown kinds)
/// are collected, the offending value skipped, and reading goes on.
struct OrganizationDecoder<Reader: StructuredReader>: DocumentFieldDecoder {
    typealias Output = DecodedOrganization

    /// Where `key` is written, computed from its offset when the reader left that for later.
    ///
    /// - Complexity: O(*offset*) for a key placed by its offset.
    private static func place(_ key: Scalar, in source: SourceText) -> SourceLocation {
        if key.location.isKnown || key.offset < 0 { return key.location }
        return source.location(ofOffset: key.offset)
    }

    /// Fields that must have a value where they are written.
    static var requiredFields: Set<String> {
        Set(
            TopField.required.map(\.rawValue) + NodeField.required.map(\.rawValue)
                + RelationField.required.map(\.rawValue) + SuppressionField.required.map(\.rawValue))
    }

    private var reader: Reader
    private let source: SourceText
    private(set) var diagnostics: DiagnosticList
    private var output = Output()

    /// - Parameter limit: how many errors to report; reading stops at the next one.
    init(reader: Reader, source: SourceText, limit: Int) {
        self.reader = reader
        self.source = source
        diagnostics = DiagnosticList(limit: limit)
    }

    // MARK: Diagnostics

    /// Reports an error; its message and source line are worked out only if it will be shown.
    ///
    /// - Throws: `SyntaxError` at `location` when as many errors as will be shown have been
    ///   reported already: reading stops there, so a file of millions of errors costs no more
    ///   than one of a few.
    private mutating func report(
        _ message: @autoclosure () -> LocalizedText, at location: SourceLocation,
        note: (message: LocalizedText, location: SourceLocation)? = nil
    ) throws(SyntaxError) {
        guard !diagnostics.isFull else { throw tooManyErrors(at: location) }
        let source = source
        diagnostics.append {
            let notes = note.map { [source.diagnostic($0.message, at: $0.location, kind: .note)] } ?? []
            return source.diagnostic(message(), at: location, notes: notes)
        }
    }

    /// Reports an error at the place of `key`.
    private mutating func report(_ message: @autoclosure () -> LocalizedText, atKey key: Scalar) throws(SyntaxError) {
        guard !diagnostics.isFull else { throw tooManyErrors(at: Self.place(key, in: source)) }
        let source = source
        diagnostics.append { source.diagnostic(message(), at: Self.place(key, in: source)) }
    }

    private func tooManyErrors(at location: SourceLocation) -> SyntaxError {
        SyntaxError(message: LoadWording.tooManyErrors(diagnostics.limit), location: location)
    }

    /// Reports that the value of `field` is not what it must be, and skips it.
    /// - Parameter field: the field's name, quoted, or a phrase naming the value (`attribute 'beds'`).
    private mutating func typeMismatch(_ field: LocalizedText, expected: LocalizedText) throws(SyntaxError) {
        let location = try reader.location()
        let found = try reader.peekKind()
        try report(LoadWording.mismatch(field, expected: expected, found: found), at: location)
        try reader.skipValue()
    }

    /// Reports that the value of the field `name` is not what it must be, and skips it.
    private mutating func typeMismatch(_ name: String, expected: LocalizedText) throws(SyntaxError) {
        try typeMismatch(LoadWording.field(name), expected: expected)
    }

    private mutating func unknownField<Field: FieldSet>(
        _ key: Scalar, in place: LoadWording.Place, known: Field.Type
    ) throws(SyntaxError) {
        let (shown, context) = (Diagnostic.quoted(key.text), place.text)
        let hint = Suggestion.didYouMean(key.text, in: Field.spellings)
        try report(
            LocalizedText(
                en: "unknown field \(shown) \(context.en)\(hint.en)",
                vi: "trường không hợp lệ \(shown) \(context.vi)\(hint.vi)"),
            atKey: key)
        try reader.skipValue()
    }

    /// The next key of the mapping being read, as the schema `Field` knows it (`nil` for a
    /// field it does not know), or `nil` after the mapping's end. A known field written twice
    /// is reported, its value skipped, and the next key read.
    private mutating func nextField<Field: FieldSet>(
        _: Field.Type, _ mask: inout UInt16, in place: LoadWording.Place
    ) throws(SyntaxError) -> (key: Scalar, field: Field?)? {
        while let key = try reader.nextKey(matching: Field.names) {
            let index = key.fieldIndex >= 0 ? key.fieldIndex : (Field.spellings.firstIndex(of: key.text) ?? -1)
            guard index >= 0 else { return (key, nil) }
            let bit: UInt16 = 1 << UInt16(index)
            if mask & bit != 0 {
                let (shown, context) = (Diagnostic.quoted(key.text), place.text)
                try report(
                    LocalizedText(
                        en: "duplicate field \(shown) \(context.en)", vi: "trường \(shown) bị trùng \(context.vi)"),
                    atKey: key)
                try reader.skipValue()
                continue
            }
            mask |= bit
            return (key, Field.fields[index])
        }
        return nil
    }

    /// Reports each required field of `Field` that `mask` does not have.
    private mutating func requireFields<Field: FieldSet>(
        _: Field.Type, _ mask: UInt16, in place: LoadWording.Place, at location: SourceLocation
    ) throws(SyntaxError) {
        let context = place.text
        for field in Field.required where mask & (1 << UInt16(field.position)) == 0 {
            try report(
                LocalizedText(
                    en: "missing required field '\(field.rawValue)' \(context.en)",
                    vi: "không có trường bắt buộc '\(field.rawValue)' \(context.vi)"),
                at: location)
        }
    }

    // MARK: Values

    /// Reads a text value; `nil` (and a diagnostic, unless the value is null) when it is not one.
    /// - Parameter label: how messages name the value; by default the field's name, quoted.
    private mutating func text(
        _ field: String, label: LocalizedText? = nil
    ) throws(SyntaxError) -> (String, SourceLocation)? {
        let kind = try reader.peekKind()
        let label = label ?? LoadWording.field(field)
        switch kind {
        case .null:
            if Self.requiredFields.contains(field) {
                try report(
                    LocalizedText(en: "'\(field)' needs a value", vi: "'\(field)' cần có giá trị"),
                    at: try reader.location())
            }
            try reader.skipValue()
            return nil
        case .string:
            break
        case .number where Reader.scalarsAreText, .bool where Reader.scalarsAreText:
            break
        default:
            try typeMismatch(label, expected: LoadWording.Expected.string)
            return nil
        }
        let scalar = try reader.readScalar()
        if Self.containsNUL(scalar.text) {
            try report(
                LocalizedText(en: "\(label.en) contains a NUL character", vi: "\(label.vi) chứa ký tự NUL"),
                at: scalar.location)
            return nil
        }
        return (scalar.text, scalar.location)
    }

    /// Whether `text` has a U+0000.
    ///
    /// - Complexity: O(*n*), a `memchr` over contiguous UTF-8.
    static func containsNUL(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, buffer.count) != nil
        }) {
            return found
        }
        return text.utf8.contains(0)
    }

    /// Reads an id or a reference to one, checking its spelling.
    private mutating func identifier(_ field: String) throws(SyntaxError) -> (String, SourceLocation)? {
        guard let (value, location) = try text(field) else { return nil }
        if let problem = IDSyntax.problem(value) {
            try report(
                LocalizedText(
                    en: "invalid id in '\(field)': \(problem.en)", vi: "mã không hợp lệ trong '\(field)': \(problem.vi)"
                ),
                at: location)
            return nil
        }
        return (value, location)
    }

    /// Reads a reference to a node, with the node's index when the node is already known. JSON
    /// references written without escapes are matched on their bytes and share the node's id
    /// string: no string is made at all.
    private mutating func reference(_ field: String) throws(SyntaxError) -> DecodedOrganization.End? {
        if let raw = reader.rawString(), let index = output.ids.exactIndex(raw) {
            reader.skipRawString()
            return .node(index)
        }
        // A reference is kept as written: it may spell the id in another normalization form.
        guard let (value, location) = try identifier(field) else { return nil }
        return output.end(value, at: location)
    }

    /// Reads a node's `part-of`. JSON written without escapes that names a node already read
    /// shares that node's id string, and its place is not kept: it cannot be reported unknown.
    private mutating func container() throws(SyntaxError) -> (String, SourceLocation)? {
        if let raw = reader.rawString(), let index = output.ids.exactIndex(raw) {
            reader.skipRawString()
            return (output.organization.nodes[Int(index)].id, .unknown)
        }
        return try identifier("part-of")
    }

    /// `kind`: a node's kind in messages, `loại đơn vị` in Vietnamese.
    private static var kindNoun: LocalizedText { LocalizedText(en: "kind", vi: "loại đơn vị") }

    /// Reads one of a fixed set of words (a kind, a relation type, a level...).
    private mutating func word<Value: VocabularyWord>(
        _ field: String, as: Value.Type, noun: LocalizedText, listAll: Bool
    ) throws(SyntaxError) -> Value? {
        guard let (value, location) = try text(field) else { return nil }
        if let result = Value.byName[value] { return result }
        try report(
            Self.unknownWord(value, among: Value.allCases.map(\.rawValue), noun: noun, listAll: listAll), at: location)
        return nil
    }

    /// The message for a word that is none of `names`, with the closest one or all of them.
    private static func unknownWord(
        _ value: String, among names: [String], noun: LocalizedText, listAll: Bool
    ) -> LocalizedText {
        let shown = Diagnostic.quoted(value)
        let hint: LocalizedText
        if let close = Suggestion.closest(to: value, in: names) {
            hint = Suggestion.hint(close)
        } else if listAll {
            let list = names.joined(separator: ", ")
            hint = LocalizedText(en: "; expected one of: \(list)", vi: "; giá trị hợp lệ: \(list)")
        } else {
            hint = LocalizedText(
                en: "; the \(noun.en)s are listed in the README (SPEC §2)",
                vi: "; các giá trị của \(noun.vi) được liệt kê trong README (SPEC §2)")
        }
        return LocalizedText(
            en: "unknown \(noun.en) \(shown)\(hint.en)", vi: "\(noun.vi) không hợp lệ \(shown)\(hint.vi)")
    }

    private mutating func attributes(_ field: String) throws(SyntaxError) -> [Attribute] {
        guard try reader.peekKind() == .mapping else {
            if try reader.peekKind() == .null {
                try reader.skipValue()
            } else {
                try typeMismatch(field, expected: LoadWording.Expected.mappingOfStrings)
            }
            return []
        }
        try reader.beginMapping()
        var result: [Attribute] = []
        var seen: [String: SourceLocation] = [:]
        while let key = try reader.nextKey() {
            if let first = seen[key.text] {
                let shown = Diagnostic.quoted(key.text)
                try report(
                    LocalizedText(en: "duplicate attribute \(shown)", vi: "thuộc tính \(shown) bị trùng"),
                    at: key.location,
                    note: (
                        LocalizedText(en: "\(shown) is first written here", vi: "\(shown) được ghi lần đầu ở đây"),
                        first
                    ))
                try reader.skipValue()
                continue
            }
            seen[key.text] = key.location
            if Self.containsNUL(key.text) {
                try report(
                    LocalizedText(
                        en: "attribute name contains a NUL character", vi: "tên thuộc tính chứa ký tự NUL"),
                    at: key.location)
                try reader.skipValue()
                continue
            }
            if try reader.peekKind() == .null {
                let location = try reader.location()
                try report(
                    LoadWording.mismatch(
                        LoadWording.attribute(Diagnostic.quoted(key.text)), expected: LoadWording.Expected.string,
                        found: .null),
                    at: location)
                try reader.skipValue()
                continue
            }
            let label = LoadWording.attribute(Diagnostic.quoted(key.text))
            if let (value, _) = try text(label.en, label: label) {
                result.append(Attribute(key: key.text, value: value))
            }
        }
        return result
    }

    /// Reads a list, calling `element` with the reader before each element.
    private mutating func list(
        _ field: String, element: (inout Self) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        switch try reader.peekKind() {
        case .sequence:
            try reader.beginSequence()
            while try reader.nextElement() { try element(&self) }
        case .null:
            try reader.skipValue()
        default:
            try typeMismatch(field, expected: LoadWording.Expected.list)
        }
    }

    // MARK: Document

    /// Reads the whole document.
    /// - Returns: the organization and places, or `nil` when diagnostics were reported.
    /// - Throws: `SyntaxError` when the document cannot be read at all.
    mutating func decode() throws(SyntaxError) -> Output? {
        output.rootLocation = try reader.location()
        guard try reader.peekKind() == .mapping else {
            let found = try reader.peekKind()
            try report(
                LocalizedText(
                    en: "an organization file is a mapping with 'orggraph: 1', 'nodes' and 'relations'; "
                        + "found \(found.phrase.en)",
                    vi: "tệp tổ chức là một ánh xạ (mapping) có 'orggraph: 1', 'nodes' và 'relations'; "
                        + "nhưng gặp \(found.phrase.vi)"),
                at: output.rootLocation)
            return nil
        }
        try reader.beginMapping()
        var mask: UInt16 = 0
        while let (key, field) = try nextField(TopField.self, &mask, in: .top) {
            switch field {
            case .orggraph: try formatVersion()
            case .title: output.organization.title = try text(TopField.title.rawValue)?.0
            case .rulebook:
                let value = try text(TopField.rulebook.rawValue)
                output.organization.rulebook = value?.0
                output.organization.sourceMap.rulebook = value?.1 ?? .unknown
            case .nodes:
                try list(TopField.nodes.rawValue) { (decoder: inout Self) throws(SyntaxError) in try decoder.node() }
            case .relations:
                try list(TopField.relations.rawValue) { (decoder: inout Self) throws(SyntaxError) in
                    try decoder.relation()
                }
            case .suppressions:
                try list(TopField.suppressions.rawValue) { (decoder: inout Self) throws(SyntaxError) in
                    try decoder.suppression()
                }
            case nil: try unknownField(key, in: .top, known: TopField.self)
            }
        }
        try reader.finish()
        if mask & (1 << UInt16(TopField.orggraph.position)) == 0 {
            try report(
                LocalizedText(
                    en: "missing required field 'orggraph' (the format version, 1)",
                    vi: "không có trường bắt buộc 'orggraph' (phiên bản định dạng, 1)"),
                at: output.rootLocation)
        }
        guard diagnostics.isEmpty else { return nil }
        output.finish()
        return output
    }

    private mutating func formatVersion() throws(SyntaxError) {
        let location = try reader.location()
        guard try reader.peekKind() == .number else {
            try typeMismatch("orggraph", expected: LoadWording.Expected.formatVersion)
            return
        }
        let scalar = try reader.readScalar()
        if Int(scalar.text) != Organization.currentFormatVersion {
            let current = Organization.currentFormatVersion
            try report(
                LocalizedText(
                    en: "unsupported format version \(scalar.text); this orggraph reads version \(current)",
                    vi: "không hỗ trợ phiên bản định dạng \(scalar.text); orggraph này đọc phiên bản \(current)"),
                at: location)
        }
    }

    private mutating func node() throws(SyntaxError) {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            try typeMismatch("nodes", expected: LoadWording.Expected.listOfMappings)
            return
        }
        try reader.beginMapping()
        let errorsBefore = diagnostics.count
        var id: String?
        var kind: NodeKind?
        var node = Node(id: "", kind: .publicServiceUnit)
        var partOfLocation = SourceLocation.unknown
        var levelLocation = SourceLocation.unknown
        var mask: UInt16 = 0
        while let (key, field) = try nextField(NodeField.self, &mask, in: .node) {
            switch field {
            case .id: id = try identifier(NodeField.id.rawValue)?.0
            case .kind:
                kind = try word(NodeField.kind.rawValue, as: NodeKind.self, noun: Self.kindNoun, listAll: true)
            case .name: node.name = try text(NodeField.name.rawValue)?.0
            case .level:
                levelLocation = try reader.location()
                node.level = try word(
                    NodeField.level.rawValue, as: Level.self, noun: LocalizedText(en: "level", vi: "cấp"), listAll: true
                )
            case .sector: node.sector = try text(NodeField.sector.rawValue)?.0
            case .partOf:
                if let (value, location) = try container() {
                    node.partOf = value
                    partOfLocation = location
                }
            case .note: node.note = try text(NodeField.note.rawValue)?.0
            case .attributes: node.attributes = try attributes(NodeField.attributes.rawValue)
            case nil: try unknownField(key, in: .node, known: NodeField.self)
            }
        }
        try requireFields(NodeField.self, mask, in: .node, at: start)
        guard let id, let kind, diagnostics.count == errorsBefore else { return }
        node.id = id
        node.kind = kind
        output.add(node, at: start, partOf: partOfLocation, level: levelLocation)
    }

    private mutating func relation() throws(SyntaxError) {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            try typeMismatch("relations", expected: LoadWording.Expected.listOfMappings)
            return
        }
        try reader.beginMapping()
        let errorsBefore = diagnostics.count
        var type: RelationType?
        var from: DecodedOrganization.End?
        var to: DecodedOrganization.End?
        var period: [Period]?
        var periodKey: Scalar?
        var basis: Basis?
        var basisKey: Scalar?
        var note: String?
        var attributes: [Attribute] = []
        var mask: UInt16 = 0
        while let (key, field) = try nextField(RelationField.self, &mask, in: .relation) {
            switch field {
            case .type:
                type = try word(
                    RelationField.type.rawValue, as: RelationType.self,
                    noun: LocalizedText(en: "relation type", vi: "loại quan hệ"), listAll: true)
            case .from: from = try reference(RelationField.from.rawValue)
            case .to: to = try reference(RelationField.to.rawValue)
            case .period:
                periodKey = key
                period = try periods()
            case .basis:
                basisKey = key
                basis = try word(
                    RelationField.basis.rawValue, as: Basis.self,
                    noun: LocalizedText(en: "basis", vi: "căn cứ quan hệ (basis)"), listAll: true)
            case .note: note = try text(RelationField.note.rawValue)?.0
            case .attributes: attributes = try self.attributes(RelationField.attributes.rawValue)
            case nil: try unknownField(key, in: .relation, known: RelationField.self)
            }
        }
        try requireFields(RelationField.self, mask, in: .relation, at: start)
        if let type, let periodKey, period != nil, !type.allowsPeriod {
            try report(
                LocalizedText(
                    en: "'period' belongs on reports-to relations, not on \(type.rawValue)",
                    vi: "'period' chỉ ghi ở quan hệ reports-to, không ghi ở \(type.rawValue)"),
                atKey: periodKey)
        }
        if let type, let basisKey, basis != nil, !type.allowsBasis {
            try report(
                LocalizedText(
                    en: "'basis' belongs on liaises-with relations, not on \(type.rawValue)",
                    vi: "'basis' chỉ ghi ở quan hệ liaises-with, không ghi ở \(type.rawValue)"),
                atKey: basisKey)
        }
        guard let type, let from, let to, diagnostics.count == errorsBefore else { return }
        output.addRelation(
            type, from: from, to: to, period: period, basis: basis,
            annotations: Annotations(note: note, attributes: attributes), at: start)
    }

    private mutating func periods() throws(SyntaxError) -> [Period]? {
        guard try reader.peekKind() == .sequence else {
            if try reader.peekKind() == .null {
                try reader.skipValue()
            } else {
                try typeMismatch("period", expected: LoadWording.Expected.periods)
            }
            return nil
        }
        var result: [Period] = []
        try reader.beginSequence()
        while try reader.nextElement() {
            if let period = try word(
                "period", as: Period.self, noun: LocalizedText(en: "period", vi: "kỳ báo cáo"), listAll: true)
            {
                result.append(period)
            }
        }
        return result
    }

    private mutating func suppression() throws(SyntaxError) {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            try typeMismatch("suppressions", expected: LoadWording.Expected.listOfMappings)
            return
        }
        try reader.beginMapping()
        let errorsBefore = diagnostics.count
        var rule: String?
        var node: (String, SourceLocation)?
        var reason: String?
        var mask: UInt16 = 0
        while let (key, field) = try nextField(SuppressionField.self, &mask, in: .suppression) {
            switch field {
            case .rule: rule = try text(SuppressionField.rule.rawValue)?.0
            case .node: node = try identifier(SuppressionField.node.rawValue)
            case .reason:
                let location = try reader.location()
                reason = try text(SuppressionField.reason.rawValue)?.0
                if let value = reason, value.allSatisfy(\.isWhitespace) {
                    try report(
                        LocalizedText(
                            en: "a suppression's 'reason' may not be empty: say why the finding is accepted",
                            vi: "'reason' của mục miễn trừ không được để trống: hãy nêu lý do chấp nhận phát hiện"),
                        at: location)
                }
            case nil: try unknownField(key, in: .suppression, known: SuppressionField.self)
            }
        }
        try requireFields(SuppressionField.self, mask, in: .suppression, at: start)
        guard let rule, let node, let reason, diagnostics.count == errorsBefore else { return }
        output.add(Suppression(rule: rule, node: node.0, reason: reason), at: start, node: node.1)
    }
}

/// The spelling of ids: letters, digits, '-', '_', '.' and ':', at most 256 characters.
enum IDSyntax {
    /// The longest id accepted, in characters.
    static let maximumLength = 256

    /// Why `id` is not a valid id, or `nil` when it is.
    static func problem(_ id: String) -> LocalizedText? {
        if id.isEmpty { return LocalizedText(en: "an id may not be empty", vi: "mã không được để trống") }
        let plain = id.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard buffer.count <= maximumLength else { return false }
            for byte in buffer where !plainIDBytes[Int(byte)] { return false }
            return true
        }
        if plain ?? (id.utf8.count <= maximumLength && id.utf8.allSatisfy(isPlainIDByte)) { return nil }
        let length = id.count
        if length > maximumLength {
            return LocalizedText(
                en: "an id is at most \(maximumLength) characters; this one has \(length)",
                vi: "mã dài tối đa \(maximumLength) ký tự; mã này có \(length) ký tự")
        }
        for character in id where !(character.isLetter || character.isNumber || "-_.:".contains(character)) {
            let shown =
                character.unicodeScalars.first.map { $0.value < 0x20 || $0 == " " } == true
                ? String(format: "U+%04X", character.unicodeScalars.first?.value ?? 0) : "'\(character)'"
            return LocalizedText(
                en: "'\(id)' has \(shown); an id is letters, digits, '-', '_', '.' and ':'",
                vi: "'\(id)' có ký tự \(shown); mã chỉ gồm chữ cái, chữ số, '-', '_', '.' và ':'")
        }
        return nil
    }

    /// For each byte, whether it is an ASCII letter, digit, '-', '_', '.' or ':'.
    private static let plainIDBytes: [Bool] = (0..<256).map { isPlainIDByte(UInt8($0)) }

    private static func isPlainIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            true
        default: false
        }
    }
}
