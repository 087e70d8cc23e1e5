// Times the library's queries on an organization file, after loading, in-process.
//
//   orggraph-bench FILE [--pairs-out PATH] [--samples N]
//
// Prints the median and 90th percentile of each kind of query, timed one query at a time,
// and writes the sampled pairs (FROM TO lines) for the same queries elsewhere.

import Foundation
import OrgGraph

struct Options {
    var file = ""
    var pairsOut: String?
    var samples = 10_000
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--pairs-out": options.pairsOut = arguments.popFirst()
        case "--samples": options.samples = Int(arguments.popFirst() ?? "") ?? options.samples
        default: options.file = argument
        }
    }
    if options.file.isEmpty {
        FileHandle.standardError.write(Data("usage: orggraph-bench FILE [--pairs-out PATH] [--samples N]\n".utf8))
        exit(2)
    }
    return options
}

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

func summary(_ name: String, _ times: [Double], unit: Double = 1_000, unitName: String = "µs") -> String {
    let sorted = times.sorted()
    guard !sorted.isEmpty else { return "\(name): no samples" }
    let median = sorted[sorted.count / 2] / unit
    let p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)] / unit
    return String(
        format: "%-52@ %8d %12.3f %12.3f  %@", name as NSString, sorted.count, median, p90, unitName as NSString)
}

/// Picks `count` items deterministically, spread over the list.
func sample<T>(_ items: [T], _ count: Int) -> [T] {
    guard items.count > count else { return items }
    let stride = Double(items.count) / Double(count)
    return (0..<count).map { items[Int(Double($0) * stride)] }
}

let options = parseOptions()
let clock = ContinuousClock()
let loadStart = clock.now
let loaded: LoadedOrganization
do {
    loaded = try OrganizationLoader().load(contentsOf: options.file)
} catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(2)
}
let loadTime = clock.now - loadStart
let graph = loaded.graph
let nodes = loaded.organization.nodes
print(
    "file: \(options.file): \(nodes.count) nodes, \(loaded.organization.relations.count) relations, loaded in \(String(format: "%.3f", nanoseconds(loadTime) / 1e9)) s"
)

// The audit, whole and rule by rule.
do {
    let rulebook = RulebookLoader.regulation125
    var times: [Double] = []
    for _ in 0..<5 {
        let start = clock.now
        let report = Auditor(rulebook: rulebook).audit(loaded)
        times.append(nanoseconds(clock.now - start))
        precondition(report.findings.count >= 0)
    }
    print(
        String(
            format: "audit, 125-QD/TW (%d rules), 2 threads: median of 5 runs %.3f s", rulebook.rules.count,
            times.sorted()[2] / 1e9))
    times = []
    for _ in 0..<5 {
        let start = clock.now
        let report = Auditor(rulebook: rulebook, workers: 1).audit(loaded)
        times.append(nanoseconds(clock.now - start))
        precondition(report.findings.count >= 0)
    }
    print(
        String(
            format: "audit, 125-QD/TW (%d rules), 1 thread: median of 5 runs %.3f s", rulebook.rules.count,
            times.sorted()[2] / 1e9))
    let contextStart = clock.now
    let context = AuditContext(loaded)
    print(String(format: "  (audit context: %.1f ms)", nanoseconds(clock.now - contextStart) / 1e6))
    for rule in rulebook.rules {
        var sink = FindingSink()
        let start = clock.now
        rule.check.run(context, into: &sink)
        print(
            String(
                format: "  %-32@ %8.1f ms  %d findings", rule.id as NSString, nanoseconds(clock.now - start) / 1e6,
                sink.count))
    }
}

// Pairs: a unit's party organization and the committee that leads it; a provincial committee
// and a cell under it (by the chain of superiors).
let upos = (0..<nodes.count).filter { KindSet.unitPartyOrganizations.contains(nodes[$0].kind) }
var leaderPairs: [(Int, Int)] = []
for upo in sample(upos, options.samples) {
    if let leader = graph.neighbors(of: upo, via: .leads, reversed: true).first {
        leaderPairs.append((upo, Int(leader)))
    }
}
let superiors = Superiors(graph)
let cells = (0..<nodes.count).filter { nodes[$0].kind == .subordinateCell || nodes[$0].kind == .grassrootsCell }
var cellPairs: [(Int, Int)] = []
for cell in sample(cells, options.samples) {
    let chain = superiors.chain(from: cell).steps
    if let top = chain.last?.to, nodes[top].kind == .provincialPartyCommittee { cellPairs.append((top, cell)) }
}
if let path = options.pairsOut {
    let lines =
        ["# unit party organization ↔ its leader"] + leaderPairs.map { "\(nodes[$0.0].id) \(nodes[$0.1].id)" }
        + ["# provincial committee ↔ cell"] + cellPairs.map { "\(nodes[$0.0].id) \(nodes[$0.1].id)" }
    try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}

let buildStart = clock.now
var finder = PathFinder(graph)
let buildTime = clock.now - buildStart
print(String(format: "path index built in %.1f ms", nanoseconds(buildTime) / 1e6))
print(
    String(
        format: "%-52@ %8@ %12@ %12@", "query" as NSString, "count" as NSString, "median" as NSString, "p90" as NSString
    ))

@MainActor func timePairs(_ pairs: [(Int, Int)], allowed: StepSet = .all) -> [Double] {
    var times: [Double] = []
    times.reserveCapacity(pairs.count)
    var total = 0
    for (a, b) in pairs {
        let start = clock.now
        let path = finder.shortestPath(from: a, to: b, allowed: allowed)
        times.append(nanoseconds(clock.now - start))
        total += path?.count ?? 0
    }
    precondition(total > 0 || pairs.isEmpty, "no path found")
    return times
}

_ = timePairs(sample(leaderPairs, 1000))  // warm up
print(summary("shortest path, unit party organization ↔ its leader", timePairs(leaderPairs)))
print(summary("shortest path, provincial committee ↔ cell", timePairs(cellPairs)))
let upward = StepSet([(.leads, true), (.superiorOf, true), (.partOf, false)])
print(
    summary(
        "shortest path, cell → provincial committee, --via upward",
        timePairs(cellPairs.map { ($0.1, $0.0) }, allowed: upward)))

var evaluator = PathEvaluator(loaded)
let provinces = (0..<nodes.count).filter { nodes[$0].kind == .provincialPartyCommittee }
@MainActor func timeClosure(_ text: String, rounds: Int = 20) -> ([Double], Int) {
    let expression = try! PathExpression(parsing: text)
    var times: [Double] = []
    var size = 0
    for _ in 0..<rounds {
        for province in provinces {
            let start = clock.now
            let reached = evaluator.evaluate(expression, from: province)
            times.append(nanoseconds(clock.now - start))
            size = max(size, reached.count)
        }
    }
    return (times, size)
}
for text in ["leads+", "(leads|superior-of)+[kind=subordinate-cell]", "leads+/^part-of"] {
    let (times, size) = timeClosure(text)
    print(summary("closure \(text) from a province (\(size) nodes)", times, unit: 1_000_000, unitName: "ms"))
}
