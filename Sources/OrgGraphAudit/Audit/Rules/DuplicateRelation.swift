import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `duplicate-relation`: the same (type, from, to) appears once.
    public static let duplicateRelation = Rule(
        RuleDescription(
            id: "duplicate-relation", title: "Each relation is written once", severity: .warning,
            citation: Citation(document: "OrgGraph file format", section: "relations"),
            rationale: """
                A relation written twice says nothing more, but the copies drift apart when one is \
                edited (a period added to one of two reports-to lines), and counts and charts double.
                """,
            triggering: [
                .init(
                    expect: ["tu"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                      - {id: hu, kind: district-party-committee}
                    relations:
                      - {type: leads, from: tu, to: hu}
                      - {type: leads, from: tu, to: hu}
                    """),
                .init(
                    expect: ["gd"],
                    """
                    nodes:
                      - {id: bv, kind: public-service-unit, level: provincial}
                      - {id: gd, kind: unit-head, part-of: bv}
                    relations:
                      - {type: part-of, from: gd, to: bv}
                    """),
            ],
            nonTriggeringExamples: [
                """
                nodes:
                  - {id: tu, kind: provincial-party-committee}
                  - {id: hu, kind: district-party-committee}
                relations:
                  - {type: leads, from: tu, to: hu}
                  - {type: sends-documents, from: tu, to: hu}
                """
            ]),
        check: DuplicateRelationCheck())
}

/// Reports each (type, from, to) written more than once, at its second copy.
struct DuplicateRelationCheck: Check {
    var summary: [String] { ["check: builtin duplicate-relation", "reads: every relation, by its type, from and to"] }

    /// - Complexity: O(*n* + *m*): one stamp per node, reset by a counter rather than cleared.
    func run(_ context: AuditContext, into sink: inout FindingSink) {
        let graph = context.graph
        var stamp = [Int32](repeating: -1, count: graph.nodeCount)
        var firstEdge = [Int32](repeating: 0, count: graph.nodeCount)
        var token: Int32 = 0
        for node in 0..<graph.nodeCount {
            for type in RelationType.allCases where graph.degree(of: node, via: type) > 1 {
                token += 1
                var copies: [Int32: [Int32]] = [:]
                var order: [Int32] = []
                let edges = graph.edges(of: node, via: type)
                for (target, edge) in zip(graph.neighbors(of: node, via: type), edges) {
                    let t = Int(target)
                    if stamp[t] == token {
                        if copies[firstEdge[t]] == nil { order.append(firstEdge[t]) }
                        copies[firstEdge[t], default: []].append(edge)
                    } else {
                        stamp[t] = token
                        firstEdge[t] = edge
                    }
                }
                for first in order {
                    let extra = copies[first] ?? []
                    guard let second = extra.first else { continue }
                    let to = Int(graph.edgeTo[Int(first)])
                    let times = extra.count + 1
                    let written = times == 2 ? "twice" : "\(times) times"
                    var related: [(subject: FindingSubject, message: String)] = [
                        (.edge(Int(first)), "first written here")
                    ]
                    related += extra.dropFirst().map { (.edge(Int($0)), "written again here") }
                    sink.report(
                        .edge(Int(second)),
                        "'\(type.rawValue)' from \(context.describe(node)) to \(context.describe(to)) is written \(written); keep one",
                        related: related)
                }
            }
        }
    }
}
