import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `part-of-required`: containment as SPEC §2 sets it.
    public static let partOfRequired = Rule(
        RuleDescription(
            id: "part-of-required",
            title: LocalizedText(
                en: "Each body is part of exactly one body of the right kind",
                vi: "Mỗi tổ chức trực thuộc đúng một tổ chức đúng loại"),
            severity: .error,
            citation: Citation(document: "OrgGraph vocabulary", section: "containment"),
            rationale: LocalizedText(
                en: """
                    A standing committee belongs to one party committee, a unit's party organization, \
                    head and board to one public service unit, a board chair to one board. Every other \
                    rule finds "the unit of" a cell or "the committee of" a standing body through this \
                    containment, so it must be there, be single, and point at the right kind; bodies \
                    that stand on their own (committees, units, People's Committees, party cadres \
                    committees, ministries) are part of nothing.
                    """,
                vi: """
                    Ban Thường vụ thuộc một cấp ủy; tổ chức đảng, Thủ trưởng và Hội đồng quản lý của \
                    đơn vị thuộc một đơn vị sự nghiệp công lập; Chủ tịch Hội đồng thuộc một Hội đồng. \
                    Mọi quy tắc khác tìm “đơn vị của” một chi bộ hay “cấp ủy của” một cơ quan thường \
                    trực qua quan hệ trực thuộc này, nên quan hệ đó phải có, phải duy nhất và phải trỏ \
                    tới đúng loại tổ chức; các tổ chức đứng độc lập (cấp ủy, đơn vị, Ủy ban nhân dân, \
                    Ban cán sự đảng, bộ) không trực thuộc tổ chức nào.
                    """),
            triggering: [
                .init(
                    expect: ["gd"],
                    """
                    nodes:
                      - {id: gd, kind: unit-head}
                    """),
                .init(
                    expect: ["gd"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                      - {id: btv, kind: standing-committee, part-of: tu}
                      - {id: gd, kind: unit-head, part-of: btv}
                    """),
                .init(
                    expect: ["gd"],
                    """
                    nodes:
                      - {id: bv1, kind: public-service-unit, level: provincial}
                      - {id: bv2, kind: public-service-unit, level: provincial}
                      - {id: gd, kind: unit-head, part-of: bv1}
                    relations:
                      - {type: part-of, from: gd, to: bv2}
                    """),
                .init(
                    expect: ["bv"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                      - {id: bv, kind: public-service-unit, level: provincial, part-of: tu}
                    """),
                .init(
                    expect: ["syt"],
                    """
                    nodes:
                      - {id: syt, kind: managing-agency, level: provincial}
                    """),
            ],
            nonTriggeringExamples: [
                """
                nodes:
                  - {id: tu, kind: provincial-party-committee}
                  - {id: btv, kind: standing-committee, part-of: tu}
                  - {id: bv, kind: public-service-unit, level: provincial}
                  - {id: dubv, kind: unit-party-committee, part-of: bv}
                  - {id: cb, kind: subordinate-cell, part-of: dubv}
                  - {id: bt, kind: party-secretary, part-of: cb}
                  - {id: hdql, kind: management-board, part-of: bv}
                  - {id: ct, kind: board-chair}
                relations:
                  - {type: part-of, from: ct, to: hdql}
                """,
                """
                nodes:
                  - {id: byt, kind: managing-agency, level: central}
                  - {id: bcs, kind: party-cadres-committee, level: central}
                  - {id: truong, kind: public-service-unit, level: commune}
                  - {id: cb, kind: subordinate-cell, part-of: truong}
                """,
            ]),
        check: PartOfRequiredCheck())
}

/// Reports nodes whose containment departs from the vocabulary's containment table.
struct PartOfRequiredCheck: Check {
    func summary(in language: Language) -> [String] {
        ["check: builtin part-of-required", "reads: the containment of each kind, from the vocabulary table"]
    }

    /// - Complexity: O(*n* + *m*).
    func run(_ context: AuditContext, into sink: inout FindingSink) {
        let graph = context.graph
        // The containment table by kind index, looked up once.
        let vocabulary = context.vocabulary
        let table: [KindSet?] = NodeKind.allCases.map { vocabulary.containers[$0] }
        // The kinds whose containment depends on the level (a managing agency of level central).
        let byLevel = KindSet(vocabulary.partOfNothingAt.keys)
        for node in 0..<graph.nodeCount {
            let kind = graph.kinds[node]
            let neighbors = graph.neighbors(of: node, via: .partOf)
            let allowed =
                byLevel.contains(kind)
                ? vocabulary.containers(of: kind, level: graph.level(of: node)) : table[kind.index]
            // The common case, one container of an allowed kind, decided without allocating.
            if neighbors.count == 1, let allowed, allowed.contains(graph.kinds[Int(neighbors[neighbors.startIndex])]) {
                continue
            }
            if neighbors.isEmpty, allowed == nil { continue }
            // A part-of written twice to the same body is one containment (and a duplicate-relation).
            var containers: [Int32] = []
            var edges: [Int32] = []
            for (container, edge) in zip(neighbors, graph.edges(of: node, via: .partOf))
            where !containers.contains(container) {
                containers.append(container)
                edges.append(edge)
            }
            guard let allowed else {
                for (container, edge) in zip(containers, edges) {
                    let level = byLevel.contains(kind) ? graph.level(of: node) : nil
                    let (name, whole) = (context.describeWithKind(node), context.describe(Int(container)))
                    sink.report(
                        .edge(Int(edge)),
                        context.localized(
                            en:
                                "\(name)\(level.map { " of level \($0.rawValue)" } ?? "") stands on its own and is part of nothing; remove its part-of \(whole)",
                            vi:
                                "\(name)\(level.map { " thuộc \(context.level($0))" } ?? "") là tổ chức độc lập, không trực thuộc tổ chức nào; hãy bỏ part-of tới \(whole)"
                        ),
                        identity: [context.node(Int(container)).id])
                }
                continue
            }
            var expected = context.kinds(allowed)
            if let free = vocabulary.partOfNothingAt[kind] {
                expected += context.localized(
                    en: " (one of level \(context.levels(free)) is part of nothing)",
                    vi: " (nếu thuộc \(context.levels(free)) thì không trực thuộc tổ chức nào)")
            }
            let name = context.describeWithKind(node)
            switch containers.count {
            case 0:
                sink.report(
                    .node(node),
                    context.localized(
                        en: "\(name) must be part of \(expected); add 'part-of:'",
                        vi: "\(name) phải trực thuộc \(expected); hãy thêm 'part-of:'"))
            case 1:
                let container = Int(containers[0])
                guard !allowed.contains(graph.kinds[container]) else { continue }
                let whole = context.describeWithKind(container)
                sink.report(
                    .edge(Int(edges[0])),
                    context.localized(
                        en: "\(name) must be part of \(expected), not of \(whole)",
                        vi: "\(name) phải trực thuộc \(expected), không phải \(whole)"))
            default:
                let names = containers.map { context.describe(Int($0)) }.joined(separator: ", ")
                let count = containers.count
                sink.report(
                    .node(node),
                    context.localized(
                        en:
                            "\(name) is part of \(count) bodies (\(names)); it must be part of exactly one, \(expected)",
                        vi: "\(name) trực thuộc \(count) tổ chức (\(names)); chỉ được trực thuộc đúng một: \(expected)"),
                    related: edges.map {
                        let whole = context.describe(Int(graph.edgeTo[Int($0)]))
                        return (
                            .edge(Int($0)),
                            context.localized(en: "part of \(whole) here", vi: "trực thuộc \(whole) ở đây")
                        )
                    })
            }
        }
    }
}
