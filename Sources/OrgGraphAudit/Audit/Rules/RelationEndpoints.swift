import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `relation-endpoints`: a relation connects kinds its type allows.
    public static let relationEndpoints = Rule(
        RuleDescription(
            id: "relation-endpoints",
            title: LocalizedText(
                en: "A relation connects kinds its type allows",
                vi: "Quan hệ chỉ nối những loại tổ chức mà loại quan hệ đó cho phép"),
            severity: .error,
            citation: Citation(document: "OrgGraph vocabulary", section: "relation types"),
            rationale: LocalizedText(
                en: """
                    Each working relationship of Regulation 125-QD/TW runs between particular bodies: a \
                    committee leads a unit's party organization, a unit head reports to it. A relation \
                    between other kinds is a slip of the pen (a reversed direction, the unit written for \
                    its party committee) and would make every later check and chart wrong.
                    """,
                vi: """
                    Mỗi mối quan hệ công tác trong Quy định 125-QĐ/TW diễn ra giữa những chủ thể xác \
                    định: cấp ủy lãnh đạo tổ chức đảng của đơn vị, Thủ trưởng đơn vị báo cáo với tổ chức \
                    đảng. Quan hệ giữa những loại tổ chức khác là do ghi nhầm (đảo chiều quan hệ, ghi đơn \
                    vị thay cho đảng ủy của đơn vị) và sẽ làm sai mọi bước kiểm tra và sơ đồ sau đó.
                    """),
            triggering: [
                .init(
                    expect: ["gd"],
                    """
                    nodes:
                      - {id: bv, kind: public-service-unit, level: provincial}
                      - {id: gd, kind: unit-head, part-of: bv}
                    relations:
                      - {type: leads, from: gd, to: bv}
                    """),
                .init(
                    expect: ["tu"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                      - {id: bv, kind: public-service-unit, level: provincial}
                      - {id: dubv, kind: unit-party-committee, part-of: bv}
                    relations:
                      - {type: reports-to, from: tu, to: dubv}
                    """),
                .init(
                    expect: ["tu"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                      - {id: ubnd-xa, kind: peoples-committee, level: commune}
                    relations:
                      - {type: leads, from: tu, to: ubnd-xa}
                    """),
            ],
            nonTriggeringExamples: [
                """
                nodes:
                  - {id: tu, kind: provincial-party-committee}
                  - {id: bv, kind: public-service-unit, level: provincial}
                  - {id: dubv, kind: unit-party-committee, part-of: bv}
                  - {id: gd, kind: unit-head, part-of: bv}
                relations:
                  - {type: leads, from: tu, to: dubv}
                  - {type: reports-to, from: gd, to: dubv, period: [6-months]}
                """,
                """
                nodes:
                  - {id: tu, kind: provincial-party-committee}
                  - {id: bcs, kind: party-cadres-committee, level: provincial}
                  - {id: ubnd, kind: peoples-committee, level: provincial}
                  - {id: bv, kind: public-service-unit, level: provincial}
                  - {id: dubv, kind: unit-party-committee, part-of: bv}
                relations:
                  - {type: leads, from: tu, to: bcs}
                  - {type: leads, from: bcs, to: ubnd}
                  - {type: leads, from: tu, to: ubnd}
                  - {type: directs, from: bcs, to: dubv}
                """,
            ]),
        check: RelationEndpointsCheck())
}

/// Reports every relation, other than `part-of`, whose endpoint kinds its type does not allow.
struct RelationEndpointsCheck: Check {
    func summary(in language: Language) -> [String] {
        [
            "check: builtin relation-endpoints",
            "reads: the kinds each relation type connects, from the vocabulary table",
        ]
    }

