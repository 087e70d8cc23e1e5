import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `relation-endpoints`: a relation connects kinds its type allows.
    public static let relationEndpoints = Rule(
        RuleDescription(
            id: "relation-endpoints", title: "A relation connects kinds its type allows", severity: .error,
            citation: Citation(document: "OrgGraph vocabulary", section: "relation types"),
            rationale: """
                Each working relationship of Regulation 125-QD/TW runs between particular bodies: a \
                committee leads a unit's party organization, a unit head reports to it. A relation \
                between other kinds is a slip of the pen (a reversed direction, the unit written for \
                its party committee) and would make every later check and chart wrong.
                """,
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
    var summary: [String] {
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
                let wanted: String
                if row.sameLevel {
                    wanted = "of its own level, \(fromLevel?.rawValue ?? "none")"
                } else {
                    wanted = "of level \(Self.list(row.toLevels ?? []))"
                }
                sink.report(
                    .edge(edge),
                    "'\(type.rawValue)' from \(context.describeWithKind(from)) goes to a \(toKind.rawValue) \(wanted); \(context.describe(to)) is \(toLevel.map { "of level \($0.rawValue)" } ?? "of no written level")"
                )
                continue
            }
            let targets = rows.filter { $0.from.contains(fromKind) }.reduce(KindSet()) { $0.union($1.to) }
            let sources = rows.filter { $0.to.contains(toKind) }.reduce(KindSet()) { $0.union($1.from) }
            var message =
                "\(context.describeWithKind(from)) cannot have '\(type.rawValue)' to "
                + "\(context.describeWithKind(to)); "
            if !targets.isEmpty {
                message += "'\(type.rawValue)' from a \(fromKind.rawValue) goes to \(Self.list(targets))"
            } else if !sources.isEmpty {
                message += "'\(type.rawValue)' to a \(toKind.rawValue) comes from \(Self.list(sources))"
            } else {
                message += "no '\(type.rawValue)' goes from a \(fromKind.rawValue) to a \(toKind.rawValue)"
            }
            sink.report(.edge(edge), message)
        }
    }

    /// `x, y or z`, in vocabulary order.
    static func list(_ levels: Set<Level>) -> String {
        let names = Level.allCases.filter(levels.contains).map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// `a x, a y or a z`.
    static func list(_ kinds: KindSet) -> String {
        let names = kinds.kinds.map { "a \($0.rawValue)" }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
