import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// Where a unit stands: the committee of its level that leads it, that committee's standing
/// bodies, its immediate superior, the agency that manages it.
struct UnitContext: Sendable {
    var level: Level
    /// The territorial committee of the unit's level.
    var leader: String
    /// Standing bodies of the leader; the first receives the unit's reports.
    var standing: [String]
    var superior: String
    /// The standing body the party organization takes disagreements to.
    var superiorStanding: String
    /// Further senders of directive documents (the organization board, the party cadres committee).
    var senders: [String]
    var manager: GenerationRun.Manager
    /// The People's Committee itself, when it manages the unit together with its department.
    var coManager: String?
    /// How likely a unit has a party committee with cells rather than a single cell.
    var cellOdds: Double
    /// Who `directs` the party organization: the party cadres or authority party committee, or
    /// the People's Committee of the unit's level; nobody for a central unit.
    var director: String?
}

extension GenerationRun {
    private static let regular: [Period] = [.regular, .extraordinary]
    private static let periodic: [Period] = [.sixMonths, .oneYear]
    private static let periodicAdHoc: [Period] = [.sixMonths, .oneYear, .adHoc]
    private static let leaderReports: [Period] = [.sixMonths, .oneYear, .congress]

    /// One public service unit with its party organization, secretary, head, sometimes a board
    /// and its chair, sometimes cells, and all its working relationships.
    ///
    /// - Complexity: O(1): a unit has at most a few dozen nodes and relations.
    mutating func unit(
        _ uid: String, _ template: UnitTemplate, _ name: String, _ context: UnitContext,
        liaison: [(Commune, Basis)]
    ) {
        let firstNode = draft.nextNode
        let firstRelation = draft.nextRelation
        let hasCells = random.chance(context.cellOdds * (template.isLarge ? 1.6 : 0.6))
        let staff = hasCells ? random.inRange(80...1200) : random.inRange(12...90)
        let unitIndex = draft.nextNode
        draft.add(
            uid, .publicServiceUnit, name, level: context.level, sector: template.sector,
            attributes: [Attribute(key: "staff", value: String(staff))])
        let (kind, title) = hasCells ? (NodeKind.unitPartyCommittee, "Đảng ủy") : (.grassrootsCell, "Chi bộ")
        let members = max(3, Int(Double(staff) * (0.2 + 0.4 * random.unit())))
        let upo = draft.add(
            uid + "-upo", kind, "\(title) \(name)", partOf: uid,
            attributes: [Attribute(key: "party-members", value: String(members))])
        let secretary = draft.add(uid + "-sec", .partySecretary, "Bí thư \(title) \(name)", partOf: upo)
        let head = draft.add(uid + "-head", .unitHead, "\(template.headTitle) \(name)", partOf: uid)
        var leaders = [head]
        var board: Int?
        var chair: Int?
        if let boardKind = template.board, random.chance(0.5) {
            let boardName = boardKind == .managementBoard ? "Hội đồng quản lý" : "Hội đồng trường"
            board = draft.nextNode
            let boardID = draft.add(uid + "-board", boardKind, "\(boardName) \(name)", partOf: uid)
            chair = draft.nextNode
            leaders.append(draft.add(uid + "-chair", .boardChair, "Chủ tịch \(boardName) \(name)", partOf: boardID))
        }
        if hasCells { cells(of: uid, upo: upo, template: template) }

        let manager = context.manager
        draft.relate(.manages, manager.id, uid)
        if let coManager = context.coManager { draft.relate(.manages, coManager, uid) }
        draft.relate(.leads, context.leader, upo)
        draft.relate(.superiorOf, context.superior, upo)
        if let director = context.director { draft.relate(.directs, director, upo) }
        draft.relate(.reportsTo, upo, context.standing[0], period: Self.regular)
        draft.relate(.reportsTo, upo, context.superior, period: random.chance(0.1) ? Self.periodicAdHoc : Self.periodic)
        var senders: [String] = []
        for sender in [context.leader, context.superior] + context.senders + [manager.id]
        where !senders.contains(sender) {
            senders.append(sender)
            draft.relate(.sendsDocuments, sender, upo)
        }
        draft.relate(.invites, context.standing[0], secretary)
        draft.relate(.invites, random.pick(context.standing), head)
        for leader in leaders {
            draft.relate(.coordinatesWith, upo, leader)
            draft.relate(.informs, upo, leader)
            draft.relate(.reportsTo, leader, upo, period: Self.leaderReports)
            draft.relate(.accountableTo, leader, upo)
        }
        draft.relate(.accountableTo, secretary, upo)
        for leader in leaders {
            draft.relate(.escalatesTo, leader, random.chance(0.8) ? manager.id : manager.escalation)
        }
        draft.relate(.escalatesTo, upo, context.superiorStanding)
        for (commune, basis) in liaison {
            draft.relate(.liaisesWith, upo, commune.committee, basis: basis)
            draft.relate(.liaisesWith, upo, commune.authority, basis: basis)
        }
        draft.units.append(
            OrganizationDraft.UnitPlace(
                unit: unitIndex, upo: unitIndex + 1, secretary: unitIndex + 2, head: unitIndex + 3, board: board,
                chair: chair, hasCells: hasCells, nodes: firstNode..<draft.nextNode,
                relations: firstRelation..<draft.nextRelation, authorities: manager.authorities, level: context.level,
                home: liaison.first?.0.committee))
    }

    /// The cells of a unit's party committee, with their secretaries; in a large unit,
    /// sometimes a partial party committee with cells of its own.
    private mutating func cells(of uid: String, upo: String, template: UnitTemplate) {
        var parents = [upo]
        if template.isLarge, random.chance(0.15) {
            let part = draft.add(
                uid + "-part1", .partialPartyCommittee, "Đảng ủy bộ phận Khối Chuyên môn", partOf: upo)
            draft.add(part + "-sec", .partySecretary, "Bí thư Đảng ủy bộ phận Khối Chuyên môn", partOf: part)
            draft.relate(.leads, upo, part)
            draft.relate(.reportsTo, part, upo, period: Self.periodic)
            parents.append(part)
        }
        let names = UnitTemplate.cellNames(sector: template.sector)
        let chosen = random.sample(random.inRange(2...min(5, names.count)), of: names.count)
        for (offset, nameIndex) in chosen.enumerated() {
            let parent = parents[(offset + 1) % parents.count]
            let cell = draft.add(
                uid + "-cell\(offset + 1)", .subordinateCell, "Chi bộ \(names[nameIndex])", partOf: parent)
            draft.add(cell + "-sec", .partySecretary, "Bí thư Chi bộ \(names[nameIndex])", partOf: cell)
            draft.relate(.leads, parent, cell)
            draft.relate(.reportsTo, cell, parent, period: Self.periodic)
        }
    }
}
