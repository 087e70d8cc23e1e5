import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `level-required`: the kinds that need a level carry one; a territorial committee's level matches its kind.
    public static let levelRequired = Rule(
        RuleDescription(
            id: "level-required",
            title: LocalizedText(en: "Bodies carry the level they need", vi: "Các tổ chức ghi đúng cấp cần có"),
            severity: .error,
            citation: Citation(document: "OrgGraph vocabulary", section: "levels"),
            rationale: LocalizedText(
                en: """
                    Regulation 125-QD/TW assigns the leadership of a public service unit to the party \
                    committee of the unit's own level, so the level of units, People's Committees and \
                    the committees that are not territorial (bloc, authority, party agencies, party \
                    cadres, ministry and sector committees) must be written, and a territorial committee \
                    cannot claim a level other than its own.
                    """,
                vi: """
                    Quy định 125-QĐ/TW giao việc lãnh đạo đơn vị sự nghiệp công lập cho cấp ủy cùng cấp \
                    với đơn vị, nên phải ghi cấp của đơn vị, của Ủy ban nhân dân và của các cấp ủy không \
                    theo địa giới hành chính (Đảng ủy Khối, Đảng ủy Ủy ban nhân dân tỉnh, Đảng ủy các cơ \
                    quan Đảng tỉnh, Ban cán sự đảng, đảng ủy bộ, ngành); cấp ủy theo địa giới hành chính \
                    không thể ghi một cấp khác với cấp của mình.
                    """),
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
    func summary(in language: Language) -> [String] {
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
                    let name = context.describe(index)
                    sink.report(
                        .level(index),
                        context.localized(
                            en:
                                "\(name) is a \(kind.rawValue), so its level is \(territorial.rawValue), not \(level.rawValue)",
                            vi: "\(name) là \(context.kind(kind)) nên thuộc \(context.level(territorial)), không phải "
                                + context.level(level)))
                }
                continue
            }
            guard let allowed = allowedByKind[kind.index] else { continue }
            if let level, allowed.contains(level) { continue }
            let spelled = context.levels(allowed)
            let name = context.describeWithKind(index)
            if let level {
                sink.report(
                    .level(index),
                    context.localized(
                        en: "\(name) is \(spelled), not \(level.rawValue)",
                        vi: "\(name) phải thuộc \(spelled), không phải \(context.level(level))"))
            } else {
                sink.report(
                    .node(index),
                    context.localized(
                        en: "\(name) needs a level: \(spelled)", vi: "\(name) cần ghi cấp (level): \(spelled)"))
            }
        }
    }
}
