import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// One generation: the random sequence, the names used so far and the draft it fills, province
/// by province.
///
/// Three tiers: each province gets its party committee (standing committee, standing board,
/// organization board), a bloc party committee, the People's Committee with its party cadres
/// committee and departments; each district its committee, standing bodies, People's Committee
/// and offices; each commune its committee and People's Committee; then the units.
///
/// Two tiers: each province gets its party committee, the People's Committee with its
/// authority party committee and departments, the party agencies committee; each commune its
/// committee (directly under the province) with its standing bodies and People's Committee;
/// then the units of the province and of the communes.
///
/// Both: two ministries with their party committees, and in each province two central units
/// under them; and in the first communes of each district (or area) a health station whose
/// party cell is attached to the commune committee.
struct GenerationRun: Sendable {
    let size: OrganizationGenerator.Size
    let structure: OrganizationGenerator.Structure
    var random: SplitMix64
    var draft = OrganizationDraft()
    private var usedProvinceNames: Set<String> = []
    /// The ministries, by template code: the ministry, its party committee, that committee's standing committee.
    var ministries: [String: (ministry: String, committee: String, standing: String)] = [:]

    init(size: OrganizationGenerator.Size, seed: UInt64, structure: OrganizationGenerator.Structure = .threeTier) {
        self.size = size
        self.structure = structure
        random = SplitMix64(seed: seed)
    }

    /// A district as its units and the provincial units located in it see it.
    struct District {
        var name: String
        /// `huyện Hòa Bình`, `thành phố Lâm Đồng`.
        var fullName: String
        var communes: [Commune]
    }

    struct Commune {
        var committee: String
        var authority: String
        var name: String
        /// `xã Hòa Bình`, `phường Lâm Viên`.
        var fullName: String
    }

    /// An agency (or the People's Committee) that manages units, the body their heads may
    /// escalate to instead, and the senders whose documents count for its units.
    struct Manager {
        var id: String
        var escalation: String
        var authorities: [String]
    }

    /// Fills the draft, province by province.
    ///
    /// - Complexity: O(size of the organization).
    mutating func generate() {
        // Room for the expected nodes and relations: the arrays still grow when they must.
        draft.nodes.reserveCapacity(Int(size.estimatedNodes * 1.05))
        draft.relations.reserveCapacity(Int(size.estimatedRelations * 1.05))
        let width = max(2, String(size.provinces).count)
        let names = PlaceNames.draw(size.provinces, using: &random, avoiding: &usedProvinceNames)
        for ministry in CentralTemplate.ministries {
            let id = draft.add(ministry.code, .managingAgency, ministry.name, level: .central, sector: ministry.sector)
            let committee = draft.add(
                id + "-du", .superiorPartyCommittee, "Đảng ủy \(ministry.name)", level: .central)
            let standing = draft.add(
                committee + "-btv", .standingCommittee, "Ban Thường vụ Đảng ủy \(ministry.name)", partOf: committee)
            draft.ministryCommittees.append(committee)
            ministries[ministry.code] = (id, committee, standing)
        }
        for (offset, name) in names.enumerated() {
            let pid = "p" + Self.padded(offset + 1, width)
            switch structure {
            case .threeTier: province(pid, name: name)
            case .twoTier: twoTierProvince(pid, name: name)
            }
        }
    }

