import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate

/// Two generated organizations, the second made from the first by four edits, and what
/// `diff` must report of them, worked out here from the edits.
struct EditedOrganizations {
    var old: LoadedOrganization
    var new: LoadedOrganization
    /// The unit removed, and every body part of it, directly or not.
    var removedIDs: Set<String>
    /// The relations that name a removed body, by (type, from, to).
    var removedRelations: [String]
    /// The cell moved, and its old and new containers.
    var moved: (cell: String, from: String, to: String)
    var addedRelation: Relation
    /// The `reports-to` whose periods changed, before and after.
    var periodChanged: (relation: Relation, before: [Period], after: [Period])

    /// A two-province organization, and the same with a unit removed, a cell moved, a
    /// relation added and a period changed, both written as YAML and loaded back.
    static func make(structure: OrganizationGenerator.Structure = .threeTier) throws -> EditedOrganizations {
        let size = OrganizationGenerator.Size(
            provinces: 2, districtsPerProvince: 2, communesPerDistrict: 2, provincialUnitsPerProvince: 4,
            districtUnitsPerDistrict: 2)
        let original = try OrganizationGenerator(size: size, seed: 11, structure: structure).generate().organization
        var edited = original
        let nodes = original.nodes
        // A unit, and everything part of it.
        let units = nodes.filter { $0.kind == .publicServiceUnit }
        let unit = try #require(units.first { $0.level == .provincial })
        var removed: Set<String> = [unit.id]
        var grew = true
        while grew {
            grew = false
            for node in nodes where !removed.contains(node.id) {
                if let container = node.partOf, removed.contains(container) {
                    removed.insert(node.id)
                    grew = true
                }
            }
        }
        edited.nodes = nodes.filter { !removed.contains($0.id) }
        let removedRelations = original.relations.filter { removed.contains($0.from) || removed.contains($0.to) }
        edited.relations = RelationList(
            original.relations.filter { !removed.contains($0.from) && !removed.contains($0.to) })
        // A cell under one unit party committee moved under another.
        let committees = Set(nodes.filter { $0.kind == .unitPartyCommittee && !removed.contains($0.id) }.map(\.id))
        let cellIndex = try #require(
            edited.nodes.firstIndex {
                [.subordinateCell, .grassrootsCell].contains($0.kind) && committees.contains($0.partOf ?? "")
            })
        let from = try #require(edited.nodes[cellIndex].partOf)
        let to = try #require(committees.sorted().first { $0 != from })
        edited.nodes[cellIndex].partOf = to
        // A relation no file had: a provincial committee that leads a unit head.
        let committee = try #require(nodes.first { $0.kind == .provincialPartyCommittee })
        let head = try #require(edited.nodes.first { $0.kind == .unitHead })
        let added = Relation(type: .leads, from: committee.id, to: head.id)
        edited.relations.append(added)
        // A report's periods, another set.
        let reportIndex = try #require(
            edited.relations.firstIndex { $0.type == .reportsTo && ($0.period ?? []).contains(.oneYear) })
        let report = edited.relations[reportIndex]
        let after = (report.period ?? []).filter { $0 != .oneYear } + [.adHoc]
        edited.relations[reportIndex].period = after
        return EditedOrganizations(
            old: try load(OrganizationWriter.write(original, as: .yaml), file: "old.yaml"),
            new: try load(OrganizationWriter.write(edited, as: .yaml), file: "new.yaml"),
            removedIDs: removed, removedRelations: removedRelations.map(Self.identity),
            moved: (edited.nodes[cellIndex].id, from, to), addedRelation: added,
            periodChanged: (report, report.period ?? [], after))
    }

    static func identity(_ relation: Relation) -> String {
        "\(relation.type.rawValue) \(relation.from) \(relation.to)"
    }

    /// The findings of `validate` of each side: what the file's own rulebook finds.
    func findings(_ loaded: LoadedOrganization) throws -> [Finding] {
        let rulebook = try RulebookLoader().rulebook(option: nil, for: loaded.organization)
        return Auditor(rulebook: rulebook).audit(loaded).findings
    }

    func diff(language: Language = .english) throws -> OrganizationDiff {
        let rulebook = try RulebookLoader().rulebook(option: nil, for: old.organization)
        return OrganizationDiff(
            old: old, new: new, oldAuditor: Auditor(rulebook: rulebook, language: language),
            newAuditor: Auditor(rulebook: rulebook, language: language))
    }
}

