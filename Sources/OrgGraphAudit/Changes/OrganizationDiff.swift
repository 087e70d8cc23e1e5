import Dispatch
import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// What changed between two versions of an organization: the bodies, relations and
/// suppressions added, removed and changed field by field, the file's own fields, and the
/// findings the change brought in and resolved.
///
/// Bodies are the same body when they have the same id. A relation is identified by its
/// type, `from` and `to`; when several relations of a file share that identity they are
/// matched in file order, the first with the first. A suppression is identified by its rule
/// and node, matched the same way. Findings are matched by fingerprint, as multisets: a
/// finding written twice before and three times after is introduced once.
public struct OrganizationDiff: Sendable {
    /// A place in one of the two files.
    public struct Place: Sendable, Hashable {
        public var file: String
        public var location: SourceLocation

        public init(file: String, location: SourceLocation) {
            self.file = file
            self.location = location
        }
    }

    /// A body as one file writes it: the node, its position in the file's nodes, its place.
    public struct Body: Sendable {
        public var node: Node
        public var index: Int
        public var place: Place
    }

    /// A relation as one file writes it.
    public struct RelationEntry: Sendable {
        public var relation: Relation
        /// The position in the file's `relations` list.
        public var index: Int
        public var place: Place
    }

    /// A suppression as one file writes it.
    public struct SuppressionEntry: Sendable {
        public var suppression: Suppression
        public var index: Int
        public var place: Place
    }

    /// A value of a field: text, or a list (a relation's periods).
    public enum Value: Sendable, Hashable {
        case text(String)
        case list([String])
    }

    /// One field that differs, with its value in each file (`nil` where not written).
    public struct FieldChange: Sendable, Hashable {
        /// The field as files write it: `kind`, `name`, `level`, `part-of`, `sector`, `note`,
        /// `attributes`, `period`, `basis`, `reason`, `title`, `rulebook`.
        public var field: String
        /// For `attributes`, the attribute's key.
        public var key: String?
        public var old: Value?
        public var new: Value?

        public init(field: String, key: String? = nil, old: Value?, new: Value?) {
            self.field = field
            self.key = key
            self.old = old
            self.new = new
        }
    }

    /// Something both files have, whose fields differ.
    public struct Change<Entry: Sendable>: Sendable {
        public var old: Entry
        public var new: Entry
        public var fields: [FieldChange]
    }

    /// Added, removed and changed, each in file order: removed in the old file's, the others
    /// in the new file's.
    public struct Section<Entry: Sendable>: Sendable {
        public var added: [Entry] = []
        public var removed: [Entry] = []
        public var changed: [Change<Entry>] = []

        /// Whether nothing was added, removed or changed.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    /// The organization before and after, as loaded.
    public var old: LoadedOrganization
    public var new: LoadedOrganization
    /// The ids of the rulebooks each side was audited under.
    public var oldRulebook: String
    public var newRulebook: String
    /// The file's own fields that differ: `title`, `rulebook`.
    public var organization: [FieldChange]
    public var bodies: Section<Body>
    public var relations: Section<RelationEntry>
    public var suppressions: Section<SuppressionEntry>
    /// Findings of the new file that the old one did not have, in the new file's order.
    public var introduced: [Finding]
    /// Findings of the old file that the new one no longer has, in the old file's order.
    public var resolved: [Finding]