    /// `number` in decimal, with leading zeros up to `width` digits.
    ///
    /// - Complexity: O(`width`).
    /// The provincial People's Committee `ubnd` and its departments, as the managers of the
    /// province's units: each department is part of it and escalates to it, and its documents
    /// may come from it, from the People's Committee, or from `authority` (the party cadres
    /// committee of three-tier years, the authority party committee since 2025).
    mutating func departments(
        _ pid: String, name pname: String, peoplesCommittee ubnd: String, authority: String
    ) -> [(code: String, manager: Manager)] {
        var managers: [(code: String, manager: Manager)] = [
            ("ubnd", Manager(id: ubnd, escalation: ubnd, authorities: [ubnd, authority]))
        ]
        for agency in AgencyTemplate.departments {
            draft.managingAgencies.append(draft.nextNode)
            let id = draft.add(
                pid + "-" + agency.code, .managingAgency, "\(agency.name) tỉnh \(pname)", sector: agency.sector,
                partOf: ubnd)
            draft.relate(.escalatesTo, id, ubnd)
            managers.append((agency.code, Manager(id: id, escalation: ubnd, authorities: [id, ubnd, authority])))
        }
        return managers
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A province: its committees, People's Committee and departments, its districts, then its
    /// provincial units.
    ///
    /// - Complexity: O(size of the province).
    private mutating func province(_ pid: String, name pname: String) {
        let provinceIndex = draft.nextNode
        draft.provinces.append(provinceIndex)
        draft.add(pid, .provincialPartyCommittee, "Tỉnh ủy \(pname)", level: .provincial)
        let btv = draft.add(pid + "-btv", .standingCommittee, "Ban Thường vụ Tỉnh ủy \(pname)", partOf: pid)
        let tt = draft.add(pid + "-tt", .standingBoard, "Thường trực Tỉnh ủy \(pname)", partOf: pid)
        draft.advisoryAgencies.append(draft.nextNode)
        let btc = draft.add(pid + "-btc", .advisoryAgency, "Ban Tổ chức Tỉnh ủy \(pname)", partOf: pid)
        let blocName = "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh \(pname)"
        let khoi = draft.add(pid + "-khoi", .blocPartyCommittee, blocName, level: .provincial)
        let khoiBTV = draft.add(khoi + "-btv", .standingCommittee, "Ban Thường vụ \(blocName)", partOf: khoi)
        draft.relate(.leads, pid, khoi)
        let ubnd = draft.add(pid + "-ubnd", .peoplesCommittee, "Ủy ban nhân dân tỉnh \(pname)", level: .provincial)
        draft.relate(.leads, pid, ubnd)
        // The party cadres committee stands on its own: led by the standing committee, it leads
        // the People's Committee.
        let bcs = draft.add(
            pid + "-bcs", .partyCadresCommittee, "Ban cán sự đảng Ủy ban nhân dân tỉnh \(pname)", level: .provincial)
        draft.relate(.leads, btv, bcs)
        draft.relate(.leads, bcs, ubnd)
        let managers = departments(pid, name: pname, peoplesCommittee: ubnd, authority: bcs)

        var usedDistrictNames: Set<String> = [pname]
        let districtNames = PlaceNames.draw(size.districtsPerProvince, using: &random, avoiding: &usedDistrictNames)
        let width = max(2, String(size.districtsPerProvince).count)
        var districts: [District] = []
        for (offset, dname) in districtNames.enumerated() {
            let did = pid + "-d" + Self.padded(offset + 1, width)
            districts.append(district(did, name: dname, number: offset + 1, province: (pid, provinceIndex)))
        }

        let unitWidth = max(3, String(size.provincialUnitsPerProvince).count)
        var seen: [Int: Int] = [:]
        for number in stride(from: 1, through: size.provincialUnitsPerProvince, by: 1) {
            let once = number <= UnitTemplate.provincialOnce.count
            let drawn = once ? number - 1 : random.weighted(UnitTemplate.provincialWeights)
            let template = once ? UnitTemplate.provincialOnce[drawn] : UnitTemplate.provincialMany[drawn].template
            // Units named after the province stand in its capital; the others in a district.
            let districtIndex = once ? 0 : random.below(districts.count)
            let located = districts[districtIndex]
            let person = random.below(PlaceNames.people.count)
            var name = template.name(
                province: pname, district: located.name, districtWithWord: located.fullName,
                person: PlaceNames.people[person])
            if !once {
                let key = template.nameKey(template: drawn, district: districtIndex, commune: 0, person: person)
                name = Self.unique(name, key: key, &seen)
            }
            let bloc = random.chance(0.4)
            let manager = managers.first { $0.code == template.manager }?.manager ?? managers[0].manager
            var context = UnitContext(
                level: .provincial, leader: pid, standing: [btv, tt], superior: bloc ? khoi : pid,
                superiorStanding: bloc ? khoiBTV : btv, senders: random.chance(0.25) ? [btc, bcs] : [btc],
                manager: manager, coManager: nil, cellOdds: 0.55, director: bcs)
            // A few units under a department are managed by the People's Committee as well.
            if manager.id != ubnd, random.chance(0.05) { context.coManager = ubnd }
            let home = once ? located.communes[0] : random.pick(located.communes)
            unit(
                pid + "-u" + Self.padded(number, unitWidth), template, name, context,
                liaison: liaison(home, in: located))
        }
        centralUnits(pid, name: pname, districts: districts)
    }

    /// A district and its communes and units; returns what provincial units need of it.
    ///
    /// - Complexity: O(size of the district).
    private mutating func district(
        _ did: String, name dname: String, number: Int, province: (id: String, index: Int)
    ) -> District {
        let pid = province.id
        let (word, committeeWord, communeWord): (String, String, String) =
            number == 1
            ? ("thành phố", "Thành ủy", "phường")
            : random.chance(0.15) ? ("thị xã", "Thị ủy", "phường") : ("huyện", "Huyện ủy", "xã")
        let fullName = word + " " + dname
        let districtIndex = draft.nextNode
        draft.districts.append(
            OrganizationDraft.CommitteePlace(
                committee: districtIndex, leader: province.index, leadsRelation: draft.nextRelation))
        draft.add(did, .districtPartyCommittee, "\(committeeWord) \(dname)")
        draft.relate(.leads, pid, did)
        let btv = draft.add(did + "-btv", .standingCommittee, "Ban Thường vụ \(committeeWord) \(dname)", partOf: did)
        let tt = draft.add(did + "-tt", .standingBoard, "Thường trực \(committeeWord) \(dname)", partOf: did)
        draft.advisoryAgencies.append(draft.nextNode)
        let btc = draft.add(did + "-btc", .advisoryAgency, "Ban Tổ chức \(committeeWord) \(dname)", partOf: did)
        let ubnd = draft.add(did + "-ubnd", .peoplesCommittee, "Ủy ban nhân dân \(fullName)", level: .district)
        draft.relate(.leads, did, ubnd)
        var managers: [(code: String, manager: Manager)] = [
            ("ubnd", Manager(id: ubnd, escalation: ubnd, authorities: [ubnd]))
        ]
        for agency in AgencyTemplate.offices {
            draft.managingAgencies.append(draft.nextNode)
            let id = draft.add(
                did + "-" + agency.code, .managingAgency, "\(agency.name) \(fullName)", sector: agency.sector,
                partOf: ubnd)
            draft.relate(.escalatesTo, id, ubnd)
            managers.append((agency.code, Manager(id: id, escalation: ubnd, authorities: [id, ubnd])))
        }
        var usedCommuneNames: Set<String> = [dname]
        let communeNames = PlaceNames.draw(size.communesPerDistrict, using: &random, avoiding: &usedCommuneNames)
        let width = max(2, String(size.communesPerDistrict).count)
        var communes: [Commune] = []
        for (offset, drawn) in communeNames.enumerated() {
            let cid = did + "-c" + Self.padded(offset + 1, width)
            let town = offset == 0 && word == "huyện"
            let cword = town ? "thị trấn" : communeWord
            let cname = town ? dname : drawn
            draft.communes.append(
                OrganizationDraft.CommitteePlace(
                    committee: draft.nextNode, leader: districtIndex, leadsRelation: draft.nextRelation))
            draft.add(cid, .communePartyCommittee, "Đảng ủy \(cword) \(cname)")
            draft.relate(.leads, did, cid)
            let authority = draft.add(
                cid + "-ubnd", .peoplesCommittee, "Ủy ban nhân dân \(cword) \(cname)", level: .commune)
            draft.relate(.leads, cid, authority)
            communes.append(Commune(committee: cid, authority: authority, name: cname, fullName: cword + " " + cname))
        }
        let district = District(name: dname, fullName: fullName, communes: communes)
        healthStations(communes)

        let unitWidth = max(2, String(size.districtUnitsPerDistrict).count)
        var seen: [Int: Int] = [:]
        for number in stride(from: 1, through: size.districtUnitsPerDistrict, by: 1) {
            let once = number <= UnitTemplate.districtOnce.count
            let drawn = once ? number - 1 : random.weighted(UnitTemplate.districtWeights)
            let template = once ? UnitTemplate.districtOnce[drawn] : UnitTemplate.districtMany[drawn].template
            let homeIndex = once ? 0 : random.below(communes.count)
            let home = communes[homeIndex]
            let person = random.below(PlaceNames.people.count)
            var name = template.name(
                district: dname, districtWithWord: fullName, commune: home.name, person: PlaceNames.people[person])
            if !once {
                let key = template.nameKey(template: drawn, district: 0, commune: homeIndex, person: person)
                name = Self.unique(name, key: key, &seen)
            }
            let manager = managers.first { $0.code == template.manager }?.manager ?? managers[0].manager
            let context = UnitContext(
                level: .district, leader: did, standing: [btv, tt], superior: did, superiorStanding: btv,
                senders: random.chance(0.5) ? [btc] : [], manager: manager, coManager: nil, cellOdds: 0.15,
                director: ubnd)
            unit(
                did + "-u" + Self.padded(number, unitWidth), template, name, context,
                liaison: liaison(home, in: district))
        }
        return district
    }

    /// The relationship with the commune where the unit is located, and sometimes with another
    /// one of the district where many of its members reside.
    ///
    /// - Complexity: O(1) expected.
    mutating func liaison(_ home: Commune, in district: District) -> [(Commune, Basis)] {
        var pairs: [(Commune, Basis)] = [(home, .location)]
        if district.communes.count > 1, random.chance(0.25) {
            var other = random.pick(district.communes)
            while other.committee == home.committee { other = random.pick(district.communes) }
            pairs.append((other, .residence))
        }
        return pairs
    }

    /// The name, or the name with ` số N` when a unit of the same `key` (see
    /// ``UnitTemplate/nameKey(template:district:commune:person:)``) already has it in this
    /// province or district.
    ///
    /// - Complexity: O(length of the name).
    static func unique(_ name: String, key: Int, _ seen: inout [Int: Int]) -> String {
        let count = (seen[key] ?? 0) + 1
        seen[key] = count
        return count == 1 ? name : "\(name) số \(count)"
    }
}
