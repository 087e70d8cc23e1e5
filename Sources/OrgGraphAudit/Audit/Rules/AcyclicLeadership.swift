import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

extension Rule {
    /// `acyclic-leadership`: `leads`, `superior-of` and `part-of` (whole to part) have no cycle.
    public static let acyclicLeadership = Rule(
        RuleDescription(
            id: "acyclic-leadership",
            title: LocalizedText(en: "Leadership runs one way", vi: "Quan hệ lãnh đạo chỉ theo một chiều"),
            severity: .error,
            citation: Citation(document: "Regulation 125-QD/TW", section: "§1, §3"),
            rationale: LocalizedText(
                en: """
                    Leadership goes down and containment goes from the whole to its parts: a committee \
                    that leads, through other bodies, the body that leads it, or a unit that contains \
                    its own container, has no top. Chains of superiors, the lowest common superior and \
                    the top-down chart all need the leadership structure to be free of cycles.
                    """,
                vi: """
                    Quan hệ lãnh đạo đi từ trên xuống, quan hệ trực thuộc đi từ tổng thể tới bộ phận: \
                    một cấp ủy thông qua các tổ chức khác lại lãnh đạo chính tổ chức lãnh đạo mình, hay \
                    một đơn vị lại chứa chính tổ chức chứa nó, thì không còn cấp cao nhất. Chuỗi cấp \
                    trên, cấp trên chung thấp nhất và sơ đồ từ trên xuống đều đòi hỏi cơ cấu lãnh đạo \
                    không có vòng khép kín.
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
                      - {type: leads, from: hu, to: tu}
                    """),
                .init(
                    expect: ["tu"],
                    """
                    nodes:
                      - {id: tu, kind: provincial-party-committee}
                      - {id: btv, kind: standing-committee, part-of: tu}
                      - {id: hu, kind: district-party-committee, part-of: btv}
                    relations:
                      - {type: leads, from: hu, to: tu}
                    """),
            ],
            nonTriggeringExamples: [
                """
                nodes:
                  - {id: tu, kind: provincial-party-committee}
                  - {id: hu, kind: district-party-committee}
                  - {id: xa, kind: commune-party-committee}
                relations:
                  - {type: leads, from: tu, to: hu}
                  - {type: leads, from: hu, to: xa}
                  - {type: leads, from: tu, to: xa}
                """
            ]),
        check: AcyclicCheck(
            steps: [
                AcyclicCheck.Step(type: .leads, reversed: false),
                AcyclicCheck.Step(type: .superiorOf, reversed: false),
                AcyclicCheck.Step(type: .partOf, reversed: true),
            ]))
}
