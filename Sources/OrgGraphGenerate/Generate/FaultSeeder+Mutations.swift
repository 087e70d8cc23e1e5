import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// The fault of each rule: the smallest change to a clean place that the rule, and no other,
/// reports, once, on the node returned.
extension FaultSeeder {
    /// Seeds a fault of `rule` at `place`.
    ///
    /// - Returns: the expected finding, or `nil` when the place does not suit the rule (a unit
    ///   without a board for `board-has-one-chair`).
    /// - Complexity: O(relations of the place).
    mutating func mutate(_ rule: String, at place: Place, _ draft: inout OrganizationDraft) -> ExpectedFinding? {
        switch place {
        case .unit(let index):
            return mutateUnit(rule, draft.units[index], &draft)
        case .advisoryAgency(let node), .managingAgency(let node):
            let id = draft.nodes[node].id
            if rule == "no-self-relation" {
                // An agency escalates to itself (an agency may escalate to one).
                appended.append(Relation(type: .escalatesTo, from: id, to: id))
            } else {
                // part-of-required: the agency is written outside its committee. Its units
                // still receive documents from it, and their heads still escalate to it.
                draft.nodes[node].partOf = nil
            }
            return ExpectedFinding(rule: rule, node: id)
        case .commune(let index):
            let commune = draft.communes[index]
            let (committee, leader) = (draft.nodes[commune.committee].id, draft.nodes[commune.leader].id)
            if rule == "no-self-relation" {
                // The commune committee leads itself (a committee may lead one); not a cycle.
                appended.append(Relation(type: .leads, from: committee, to: committee))
                return ExpectedFinding(rule: rule, node: committee)
            }
            let leads = draft.relations[commune.leadsRelation]
            guard leads.type == .leads, leads.from == leader, leads.to == committee else { return nil }
            if rule == "acyclic-leadership" {
                if draft.nodes[commune.leader].kind == .districtPartyCommittee {
                    // The commune committee leads its district committee back: a cycle of two,
                    // reported on the one written first.
                    appended.append(Relation(type: .leads, from: committee, to: leader))
                    return ExpectedFinding(rule: rule, node: draft.nodes[min(commune.committee, commune.leader)].id)
                }
                // Two tiers: the commune committee and the next one lead each other (who else
                // leads a commune committee, the territorial nesting does not count).
                guard index + 1 < draft.communes.count else { return nil }
                let next = draft.nodes[draft.communes[index + 1].committee].id
                appended.append(Relation(type: .leads, from: committee, to: next))
                appended.append(Relation(type: .leads, from: next, to: committee))
                return ExpectedFinding(rule: rule, node: committee)
            }
            // territorial-nesting: nobody leads the commune committee.
            removedRelations.insert(commune.leadsRelation)
            return ExpectedFinding(rule: rule, node: committee)
        case .attachedCell(let index):
            // attached-cell-led: nobody leads the attached cell; it still reports to the commune.
            let place = draft.attachedCells[index]
            guard draft.relations[place.leadsRelation].type == .leads else { return nil }
            removedRelations.insert(place.leadsRelation)
            return ExpectedFinding(rule: rule, node: draft.nodes[place.committee].id)
        case .province(let index):
            // A body the two-tier organization no longer has, written on its own.
            let pid = draft.nodes[draft.provinces[index]].id
            let id = "\(pid)-cu\(appendedNodes.count + 1)"
            let node: Node
            if rule == "no-district-level" {
                node =
                    random.chance(0.5)
                    ? Node(id: id, kind: .districtPartyCommittee, name: "Huyện ủy (cũ) \(appendedNodes.count + 1)")
                    : Node(
                        id: id, kind: .peoplesCommittee, name: "Ủy ban nhân dân huyện (cũ) \(appendedNodes.count + 1)",
                        level: .district)
            } else {
                node =
                    random.chance(0.5)
                    ? Node(
                        id: id, kind: .blocPartyCommittee, name: "Đảng ủy Khối các cơ quan tỉnh (cũ)",
                        level: .provincial)
                    : Node(
                        id: id, kind: .partyCadresCommittee, name: "Ban cán sự đảng Ủy ban nhân dân tỉnh (cũ)",
                        level: .provincial)
            }
            appendedNodes.append(node)
            return ExpectedFinding(rule: rule, node: id)
        case .district(let index):
            // territorial-nesting: nobody leads the district committee.
            let district = draft.districts[index]
            guard draft.relations[district.leadsRelation].type == .leads else { return nil }
            removedRelations.insert(district.leadsRelation)
            return ExpectedFinding(rule: rule, node: draft.nodes[district.committee].id)
        }
    }

