import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// A ministry the central units of every province belong to.
struct CentralTemplate: Sendable {
    var code: String
    var name: String
    var sector: String
    /// The unit each province has under this ministry.
    var unit: UnitTemplate

    static let ministries: [CentralTemplate] = [
        CentralTemplate(
            code: "bo-y-te", name: "Bộ Y tế", sector: "health",
            unit: .init("Bệnh viện Trung ương tại {P}", "health", "Giám đốc", "", nil, true)),
        CentralTemplate(
            code: "bo-gddt", name: "Bộ Giáo dục và Đào tạo", sector: "education",
            unit: .init("Trường Đại học {P}", "education", "Hiệu trưởng", "", .schoolCouncil, true)),
    ]
}

extension GenerationRun {
    /// A province of the two-tier local government: its party committee, People's Committee,
    /// authority party committee, party agencies committee and departments; its communes,
    /// directly under it, in areas of `--communes` communes each (the former districts); its
    /// provincial units, the units of each area's communes, and its central units.
    ///
    /// - Complexity: O(size of the province).
    mutating func twoTierProvince(_ pid: String, name pname: String) {
        let provinceIndex = draft.nextNode
        draft.provinces.append(provinceIndex)
        draft.add(pid, .provincialPartyCommittee, "Tỉnh ủy \(pname)", level: .provincial)
        let btv = draft.add(pid + "-btv", .standingCommittee, "Ban Thường vụ Tỉnh ủy \(pname)", partOf: pid)
        let tt = draft.add(pid + "-tt", .standingBoard, "Thường trực Tỉnh ủy \(pname)", partOf: pid)
        draft.advisoryAgencies.append(draft.nextNode)
        let btc = draft.add(pid + "-btc", .advisoryAgency, "Ban Tổ chức Tỉnh ủy \(pname)", partOf: pid)
        let ubnd = draft.add(pid + "-ubnd", .peoplesCommittee, "Ủy ban nhân dân tỉnh \(pname)", level: .provincial)
        draft.relate(.leads, pid, ubnd)
        let authorityName = "Đảng ủy Ủy ban nhân dân tỉnh \(pname)"
        let authority = draft.add(pid + "-dubnd", .authorityPartyCommittee, authorityName, level: .provincial)
        let authorityBTV = draft.add(
            authority + "-btv", .standingCommittee, "Ban Thường vụ \(authorityName)", partOf: authority)
        draft.relate(.leads, pid, authority)
        draft.relate(.leads, authority, ubnd)
        let agenciesName = "Đảng ủy các cơ quan Đảng tỉnh \(pname)"
        let agencies = draft.add(pid + "-dcqd", .partyAgenciesCommittee, agenciesName, level: .provincial)
        let agenciesBTV = draft.add(
            agencies + "-btv", .standingCommittee, "Ban Thường vụ \(agenciesName)", partOf: agencies)
        draft.relate(.leads, pid, agencies)
        let managers = departments(pid, name: pname, peoplesCommittee: ubnd, authority: authority)

        // The areas: groups of communes where the districts were, named after them.
        var usedAreaNames: Set<String> = [pname]
        let areaNames = PlaceNames.draw(size.districtsPerProvince, using: &random, avoiding: &usedAreaNames)
        let width = max(3, String(size.districtsPerProvince * size.communesPerDistrict).count)
        var areas: [District] = []
        var number = 0
        for (areaOffset, aname) in areaNames.enumerated() {
            var usedCommuneNames: Set<String> = [aname]
            let communeNames = PlaceNames.draw(size.communesPerDistrict, using: &random, avoiding: &usedCommuneNames)
            var communes: [Commune] = []
            for (offset, drawn) in communeNames.enumerated() {
                number += 1
                let cid = pid + "-c" + Self.padded(number, width)
                let urban = areaOffset == 0 || (offset == 0 && random.chance(0.5))
                let (cword, cname) = offset == 0 ? (urban ? "phường" : "xã", aname) : (urban ? "phường" : "xã", drawn)
                let committeeName = "Đảng ủy \(cword) \(cname)"
                draft.communes.append(
                    OrganizationDraft.CommitteePlace(
                        committee: draft.nextNode, leader: provinceIndex, leadsRelation: draft.nextRelation))
                draft.add(cid, .communePartyCommittee, committeeName)
                draft.relate(.leads, pid, cid)
                draft.add(cid + "-btv", .standingCommittee, "Ban Thường vụ \(committeeName)", partOf: cid)
                draft.add(cid + "-tt", .standingBoard, "Thường trực \(committeeName)", partOf: cid)
                let authority = draft.add(
                    cid + "-ubnd", .peoplesCommittee, "Ủy ban nhân dân \(cword) \(cname)", level: .commune)
                draft.relate(.leads, cid, authority)
                communes.append(
                    Commune(committee: cid, authority: authority, name: cname, fullName: cword + " " + cname))
            }
            healthStations(communes)
            areas.append(District(name: aname, fullName: "khu vực " + aname, communes: communes))
        }

        let unitWidth = max(3, String(size.provincialUnitsPerProvince).count)
        var seen: [Int: Int] = [:]
        for number in stride(from: 1, through: size.provincialUnitsPerProvince, by: 1) {
            let once = number <= UnitTemplate.provincialOnce.count
            let drawn = once ? number - 1 : random.weighted(UnitTemplate.provincialWeights)
            let template = once ? UnitTemplate.provincialOnce[drawn] : UnitTemplate.provincialMany[drawn].template
            let areaIndex = once ? 0 : random.below(areas.count)
            let located = areas[areaIndex]
            let person = random.below(PlaceNames.people.count)
            var name = template.name(
                province: pname, district: located.name, districtWithWord: located.fullName,
                person: PlaceNames.people[person])
            if !once {
                let key = template.nameKey(template: drawn, district: areaIndex, commune: 0, person: person)
                name = Self.unique(name, key: key, &seen)
            }
            // Most units' party organizations are under the authority party committee, some
            // under the party agencies committee, the others directly under the province.
            let draw = random.unit()
            let (superior, superiorStanding) =
                draw < 0.55 ? (authority, authorityBTV) : draw < 0.7 ? (agencies, agenciesBTV) : (pid, btv)
            let manager = managers.first { $0.code == template.manager }?.manager ?? managers[0].manager
            var context = UnitContext(
                level: .provincial, leader: pid, standing: [btv, tt], superior: superior,
                superiorStanding: superiorStanding, senders: random.chance(0.25) ? [btc, authority] : [btc],
                manager: manager, coManager: nil, cellOdds: 0.55, director: authority)
            if manager.id != ubnd, random.chance(0.05) { context.coManager = ubnd }
            let home = once ? located.communes[0] : random.pick(located.communes)
            unit(
                pid + "-u" + Self.padded(number, unitWidth), template, name, context,
                liaison: liaison(home, in: located))
        }

        // The former district units, now the communes' own.
        for area in areas {
            var seen: [Int: Int] = [:]
            var counters: [String: Int] = [:]
            for number in stride(from: 1, through: size.districtUnitsPerDistrict, by: 1) {
                let once = number <= UnitTemplate.districtOnce.count
                let drawn = once ? number - 1 : random.weighted(UnitTemplate.districtWeights)
                let template = once ? UnitTemplate.districtOnce[drawn] : UnitTemplate.districtMany[drawn].template
                let homeIndex = once ? 0 : random.below(area.communes.count)
                let home = area.communes[homeIndex]
                let person = random.below(PlaceNames.people.count)
                var name = template.name(
                    district: home.name, districtWithWord: home.fullName, commune: home.name,
                    person: PlaceNames.people[person])
                if !once {
                    let key = template.nameKey(template: drawn, district: 0, commune: homeIndex, person: person)
                    name = Self.unique(name, key: key, &seen)
                }
                let count = (counters[home.committee] ?? 0) + 1
                counters[home.committee] = count
                let manager = Manager(id: home.authority, escalation: home.authority, authorities: [home.authority])
                let context = UnitContext(
                    level: .commune, leader: home.committee,
                    standing: [home.committee + "-btv", home.committee + "-tt"],
                    superior: home.committee, superiorStanding: home.committee + "-btv", senders: [],
                    manager: manager, coManager: nil, cellOdds: 0.15, director: home.authority)
                unit(
                    home.committee + "-u" + Self.padded(count, 2), template, name, context,
                    liaison: liaison(home, in: area))
            }
        }
        centralUnits(pid, name: pname, districts: areas)
    }

