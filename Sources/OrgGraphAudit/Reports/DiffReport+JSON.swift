import OrgGraphCore
import OrgGraphFormat

extension DiffReport {
    /// The documented JSON object (docs/DIFF.md): `{"old", "new", "organization", "bodies",
    /// "relations", "suppressions", "findings", "summary", "errors", "language"}`.
    public func json() -> String {
        let bodies = diff.bodies
        let relations = diff.relations
        let suppressions = diff.suppressions
        return JSONText.document([
            ("old", Self.side(diff.old, rulebook: diff.oldRulebook)),
            ("new", Self.side(diff.new, rulebook: diff.newRulebook)),
            ("organization", Self.list(diff.organization.map(Self.json))),
            (
                "bodies",
                Self.section([
                    ("added", bodies.added.map(Self.json)), ("removed", bodies.removed.map(Self.json)),
                    ("changed", bodies.changed.map { Self.json($0.new, old: $0.old, fields: $0.fields) }),
                ])
            ),
            (
                "relations",
                Self.section([
                    ("added", relations.added.map(Self.json)), ("removed", relations.removed.map(Self.json)),
                    ("changed", relations.changed.map { Self.json($0.new, old: $0.old, fields: $0.fields) }),
                ])
            ),
            (
                "suppressions",
                Self.section([
                    ("added", suppressions.added.map(Self.json)), ("removed", suppressions.removed.map(Self.json)),
                    ("changed", suppressions.changed.map { Self.json($0.new, old: $0.old, fields: $0.fields) }),
                ])
            ),
            (
                "findings",
                Self.section([
                    ("introduced", diff.introduced.map(ValidationReport.json)),
                    ("resolved", diff.resolved.map(ValidationReport.json)),
                ])
            ),
            ("summary", summary()),
            ("errors", "[]"),
            ("language", JSONText.quote(language.rawValue)),
        ])
    }

    /// The JSON object of a run that stopped because a file or rulebook could not be loaded:
    /// `{"old": {"file"}, "new": {"file"}, "errors", "language"}`.
    public static func json(oldFile: String, newFile: String, errors: [Diagnostic], language: Language) -> String {
        JSONText.document([
            ("old", JSONText.object([("file", JSONText.quote(oldFile))])),
            ("new", JSONText.object([("file", JSONText.quote(newFile))])),
            ("errors", JSONText.array(errors.map { ValidationReport.json($0, in: language) })),
            ("language", JSONText.quote(language.rawValue)),
        ])
    }

    /// `{"bodies": {"added", "removed", "changed"}, ..., "findings": {"introduced", "resolved"}}`.
    private func summary() -> String {
        func counts<Entry>(_ section: OrganizationDiff.Section<Entry>) -> String {
            JSONText.object([
                ("added", "\(section.added.count)"), ("removed", "\(section.removed.count)"),
                ("changed", "\(section.changed.count)"),
            ])
        }
        return JSONText.object([
            ("organization", "\(diff.organization.count)"), ("bodies", counts(diff.bodies)),
            ("relations", counts(diff.relations)), ("suppressions", counts(diff.suppressions)),
            (
                "findings",
                JSONText.object([
                    ("introduced", "\(diff.introduced.count)"), ("resolved", "\(diff.resolved.count)"),
                ])
            ),
        ])
    }

    // MARK: Parts

    /// `{"file", "rulebook", "title"?}`.
    private static func side(_ loaded: LoadedOrganization, rulebook: String) -> String {
        var pairs = [
            ("file", JSONText.quote(loaded.organization.sourceMap.file)), ("rulebook", JSONText.quote(rulebook)),
        ]
        if let title = loaded.organization.title { pairs.append(("title", JSONText.quote(title))) }
        return JSONText.object(pairs)
    }

    /// A list of objects, one a line under its member, or `[]`.
    private static func list(_ items: [String], indent: String = "  ") -> String {
        items.isEmpty ? "[]" : "[\n\(indent)  " + items.joined(separator: ",\n\(indent)  ") + "\n\(indent)]"
    }

    /// `{"added": [...], ...}`, each list's items one a line.
    private static func section(_ members: [(String, [String])]) -> String {
        "{\n"
            + members.map { "    " + JSONText.quote($0.0) + ": " + list($0.1, indent: "    ") }
            .joined(separator: ",\n") + "\n  }"
    }

    private static func place(_ place: OrganizationDiff.Place) -> [(String, String)] {
        [
            ("file", JSONText.quote(place.file)), ("line", "\(place.location.line)"),
            ("column", "\(place.location.column)"),
        ]
    }

    private static func value(_ value: OrganizationDiff.Value?) -> String {
        switch value {
        case nil: "null"
        case .text(let text): JSONText.quote(text)
        case .list(let items): JSONText.array(items.map(JSONText.quote))
        }
    }

