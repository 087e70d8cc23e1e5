@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

// Brute-force references for the path engine, written without the engine's code: relations
// as boolean and distance matrices, plain breadth-first searches over the edge list, and
// exhaustive enumeration of simple paths. Meant for small graphs only (at most 64 nodes).

/// A path expression built together with its text, so that the parser's reading of the text
/// can be checked against what the generator meant.
indirect enum ReferencePath {
    case step(RelationType)
    case inverse(ReferencePath)
    case filter(ReferenceFilter)
    case sequence([ReferencePath])
    case alternation([ReferencePath])
    case repetition(ReferencePath, min: Int, max: Int?)
}

enum ReferenceFilter {
    case kind(NodeKind)
    /// `[kind=a|b]`: any of several kinds.
    case kinds([NodeKind])
    case level(Level)
    case id(String)

    var text: String {
        switch self {
        case .kind(let kind): "[kind=\(kind.rawValue)]"
        case .kinds(let kinds): "[kind=\(kinds.map(\.rawValue).joined(separator: "|"))]"
        case .level(let level): "[level=\(level.rawValue)]"
        case .id(let id): "[id=\(id)]"
        }
    }

    func matches(_ node: Node) -> Bool {
        switch self {
        case .kind(let kind): return node.kind == kind
        case .kinds(let kinds): return kinds.contains(node.kind)
        case .level(let level):
            // SPEC §3: territorial committees have the level of their kind.
            let implied: Level? =
                switch node.kind {
                case .provincialPartyCommittee: .provincial
                case .districtPartyCommittee: .district
                case .communePartyCommittee: .commune
                default: nil
                }
            return (node.level ?? implied) == level
        case .id(let id): return node.id == id
        }
    }
}

/// A small random organization for path tests: nodes `n0`, `n1`... of a few kinds (some with a
/// level, some part of another node) and relations of the given types between random nodes,
/// self-loops and parallel edges included.
func randomPathOrganization(
    seed: UInt64, nodes n: Int, relations m: Int, types: [RelationType], kinds: [NodeKind], partOf: Bool = true
) -> Organization {
    var generator = SplitMix64(seed: seed)
    func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
    var organization = Organization()
    for i in 0..<n {
        var node = Node(id: "n\(i)", kind: kinds[pick(kinds.count)])
        if pick(3) == 0 { node.level = Level.allCases[pick(3)] }
        if partOf, pick(4) == 0 { node.partOf = "n\(pick(n))" }
        organization.nodes.append(node)
    }
    for _ in 0..<m {
        organization.relations.append(
            Relation(type: types[pick(types.count)], from: "n\(pick(n))", to: "n\(pick(n))"))
    }
    return organization
}

/// Random path expressions from the grammar of SPEC §4, each with the tree it was built from.
struct ExpressionGenerator {
    var generator: SplitMix64
    let types: [RelationType]
    let kinds: [NodeKind]
    let nodeCount: Int

    private mutating func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
    private mutating func space() -> String { pick(6) == 0 ? " " : "" }

    /// `path := seq ('|' seq)*`
    mutating func path(depth: Int) -> (text: String, tree: ReferencePath) {
        let count = depth > 0 && pick(3) == 0 ? 2 + pick(2) : 1
        var parts: [(text: String, tree: ReferencePath)] = []
        for _ in 0..<count { parts.append(sequence(depth: depth)) }
        if count == 1 { return parts[0] }
        var text = parts[0].text
        for part in parts.dropFirst() { text += space() + "|" + space() + part.text }
        return (text, .alternation(parts.map(\.tree)))
    }

    /// `seq := step ('/' step)*`
    private mutating func sequence(depth: Int) -> (text: String, tree: ReferencePath) {
        let count = depth > 0 && pick(2) == 0 ? 2 + pick(2) : 1
        var parts: [(text: String, tree: ReferencePath)] = []
        for _ in 0..<count { parts.append(step(depth: depth)) }
        if count == 1 { return parts[0] }
        var text = parts[0].text
        for part in parts.dropFirst() { text += space() + "/" + space() + part.text }
        return (text, .sequence(parts.map(\.tree)))
    }

