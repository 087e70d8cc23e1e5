import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// Property tests of the path engine against the brute-force references in PathReference.swift.
@Suite("Path engine properties")
struct PathPropertyTests {
    static let expressionTypes: [RelationType] = [.leads, .reportsTo, .superiorOf, .partOf]
    static let expressionKinds: [NodeKind] = [
        .provincialPartyCommittee, .districtPartyCommittee, .unitPartyCommittee, .grassrootsCell, .subordinateCell,
    ]

    /// A random organization of 8-25 nodes and 10-60 relations.
    static func organization(seed: UInt64, types: [RelationType], kinds: [NodeKind]) -> Organization {
        var generator = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 17)
        let n = 8 + Int(generator.next() % 18)
        let m = 10 + Int(generator.next() % 51)
        return randomPathOrganization(seed: seed, nodes: n, relations: m, types: types, kinds: kinds)
    }

    /// A random set of allowed steps, each (type, direction) kept with probability 1/2.
    static func randomStepSet(_ generator: inout SplitMix64, types: [RelationType]) -> StepSet {
        var steps: [(type: RelationType, inverse: Bool)] = []
        for type in types {
            for inverse in [false, true] where generator.next() % 2 == 0 { steps.append((type, inverse)) }
        }
        return StepSet(steps)
    }

    /// Records an issue unless `path` walks real edges from `source` to `target` by allowed steps.
    static func expectValid(
        _ path: [PathStep], from source: Int, to target: Int, allowed: StepSet, in graph: Graph,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(path.first?.from ?? source == source, sourceLocation: sourceLocation)
        #expect(path.last?.to ?? source == target, sourceLocation: sourceLocation)
        for (step, next) in zip(path, path.dropFirst()) {
            #expect(step.to == next.from, "steps do not join", sourceLocation: sourceLocation)
        }
        for step in path {
            let from = Int(graph.edgeFrom[step.edge])
            let to = Int(graph.edgeTo[step.edge])
            let (tail, head) = step.inverse ? (to, from) : (from, to)
            #expect(
                tail == step.from && head == step.to, "\(step) does not walk its edge", sourceLocation: sourceLocation)
            #expect(graph.edgeTypes[step.edge] == step.type, sourceLocation: sourceLocation)
            #expect(
                allowed.allows(step.type, inverse: step.inverse), "\(step) not allowed", sourceLocation: sourceLocation)
        }
    }

    // MARK: PathEvaluator

    @Test(
        "evaluate reaches exactly the nodes of a brute-force relation algebra, each once, nearest first",
        arguments: 0..<50)
    func evaluatorMatchesReference(seed: UInt64) throws {
        let organization = Self.organization(seed: seed, types: Self.expressionTypes, kinds: Self.expressionKinds)
        let loaded = try LoadedOrganization(organization)
        let reference = ReferenceEvaluator(organization)
        let n = organization.nodes.count
        var evaluator = PathEvaluator(loaded)
        var expressions = ExpressionGenerator(
            generator: SplitMix64(seed: seed &+ 1_000), types: Self.expressionTypes, kinds: Self.expressionKinds,
            nodeCount: n)
        for round in 0..<30 {
            let (text, tree) = expressions.path(depth: round % 4)
            let expression: PathExpression
            do {
                expression = try PathExpression(parsing: text)
            } catch {
                Issue.record("'\(text)' does not parse: \(error)")
                continue
            }
            let relation = reference.relation(tree)
            let distances = reference.distances(tree)
            for start in 0..<n {
                let reached = evaluator.evaluate(expression, from: start)
                let expected = Set((0..<n).filter { relation[start] & (1 << UInt64($0)) != 0 })
                #expect(Set(reached) == expected, "'\(text)' from n\(start): \(reached) vs \(expected.sorted())")
                #expect(Set(reached).count == reached.count, "'\(text)' from n\(start) lists a node twice: \(reached)")
                // Breadth first: by the fewest edges of a matching walk.
                let lengths = reached.map { distances[start][$0] }
                #expect(lengths == lengths.sorted(), "'\(text)' from n\(start): \(reached) at \(lengths)")
                // The reference agrees with itself: a node is reached when a matching walk exists.
                #expect(expected == Set((0..<n).filter { distances[start][$0] != Int.max }))
                let wanted = (start * 7 + round) % n
                #expect(evaluator.reaches(expression, from: start) { $0 == wanted } == expected.contains(wanted))
                // The set evaluation the checks use (chains for finite expressions) agrees too.
                let set = evaluator.nodeSet(expression, from: start)
                #expect(
                    Set(set) == expected && set.count == expected.count, "'\(text)' as a set from n\(start): \(set)")
                #expect(evaluator.reachesAny(expression, from: start) == !expected.isEmpty)
            }
        }
    }

    /// Repetitions of repetitions, which the parser writes once (`(X*){m,n}` as `X*`...), each
    /// with the tree the reference evaluates as written.
    static var normalisedForms: [(String, ReferencePath)] {
        let leads = ReferencePath.step(.leads)
        let up = ReferencePath.inverse(.step(.reportsTo))
        let either = ReferencePath.alternation([leads, up])
        let pair = ReferencePath.sequence([leads, .filter(.kind(.grassrootsCell))])
        return [
            ("(leads*){0,9}", .repetition(.repetition(leads, min: 0, max: nil), min: 0, max: 9)),
            ("(leads*){2,5}", .repetition(.repetition(leads, min: 0, max: nil), min: 2, max: 5)),
            ("(leads*){0}", .repetition(.repetition(leads, min: 0, max: nil), min: 0, max: 0)),
            ("(leads*)*", .repetition(.repetition(leads, min: 0, max: nil), min: 0, max: nil)),
            ("(leads*)+", .repetition(.repetition(leads, min: 0, max: nil), min: 1, max: nil)),
            ("(^reports-to+)*", .repetition(.repetition(up, min: 1, max: nil), min: 0, max: nil)),
            ("(^reports-to+)?", .repetition(.repetition(up, min: 1, max: nil), min: 0, max: 1)),
            ("(^reports-to+){2,3}", .repetition(.repetition(up, min: 1, max: nil), min: 2, max: 3)),
            ("(^reports-to+){0,3}", .repetition(.repetition(up, min: 1, max: nil), min: 0, max: 3)),
            ("((leads|^reports-to)?){2,3}", .repetition(.repetition(either, min: 0, max: 1), min: 2, max: 3)),
            ("((leads|^reports-to)?)+", .repetition(.repetition(either, min: 0, max: 1), min: 1, max: nil)),
            ("((leads|^reports-to){0,2}){1,3}", .repetition(.repetition(either, min: 0, max: 2), min: 1, max: 3)),
            ("((leads|^reports-to){0,2}){3,}", .repetition(.repetition(either, min: 0, max: 2), min: 3, max: nil)),
            (
                "((leads{0,0}){0,3})*",
                .repetition(
                    .repetition(.repetition(leads, min: 0, max: 0), min: 0, max: 3), min: 0, max: nil)
            ),
            (
                "((leads[kind=grassroots-cell]){2,})+",
                .repetition(.repetition(pair, min: 2, max: nil), min: 1, max: nil)
            ),
            ("((leads[kind=grassroots-cell]){1,2}){2}", .repetition(.repetition(pair, min: 1, max: 2), min: 2, max: 2)),
            ("(leads{1})*", .repetition(.repetition(leads, min: 1, max: 1), min: 0, max: nil)),
        ]
    }

    @Test(
        "Repetitions of repetitions, written once by the parser, reach what they reach written out",
        arguments: 0..<20)
    func normalisedFormsMatchReference(seed: UInt64) throws {
        let organization = Self.organization(seed: seed, types: Self.expressionTypes, kinds: Self.expressionKinds)
        let loaded = try LoadedOrganization(organization)
        let reference = ReferenceEvaluator(organization)
        var evaluator = PathEvaluator(loaded)
        for (text, tree) in Self.normalisedForms {
            let expression = try PathExpression(parsing: text)
            let relation = reference.relation(tree)
            let distances = reference.distances(tree)
            for start in 0..<organization.nodes.count {
                let reached = evaluator.evaluate(expression, from: start)
                let expected = Set((0..<organization.nodes.count).filter { relation[start] & (1 << UInt64($0)) != 0 })
                #expect(
                    Set(reached) == expected && reached.count == expected.count, "'\(text)' from n\(start): \(reached)")
                let lengths = reached.map { distances[start][$0] }
                #expect(lengths == lengths.sorted(), "'\(text)' from n\(start): \(reached) at \(lengths)")
                let set = evaluator.nodeSet(expression, from: start)
                #expect(Set(set) == expected && set.count == expected.count, "'\(text)' as a set from n\(start)")
            }
        }
    }

    @Test("Single-type closures list nodes in plain breadth-first order", arguments: 0..<50)
    func closureOrder(seed: UInt64) throws {
        let organization = Self.organization(seed: seed, types: Self.expressionTypes, kinds: Self.expressionKinds)
        let loaded = try LoadedOrganization(organization)
        let reference = ReferenceEvaluator(organization)
        var evaluator = PathEvaluator(loaded)
        for type in Self.expressionTypes {
            let plus = try PathExpression(parsing: "\(type.rawValue)+")
            let inverseStar = try PathExpression(parsing: "^\(type.rawValue)*")
            let inversePlus = try PathExpression(parsing: "^\(type.rawValue)+")
            let star = try PathExpression(parsing: "\(type.rawValue)*")
            for start in 0..<organization.nodes.count {
                #expect(
                    evaluator.evaluate(plus, from: start)
                        == reference.breadthFirstOrder(from: start, type, inverse: false, reflexive: false))
                #expect(
                    evaluator.evaluate(inverseStar, from: start)
                        == reference.breadthFirstOrder(from: start, type, inverse: true, reflexive: true))
                #expect(
                    evaluator.evaluate(inversePlus, from: start)
                        == reference.breadthFirstOrder(from: start, type, inverse: true, reflexive: false))
                #expect(
                    evaluator.evaluate(star, from: start)
                        == reference.breadthFirstOrder(from: start, type, inverse: false, reflexive: true))
            }
        }
    }

    @Test("Alternatives at the same depth come in the order they are written", arguments: 0..<20)
    func alternationOrder(seed: UInt64) throws {
        let organization = Self.organization(seed: seed, types: Self.expressionTypes, kinds: Self.expressionKinds)
        let loaded = try LoadedOrganization(organization)
        let reference = ReferenceEvaluator(organization)
        var evaluator = PathEvaluator(loaded)
        let first = Self.expressionTypes[Int(seed % 4)]
        let second = Self.expressionTypes[Int((seed + 1) % 4)]
        let expression = try PathExpression(parsing: "\(first.rawValue)|^\(second.rawValue)")
        for start in 0..<organization.nodes.count {
            var expected: [Int] = []
            for edge in reference.edges where edge.type == first && edge.from == start && !expected.contains(edge.to) {
                expected.append(edge.to)
            }
            for edge in reference.edges where edge.type == second && edge.to == start && !expected.contains(edge.from) {
                expected.append(edge.from)
            }
            #expect(evaluator.evaluate(expression, from: start) == expected, "\(expression) from n\(start)")
        }
    }

    @Test("An automaton too large for the flat marks, between small ones, gives the same answers")
    func largeAutomaton() throws {
        // 5 nodes in a line, then 79,995 alone: (leads{0,15}){0,15} has 226 states, so
        // states × nodes passes the 2^24 marks the evaluator keeps flat.
        var organization = Organization()
        for i in 0..<80_000 { organization.nodes.append(Node(id: "n\(i)", kind: .unitPartyCommittee)) }
        for i in 0..<4 { organization.relations.append(Relation(type: .leads, from: "n\(i)", to: "n\(i + 1)")) }
        var evaluator = PathEvaluator(try LoadedOrganization(organization))
        let medium = try PathExpression(parsing: "leads{0,20}")
        let large = try PathExpression(parsing: "(leads{0,15}){0,15}")
        let small = try PathExpression(parsing: "leads")
        #expect(large.automaton.stateCount * 80_000 > 1 << 24)
        #expect(evaluator.evaluate(medium, from: 0) == [0, 1, 2, 3, 4])
        #expect(evaluator.evaluate(large, from: 1) == [1, 2, 3, 4])
        #expect(evaluator.evaluate(small, from: 0) == [1])
        #expect(evaluator.evaluate(large, from: 0) == [0, 1, 2, 3, 4])
        #expect(evaluator.evaluate(medium, from: 2) == [2, 3, 4])
    }

    // MARK: PathFinder

    @Test(
        "shortestPath has the length of a plain breadth-first search, walks real allowed edges, and repeats",
        arguments: 0..<50)
    func shortestPathMatchesBFS(seed: UInt64) throws {
        let organization = Self.organization(seed: seed, types: RelationType.allCases, kinds: NodeKind.allCases)
        let loaded = try LoadedOrganization(organization)
        let graph = loaded.graph
        let reference = ReferenceEvaluator(organization)
        let n = organization.nodes.count
        var finder = PathFinder(graph)
        var generator = SplitMix64(seed: seed &+ 77)
        for _ in 0..<60 {
            let source = Int(generator.next() % UInt64(n))
            let target = Int(generator.next() % UInt64(n))
            let sets = [StepSet.all, Self.randomStepSet(&generator, types: RelationType.allCases)]
            for allowed in sets {
                let expected = reference.distances(from: source, allowed: allowed)[target]
                let path = finder.shortestPath(from: source, to: target, allowed: allowed)
                #expect((path == nil) == (expected == nil), "n\(source) → n\(target)")
                guard let path, let expected else { continue }
                #expect(path.count == expected, "n\(source) → n\(target): \(path)")
                Self.expectValid(path, from: source, to: target, allowed: allowed, in: graph)
                #expect(finder.shortestPath(from: source, to: target, allowed: allowed) == path)
                var fresh = PathFinder(graph)
                #expect(fresh.shortestPath(from: source, to: target, allowed: allowed) == path)
            }
        }
    }

    @Test("simplePaths lists every simple path once, shortest first, in edge order", arguments: 0..<50)
    func simplePathsMatchEnumeration(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed &+ 5_000)
        let n = 6 + Int(generator.next() % 4)
        let m = 6 + Int(generator.next() % 9)
        let organization = randomPathOrganization(
            seed: seed &+ 9_000, nodes: n, relations: m, types: Self.expressionTypes, kinds: Self.expressionKinds)
        let loaded = try LoadedOrganization(organization)
        let reference = ReferenceEvaluator(organization)
        var finder = PathFinder(loaded.graph)
        for _ in 0..<8 {
            let source = Int(generator.next() % UInt64(n))
            let target = Int(generator.next() % UInt64(n))
            for allowed in [StepSet.all, Self.randomStepSet(&generator, types: Self.expressionTypes)] {
                let expected = reference.simplePaths(from: source, to: target, allowed: allowed)
                let (paths, truncated) = finder.simplePaths(
                    from: source, to: target, allowed: allowed, limit: 1_000_000)
                #expect(!truncated)
                let found = paths.map { $0.map(\.edge) }
                let sorted = found.sorted {
                    $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
                }
                #expect(sorted == expected, "n\(source) → n\(target): \(found.count) paths, \(expected.count) expected")
                #expect(found == expected, "n\(source) → n\(target): not in length, then edge order")
                #expect(found.map(\.count) == found.map(\.count).sorted())
                for path in paths {
                    Self.expectValid(path, from: source, to: target, allowed: allowed, in: loaded.graph)
                    let nodes = [source] + path.map(\.to)
                    #expect(Set(nodes).count == nodes.count, "not simple: \(path)")
                }
                for limit in 1...4 {
                    let first = finder.simplePaths(from: source, to: target, allowed: allowed, limit: limit).paths
                    #expect(first.map(\.count) == expected.prefix(limit).map(\.count))
                    #expect(first.map { $0.map(\.edge) } == Array(expected.prefix(limit)))
                }
            }
        }
    }

    @Test("simplePaths stops at its budget and says so, keeping what it found")
    func simplePathsBudget() throws {
        // Nine nodes, all joined: many thousands of simple paths from n0 to n8.
        var organization = Organization()
        for i in 0..<9 { organization.nodes.append(Node(id: "n\(i)", kind: .grassrootsCell)) }
        for i in 0..<9 {
            for j in (i + 1)..<9 { organization.relations.append(Relation(type: .informs, from: "n\(i)", to: "n\(j)")) }
        }
        var finder = PathFinder(try LoadedOrganization(organization).graph)
        let reference = ReferenceEvaluator(organization).simplePaths(from: 0, to: 8, allowed: .all)
        let all = finder.simplePaths(from: 0, to: 8, limit: 1_000_000)
        #expect(!all.truncated && all.paths.count == reference.count)
        let cut = finder.simplePaths(from: 0, to: 8, limit: 1_000_000, budget: 2_000)
        #expect(cut.truncated)
        #expect(!cut.paths.isEmpty && cut.paths.count < reference.count)
        #expect(cut.paths.map { $0.map(\.edge) } == Array(reference.prefix(cut.paths.count)))
        let none = finder.simplePaths(from: 0, to: 8, limit: 0)
        #expect(none.paths.isEmpty && !none.truncated)
        #expect(finder.simplePaths(from: 3, to: 3, limit: 5).paths == [[]])
    }

    // MARK: Superiors

    @Test(
        "lowestCommonSuperior and chain agree with brute force over ^superior-of, ^leads, part-of, then ^directs",
        arguments: 0..<50)
    func superiorsMatchBruteForce(seed: UInt64) throws {
        let organization = Self.organization(
            seed: seed &+ 300, types: [.superiorOf, .leads, .partOf, .reportsTo, .directs], kinds: Self.expressionKinds)
        let loaded = try LoadedOrganization(organization)
        let graph = loaded.graph
        let reference = ReferenceEvaluator(organization)
        let superiors = Superiors(graph)
        let n = organization.nodes.count
        let upward = StepSet(Superiors.upward)
        let distances = (0..<n).map { reference.superiorDistances(of: $0) }
        for a in 0..<n {
            for b in 0..<n {
                let (above, other) = (distances[a], distances[b])
                // Nearest together, then the more even split; among those still tied, one that
                // is below another of them, then the node written first.
                let common = above.keys.filter { other[$0] != nil }
                func key(_ x: Int) -> (Int, Int) {
                    let (da, db) = (above[x] ?? 0, other[x] ?? 0)
                    return (da + db, abs(da - db))
                }
                let bestKey = common.map(key).min { $0 < $1 }
                let tied = common.filter { key($0) == bestKey! }.sorted()
                let lower = tied.first { candidate in
                    tied.contains { $0 != candidate && distances[candidate][$0] != nil }
                }
                let expected = lower ?? tied.first
                let found = superiors.lowestCommonSuperior(a, b)
                #expect(found?.node == expected, "n\(a), n\(b)")
                guard let found, let expected else { continue }
                #expect(found.fromA.count == above[expected] && found.fromB.count == other[expected])
                Self.expectValid(found.fromA, from: a, to: expected, allowed: upward, in: graph)
                Self.expectValid(found.fromB, from: b, to: expected, allowed: upward, in: graph)
            }
        }
        for node in 0..<n {
            // The chain: at each node the first upward step by preference, then by edge order.
            var expected: [PathStep] = []
            var cycle = false
            var seen: Set<Int> = [node]
            var current = node
            while let step = reference.upward(from: current).first(where: { $0.to != current }) {
                expected.append(
                    PathStep(from: current, to: step.to, edge: step.edge, type: step.type, inverse: step.inverse))
                guard seen.insert(step.to).inserted else {
                    cycle = true
                    break
                }
                current = step.to
            }
            let chain = superiors.chain(from: node)
            #expect(chain.steps == expected, "chain of n\(node)")
            #expect(chain.cycle == cycle, "chain of n\(node)")
            Self.expectValid(chain.steps, from: node, to: expected.last?.to ?? node, allowed: upward, in: graph)
        }
    }
}

