import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// Seeds faults into a clean generated organization: each a small change that makes exactly
/// one rule report exactly one finding, on a node known in advance.
///
/// Faults go round ``rules`` in order. Each lands at a place (a unit, a commune, an agency)
/// drawn at random among those no earlier fault has touched, so no two faults meet in one
/// finding. Changes in place (a period dropped, a field cleared) are made at once; removals
/// are gathered and made in one pass at the end, and added relations (a copy, a relation
/// back up) are written at the end of the file.
package struct FaultSeeder: Sendable {
    /// The rules faults are seeded for, in order: the rules of the organization's rulebook.
    let rules: [String]

    /// Where a fault can go.
    enum Place: Sendable {
        case unit(Int)
        case advisoryAgency(Int)
        case managingAgency(Int)
        case commune(Int)
        case district(Int)
        case attachedCell(Int)
        case province(Int)
    }

    var random: SplitMix64
    /// Nodes that a seeded fault changed or depends on: no later fault may use them.
    var reserved: Set<Int> = []
    var removedNodes: Set<Int> = []
    var removedRelations: Set<Int> = []
    /// Relations added at the end of the file.
    var appended: [Relation] = []
    /// Nodes added at the end of the file.
    var appendedNodes: [Node] = []

    /// A seeder whose choices depend only on `seed`, drawn from a sequence of its own, so the
    /// clean organization is the same with and without faults.
    init(seed: UInt64, rules: [String]) {
        self.rules = rules
        random = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C908)
    }

    /// Seeds `count` faults into `draft`.
    ///
    /// - Returns: the finding each fault must produce.
    /// - Throws: ``GenerationError`` when the organization has no place left for a rule's fault.
    /// - Complexity: O(*count* × *p*) for *p* places to draw among, plus O(*n* + *m*) to apply
    ///   the removals and O(*count* log *count*) to order the faults.
    mutating func seed(_ count: Int, into draft: inout OrganizationDraft) throws(GenerationError) -> [ExpectedFinding] {
        let pools = rules.map { Self.places(for: $0, in: draft) }
        // Round the rules in order; place the faults of the rules with the fewest places first,
        // so that the others, which can go almost anywhere, do not take those places.
        let order = (0..<count).map { $0 % rules.count }.sorted { (pools[$0].count, $0) < (pools[$1].count, $1) }
        var expected: [ExpectedFinding] = []
        expected.reserveCapacity(count)
        for ruleIndex in order {
            guard let finding = seedOne(rules[ruleIndex], pool: pools[ruleIndex], &draft) else {
                throw GenerationError(
                    "cannot seed \(count) faults: no place is left for a fault of \(rules[ruleIndex]); "
                        + "generate a larger organization or seed fewer faults")
            }
            expected.append(finding)
        }
        applyRemovals(&draft)
        return expected
    }

    /// Draws places for `rule` until one is free and takes the fault.
    ///
    /// - Complexity: O(*p*) for *p* places in the pool, O(1) while most of them are free.
    private mutating func seedOne(_ rule: String, pool: [Place], _ draft: inout OrganizationDraft) -> ExpectedFinding? {
        guard !pool.isEmpty else { return nil }
        // A few random draws, then every place in turn from a random start: random while
        // places are plentiful, and sure to find the last free one.
        let draws = 8
        let start = random.below(pool.count)
        for attempt in 0..<(draws + pool.count) {
            let place = pool[attempt < draws ? random.below(pool.count) : (start + attempt) % pool.count]
            let nodes = footprint(rule, place, draft)
            guard nodes.allSatisfy({ !reserved.contains($0) }) else { continue }
            if let finding = mutate(rule, at: place, &draft) {
                reserved.formUnion(nodes)
                return finding
            }
        }
        return nil
    }

    /// The places a fault of `rule` can go.
    ///
    /// - Complexity: O(number of places of the organization).
    static func places(for rule: String, in draft: OrganizationDraft) -> [Place] {
        let units = draft.units.indices
        // The units whose party organization has a leading committee the §1 rules ask about:
        // provincial and district units in three tiers, provincial and commune units in two.
        let led = units.filter { draft.units[$0].level != .central }
        switch rule {
        case "no-self-relation":
            return draft.managingAgencies.map { .managingAgency($0) } + draft.communes.indices.map { .commune($0) }
        case "part-of-required":
            // A cell's secretary, an advisory agency. Boards are left to board-has-one-chair,
            // which has no other place; a department is not written outside its People's
            // Committee, for its units' People's Committee would go with it.
            return draft.advisoryAgencies.map { .advisoryAgency($0) }
                + units.filter { draft.units[$0].hasCells }.map { .unit($0) }
        case "acyclic-leadership":
            return draft.communes.indices.map { .commune($0) }
        case "attached-cell-led":
            return draft.attachedCells.indices.map { .attachedCell($0) }
        case "no-district-level", "no-ended-bodies":
            return draft.provinces.indices.map { .province($0) }
        case "leadership-at-unit-level":
            // Not a commune unit: in two tiers its superior must lead it too.
            return led.filter { draft.units[$0].level != .commune }.map { .unit($0) }
        case "documents-from-party-committee", "meeting-invitations", "reports-to-standing-body",
            "directed-by-authority":
            return led.map { .unit($0) }
        case "superior-at-unit-level":
            return led.filter { draft.units[$0].level == .provincial }.map { .unit($0) }
        case "board-has-one-chair":
            return units.filter { draft.units[$0].board != nil }.map { .unit($0) }
        case "territorial-nesting":
            return draft.communes.indices.map { .commune($0) } + draft.districts.indices.map { .district($0) }
        default:
            return units.map { .unit($0) }
        }
    }

    /// The nodes a fault of `rule` at `place` changes or reads: a unit, an agency, a committee;
    /// a cycle also takes the committee above the commune, which a second cycle would join.
    private func footprint(_ rule: String, _ place: Place, _ draft: OrganizationDraft) -> [Int] {
        switch place {
        case .unit(let index): return [draft.units[index].unit]
        case .advisoryAgency(let node), .managingAgency(let node): return [node]
        case .commune(let index):
            guard rule == "acyclic-leadership" else { return [draft.communes[index].committee] }
            // Three tiers: the commune and its district committee. Two tiers: the commune and
            // the next one, which lead each other.
            let place = draft.communes[index]
            if draft.nodes[place.leader].kind == .districtPartyCommittee { return [place.committee, place.leader] }
            let next = index + 1 < draft.communes.count ? draft.communes[index + 1].committee : place.committee
            return [place.committee, next]
        case .district(let index): return [draft.districts[index].committee]
        case .attachedCell(let index): return [draft.attachedCells[index].leader]
        case .province: return []
        }
    }

    /// Removes the nodes and relations marked for removal, in place, and adds the new relations.
    ///
    /// - Complexity: O(*n* + *m* + *k* log *k*) for *k* removals, O(1) when there are none.
    private mutating func applyRemovals(_ draft: inout OrganizationDraft) {
        Self.remove(removedNodes.sorted(), from: &draft.nodes)
        Self.remove(removedRelations.sorted(), from: &draft.relations)
        draft.nodes.append(contentsOf: appendedNodes)
        draft.relations.append(contentsOf: appended)
    }

    /// Removes the elements at `indices` (sorted, distinct), keeping the order of the others:
    /// elements are swapped down, never copied.
    ///
    /// - Complexity: O(*n*) from the first index on.
    package static func remove<Element>(_ indices: [Int], from array: inout [Element]) {
        guard let first = indices.first else { return }
        var write = first
        var next = 0
        for read in first..<array.count {
            if next < indices.count, indices[next] == read {
                next += 1
            } else {
                array.swapAt(write, read)
                write += 1
            }
        }
        array.removeSubrange(write...)
    }
}
