/// The kind of a body or office in the organization (SPEC §2, "Node kinds").
///
/// The raw value is the kebab-case name written in organization files. Everything else the
/// vocabulary says of a kind (its names, its side, its level, what it is part of) is its row in
/// ``entry``, in `VocabularyTable.swift`.
public enum NodeKind: String, NamedVocabularyWord {
    case provincialPartyCommittee = "provincial-party-committee"
    case districtPartyCommittee = "district-party-committee"
    case communePartyCommittee = "commune-party-committee"
    case blocPartyCommittee = "bloc-party-committee"
    case authorityPartyCommittee = "authority-party-committee"
    case partyAgenciesCommittee = "party-agencies-committee"
    case superiorPartyCommittee = "superior-party-committee"
    case standingCommittee = "standing-committee"
    case standingBoard = "standing-board"
    case advisoryAgency = "advisory-agency"
    case partyCadresCommittee = "party-cadres-committee"
    case peoplesCommittee = "peoples-committee"
    case managingAgency = "managing-agency"
    case publicServiceUnit = "public-service-unit"
    case unitPartyCommittee = "unit-party-committee"
    case grassrootsCell = "grassroots-cell"
    case partialPartyCommittee = "partial-party-committee"
    case subordinateCell = "subordinate-cell"
    case partySecretary = "party-secretary"
    case unitHead = "unit-head"
    case managementBoard = "management-board"
    case schoolCouncil = "school-council"
    case boardChair = "board-chair"

    /// The English display name of the kind.
    public var englishName: String { entry.english }

    /// The Vietnamese display name of the kind.
    public var vietnameseName: String { entry.vietnamese }

    /// Whether the kind belongs to the party side (committees, cells, secretaries) rather than
    /// the state side (People's Committees, agencies, units and their leaders).
    public var isParty: Bool { KindSet.partySide.contains(self) }

    /// The level a territorial committee has by its kind, `nil` for other kinds.
    ///
    /// - Complexity: O(1).
    public var territorialLevel: Level? { Self.fixedLevels[index] }

    private static let fixedLevels: [Level?] = allCases.map {
        if case .fixed(let level) = $0.entry.level { return level }
        return nil
    }
}