/// Queries on the example organizations, with the answers read off the files by hand.
@Suite("Path queries on the examples")
struct PathExampleTests {
    static func ids(_ indices: [Int], _ loaded: LoadedOrganization) -> [String] {
        indices.map { loaded.organization.nodes[$0].id }
    }

    /// `from -relation-> to` (or `from <-relation- to`) for each step.
    static func render(_ steps: [PathStep], _ loaded: LoadedOrganization) -> [String] {
        steps.map { step in
            let (from, to) = (loaded.organization.nodes[step.from].id, loaded.organization.nodes[step.to].id)
            return step.inverse ? "\(from) <-\(step.type.rawValue)- \(to)" : "\(from) -\(step.type.rawValue)-> \(to)"
        }
    }

    static func query(_ file: String, _ start: String, _ text: String) throws -> [String] {
        let loaded = try loadPackageFile(file)
        var evaluator = PathEvaluator(loaded)
        let index = try #require(loaded.graph.index(of: start))
        return ids(evaluator.evaluate(try PathExpression(parsing: text), from: index), loaded)
    }

    @Test("province: leads+ from the provincial committee, level by level in file order of the relations")
    func provinceLeads() throws {
        #expect(
            try Self.query("Examples/province.yaml", "tinh-uy", "leads+") == [
                // Led directly.
                "dang-uy-khoi", "thanh-uy-ha-tinh", "huyen-uy-cam-xuyen", "huyen-uy-huong-khe", "ubnd-tinh",
                "dang-uy-bv-da-khoa", "chi-bo-thpt-chuyen", "chi-bo-cdc",
                // Led by those, committee by committee.
                "dang-uy-phuong-bac-ha", "dang-uy-phuong-nguyen-du", "dang-uy-phuong-tran-phu",
                "ubnd-tp-ha-tinh", "chi-bo-thcs-le-van-thiem",
                "dang-uy-thi-tran-cam-xuyen", "dang-uy-xa-cam-quang", "ubnd-huyen-cam-xuyen", "chi-bo-ttvh-cam-xuyen",
                "dang-uy-thi-tran-huong-khe", "dang-uy-xa-huong-tra", "ubnd-huyen-huong-khe", "chi-bo-mn-huong-khe",
                "chi-bo-khoa-noi-bv-da-khoa", "chi-bo-khoa-ngoai-bv-da-khoa", "chi-bo-hanh-chinh-bv-da-khoa",
                // The People's Committees the ward and commune committees lead.
                "ubnd-phuong-bac-ha", "ubnd-phuong-nguyen-du", "ubnd-phuong-tran-phu",
                "ubnd-thi-tran-cam-xuyen", "ubnd-xa-cam-quang", "ubnd-thi-tran-huong-khe", "ubnd-xa-huong-tra",
            ])
        #expect(
            try Self.query("Examples/province.yaml", "tinh-uy", "leads{0,1}") == [
                "tinh-uy", "dang-uy-khoi", "thanh-uy-ha-tinh", "huyen-uy-cam-xuyen", "huyen-uy-huong-khe",
                "ubnd-tinh", "dang-uy-bv-da-khoa", "chi-bo-thpt-chuyen", "chi-bo-cdc",
            ])
        #expect(try Self.query("Examples/province.yaml", "tinh-uy", "leads{2}").count == 16)
        #expect(
            try Self.query("Examples/province.yaml", "tinh-uy", "leads{3,}[kind=peoples-committee][level=commune]")
                .count == 7)
        #expect(try Self.query("Examples/province.yaml", "tinh-uy", "leads{4,}").isEmpty)
        #expect(
            try Self.query("Examples/province.yaml", "tinh-uy", "leads+[kind=grassroots-cell][level=district]").isEmpty)
        #expect(
            try Self.query("Examples/province.yaml", "dang-uy-khoi", "superior-of/part-of[sector=health]") == [
                "bv-da-khoa", "cdc",
            ])
    }

    @Test("university and hospital: filters, inverses and alternatives")
    func filters() throws {
        #expect(
            try Self.query("Examples/university.yaml", "dang-uy-truong", "leads+[kind=subordinate-cell]") == [
                "chi-bo-khoa-hoc-xa-hoi", "chi-bo-khoa-hoc-tu-nhien", "chi-bo-kinh-te", "chi-bo-nong-lam-ngu",
                "chi-bo-giao-duc-tieu-hoc", "chi-bo-ngoai-ngu", "chi-bo-phong-to-chuc",
                "chi-bo-cong-nghe-thong-tin", "chi-bo-ky-thuat-cong-trinh", "chi-bo-sinh-vien-ky-thuat",
            ])
        #expect(try Self.query("Examples/hospital.yaml", "dang-uy-bv", "^superior-of+") == ["dang-uy-khoi"])
        #expect(
            try Self.query("Examples/hospital.yaml", "chi-bo-khoa-noi", "(part-of|^superior-of|^leads)+") == [
                "dang-uy-bv", "bv-da-khoa", "dang-uy-khoi", "tinh-uy",
            ])
        #expect(
            try Self.query("Examples/hospital.yaml", "dang-uy-bv", "leads|reports-to") == [
                "chi-bo-khoa-noi", "chi-bo-khoa-ngoai", "chi-bo-khoa-san", "chi-bo-khoa-nhi", "chi-bo-hoi-suc",
                "chi-bo-can-lam-sang", "chi-bo-phong-hanh-chinh", "btv-tinh-uy", "dang-uy-khoi",
            ])
        #expect(try Self.query("Examples/hospital.yaml", "tinh-uy", "leads[level=district]") == ["thanh-uy-da-lat"])
        #expect(
            try Self.query("Examples/hospital.yaml", "tinh-uy", "leads[level=provincial]") == [
                "dang-uy-khoi", "ubnd-tinh",
            ])
        #expect(try Self.query("Examples/hospital.yaml", "tinh-uy", "leads+[party-members=38]") == ["chi-bo-khoa-noi"])
        #expect(
            try Self.query("Examples/hospital.yaml", "tinh-uy", #"leads[name="Thành ủy Đà Lạt"]/leads"#) == [
                "dang-uy-phuong-6", "dang-uy-phuong-9",
            ])
        // The secretaries of the cells that report to the hospital's party committee.
        #expect(
            try Self.query("Examples/hospital.yaml", "dang-uy-bv", "^reports-to[kind=subordinate-cell]/^part-of") == [
                "bi-thu-chi-bo-khoa-noi", "bi-thu-chi-bo-phong-hanh-chinh",
            ])
    }

    @Test("chain: a subordinate cell up to the provincial committee")
    func chains() throws {
        let hospital = try loadPackageFile("Examples/hospital.yaml")
        let cell = try #require(hospital.graph.index(of: "chi-bo-khoa-noi"))
        let chain = Superiors(hospital.graph).chain(from: cell)
        #expect(!chain.cycle)
        #expect(
            Self.render(chain.steps, hospital) == [
                "chi-bo-khoa-noi <-leads- dang-uy-bv", "dang-uy-bv <-superior-of- dang-uy-khoi",
                "dang-uy-khoi <-leads- tinh-uy",
            ])
        let reporting = Superiors(hospital.graph).chain(from: cell, following: [Superiors.upwardStep(for: .reportsTo)])
        #expect(
            Self.render(reporting.steps, hospital) == [
                "chi-bo-khoa-noi -reports-to-> dang-uy-bv", "dang-uy-bv -reports-to-> btv-tinh-uy",
            ])

        let university = try loadPackageFile("Examples/university.yaml")
        let faculty = try #require(university.graph.index(of: "chi-bo-cong-nghe-thong-tin"))
        #expect(
            Self.render(Superiors(university.graph).chain(from: faculty).steps, university) == [
                "chi-bo-cong-nghe-thong-tin <-leads- dubp-ky-thuat", "dubp-ky-thuat <-leads- dang-uy-truong",
                "dang-uy-truong <-superior-of- tinh-uy",
            ])
        let top = try #require(university.graph.index(of: "tinh-uy"))
        #expect(Superiors(university.graph).chain(from: top).steps.isEmpty)
    }

    @Test("chain and common take directs only from a node with no party line above it")
    func directsIsTheLastResort() throws {
        let loaded = try load(
            """
            orggraph: 1
            nodes:
              - {id: tu, kind: provincial-party-committee}
              - {id: bcs, kind: party-cadres-committee, level: provincial}
              - {id: ubnd, kind: peoples-committee, level: provincial}
              - {id: bv1, kind: public-service-unit, level: provincial}
              - {id: du1, kind: unit-party-committee}
              - {id: du2, kind: grassroots-cell}
            relations:
              - {type: leads, from: tu, to: bcs}
              - {type: leads, from: bcs, to: ubnd}
              - {type: directs, from: ubnd, to: du1}
              - {type: directs, from: bcs, to: du1}
              - {type: leads, from: tu, to: du1}
              - {type: directs, from: ubnd, to: du2}
            """)
        let graph = loaded.graph
        let (du1, du2) = (try #require(graph.index(of: "du1")), try #require(graph.index(of: "du2")))
        let superiors = Superiors(graph)
        // The party line first: du1 is led by the provincial committee.
        #expect(Self.render(superiors.chain(from: du1).steps, loaded) == ["du1 <-leads- tu"])
        // Nothing but directs above du2: the People's Committee, then the party line again.
        #expect(
            Self.render(superiors.chain(from: du2).steps, loaded) == [
                "du2 <-directs- ubnd", "ubnd <-leads- bcs", "bcs <-leads- tu",
            ])
        // Both are directed by the People's Committee, but du1 has a party line: the common
        // superior is the provincial committee that leads du1, not the People's Committee.
        let common = try #require(superiors.lowestCommonSuperior(du1, du2))
        #expect(loaded.organization.nodes[common.node].id == "tu")
        #expect(Self.render(common.fromA, loaded) == ["du1 <-leads- tu"])
        #expect(Self.render(common.fromB, loaded) == ["du2 <-directs- ubnd", "ubnd <-leads- bcs", "bcs <-leads- tu"])
    }

    @Test("shortest path: a cell to the provincial committee, any relation and --via steps")
    func shortestPaths() throws {
        let hospital = try loadPackageFile("Examples/hospital.yaml")
        let cell = try #require(hospital.graph.index(of: "chi-bo-khoa-noi"))
        let top = try #require(hospital.graph.index(of: "tinh-uy"))
        var finder = PathFinder(hospital.graph)
        let anyPath = finder.shortestPath(from: cell, to: top)
        #expect(
            Self.render(try #require(anyPath), hospital) == [
                "chi-bo-khoa-noi -part-of-> dang-uy-bv", "dang-uy-bv <-leads- tinh-uy",
            ])
        // Reporting lines only: the cell reports to the committee, the committee to the
        // standing committee, which is part of the provincial committee.
        let reporting = try #require(StepSet(PathExpression(parsing: "reports-to|part-of")))
        let reportingPath = finder.shortestPath(from: cell, to: top, allowed: reporting)
        #expect(
            Self.render(try #require(reportingPath), hospital) == [
                "chi-bo-khoa-noi -part-of-> dang-uy-bv", "dang-uy-bv -reports-to-> btv-tinh-uy",
                "btv-tinh-uy -part-of-> tinh-uy",
            ])
        // Leadership only goes down.
        let leadership = try #require(StepSet(PathExpression(parsing: "leads")))
        #expect(finder.shortestPath(from: cell, to: top, allowed: leadership) == nil)
        #expect(finder.shortestPath(from: top, to: cell, allowed: leadership)?.count == 2)
        #expect(StepSet(try PathExpression(parsing: "leads+")) == nil)
        #expect(finder.shortestPath(from: cell, to: cell) == [])
    }

    @Test("common superior: two units' party organizations in the province")
    func commonSuperiors() throws {
        let province = try loadPackageFile("Examples/province.yaml")
        let superiors = Superiors(province.graph)
        func common(_ a: String, _ b: String) throws -> (node: String, fromA: [String], fromB: [String])? {
            let (x, y) = (try #require(province.graph.index(of: a)), try #require(province.graph.index(of: b)))
            return superiors.lowestCommonSuperior(x, y).map {
                (
                    province.organization.nodes[$0.node].id, Self.render($0.fromA, province),
                    Self.render($0.fromB, province)
                )
            }
        }
        // A district school's cell and the provincial hospital's committee meet at the top.
        let top = try #require(try common("chi-bo-thcs-le-van-thiem", "dang-uy-bv-da-khoa"))
        #expect(top.node == "tinh-uy")
        #expect(
            top.fromA == [
                "chi-bo-thcs-le-van-thiem <-superior-of- thanh-uy-ha-tinh", "thanh-uy-ha-tinh <-leads- tinh-uy",
            ])
        #expect(top.fromB == ["dang-uy-bv-da-khoa <-leads- tinh-uy"])
        // Two cells of the same district city: their committee.
        let city = try #require(try common("chi-bo-thcs-le-van-thiem", "dang-uy-phuong-bac-ha"))
        #expect(city.node == "thanh-uy-ha-tinh")
        #expect(city.fromB == ["dang-uy-phuong-bac-ha <-leads- thanh-uy-ha-tinh"])
        // Two cells of one hospital: their unit's party committee.
        let hospital = try #require(try common("chi-bo-khoa-noi-bv-da-khoa", "chi-bo-hanh-chinh-bv-da-khoa"))
        #expect(hospital.node == "dang-uy-bv-da-khoa")
        // Two bloc units are led by the provincial committee and directly under the bloc
        // committee, both one step away: the tie goes to the lower of the two, the bloc
        // committee, which the provincial committee leads.
        #expect(try common("chi-bo-thpt-chuyen", "chi-bo-cdc")?.node == "dang-uy-khoi")
        // A node is its own superior's common superior.
        #expect(try common("dang-uy-khoi", "chi-bo-cdc")?.node == "dang-uy-khoi")
        // The People's Committee is led by the party cadres committee, which the standing
        // committee leads: the provincial committee is above it and the cell.
        #expect(try common("ubnd-tinh", "chi-bo-cdc")?.node == "tinh-uy")
        // A unit stands apart from both lines: nothing is above it.
        #expect(try common("cdc", "ubnd-tinh") == nil)
    }
}

