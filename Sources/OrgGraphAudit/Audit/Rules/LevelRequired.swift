import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `level-required`: the kinds that need a level carry one; a territorial committee's level matches its kind.
    public static let levelRequired = Rule(
        RuleDescription(
            id: "level-required", title: "Bodies carry the level they need", severity: .error,
            citation: Citation(document: "OrgGraph vocabulary", section: "levels"),
            rationale: """
                Regulation 125-QD/TW assigns the leadership of a public service unit to the party \
                committee of the unit's own level, so the level of units, People's Committees and \
                the committees that are not territorial (bloc, authority, party agencies, party \
                cadres, ministry and sector committees) must be written, and a territorial committee \
                cannot claim a level other than its own.
                """,
            triggering: [
                .init(
                    expect: ["bv"],
                    """
                    nodes:
                      - {id: bv, kind: public-service-unit}
                    """),
                .init(
                    expect: ["hu"],
                    """
                    nodes:
                      - {id: hu, kind: district-party-committee, level: provincial}
                    """),
                .init(
                    expect: ["dukhoi"],
                    """
                    nodes:
                      - {id: dukhoi, kind: superior-party-committee, level: commune}
                    """),
                .init(
                    expect: ["dubnd"],
                    """
                    nodes:
                      - {id: dubnd, kind: authority-party-committee, level: district}
                    """),
            ],
            nonTriggeringExamples: [
                """
                nodes:
                  - {id: bv, kind: public-service-unit, level: provincial}
                  - {id: hu, kind: district-party-committee, level: district}
                  - {id: xa, kind: commune-party-committee}
                  - {id: dukhoi, kind: superior-party-committee, level: provincial}
                  - {id: ubnd, kind: peoples-committee, level: commune}
                """,
                """
                nodes:
                  - {id: bvtw, kind: public-service-unit, level: central}
                  - {id: dcp, kind: authority-party-committee, level: central}
                  - {id: dcq, kind: party-agencies-committee, level: provincial}
                """,
            ]),
        check: LevelRequiredCheck())
}

/// Reports missing and contradictory levels.
struct LevelRequiredCheck: Check {
    var summary: [String] {
        ["check: builtin level-required", "reads: the levels each kind takes, from the vocabulary table"]
    }

    /// - Complexity: O(*n*).
    func run(_ context: AuditContext, into sink: inout FindingSink) {
        let graph = context.graph
        var allowedByKind = [Set<Level>?](repeating: nil, count: NodeKind.allCases.count)
        for (kind, levels) in context.vocabulary.requiredLevels { allowedByKind[kind.index] = levels }
        for index in 0..<graph.nodeCount {
            let kind = graph.kinds[index]
            let level = graph.writtenLevel(of: index)
            if let territorial = kind.territorialLevel {
                if let level, level != territorial {
                    sink.report(
                        .level(index),
                        "\(context.describe(index)) is a \(kind.rawValue), so its level is \(territorial.rawValue), not \(level.rawValue)"
                    )
                }
                continue
            }
            guard let allowed = allowedByKind[kind.index] else { continue }
            if let level, allowed.contains(level) { continue }
            let choices = Level.allCases.filter(allowed.contains).map(\.rawValue)
            let spelled =
                choices.count > 1
                ? choices.dropLast().joined(separator: ", ") + " or " + (choices.last ?? "") : choices.joined()
            if let level {
                sink.report(.level(index), "\(context.describeWithKind(index)) is \(spelled), not \(level.rawValue)")
            } else {
                sink.report(.node(index), "\(context.describeWithKind(index)) needs a level: \(spelled)")
            }
        }
    }
}