    private mutating func mutateUnit(
        _ rule: String, _ place: OrganizationDraft.UnitPlace, _ draft: inout OrganizationDraft
    ) -> ExpectedFinding? {
        func id(_ index: Int) -> String { draft.nodes[index].id }
        let (unit, upo, secretary, head) = (id(place.unit), id(place.upo), id(place.secretary), id(place.head))
        // The head, or the board chair when the unit has one and the draw says so.
        let leader = place.chair.map { random.chance(0.5) ? id($0) : head } ?? head
        let range = place.relations
        func find(_ type: RelationType, from: String? = nil, to: String? = nil, period: Period? = nil) -> Int? {
            range.first { index in
                let relation = draft.relations[index]
                return relation.type == type && (from == nil || relation.from == from)
                    && (to == nil || relation.to == to)
                    && (period.map { relation.period?.contains($0) ?? false } ?? true)
            }
        }
        func finding(_ node: String) -> ExpectedFinding { ExpectedFinding(rule: rule, node: node) }

        switch rule {
        case "relation-endpoints":
            // The leader informs the party organization: written the wrong way round, it counts
            // for nothing else (only the party organization's informs count).
            appended.append(Relation(type: .informs, from: leader, to: upo))
            return finding(leader)
        case "leaders-accountable":
            let person = random.chance(0.5) ? leader : secretary
            guard let index = find(.accountableTo, from: person, to: upo) else { return nil }
            removedRelations.insert(index)
            return finding(person)
        case "documents-from-party-committee":
            // Neither the leading committee nor its bodies send documents any more; the others
            // (the superior, the manager and its authorities) still do.
            guard place.level != .central else { return nil }
            let leading = draft.relations[range].first { $0.type == .leads && $0.to == upo }?.from
            guard let leading else { return nil }
            let senders = range.filter { index in
                let relation = draft.relations[index]
                guard relation.type == .sendsDocuments, relation.to == upo else { return false }
                return relation.from == leading
                    || (relation.from.hasPrefix(leading + "-") && !place.authorities.contains(relation.from))
            }
            guard !senders.isEmpty else { return nil }
            removedRelations.formUnion(senders)
            return finding(upo)
        case "directed-by-authority":
            guard let index = find(.directs, to: upo) else { return nil }
            removedRelations.insert(index)
            return finding(upo)
        case "commune-not-superior", "superior-at-unit-level":
            // The immediate superior is moved, with the periodic reports: to the commune where
            // the unit stands (2023), to a ministry's party committee (2025).
            guard let index = find(.superiorOf, to: upo),
                let target = rule == "commune-not-superior" ? place.home : draft.ministryCommittees.first,
                let report = find(.reportsTo, from: upo, to: draft.relations[index].from, period: .oneYear)
            else { return nil }
            draft.relations[index].from = target
            draft.relations[report].to = target
            return finding(upo)
        case "duplicate-relation":
            guard let index = find(.informs, from: upo, to: leader) else { return nil }
            appended.append(draft.relations[index])
            return finding(upo)
        case "part-of-required":
            // The secretary of a cell (or of a partial party committee) is written outside it;
            // no rule reads where such a secretary is.
            let secretaries = place.nodes.filter { $0 != place.secretary && draft.nodes[$0].kind == .partySecretary }
            guard !secretaries.isEmpty else { return nil }
            let secretary = random.pick(secretaries)
            draft.nodes[secretary].partOf = nil
            return finding(id(secretary))
        case "level-required":
            draft.nodes[place.unit].level = nil
            return finding(unit)
        case "single-immediate-superior":
            guard let index = find(.superiorOf, to: upo) else { return nil }
            removedRelations.insert(index)
            return finding(upo)
        case "leadership-at-unit-level":
            guard let index = find(.leads, to: upo) else { return nil }
            removedRelations.insert(index)
            return finding(upo)
        case "reports-to-standing-body":
            guard let index = find(.reportsTo, from: upo, period: .extraordinary) else { return nil }
            draft.relations[index].period = [.regular]
            return finding(upo)
        case "periodic-report-to-superior":
            guard let index = find(.reportsTo, from: upo, period: .oneYear) else { return nil }
            draft.relations[index].period?.removeAll { $0 == .oneYear }
            return finding(upo)
        case "leaders-report-to-party":
            guard let index = find(.reportsTo, from: leader, to: upo) else { return nil }
            draft.relations[index].period?.removeAll { $0 == .congress }
            return finding(leader)
        case "coordination-with-leaders", "party-informs-leaders":
            let type: RelationType = rule == "party-informs-leaders" ? .informs : .coordinatesWith
            guard let index = find(type, from: upo, to: leader) else { return nil }
            removedRelations.insert(index)
            return finding(upo)
        case "documents-reach-unit":
            // No sender that counts is left: the manager, its People's Committee, that
            // committee's party cadres committee.
            let senders = range.filter { index in
                let relation = draft.relations[index]
                return relation.type == .sendsDocuments && relation.to == upo
                    && place.authorities.contains(relation.from)
            }
            guard !senders.isEmpty else { return nil }
            removedRelations.formUnion(senders)
            return finding(upo)
        case "meeting-invitations":
            guard let index = find(.invites, to: random.chance(0.5) ? secretary : head) else { return nil }
            removedRelations.insert(index)
            return finding(upo)
        case "escalation-path":
            let from = random.chance(0.5) ? head : upo
            guard let index = find(.escalatesTo, from: from) else { return nil }
            removedRelations.insert(index)
            return finding(from)
        case "local-liaison":
            // The liaisons come in pairs, the commune committee then its People's Committee;
            // drop every committee, or every People's Committee.
            let liaisons = range.filter { draft.relations[$0].type == .liaisesWith && draft.relations[$0].from == upo }
            let parity = random.below(2)
            for (position, index) in liaisons.enumerated() where position % 2 == parity {
                removedRelations.insert(index)
            }
            return liaisons.isEmpty ? nil : finding(upo)
        case "unit-has-one-head":
            removeNodes([place.head], of: place, &draft)
            return finding(unit)
        case "unit-party-organization":
            // The party organization goes with its secretary and everything under it.
            let kept = [place.unit, place.head] + [place.board, place.chair].compactMap { $0 }
            removeNodes(place.nodes.filter { !kept.contains($0) }, of: place, &draft)
            return finding(unit)
        case "board-has-one-chair":
            guard let board = place.board, let chair = place.chair else { return nil }
            removeNodes([chair], of: place, &draft)
            return finding(id(board))
        default:
            return nil
        }
    }

    /// Marks nodes of a unit for removal, with every relation of the unit that touches them.
    private mutating func removeNodes(
        _ nodes: [Int], of place: OrganizationDraft.UnitPlace, _ draft: inout OrganizationDraft
    ) {
        let ids = Set(nodes.map { draft.nodes[$0].id })
        removedNodes.formUnion(nodes)
        for index in place.relations
        where ids.contains(draft.relations[index].from) || ids.contains(draft.relations[index].to) {
            removedRelations.insert(index)
        }
    }
}