@Suite("diff")
struct DiffTests {
    @Test(
        "A unit removed, a cell moved, a relation added, a period changed: exactly those, and the findings validate gives",
        arguments: OrganizationGenerator.Structure.allCases)
    func generatedEdits(structure: OrganizationGenerator.Structure) throws {
        let edits = try EditedOrganizations.make(structure: structure)
        let diff = try edits.diff()

        #expect(Set(diff.bodies.removed.map(\.node.id)) == edits.removedIDs)
        #expect(diff.bodies.removed.count == edits.removedIDs.count)
        #expect(diff.bodies.added.isEmpty)
        #expect(diff.bodies.changed.map(\.new.node.id) == [edits.moved.cell])
        #expect(
            diff.bodies.changed.first?.fields
                == [
                    OrganizationDiff.FieldChange(
                        field: "part-of", old: .text(edits.moved.from), new: .text(edits.moved.to))
                ])

        #expect(
            diff.relations.removed.map(\.relation).map(EditedOrganizations.identity).sorted()
                == edits.removedRelations.sorted())
        #expect(diff.relations.added.map(\.relation) == [edits.addedRelation])
        let changed = try #require(diff.relations.changed.first)
        #expect(diff.relations.changed.count == 1)
        #expect(
            EditedOrganizations.identity(changed.new.relation)
                == EditedOrganizations.identity(edits.periodChanged.relation))
        let order = { (periods: [Period]) in Period.allCases.filter(periods.contains).map(\.rawValue) }
        #expect(
            changed.fields
                == [
                    OrganizationDiff.FieldChange(
                        field: "period", old: .list(order(edits.periodChanged.before)),
                        new: .list(order(edits.periodChanged.after)))
                ])
        #expect(diff.suppressions.isEmpty && diff.organization.isEmpty)

        // The findings brought in and resolved are the multiset difference of validate's.
        let (before, after) = (try edits.findings(edits.old), try edits.findings(edits.new))
        #expect(diff.introduced.map(\.fingerprint).sorted() == Self.difference(after, before))
        #expect(diff.resolved.map(\.fingerprint).sorted() == Self.difference(before, after))
        #expect(diff.introduced.contains { $0.rule == "relation-endpoints" && $0.node == edits.addedRelation.from })
        // Every item's place is in its own file.
        #expect(diff.bodies.removed.allSatisfy { $0.place.file == "old.yaml" && $0.place.location.isKnown })
        #expect(diff.relations.added.allSatisfy { $0.place.file == "new.yaml" && $0.place.location.isKnown })
        #expect(diff.introduced.allSatisfy { $0.file == "new.yaml" })
        #expect(diff.resolved.allSatisfy { $0.file == "old.yaml" })
    }

    /// The fingerprints of `these` beyond those of `those`, as multisets, sorted.
    static func difference(_ these: [Finding], _ those: [Finding]) -> [String] {
        var counts: [String: Int] = [:]
        for finding in those { counts[finding.fingerprint, default: 0] += 1 }
        var result: [String] = []
        for finding in these {
            if let count = counts[finding.fingerprint], count > 0 {
                counts[finding.fingerprint] = count - 1
            } else {
                result.append(finding.fingerprint)
            }
        }
        return result.sorted()
    }

    @Test("The text names each change by name and id, under headings with counts, in English and in Vietnamese")
    func text() throws {
        let edits = try EditedOrganizations.make()
        let diff = try edits.diff()
        let english = DiffReport(diff, language: .english).text()
        let removed = edits.removedIDs.count
        let relationsRemoved = edits.removedRelations.count
        #expect(english.hasPrefix("Changes from old.yaml to new.yaml\nRulebook: 125-QD/TW\n\nSummary\n"))
        #expect(english.contains("  Bodies: \(removed) removed, 0 added, 1 changed\n"))
        #expect(english.contains("  Relations: \(relationsRemoved) removed, 1 added, 1 changed\n"))
        #expect(english.contains("\nBodies removed (\(removed))\n"))
        #expect(english.contains("\nBodies changed (1)\n"))
        #expect(english.contains("\nRelations added (1)\n"))
        #expect(english.contains("\nRelations changed (1)\n"))
        #expect(english.contains("\nFindings introduced (\(diff.introduced.count))\n"))
        let cell = try #require(edits.new.organization.nodes.first { $0.id == edits.moved.cell })
        let from = try #require(edits.old.organization.nodes.first { $0.id == edits.moved.from })
        let to = try #require(edits.new.organization.nodes.first { $0.id == edits.moved.to })
        #expect(english.contains("\(cell.name ?? "") (\(cell.id)), \(cell.kind.rawValue)"))
        #expect(english.contains("    part-of: \(from.name ?? "") (\(from.id)) → \(to.name ?? "") (\(to.id))\n"))
        #expect(english.contains("    period: 6-months, 1-year"))

        let vietnamese = DiffReport(try edits.diff(language: .vietnamese), language: .vietnamese).text()
        #expect(vietnamese.isNFC)
        #expect(vietnamese.hasPrefix("Thay đổi từ old.yaml sang new.yaml\nBộ quy tắc: 125-QD/TW\n\nTóm tắt\n"))
        #expect(vietnamese.contains("\nTổ chức, chức danh bị bỏ (\(removed))\n"))
        #expect(vietnamese.contains("\nQuan hệ công tác bị bỏ (\(relationsRemoved))\n"))
        #expect(vietnamese.contains("\nQuan hệ công tác thay đổi (1)\n"))
        #expect(vietnamese.contains("\nPhát hiện mới phát sinh (\(diff.introduced.count))\n"))
        #expect(vietnamese.contains("(\(cell.id)), \(cell.kind.shortVietnameseName) (\(cell.kind.rawValue))"))
        #expect(vietnamese.contains("    trực thuộc: \(from.name ?? "") (\(from.id)) → \(to.name ?? "") (\(to.id))\n"))
        #expect(vietnamese.contains("    kỳ báo cáo: định kỳ 6 tháng (6-months), định kỳ 1 năm (1-year)"))
        #expect(vietnamese.contains("lãnh đạo (leads): "))
        #expect(!vietnamese.contains("Bodies") && !vietnamese.contains("Findings"))
    }

    @Test("The JSON has the documented shape, and says what the text says", arguments: Language.allCases)
    func json(language: Language) throws {
        let edits = try EditedOrganizations.make()
        let diff = try edits.diff(language: language)
        let text = DiffReport(diff, language: language).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            Set(object.keys)
                == [
                    "old", "new", "organization", "bodies", "relations", "suppressions", "findings", "summary",
                    "errors", "language",
                ])
        #expect(object["language"] as? String == language.rawValue)
        let bodies = try #require(object["bodies"] as? [String: [[String: Any]]])
        #expect(Set(bodies["removed"]?.compactMap { $0["id"] as? String } ?? []) == edits.removedIDs)
        let moved = try #require(bodies["changed"]?.first)
        #expect(moved["id"] as? String == edits.moved.cell)
        #expect(moved["file"] as? String == "new.yaml")
        #expect((moved["old"] as? [String: Any])?["file"] as? String == "old.yaml")
        let change = try #require((moved["changes"] as? [[String: Any]])?.first)
        #expect(change["field"] as? String == "part-of")
        #expect(change["old"] as? String == edits.moved.from)
        #expect(change["new"] as? String == edits.moved.to)
        let relations = try #require(object["relations"] as? [String: [[String: Any]]])
        let period = try #require((relations["changed"]?.first?["changes"] as? [[String: Any]])?.first)
        #expect(period["field"] as? String == "period")
        #expect((period["new"] as? [String])?.contains("ad-hoc") == true)
        #expect(relations["added"]?.first?["type"] as? String == "leads")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect((summary["bodies"] as? [String: Int])?["removed"] == edits.removedIDs.count)
        #expect((summary["relations"] as? [String: Int])?["removed"] == edits.removedRelations.count)
        #expect((summary["findings"] as? [String: Int])?["introduced"] == diff.introduced.count)
        let findings = try #require(object["findings"] as? [String: [[String: Any]]])
        #expect(
            findings["introduced"]?.compactMap { $0["fingerprint"] as? String } == diff.introduced.map(\.fingerprint))
    }

    @Test("Fingerprints depend on neither line numbers nor the file's name or format")
    func fingerprintsAreStable() throws {
        let edits = try EditedOrganizations.make()
        let organization = edits.new.organization
        var shuffled = organization
        shuffled.nodes.reverse()
        shuffled.relations = RelationList(organization.relations.reversed())
        let yaml = try load(
            "# moved down\n\n\n" + OrganizationWriter.write(shuffled, as: .yaml), file: "elsewhere/b.yaml")
        let json = try load(OrganizationWriter.write(organization, as: .json), file: "c.json")
        let fingerprints = try edits.findings(edits.new).map(\.fingerprint).sorted()
        #expect(!fingerprints.isEmpty)
        #expect(try edits.findings(yaml).map(\.fingerprint).sorted() == fingerprints)
        #expect(try edits.findings(json).map(\.fingerprint).sorted() == fingerprints)
        // And so a diff of the same organization written otherwise has nothing to say.
        let rulebook = try RulebookLoader().rulebook(option: nil, for: organization)
        let same = OrganizationDiff(
            old: edits.new, new: yaml, oldAuditor: Auditor(rulebook: rulebook), newAuditor: Auditor(rulebook: rulebook))
        #expect(same.isEmpty)
        #expect(DiffReport(same).text().hasSuffix("No changes.\n"))
    }

    @Test("Relations that share type, from and to are matched in file order; periods compare as sets")
    func sharedIdentity() throws {
        let nodes = """
            orggraph: 1
            nodes:
              - {id: bv, kind: public-service-unit, level: provincial}
              - {id: du, kind: unit-party-committee, part-of: bv}
              - {id: cb, kind: subordinate-cell, part-of: du}
            relations:

            """
        let old = try load(
            nodes + """
                  - {type: reports-to, from: cb, to: du, period: [6-months]}
                  - {type: reports-to, from: cb, to: du, period: [1-year, congress]}
                  - {type: reports-to, from: cb, to: du, period: [regular]}
                """, file: "old.yaml")
        let new = try load(
            nodes + """
                  - {type: reports-to, from: cb, to: du, period: [6-months]}
                  - {type: reports-to, from: cb, to: du, period: [congress, 1-year, 1-year]}
                """, file: "new.yaml")
        let diff = OrganizationDiff(
            old: old, new: new, oldFindings: [], newFindings: [], oldRulebook: "x", newRulebook: "x")
        #expect(diff.relations.changed.isEmpty)
        #expect(diff.relations.added.isEmpty)
        #expect(diff.relations.removed.map(\.index) == [2])
        #expect(diff.relations.removed.first?.place == .init(file: "old.yaml", location: .init(line: 9, column: 5)))
    }

    @Test("Every field a user writes takes part: sector, note, attributes, basis, suppressions, title, rulebook")
    func everyField() throws {
        let old = try load(
            """
            orggraph: 1
            title: A
            nodes:
              - {id: tu, kind: provincial-party-committee, name: Tỉnh ủy}
              - {id: bv, kind: public-service-unit, level: provincial, sector: health, attributes: {beds: "800", code: "X"}}
              - {id: du, kind: unit-party-committee, part-of: bv}
            relations:
              - {type: liaises-with, from: du, to: tu, basis: location, note: một}
            suppressions:
              - {rule: local-liaison, node: du, reason: first}
            """, file: "old.yaml")
        let new = try load(
            """
            orggraph: 1
            title: B
            rulebook: 125-QD/TW-2025
            nodes:
              - {id: tu, kind: provincial-party-committee, name: Tỉnh ủy Lâm Đồng}
              - {id: bv, kind: public-service-unit, level: provincial, sector: education, note: moved, attributes: {code: "X", beds: "900", staff: "12"}}
              - {id: du, kind: unit-party-committee, part-of: bv}
            relations:
              - {type: liaises-with, from: du, to: tu, basis: residence, note: hai, attributes: {since: "2025"}}
            suppressions:
              - {rule: local-liaison, node: du, reason: second}
              - {rule: documents-reach-unit, node: du, reason: new}
            """, file: "new.yaml")
        let diff = OrganizationDiff(
            old: old, new: new, oldFindings: [], newFindings: [], oldRulebook: "a", newRulebook: "b")
        #expect(diff.organization.map(\.field) == ["title", "rulebook"])
        #expect(diff.bodies.changed.map(\.new.node.id) == ["tu", "bv"])
        #expect(
            diff.bodies.changed.last?.fields.map { $0.field + ($0.key.map { ":" + $0 } ?? "") } == [
                "sector", "note", "attributes:beds", "attributes:staff",
            ])
        #expect(diff.relations.changed.first?.fields.map(\.field) == ["basis", "note", "attributes"])
        #expect(
            diff.suppressions.changed.first?.fields == [
                .init(field: "reason", old: .text("first"), new: .text("second"))
            ])
        #expect(diff.suppressions.added.map(\.suppression.rule) == ["documents-reach-unit"])
        let text = DiffReport(diff).text()
        #expect(text.contains("Rulebook: a for the old file, b for the new one"))
        #expect(text.contains("    attribute 'beds': \"800\" → \"900\"\n"))
        #expect(text.contains("    attribute 'staff': (none) → \"12\"\n"))
        #expect(text.contains("    basis: location → residence\n"))
        let vietnamese = DiffReport(diff, language: .vietnamese).text()
        #expect(vietnamese.contains("    căn cứ: nơi đơn vị đặt trụ sở (location) → nơi cư trú (residence)\n"))
        #expect(vietnamese.contains("    lĩnh vực: \"health\" → \"education\"\n"))
        #expect(vietnamese.contains("    lý do: \"first\" → \"second\"\n"))
    }
}