    private mutating func filter() -> ReferenceFilter {
        switch pick(4) {
        case 0: .kind(kinds[pick(kinds.count)])
        case 1: .kinds([kinds[pick(kinds.count)], kinds[pick(kinds.count)]])
        case 2: .level(Level.allCases[pick(3)])
        default: .id("n\(pick(nodeCount))")
        }
    }

    /// `step := '^'? atom quant? filter? | filter+`
    private mutating func step(depth: Int) -> (text: String, tree: ReferencePath) {
        if pick(10) == 0 {
            // A step of filters alone: a test on the current node.
            let first = filter()
            guard pick(3) == 0 else { return (first.text, .filter(first)) }
            let second = filter()
            return (first.text + second.text, .sequence([.filter(first), .filter(second)]))
        }
        var text = ""
        var tree: ReferencePath
        let inverse = pick(4) == 0
        if inverse { text += "^" + space() }
        if depth > 0, pick(3) == 0 {
            let inner = path(depth: depth - 1)
            text += "(" + space() + inner.text + space() + ")"
            tree = inner.tree
        } else {
            let type = types[pick(types.count)]
            text += type.rawValue
            tree = .step(type)
        }
        if inverse { tree = .inverse(tree) }
        let low = pick(3)
        switch pick(10) {
        case 0: (text, tree) = (text + "*", .repetition(tree, min: 0, max: nil))
        case 1: (text, tree) = (text + "+", .repetition(tree, min: 1, max: nil))
        case 2: (text, tree) = (text + "?", .repetition(tree, min: 0, max: 1))
        case 3: (text, tree) = (text + "{\(low)}", .repetition(tree, min: low, max: low))
        case 4: (text, tree) = (text + "{\(low),}", .repetition(tree, min: low, max: nil))
        case 5:
            let high = low + pick(3)
            (text, tree) = (text + "{\(low),\(space())\(high)}", .repetition(tree, min: low, max: high))
        default: break
        }
        if pick(5) == 0 {
            let filter = filter()
            text += filter.text
            tree = .sequence([tree, .filter(filter)])
        }
        return (text, tree)
    }
}

/// The relation an expression denotes on a small organization, as a boolean matrix (one
/// bit row per node) and as a matrix of shortest matching walks (in edges).
struct ReferenceEvaluator {
    let organization: Organization
    let n: Int
    /// The edges as the graph must hold them: `part-of:` shorthands in node order, then the
    /// relations in file order.
    let edges: [(type: RelationType, from: Int, to: Int)]

    init(_ organization: Organization) {
        self.organization = organization
        n = organization.nodes.count
        precondition(n <= 64)
        func index(_ id: String) -> Int { organization.nodes.firstIndex { $0.id == id } ?? -1 }
        var edges: [(type: RelationType, from: Int, to: Int)] = []
        for (i, node) in organization.nodes.enumerated() {
            if let container = node.partOf { edges.append((.partOf, i, index(container))) }
        }
        for relation in organization.relations {
            edges.append((relation.type, index(relation.from), index(relation.to)))
        }
        self.edges = edges
    }

    // MARK: Sets

    private var identity: [UInt64] { (0..<n).map { 1 << UInt64($0) } }

    private func compose(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        a.map { row in
            var result: UInt64 = 0
            for y in 0..<n where row & (1 << UInt64(y)) != 0 { result |= b[y] }
            return result
        }
    }

    private func union(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] { zip(a, b).map { $0 | $1 } }