    /// Compares `old` and `new`, each audited by its own auditor (the two may have different
    /// rulebooks, when the files name different ones).
    ///
    /// - Complexity: the two audits, run side by side, and O(*n* + *m* log *m*) for *n* nodes and
    ///   *m* relations.
    public init(old: LoadedOrganization, new: LoadedOrganization, oldAuditor: Auditor, newAuditor: Auditor) {
        // The two audits and the comparison of what is written run side by side.
        let reports = ResultSlots<[Finding]>(count: 2)
        let written = ResultSlots<Written>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0: reports[0] = oldAuditor.audit(old).findings
            case 1: reports[1] = newAuditor.audit(new).findings
            default: written[0] = Written(old, new)
            }
        }
        self.init(
            old: old, new: new, written: written[0] ?? Written(old, new), oldFindings: reports[0] ?? [],
            newFindings: reports[1] ?? [], oldRulebook: oldAuditor.rulebook.id, newRulebook: newAuditor.rulebook.id)
    }

    /// Compares `old` and `new`, whose findings are given.
    ///
    /// - Complexity: O(*n* + *m* log *m* + *f*) for *n* nodes, *m* relations and *f* findings.
    public init(
        old: LoadedOrganization, new: LoadedOrganization, oldFindings: [Finding], newFindings: [Finding],
        oldRulebook: String, newRulebook: String
    ) {
        self.init(
            old: old, new: new, written: Written(old, new), oldFindings: oldFindings, newFindings: newFindings,
            oldRulebook: oldRulebook, newRulebook: newRulebook)
    }

    private init(
        old: LoadedOrganization, new: LoadedOrganization, written: Written, oldFindings: [Finding],
        newFindings: [Finding], oldRulebook: String, newRulebook: String
    ) {
        self.old = old
        self.new = new
        self.oldRulebook = oldRulebook
        self.newRulebook = newRulebook
        organization = written.organization
        bodies = written.bodies
        relations = written.relations
        suppressions = written.suppressions
        (introduced, resolved) = Self.compareFindings(oldFindings, newFindings)
    }

    /// What differs in what the two files write.
    private struct Written: Sendable {
        var organization: [FieldChange] = []
        var bodies: Section<Body>
        var relations: Section<RelationEntry>
        var suppressions: Section<SuppressionEntry>

        /// - Complexity: O(*n* + *m* log *m* + *s*).
        init(_ old: LoadedOrganization, _ new: LoadedOrganization) {
            let (before, after) = (old.organization, new.organization)
            if before.title != after.title {
                organization.append(
                    FieldChange(field: "title", old: before.title.map(Value.text), new: after.title.map(Value.text)))
            }
            if before.rulebook != after.rulebook {
                organization.append(
                    FieldChange(
                        field: "rulebook", old: before.rulebook.map(Value.text), new: after.rulebook.map(Value.text)))
            }
            bodies = OrganizationDiff.compareBodies(old, new)
            relations = OrganizationDiff.compareRelations(old, new)
            suppressions = OrganizationDiff.compareSuppressions(before, after)
        }
    }

    /// Whether nothing written differs and no finding was introduced or resolved.
    public var isEmpty: Bool {
        organization.isEmpty && bodies.isEmpty && relations.isEmpty && suppressions.isEmpty && introduced.isEmpty
            && resolved.isEmpty
    }

    // MARK: Findings

    /// The findings of `after` beyond those of `before`, and of `before` beyond `after`, by
    /// fingerprint as multisets; the first occurrences match, the rest differ.
    ///
    /// - Complexity: O(*f*).
    static func compareFindings(_ before: [Finding], _ after: [Finding]) -> (introduced: [Finding], resolved: [Finding])
    {
        func beyond(_ these: [Finding], _ those: [Finding]) -> [Finding] {
            var counts: [String: Int] = [:]
            for finding in those { counts[finding.fingerprint, default: 0] += 1 }
            return these.filter { finding in
                guard let count = counts[finding.fingerprint], count > 0 else { return true }
                counts[finding.fingerprint] = count - 1
                return false
            }
        }
        return (beyond(after, before), beyond(before, after))
    }

    // MARK: Bodies

    /// - Complexity: O(*n*) lookups of ids.
    private static func compareBodies(_ old: LoadedOrganization, _ new: LoadedOrganization) -> Section<Body> {
        let (before, after) = (old.organization, new.organization)
        var section = Section<Body>()
        var kept = [Bool](repeating: false, count: before.nodes.count)
        for (index, node) in after.nodes.enumerated() {
            let body = Body(node: node, index: index, place: Place(new, node: index))
            guard let oldIndex = old.graph.index(of: node.id) else {
                section.added.append(body)
                continue
            }
            kept[oldIndex] = true
            let previous = before.nodes[oldIndex]
            if previous == node { continue }
            let fields = changes(from: previous, to: node)
            guard !fields.isEmpty else { continue }
            section.changed.append(
                Change(
                    old: Body(node: previous, index: oldIndex, place: Place(old, node: oldIndex)), new: body,
                    fields: fields))
        }
        for (index, node) in before.nodes.enumerated() where !kept[index] {
            section.removed.append(Body(node: node, index: index, place: Place(old, node: index)))
        }
        return section
    }

    /// The fields of a node that differ, in the order files write them.
    static func changes(from old: Node, to new: Node) -> [FieldChange] {
        var fields: [FieldChange] = []
        func compare(_ field: String, _ before: String?, _ after: String?) {
            if before != after {
                fields.append(FieldChange(field: field, old: before.map(Value.text), new: after.map(Value.text)))
            }
        }
        compare("kind", old.kind.rawValue, new.kind.rawValue)
        compare("name", old.name, new.name)
        compare("level", old.level?.rawValue, new.level?.rawValue)
        compare("part-of", old.partOf, new.partOf)
        compare("sector", old.sector, new.sector)
        compare("note", old.note, new.note)
        fields += attributeChanges(from: old.attributes, to: new.attributes)
        return fields
    }

    /// The attributes added, removed or given another value, by key: the old file's keys in
    /// its order, then the keys only the new file has. Attributes only written in another
    /// order do not differ.
    static func attributeChanges(from old: [Attribute], to new: [Attribute]) -> [FieldChange] {
        guard old != new else { return [] }
        let before = Dictionary(old.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        let after = Dictionary(new.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        var keys: [String] = []
        var seen = Set<String>()
        for attribute in old + new where seen.insert(attribute.key).inserted { keys.append(attribute.key) }
        return keys.compactMap { key in
            let (value, newValue) = (before[key], after[key])
            guard value != newValue else { return nil }
            return FieldChange(field: "attributes", key: key, old: value.map(Value.text), new: newValue.map(Value.text))
        }
    }

    // MARK: Relations

    /// A relation's identity, with its position: relations sort by identity, then file order.
    private struct RelationKey: Comparable {
        /// The type above `from`.
        var high: UInt64
        /// `to` above the position.
        var low: UInt64

        init(type: Int, from: Int32, to: Int32, index: Int32) {
            high = UInt64(type) << 32 | UInt64(UInt32(bitPattern: from))
            low = UInt64(UInt32(bitPattern: to)) << 32 | UInt64(UInt32(bitPattern: index))
        }

        var index: Int32 { Int32(truncatingIfNeeded: low & 0xFFFF_FFFF) }

        static func < (lhs: RelationKey, rhs: RelationKey) -> Bool {
            lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
        }

        func sameRelation(as other: RelationKey) -> Bool { high == other.high && low >> 32 == other.low >> 32 }
    }

    /// Relations matched by (type, from, to), in file order among those that share it.
    ///
    /// Ids are numbered once for both files (the new file's nodes, then the old file's that
    /// the new one does not have), each relation becomes a key of three small integers, and the
    /// two sorted lists of keys are walked side by side.
    ///
    /// - Complexity: O(*n* + *m* log *m*).
    private static func compareRelations(
        _ old: LoadedOrganization, _ new: LoadedOrganization
    ) -> Section<RelationEntry> {
        let (before, after) = (old.organization.relations, new.organization.relations)
        let newCount = new.organization.nodes.count
        // The shared number of each id an end names, through the file's table of ids.
        let newNumbers = after.names.map { Int32(new.graph.index(of: $0) ?? -1) }
        let oldNumbers = before.names.map { name -> Int32 in
            if let index = new.graph.index(of: name) { return Int32(index) }
            return Int32(newCount + (old.graph.index(of: name) ?? 0))
        }
        func keys(_ list: RelationList, _ numbers: [Int32]) -> [RelationKey] {
            var keys = [RelationKey]()
            keys.reserveCapacity(list.count)
            for index in list.indices {
                keys.append(
                    RelationKey(
                        type: list.types[index].index, from: numbers[Int(list.fromEnds[index])],
                        to: numbers[Int(list.toEnds[index])], index: Int32(index)))
            }
            keys.sort()
            return keys
        }
        let (oldKeys, newKeys) = (keys(before, oldNumbers), keys(after, newNumbers))
        var section = Section<RelationEntry>()
        var (i, j) = (0, 0)
        while i < oldKeys.count || j < newKeys.count {
            if j == newKeys.count
                || (i < oldKeys.count && oldKeys[i] < newKeys[j] && !oldKeys[i].sameRelation(as: newKeys[j]))
            {
                section.removed.append(entry(old, Int(oldKeys[i].index)))
                i += 1
            } else if i == oldKeys.count || !oldKeys[i].sameRelation(as: newKeys[j]) {
                section.added.append(entry(new, Int(newKeys[j].index)))
                j += 1
            } else {
                let (oldIndex, newIndex) = (Int(oldKeys[i].index), Int(newKeys[j].index))
                if before.periods[oldIndex] != after.periods[newIndex]
                    || before.bases[oldIndex] != after.bases[newIndex]
                    || before.annotations(at: oldIndex) != after.annotations(at: newIndex)
                {
                    let fields = changes(from: before[oldIndex], to: after[newIndex])
                    if !fields.isEmpty {
                        section.changed.append(
                            Change(old: entry(old, oldIndex), new: entry(new, newIndex), fields: fields))
                    }
                }
                i += 1
                j += 1
            }
        }
        section.removed.sort { $0.index < $1.index }
        section.added.sort { $0.index < $1.index }
        section.changed.sort { $0.new.index < $1.new.index }
        return section
    }

    private static func entry(_ loaded: LoadedOrganization, _ index: Int) -> RelationEntry {
        let map = loaded.organization.sourceMap
        return RelationEntry(
            relation: loaded.organization.relations[index], index: index,
            place: Place(file: map.relationFile, location: map.relation(index)))
    }

    /// The fields of a relation that differ. Periods are a set: written in another order, or
    /// one twice, they do not differ; none written and an empty list are alike.
    static func changes(from old: Relation, to new: Relation) -> [FieldChange] {
        var fields: [FieldChange] = []
        let (before, after) = (periods(old.period), periods(new.period))
        if before != after {
            fields.append(FieldChange(field: "period", old: before.map(Value.list), new: after.map(Value.list)))
        }
        if old.basis != new.basis {
            fields.append(
                FieldChange(
                    field: "basis", old: old.basis.map { .text($0.rawValue) }, new: new.basis.map { .text($0.rawValue) }
                ))
        }
        if old.note != new.note {
            fields.append(FieldChange(field: "note", old: old.note.map(Value.text), new: new.note.map(Value.text)))
        }
        return fields + attributeChanges(from: old.attributes, to: new.attributes)
    }

    /// The periods in vocabulary order, each once; `nil` for none.
    private static func periods(_ periods: [Period]?) -> [String]? {
        let set = Set(periods ?? [])
        return set.isEmpty ? nil : Period.allCases.filter(set.contains).map(\.rawValue)
    }

    // MARK: Suppressions

    /// Suppressions matched by (rule, node), in file order among those that share it.
    ///
    /// - Complexity: O(*s*).
    private static func compareSuppressions(_ old: Organization, _ new: Organization) -> Section<SuppressionEntry> {
        func entries(_ organization: Organization) -> [SuppressionEntry] {
            organization.suppressions.enumerated().map { index, suppression in
                SuppressionEntry(
                    suppression: suppression, index: index,
                    place: Place(
                        file: organization.sourceMap.suppressionFile,
                        location: organization.sourceMap.suppression(index))
                )
            }
        }
        var waiting: [String: [SuppressionEntry]] = [:]
        for entry in entries(old) {
            waiting[entry.suppression.rule + "\u{1F}" + entry.suppression.node, default: []].append(entry)
        }
        var section = Section<SuppressionEntry>()
        var matched = Set<Int>()
        for entry in entries(new) {
            let key = entry.suppression.rule + "\u{1F}" + entry.suppression.node
            guard var list = waiting[key], !list.isEmpty else {
                section.added.append(entry)
                continue
            }
            let previous = list.removeFirst()
            waiting[key] = list
            matched.insert(previous.index)
            if previous.suppression.reason != entry.suppression.reason {
                section.changed.append(
                    Change(
                        old: previous, new: entry,
                        fields: [
                            FieldChange(
                                field: "reason", old: .text(previous.suppression.reason),
                                new: .text(entry.suppression.reason))
                        ]))
            }
        }
        section.removed = entries(old).filter { !matched.contains($0.index) }
        return section
    }
}

extension OrganizationDiff.Place {
    /// Where node `index` of `loaded` is written.
    init(_ loaded: LoadedOrganization, node index: Int) {
        let map = loaded.organization.sourceMap
        self.init(file: map.nodeFile, location: map.node(index))
    }
}
