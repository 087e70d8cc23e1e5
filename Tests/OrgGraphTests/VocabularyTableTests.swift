import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// The vocabulary table is the one source of kinds and relation types: these tests hold what is
/// derived from it to the rows.
@Suite("Vocabulary table")
struct VocabularyTableTests {
    @Test("A kind's index is its place in allCases", arguments: NodeKind.allCases.enumerated().map { $0 })
    func kindIndex(position: Int, kind: NodeKind) {
        #expect(kind.index == position)
        #expect(NodeKind.entries.count == NodeKind.allCases.count)
    }

    @Test("A relation type's index is its place in allCases", arguments: RelationType.allCases.enumerated().map { $0 })
    func typeIndex(position: Int, type: RelationType) {
        #expect(type.index == position)
    }

    @Test("Levels, periods and bases are ordered and numbered by their place in allCases")
    func otherWords() {
        #expect(Level.allCases.map(\.index) == Array(Level.allCases.indices))
        #expect(Period.allCases.map(\.index) == Array(Period.allCases.indices))
        #expect(Basis.allCases.map(\.index) == Array(Basis.allCases.indices))
        #expect(Level.allCases.sorted() == Level.allCases)
        #expect(Level.central < .provincial && Level.provincial < .district && Level.district < .commune)
        #expect(Level.central.territorialCommittee == nil)
        #expect(Period.byName["6-months"] == .sixMonths && Basis.byName["residence"] == .residence)
    }

    @Test("Every kind has both names, in NFC, and a Vietnamese name with its diacritics", arguments: NodeKind.allCases)
    func kindNames(kind: NodeKind) {
        let entry = kind.entry
        #expect(!entry.english.isEmpty)
        #expect(!entry.vietnamese.isEmpty)
        #expect(entry.vietnamese == entry.vietnamese.precomposedStringWithCanonicalMapping)
        #expect(entry.english != entry.vietnamese)
    }

    @Test("Every relation type has both names, in NFC", arguments: RelationType.allCases)
    func typeNames(type: RelationType) {
        let entry = type.entry
        #expect(!entry.english.isEmpty)
        #expect(!entry.vietnamese.isEmpty)
        #expect(entry.vietnamese == entry.vietnamese.precomposedStringWithCanonicalMapping)
    }

    @Test(
        "Every relation type but part-of has endpoints; part-of takes its from the kinds' rows",
        arguments: RelationType.allCases)
    func endpoints(type: RelationType) {
        #expect(type.entry.endpoints.isEmpty == (type == .partOf))
        #expect((Vocabulary.standard.endpoints[type] ?? []) == type.entry.endpoints)
    }

    @Test("Containment and levels of the standard vocabulary are the kinds' rows", arguments: NodeKind.allCases)
    func containment(kind: NodeKind) {
        #expect(Vocabulary.standard.containers[kind] == kind.entry.partOf)
        switch kind.entry.level {
        case .required(let levels):
            #expect(Vocabulary.standard.requiredLevels[kind] == levels)
            #expect(kind.territorialLevel == nil)
        case .fixed(let level):
            #expect(Vocabulary.standard.requiredLevels[kind] == nil)
            #expect(kind.territorialLevel == level)
            #expect(level.territorialCommittee == kind)
        case .optional:
            #expect(Vocabulary.standard.requiredLevels[kind] == nil)
            #expect(kind.territorialLevel == nil)
        }
        #expect(kind.isParty == (kind.entry.side == .party))
    }

    @Test("Superiors follow a type backwards exactly when it points down", arguments: RelationType.allCases)
    func superiorsDirection(type: RelationType) {
        let step = Superiors.upwardStep(for: type)
        #expect(step.type == type)
        #expect(step.inverse == (type.entry.direction == .down))
    }

    @Test("Periods and bases are allowed by the rows' fields")
    func fields() {
        #expect(RelationType.allCases.filter(\.allowsPeriod) == [.reportsTo])
        #expect(RelationType.allCases.filter(\.allowsBasis) == [.liaisesWith])
    }

    @Test("Every group name is a kind set, and no group shares a name with a kind")
    func groups() {
        for group in KindGroup.allCases {
            #expect(KindSet.named(group.rawValue) == group.kinds)
            #expect(NodeKind(rawValue: group.rawValue) == nil)
            #expect(!group.kinds.isEmpty)
        }
        #expect(KindSet.allNames.count == NodeKind.allCases.count + KindGroup.allCases.count)
        #expect(
            KindSet.named("party-committee")
                == KindSet.aboveGrassrootsCommittees.union([.unitPartyCommittee, .partialPartyCommittee]))
        #expect(
            KindSet.named("above-grassroots-committee")?.kinds == [
                .provincialPartyCommittee, .districtPartyCommittee, .communePartyCommittee, .blocPartyCommittee,
                .authorityPartyCommittee, .partyAgenciesCommittee, .superiorPartyCommittee,
            ])
    }
}
