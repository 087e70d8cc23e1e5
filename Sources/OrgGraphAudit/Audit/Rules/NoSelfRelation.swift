import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `no-self-relation`: no relation from a node to itself.
    public static let noSelfRelation = Rule(
        RuleDescription(
            id: "no-self-relation",
            title: LocalizedText(
                en: "No relation from a node to itself", vi: "Không có quan hệ từ một nút tới chính nó"),
            severity: .error,
            citation: Citation(document: "OrgGraph file format", section: "relations"),
            rationale: LocalizedText(
                en: """
                    Every working relationship is between two bodies: a committee does not lead itself, \
                    a unit head does not report to itself. A relation from a node to itself is a wrong id.
                    """,
                vi: """
                    Mỗi mối quan hệ công tác là giữa hai chủ thể: cấp ủy không tự lãnh đạo mình, Thủ \
                    trưởng đơn vị không tự báo cáo với mình. Quan hệ từ một nút tới chính nó là do ghi \
                    sai mã (id).
                    """),
            triggering: [
                .init(
                    expect: ["tu"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                    relations:
                      - {type: leads, from: tu, to: tu}
                    """),
                .init(
                    expect: ["bv"],
                    """
                    nodes:
                      - {id: bv, kind: public-service-unit, level: provincial, part-of: bv}
                    """),
            ],
            nonTriggeringExamples: [
                """
                nodes:
                  - {id: tu, kind: provincial-party-committee}
                  - {id: hu, kind: district-party-committee}
                relations:
                  - {type: leads, from: tu, to: hu}
                """
            ]),
        check: NoSelfRelationCheck())
}

/// Reports every edge, relation or `part-of:` field, from a node to itself.
struct NoSelfRelationCheck: Check {
    func summary(in language: Language) -> [String] {
        ["check: builtin no-self-relation", "reads: every relation and part-of field"]
    }

    /// - Complexity: O(*m*).
    func run(_ context: AuditContext, into sink: inout FindingSink) {
        let graph = context.graph
        for edge in 0..<graph.edgeCount where graph.edgeFrom[edge] == graph.edgeTo[edge] {
            let node = Int(graph.edgeFrom[edge])
            let type = graph.edgeTypes[edge]
            let name = context.describe(node)
            let message =
                type == .partOf
                ? context.localized(
                    en: "\(name) is part of itself; name the body it belongs to",
                    vi: "\(name) trực thuộc chính nó; hãy ghi tổ chức mà nó trực thuộc")
                : context.localized(
                    en: "\(name) \(type.rawValue) itself; point the relation at another node",
                    vi:
                        "\(name) có quan hệ \(context.relation(type)) với chính nó; hãy trỏ quan hệ này tới một nút khác"
                )
            sink.report(.edge(edge), message)
        }
    }
}