    private func transpose(_ a: [UInt64]) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: n)
        for x in 0..<n {
            for y in 0..<n where a[x] & (1 << UInt64(y)) != 0 { result[y] |= 1 << UInt64(x) }
        }
        return result
    }

    /// Reflexive-transitive closure by iteration to a fixpoint.
    private func star(_ r: [UInt64]) -> [UInt64] {
        var result = identity
        while true {
            let next = union(result, compose(result, r))
            if next == result { return result }
            result = next
        }
    }

    func relation(_ term: ReferencePath) -> [UInt64] {
        switch term {
        case .step(let type):
            var rows = [UInt64](repeating: 0, count: n)
            for edge in edges where edge.type == type { rows[edge.from] |= 1 << UInt64(edge.to) }
            return rows
        case .inverse(let inner):
            return transpose(relation(inner))
        case .filter(let filter):
            return (0..<n).map { filter.matches(organization.nodes[$0]) ? 1 << UInt64($0) : 0 }
        case .sequence(let terms):
            return terms.reduce(identity) { compose($0, relation($1)) }
        case .alternation(let terms):
            return terms.reduce([UInt64](repeating: 0, count: n)) { union($0, relation($1)) }
        case .repetition(let inner, let min, let max):
            let r = relation(inner)
            var power = identity
            for _ in 0..<min { power = compose(power, r) }
            guard let max else { return compose(power, star(r)) }
            var optional = identity
            var current = identity
            for _ in 0..<(max - min) {
                current = compose(current, r)
                optional = union(optional, current)
            }
            return compose(power, optional)
        }
    }

    /// The nodes `term` reaches from the nodes of `starts`.
    func evaluate(_ term: ReferencePath, from starts: Set<Int>) -> Set<Int> {
        let rows = relation(term)
        var result = Set<Int>()
        for start in starts {
            for y in 0..<n where rows[start] & (1 << UInt64(y)) != 0 { result.insert(y) }
        }
        return result
    }

    // MARK: Distances

    private static let unreachable = Int.max

    private var zeroDiagonal: [[Int]] {
        (0..<n).map { x in (0..<n).map { $0 == x ? 0 : Self.unreachable } }
    }

    private func composeDistances(_ a: [[Int]], _ b: [[Int]]) -> [[Int]] {
        (0..<n).map { x in
            (0..<n).map { z in
                var best = Self.unreachable
                for y in 0..<n where a[x][y] != Self.unreachable && b[y][z] != Self.unreachable {
                    best = Swift.min(best, a[x][y] + b[y][z])
                }
                return best
            }
        }
    }

    private func minimum(_ a: [[Int]], _ b: [[Int]]) -> [[Int]] {
        zip(a, b).map { zip($0, $1).map { Swift.min($0, $1) } }
    }

    /// The fewest edges of a walk from `x` to `y` that `term` matches (`Int.max`: none).
    func distances(_ term: ReferencePath) -> [[Int]] {
        switch term {
        case .step(let type):
            var result = [[Int]](repeating: [Int](repeating: Self.unreachable, count: n), count: n)
            for edge in edges where edge.type == type { result[edge.from][edge.to] = 1 }
            return result
        case .inverse(let inner):
            let d = distances(inner)
            return (0..<n).map { x in (0..<n).map { d[$0][x] } }
        case .filter(let filter):
            return (0..<n).map { x in
                (0..<n).map { $0 == x && filter.matches(organization.nodes[x]) ? 0 : Self.unreachable }
            }
        case .sequence(let terms):
            return terms.reduce(zeroDiagonal) { composeDistances($0, distances($1)) }
        case .alternation(let terms):
            let none = [[Int]](repeating: [Int](repeating: Self.unreachable, count: n), count: n)
            return terms.reduce(none) { minimum($0, distances($1)) }
        case .repetition(let inner, let min, let max):
            let d = distances(inner)
            var power = zeroDiagonal
            for _ in 0..<min { power = composeDistances(power, d) }
            var optional = zeroDiagonal
            if let max {
                var current = zeroDiagonal
                for _ in 0..<(max - min) {
                    current = composeDistances(current, d)
                    optional = minimum(optional, current)
                }
            } else {
                while true {
                    let next = minimum(optional, composeDistances(optional, d))
                    if next == optional { break }
                    optional = next
                }
            }
            return composeDistances(power, optional)
        }
    }

    // MARK: Plain searches

    /// Breadth-first order of the nodes `type` (walked backwards when `inverse`) reaches from
    /// `start`, neighbours in edge order; `start` comes first when `reflexive`, else only
    /// where a walk comes back to it.
    func breadthFirstOrder(from start: Int, _ type: RelationType, inverse: Bool, reflexive: Bool) -> [Int] {
        var order: [Int] = reflexive ? [start] : []
        var seen: Set<Int> = reflexive ? [start] : []
        var queue = [start]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for edge in edges where edge.type == type && (inverse ? edge.to : edge.from) == u {
                let v = inverse ? edge.from : edge.to
                if seen.insert(v).inserted {
                    order.append(v)
                    queue.append(v)
                }
            }
        }
        return order
    }

    /// The steps allowed from `u`: (edge, neighbour) for every edge at `u` walked either way.
    func steps(from u: Int, allowed: StepSet) -> [(edge: Int, to: Int)] {
        var result: [(edge: Int, to: Int)] = []
        for (index, edge) in edges.enumerated() {
            if edge.from == u, allowed.allows(edge.type, inverse: false) { result.append((index, edge.to)) }
            if edge.to == u, edge.from != u, allowed.allows(edge.type, inverse: true) {
                result.append((index, edge.from))
            }
        }
        return result
    }

    /// Unidirectional breadth-first distances from `source` over the allowed steps.
    func distances(from source: Int, allowed: StepSet) -> [Int?] {
        var distance = [Int?](repeating: nil, count: n)
        distance[source] = 0
        var queue = [source]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for (_, v) in steps(from: u, allowed: allowed) where distance[v] == nil {
                distance[v] = (distance[u] ?? 0) + 1
                queue.append(v)
            }
        }
        return distance
    }

    /// Every simple path from `source` to `target` as its edge ids, by length, then by edge ids.
    func simplePaths(from source: Int, to target: Int, allowed: StepSet) -> [[Int]] {
        if source == target { return [[]] }
        var result: [[Int]] = []
        var onPath: Set<Int> = [source]
        var current: [Int] = []
        func walk(_ u: Int) {
            for (edge, v) in steps(from: u, allowed: allowed) where !onPath.contains(v) {
                current.append(edge)
                if v == target {
                    result.append(current)
                } else {
                    onPath.insert(v)
                    walk(v)
                    onPath.remove(v)
                }
                current.removeLast()
            }
        }
        walk(source)
        return result.sorted { a, b in a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b) }
    }

    // MARK: Superiors

    /// The nodes one upward step above `u` (^superior-of, ^leads, part-of), in that order of
    /// preference, each group in edge order: (edge, node, type, inverse); only when there is
    /// none of these but a step to `u` itself, the nodes that `directs` it.
    func upward(from u: Int) -> [(edge: Int, to: Int, type: RelationType, inverse: Bool)] {
        var result: [(edge: Int, to: Int, type: RelationType, inverse: Bool)] = []
        for (type, inverse) in [(RelationType.superiorOf, true), (.leads, true), (.partOf, false)] {
            for (index, edge) in edges.enumerated() where edge.type == type && (inverse ? edge.to : edge.from) == u {
                result.append((index, inverse ? edge.from : edge.to, type, inverse))
            }
        }
        guard result.allSatisfy({ $0.to == u }) else { return result }
        for (index, edge) in edges.enumerated() where edge.type == .directs && edge.to == u {
            result.append((index, edge.from, .directs, true))
        }
        return result
    }

    /// Distances upward from `node` to each of its superiors (itself at 0).
    func superiorDistances(of node: Int) -> [Int: Int] {
        var distance = [node: 0]
        var queue = [node]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for step in upward(from: u) where distance[step.to] == nil {
                distance[step.to] = (distance[u] ?? 0) + 1
                queue.append(step.to)
            }
        }
        return distance
    }
}