    /// The province's units under the ministries: each led by and under the ministry's party
    /// committee, managed by the ministry, located in the province's first district or area.
    ///
    /// - Complexity: O(number of ministries).
    mutating func centralUnits(_ pid: String, name pname: String, districts: [District]) {
        guard let located = districts.first else { return }
        for (offset, template) in CentralTemplate.ministries.enumerated() {
            guard let ministry = ministries[template.code] else { continue }
            let manager = Manager(
                id: ministry.ministry, escalation: ministry.ministry, authorities: [ministry.ministry])
            let context = UnitContext(
                level: .central, leader: ministry.committee, standing: [ministry.standing],
                superior: ministry.committee, superiorStanding: ministry.standing, senders: [], manager: manager,
                coManager: nil, cellOdds: 0.8, director: nil)
            let name = template.unit.name(province: pname)
            unit(
                pid + "-tw" + String(offset + 1), template.unit, name, context,
                liaison: liaison(random.pick(located.communes), in: located))
        }
    }

    /// A health station in each of the first three communes: a commune unit whose only party
    /// organization is a cell attached to the commune committee, which leads it and which it
    /// reports to.
    ///
    /// - Complexity: O(1).
    mutating func healthStations(_ communes: [Commune]) {
        for commune in communes.prefix(3) {
            let uid = commune.committee + "-tyt"
            let name = "Trạm Y tế \(commune.fullName)"
            let unitIndex = draft.nextNode
            draft.add(uid, .publicServiceUnit, name, level: .commune, sector: "health")
            let cell = draft.add(uid + "-cb", .subordinateCell, "Chi bộ \(name)", partOf: uid)
            draft.add(cell + "-sec", .partySecretary, "Bí thư Chi bộ \(name)", partOf: cell)
            draft.add(uid + "-head", .unitHead, "Trưởng trạm \(name)", partOf: uid)
            draft.relate(.manages, commune.authority, uid)
            draft.attachedCells.append(
                OrganizationDraft.CommitteePlace(
                    committee: unitIndex + 1, leader: unitIndex, leadsRelation: draft.nextRelation))
            draft.relate(.leads, commune.committee, cell)
            draft.relate(.reportsTo, cell, commune.committee, period: [.sixMonths, .oneYear])
        }
    }
}
