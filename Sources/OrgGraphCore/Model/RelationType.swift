/// The type of a relation between two nodes (SPEC §2, "Relation types").
///
/// Leadership goes down, reporting goes up. Everything else the vocabulary says of a type (its
/// names, its source in the regulation, its direction, its allowed endpoints and fields) is
/// its row in ``entry``, in `VocabularyTable.swift`.
public enum RelationType: String, NamedVocabularyWord {
    case partOf = "part-of"
    case leads
    case superiorOf = "superior-of"
    case directs
    case sendsDocuments = "sends-documents"
    case invites
    case reportsTo = "reports-to"
    case manages
    case coordinatesWith = "coordinates-with"
    case informs
    case escalatesTo = "escalates-to"
    case accountableTo = "accountable-to"
    case liaisesWith = "liaises-with"

    /// The English display name of the type.
    public var englishName: String { entry.english }

    /// The Vietnamese display name of the type.
    public var vietnameseName: String { entry.vietnamese }

    /// The section of the regulation article the relation comes from, if any.
    public var source: String? { entry.source }

    /// Whether the relation may carry a `period` list.
    public var allowsPeriod: Bool { Self.withPeriod.contains(self) }
    /// Whether the relation may carry a `basis`.
    public var allowsBasis: Bool { Self.withBasis.contains(self) }

    private static let withPeriod = Set(allCases.filter { $0.entry.fields.contains(.period) })
    private static let withBasis = Set(allCases.filter { $0.entry.fields.contains(.basis) })
}
