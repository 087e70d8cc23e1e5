import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `duplicate-relation`: the same (type, from, to) appears once.
    public static let duplicateRelation = Rule(
        RuleDescription(
            id: "duplicate-relation",
            title: LocalizedText(en: "Each relation is written once", vi: "Mỗi quan hệ chỉ ghi một lần"),
            severity: .warning,
            citation: Citation(document: "OrgGraph file format", section: "relations"),
            rationale: LocalizedText(
                en: """
                    A relation written twice says nothing more, but the copies drift apart when one is \
                    edited (a period added to one of two reports-to lines), and counts and charts double.
                    """,
                vi: """
                    Một quan hệ ghi hai lần không nói thêm điều gì, nhưng các bản sẽ lệch nhau khi chỉ \
                    sửa một bản (thêm kỳ báo cáo vào một trong hai dòng reports-to), còn số liệu và sơ \
                    đồ bị tính gấp đôi.
                    """),
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
    func summary(in language: Language) -> [String] {
        ["check: builtin duplicate-relation", "reads: every relation, by its type, from and to"]
    }

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
                        (.edge(Int(first)), context.localized(en: "first written here", vi: "ghi lần đầu ở đây"))
                    ]
                    let again = context.localized(en: "written again here", vi: "ghi lặp lại ở đây")
                    related += extra.dropFirst().map { (.edge(Int($0)), again) }
                    let (from, target) = (context.describe(node), context.describe(to))
                    sink.report(
                        .edge(Int(second)),
                        context.localized(
                            en: "'\(type.rawValue)' from \(from) to \(target) is written \(written); keep one",
                            vi: "quan hệ \(context.relation(type)) từ \(from) tới \(target) được ghi \(times) lần; "
                                + "chỉ giữ một"),
                        related: related)
                }
            }
        }
    }
}
