/// The relations of an organization, stored by column: each end an index into one table of
/// ids, where every distinct id is one string.
///
/// A nationwide organization has a million relations and a few hundred thousand ids: kept as
/// ``Relation`` values, each relation would hold two strings. Here it holds two 32-bit
/// indices, and a ``Relation`` is made only when one is read.
///
/// Ends are kept as written: two spellings of an id (in two Unicode normalization forms, say)
/// are two entries of the table.
public struct RelationList: Sendable {
    package private(set) var types: [RelationType] = []
    /// The ends of each relation: indices into ``names``.
    package private(set) var fromEnds: [Int32] = []
    package private(set) var toEnds: [Int32] = []
    package private(set) var periods: [[Period]?] = []
    package private(set) var bases: [Basis?] = []
    private var annotations: [Annotations] = []
    /// The ids the ends name, each once.
    package private(set) var names: [String] = []
    /// The index of each name in ``names``, built when a relation is added by its ids.
    private var lookup: [ExactText: Int32]?

    public init() {}

    /// The note and attributes of relation `index`, without making the relation.
    ///
    /// - Complexity: O(1).
    package func annotations(at index: Int) -> Annotations { annotations[index] }

    public init(_ relations: some Sequence<Relation>) {
        append(contentsOf: relations)
    }

    /// Relations whose ends are already indices into `names`: a loader's, which interned the ids
    /// as it read them.
    package init(
        names: [String], types: [RelationType], from: [Int32], to: [Int32], periods: [[Period]?], bases: [Basis?],
        annotations: [Annotations]
    ) {
        self.names = names
        self.types = types
        fromEnds = from
        toEnds = to
        self.periods = periods
        self.bases = bases
        self.annotations = annotations
    }

    /// The index of `name` in ``names``, adding it when it is new.
    private mutating func intern(_ name: String) -> Int32 {
        if lookup == nil {
            var table: [ExactText: Int32] = [:]
            table.reserveCapacity(names.count)
            for (index, name) in names.enumerated() where table[ExactText(name)] == nil {
                table[ExactText(name)] = Int32(index)
            }
            lookup = table
        }
        if let index = lookup?[ExactText(name)] { return index }
        let index = Int32(names.count)
        names.append(name)
        lookup?[ExactText(name)] = index
        return index
    }
}

extension RelationList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { types.count }

    public subscript(position: Int) -> Relation {
        get {
            Relation(
                type: types[position], from: names[Int(fromEnds[position])], to: names[Int(toEnds[position])],
                period: periods[position], basis: bases[position], annotations: annotations[position])
        }
        set {
            types[position] = newValue.type
            fromEnds[position] = intern(newValue.from)
            toEnds[position] = intern(newValue.to)
            periods[position] = newValue.period
            bases[position] = newValue.basis
            annotations[position] = newValue.annotations
        }
    }

    public mutating func replaceSubrange<C: Collection<Relation>>(_ range: Range<Int>, with relations: C) {
        var from: [Int32] = []
        var to: [Int32] = []
        from.reserveCapacity(relations.count)
        to.reserveCapacity(relations.count)
        for relation in relations {
            from.append(intern(relation.from))
            to.append(intern(relation.to))
        }
        types.replaceSubrange(range, with: relations.map(\.type))
        fromEnds.replaceSubrange(range, with: from)
        toEnds.replaceSubrange(range, with: to)
        periods.replaceSubrange(range, with: relations.map(\.period))
        bases.replaceSubrange(range, with: relations.map(\.basis))
        annotations.replaceSubrange(range, with: relations.map(\.annotations))
    }

    public mutating func reserveCapacity(_ capacity: Int) {
        types.reserveCapacity(capacity)
        fromEnds.reserveCapacity(capacity)
        toEnds.reserveCapacity(capacity)
        periods.reserveCapacity(capacity)
        bases.reserveCapacity(capacity)
        annotations.reserveCapacity(capacity)
    }
}

extension RelationList: ExpressibleByArrayLiteral {
    public init(arrayLiteral relations: Relation...) {
        self.init(relations)
    }
}

extension RelationList: Equatable {
    /// Two lists are equal when they hold equal relations in the same order, however their
    /// ids are numbered.
    public static func == (lhs: RelationList, rhs: RelationList) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

/// A string compared and hashed by its UTF-8 bytes, not by canonical equivalence: the key of
/// tables that keep text exactly as written.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