/// Path expression syntax errors, as whole rendered diagnostics.
@Suite("Path expression diagnostics")
struct PathDiagnosticTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var expression: String
        var rendered: String
        var testDescription: String { expression.isEmpty ? "(empty)" : expression }
    }

    static let cases: [Case] = [
        Case(
            expression: "^leads*/lead",
            rendered: "query:1:9: error: unknown relation 'lead'; did you mean 'leads'?\n^leads*/lead\n        ^"),
        Case(
            expression: "(leads|reports-to",
            rendered: "query:1:18: error: expected ')' to close the '(' at column 1\n(leads|reports-to\n"
                + String(repeating: " ", count: 17) + "^"),
        Case(
            expression: "(leads/superior-of x",
            rendered: "query:1:20: error: expected ')' to close the '(' at column 1, found 'x'\n(leads/superior-of x\n"
                + String(repeating: " ", count: 19) + "^"),
        Case(
            expression: "leads+[kind=subordinate-cel]",
            rendered: "query:1:13: error: unknown kind 'subordinate-cel'; did you mean 'subordinate-cell'?\n"
                + "leads+[kind=subordinate-cel]\n            ^"),
        Case(
            expression: "leads[kind=cell]",
            rendered: "query:1:12: error: unknown kind 'cell'\nleads[kind=cell]\n           ^"),
        Case(
            expression: "^reports-to[kind=unit-head| boss]",
            rendered: "query:1:29: error: unknown kind 'boss'\n^reports-to[kind=unit-head| boss]\n"
                + String(repeating: " ", count: 28) + "^"),
        Case(
            expression: "^[kind=unit-head]",
            rendered: "query:1:2: error: expected a relation or '(', found '['\n^[kind=unit-head]\n ^"),
        Case(
            expression: "leads[level=regional]",
            rendered: "query:1:13: error: unknown level 'regional'; expected provincial, district or commune\n"
                + "leads[level=regional]\n            ^"),
        Case(
            expression: "leads{3,1}",
            rendered: "query:1:6: error: repetition {3,1}: the upper bound is below the lower\nleads{3,1}\n     ^"),
        Case(
            expression: "leads{101}",
            rendered: "query:1:6: error: repetition bounds are at most 100; use '*' or '+' for any number\n"
                + "leads{101}\n     ^"),
        Case(
            expression: "^leads{1, 99999999999999999999}",
            rendered: "query:1:7: error: repetition bounds are at most 100; use '*' or '+' for any number\n"
                + "^leads{1, 99999999999999999999}\n      ^"),
        Case(
            expression: "leads{2",
            rendered: "query:1:8: error: expected '}' to close the '{' at column 6\nleads{2\n       ^"),
        Case(
            expression: "leads{,3}",
            rendered: "query:1:7: error: expected a number in the repetition bounds\nleads{,3}\n      ^"),
        Case(
            expression: "leads|",
            rendered: "query:1:7: error: expected a relation or '(' at the end of the expression\nleads|\n      ^"),
        Case(
            expression: "leads/|reports-to",
            rendered: "query:1:7: error: expected a relation or '(', found '|'\nleads/|reports-to\n      ^"),
        Case(
            expression: "",
            rendered: "query:1:1: error: empty path expression; write a relation such as leads+\n\n^"),
        Case(
            expression: "leads)",
            rendered: "query:1:6: error: ')' without a matching '('\nleads)\n     ^"),
        Case(
            expression: "(leads)) ",
            rendered: "query:1:8: error: ')' without a matching '('\n(leads)) \n       ^"),
        Case(
            expression: "leads**",
            rendered: "query:1:7: error: unexpected '*'; expected '/', '|' or the end of the expression\n"
                + "leads**\n      ^"),
        Case(
            expression: "leads[kind=grassroots-cell",
            rendered: "query:1:27: error: expected ']' to close the filter\nleads[kind=grassroots-cell\n"
                + String(repeating: " ", count: 26) + "^"),
        Case(
            expression: "leads[=x]",
            rendered: "query:1:7: error: expected a key such as kind, level, sector or id in the filter\n"
                + "leads[=x]\n      ^"),
        Case(
            expression: "leads[name=\"Bí thư",
            rendered: "query:1:12: error: unterminated quoted value\nleads[name=\"Bí thư\n           ^"),
        Case(
            // Columns count characters of a precomposed Vietnamese name...
            expression: "leads[name=\"Tỉnh ủy\"]/lead",
            rendered: "query:1:23: error: unknown relation 'lead'; did you mean 'leads'?\n"
                + "leads[name=\"Tỉnh ủy\"]/lead\n" + String(repeating: " ", count: 22) + "^"),
        Case(
            // ...and in decomposed form the caret still sits under the word on screen.
            expression: "leads[name=Ti\u{309}nh]/lead",
            rendered: "query:1:19: error: unknown relation 'lead'; did you mean 'leads'?\n"
                + "leads[name=Ti\u{309}nh]/lead\n" + String(repeating: " ", count: 17) + "^"),
        Case(
            expression: String(repeating: "(", count: 101) + "leads",
            // A long expression is shown as a window around the column.
            rendered: "query:1:101: error: parentheses nested deeper than 100\n"
                + "…" + String(repeating: "(", count: 51) + "leads\n" + String(repeating: " ", count: 51) + "^"),
    ]

    @Test("Each syntax error renders with its column, the expression and a caret", arguments: cases)
    func rendered(_ example: Case) throws {
        do {
            let parsed = try PathExpression(parsing: example.expression)
            Issue.record("'\(example.expression)' parsed as \(parsed.root)")
        } catch {
            #expect(error.diagnostic(source: "query").description == example.rendered)
            #expect(error.description == example.rendered)
        }
    }

    @Test(
        "Valid expressions parse, spaces and all",
        arguments: [
            "leads+", " ^ superior-of * ", "(leads | superior-of)+[kind=subordinate-cell]", "leads{2}", "leads{0,}",
            "leads{ 1 , 3 }", "^(leads/reports-to)?", "part-of[beds=800][sector=health]", #"leads[name="Tỉnh ủy"]"#,
            "((((leads))))",
        ])
    func valid(_ text: String) throws {
        let expression = try PathExpression(parsing: text)
        #expect(expression.text == text)
        #expect(expression.description == text)
    }

    @Test("Inverses are pushed down to the relations, sequences reversed")
    func inversePushedDown() throws {
        let expression = try PathExpression(parsing: "^(leads[kind=grassroots-cell]/reports-to)")
        #expect(
            expression.root
                == .sequence([
                    .step(.reportsTo, inverse: true),
                    .sequence([.test(.kind(.grassrootsCell)), .step(.leads, inverse: true)]),
                ]))
        #expect(try PathExpression(parsing: "^(^leads)").root == .step(.leads, inverse: false))
    }
}