    /// - Complexity: O(*m*).
    func run(_ context: AuditContext, into sink: inout FindingSink) {
        let graph = context.graph
        let vocabulary = context.vocabulary
        // For each (type, from kind): the kinds allowed at the other end with no level asked.
        let kindCount = NodeKind.allCases.count
        var plain = [KindSet](repeating: KindSet(), count: RelationType.allCases.count * kindCount)
        for (type, rows) in vocabulary.endpoints {
            for row in rows where !row.asksLevels {
                for kind in row.from.kinds { plain[type.index * kindCount + kind.index].formUnion(row.to) }
            }
        }
        for edge in 0..<graph.edgeCount {
            let type = graph.edgeTypes[edge]
            guard type != .partOf else { continue }
            let from = Int(graph.edgeFrom[edge])
            let to = Int(graph.edgeTo[edge])
            let fromKind = graph.kinds[from]
            let toKind = graph.kinds[to]
            if plain[type.index * kindCount + fromKind.index].contains(toKind) { continue }
            let fromLevel = graph.level(of: from)
            let toLevel = graph.level(of: to)
            guard !vocabulary.allows(type, from: fromKind, fromLevel: fromLevel, to: toKind, toLevel: toLevel) else {
                continue
            }
            let rows = vocabulary.endpoints[type] ?? []
            if let row = rows.first(where: { $0.from.contains(fromKind) && $0.to.contains(toKind) }) {
                sink.report(
                    .edge(edge),
                    Self.levelMessage(
                        type, from: from, to: to, row: row, levels: (fromLevel, toLevel), context))
                continue
            }
            let targets = rows.filter { $0.from.contains(fromKind) }.reduce(KindSet()) { $0.union($1.to) }
            let sources = rows.filter { $0.to.contains(toKind) }.reduce(KindSet()) { $0.union($1.from) }
            let (source, target, relation) = (
                context.describeWithKind(from), context.describeWithKind(to), context.relation(type)
            )
            var message = context.localized(
                en: "\(source) cannot have \(relation) to \(target); ",
                vi: "\(source) không thể có quan hệ \(relation) tới \(target); ")
            if !targets.isEmpty {
                message += context.localized(
                    en: "\(relation) from \(context.kind(fromKind)) goes to \(context.kinds(targets))",
                    vi: "quan hệ \(relation) từ \(context.kind(fromKind)) chỉ tới \(context.kinds(targets))")
            } else if !sources.isEmpty {
                message += context.localized(
                    en: "\(relation) to \(context.kind(toKind)) comes from \(context.kinds(sources))",
                    vi: "quan hệ \(relation) tới \(context.kind(toKind)) chỉ xuất phát từ \(context.kinds(sources))")
            } else {
                message += context.localized(
                    en: "no \(relation) goes from \(context.kind(fromKind)) to \(context.kind(toKind))",
                    vi: "không có quan hệ \(relation) nào từ \(context.kind(fromKind)) tới \(context.kind(toKind))")
            }
            sink.report(.edge(edge), message)
        }
    }

    /// The message of a relation between kinds its type allows, at levels it does not.
    private static func levelMessage(
        _ type: RelationType, from: Int, to: Int, row: Vocabulary.Endpoints, levels: (from: Level?, to: Level?),
        _ context: AuditContext
    ) -> String {
        let toKind = context.graph.kinds[to]
        let (source, target, relation) = (context.describeWithKind(from), context.describe(to), context.relation(type))
        switch context.language {
        case .english:
            let wanted =
                row.sameLevel
                ? "of its own level, \(levels.from?.rawValue ?? "none")"
                : "of level \(context.levels(row.toLevels ?? []))"
            let found = levels.to.map { "of level \($0.rawValue)" } ?? "of no written level"
            return "\(relation) from \(source) goes to \(context.kind(toKind)) \(wanted); \(target) is \(found)"
        case .vietnamese:
            let wanted =
                row.sameLevel
                ? "cùng cấp (\(levels.from.map(context.level) ?? "chưa ghi cấp"))"
                : "thuộc \(context.levels(row.toLevels ?? []))"
            let found = levels.to.map { "thuộc \(context.level($0))" } ?? "chưa ghi cấp"
            return "quan hệ \(relation) từ \(source) phải tới \(context.kind(toKind)) \(wanted); \(target) \(found)"
        }
    }
}