    /// `{"field", "key"?, "old", "new"}`; a value not written is `null`.
    private static func json(_ change: OrganizationDiff.FieldChange) -> String {
        var pairs = [("field", JSONText.quote(change.field))]
        if let key = change.key { pairs.append(("key", JSONText.quote(key))) }
        pairs += [("old", value(change.old)), ("new", value(change.new))]
        return JSONText.object(pairs)
    }

    private static func attributes(_ attributes: [Attribute]) -> String {
        JSONText.object(attributes.map { ($0.key, JSONText.quote($0.value)) })
    }

    /// `{"id", "kind", "name"?, "level"?, "part-of"?, "sector"?, "note"?, "attributes"?, "index",
    /// "file", "line", "column"}`: every field the body has.
    private static func json(_ body: OrganizationDiff.Body) -> String {
        JSONText.object(bodyFields(body.node) + [("index", "\(body.index)")] + place(body.place))
    }

    private static func bodyFields(_ node: Node) -> [(String, String)] {
        var pairs = [("id", JSONText.quote(node.id)), ("kind", JSONText.quote(node.kind.rawValue))]
        if let name = node.name { pairs.append(("name", JSONText.quote(name))) }
        if let level = node.level { pairs.append(("level", JSONText.quote(level.rawValue))) }
        if let partOf = node.partOf { pairs.append(("part-of", JSONText.quote(partOf))) }
        if let sector = node.sector { pairs.append(("sector", JSONText.quote(sector))) }
        if let note = node.note { pairs.append(("note", JSONText.quote(note))) }
        if !node.attributes.isEmpty { pairs.append(("attributes", attributes(node.attributes))) }
        return pairs
    }

    /// The new body's fields and place, `"old": {"index", "file", "line", "column"}`, and the
    /// `changes`.
    private static func json(
        _ body: OrganizationDiff.Body, old: OrganizationDiff.Body, fields: [OrganizationDiff.FieldChange]
    ) -> String {
        JSONText.object(
            bodyFields(body.node) + [("index", "\(body.index)")] + place(body.place) + [
                ("old", JSONText.object([("index", "\(old.index)")] + place(old.place))),
                ("changes", JSONText.array(fields.map(json))),
            ])
    }

    /// `{"type", "from", "to", "period"?, "basis"?, "note"?, "attributes"?, "index", "file",
    /// "line", "column"}`.
    private static func json(_ entry: OrganizationDiff.RelationEntry) -> String {
        JSONText.object(relationFields(entry.relation) + [("index", "\(entry.index)")] + place(entry.place))
    }

    private static func relationFields(_ relation: Relation) -> [(String, String)] {
        var pairs = [
            ("type", JSONText.quote(relation.type.rawValue)), ("from", JSONText.quote(relation.from)),
            ("to", JSONText.quote(relation.to)),
        ]
        if let period = relation.period {
            pairs.append(("period", JSONText.array(period.map { JSONText.quote($0.rawValue) })))
        }
        if let basis = relation.basis { pairs.append(("basis", JSONText.quote(basis.rawValue))) }
        if let note = relation.note { pairs.append(("note", JSONText.quote(note))) }
        if !relation.attributes.isEmpty { pairs.append(("attributes", attributes(relation.attributes))) }
        return pairs
    }

    private static func json(
        _ entry: OrganizationDiff.RelationEntry, old: OrganizationDiff.RelationEntry,
        fields: [OrganizationDiff.FieldChange]
    ) -> String {
        let relation = entry.relation
        return JSONText.object(
            [
                ("type", JSONText.quote(relation.type.rawValue)), ("from", JSONText.quote(relation.from)),
                ("to", JSONText.quote(relation.to)), ("index", "\(entry.index)"),
            ] + place(entry.place) + [
                ("old", JSONText.object([("index", "\(old.index)")] + place(old.place))),
                ("changes", JSONText.array(fields.map(json))),
            ])
    }

    /// `{"rule", "node", "reason", "index", "file", "line", "column"}`.
    private static func json(_ entry: OrganizationDiff.SuppressionEntry) -> String {
        let suppression = entry.suppression
        return JSONText.object(
            [
                ("rule", JSONText.quote(suppression.rule)), ("node", JSONText.quote(suppression.node)),
                ("reason", JSONText.quote(suppression.reason)), ("index", "\(entry.index)"),
            ] + place(entry.place))
    }

    private static func json(
        _ entry: OrganizationDiff.SuppressionEntry, old: OrganizationDiff.SuppressionEntry,
        fields: [OrganizationDiff.FieldChange]
    ) -> String {
        let suppression = entry.suppression
        return JSONText.object(
            [
                ("rule", JSONText.quote(suppression.rule)), ("node", JSONText.quote(suppression.node)),
                ("reason", JSONText.quote(suppression.reason)), ("index", "\(entry.index)"),
            ] + place(entry.place) + [
                ("old", JSONText.object([("index", "\(old.index)")] + place(old.place))),
                ("changes", JSONText.array(fields.map(json))),
            ])
    }
}
