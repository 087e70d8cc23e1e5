import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// A kind of check a rulebook can name: the keyword that chooses it, the fields of a rule it
/// reads, and how the check is made from their values. ``all`` is the one table of them: the
/// rulebook decoder takes the known fields, the list of check keywords and the making of each
/// check from it, so a new check kind is one entry there.
package struct CheckKind: Sendable {
    /// The field of a rule that chooses this kind (`path`, `relation`, ...).
    package var keyword: String
    /// The fields of a rule this kind reads, the keyword included, in the order they are listed
    /// in messages, each with the type of its value.
    package var fields: [(name: String, type: RuleFieldType)]
    /// Whether a rule of this kind needs a `subject`.
    package var needsSubject: Bool
    /// The check of a rule whose fields decoded without an error; `nil` after reporting why not.
    package var make: @Sendable (_ rule: inout DecodedRule) -> (any Check)?

    /// Every check kind, in the order the decoder lists them.
    package static let all: [CheckKind] = [.path, .conditions, .relation, .acyclic, .attribute, .forbidden, .builtin]

    /// The kind whose keyword is `keyword`.
    package static func named(_ keyword: String) -> CheckKind? { all.first { $0.keyword == keyword } }

    /// The fields every kind reads, each once, in table order.
    package static let checkFields: [(name: String, type: RuleFieldType)] = {
        var seen = Set<String>()
        return all.flatMap(\.fields).filter { seen.insert($0.name).inserted }
    }()

    /// The keywords of every kind, in table order.
    package static let keywords = all.map(\.keyword)

    /// The type of each field a kind reads, by name.
    package static let fieldTypes = Dictionary(
        checkFields.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })

    /// `path` with `min`, `max` or `exactly`, `among`, `not-among` and `when`: a
    /// ``PathCountCheck`` of one condition.
    static let path = CheckKind(
        keyword: "path",
        fields: [
            ("when", .guards), ("path", .expression), ("among", .expression), ("not-among", .expression),
            ("min", .integer), ("max", .integer), ("exactly", .integer),
        ],
        needsSubject: true
    ) { rule in
        guard let path = rule.expression("path") else { return nil }
        var minimum = rule.integer("min")
        var maximum = rule.integer("max")
        if let exactly = rule.integer("exactly") {
            minimum = exactly
            maximum = exactly
        }
        if minimum == nil, maximum == nil {
            rule.report(
                LocalizedText(
                    en: "rule '\(rule.id)': a 'path' check needs 'min', 'max' or 'exactly'",
                    vi: "quy tắc '\(rule.id)': phép kiểm tra 'path' cần có 'min', 'max' hoặc 'exactly'"),
                at: rule.keywordLocation)
            return nil
        }
        return PathCountCheck(
            subject: rule.subject,
            conditions: [
                .init(
                    when: rule.guards("when"), path: path, minimum: minimum, maximum: maximum,
                    among: rule.expression("among"), notAmong: rule.expression("not-among"), message: rule.message)
            ])
    }

    /// `conditions`: a ``PathCountCheck`` of several conditions (path counts or relations), all
    /// of which must hold.
    static let conditions = CheckKind(keyword: "conditions", fields: [("conditions", .conditions)], needsSubject: true)
    {
        rule in
        guard case .conditions(let conditions)? = rule.values["conditions"] else { return nil }
        return PathCountCheck(subject: rule.subject, conditions: conditions)
    }

    /// `relation` (type, from, to, periods, each), and `when`: a ``RelationCheck``.
    static let relation = CheckKind(
        keyword: "relation", fields: [("relation", .relation), ("when", .guards)], needsSubject: true
    ) { rule in
        guard case .relation(var relation)? = rule.values["relation"] else { return nil }
        relation.subject = rule.subject
        relation.when = rule.guards("when")
        relation.message = rule.message
        return relation
    }

    /// `acyclic`, a list of relation types (`^` reads one backwards): an ``AcyclicCheck``.
    static let acyclic = CheckKind(keyword: "acyclic", fields: [("acyclic", .steps)], needsSubject: false) { rule in
        guard case .steps(let steps)? = rule.values["acyclic"] else { return nil }
        return AcyclicCheck(steps: steps)
    }

    /// `attribute` (key, values, required): an ``AttributeCheck``.
    static let attribute = CheckKind(keyword: "attribute", fields: [("attribute", .attribute)], needsSubject: true) {
        rule in
        guard case .attribute(var attribute)? = rule.values["attribute"] else { return nil }
        attribute.subject = rule.subject
        attribute.message = rule.message
        return attribute
    }

    /// `forbidden: true`: a ``ForbiddenCheck``, every subject node a finding.
    static let forbidden = CheckKind(keyword: "forbidden", fields: [("forbidden", .flag)], needsSubject: true) { rule in
        ForbiddenCheck(subject: rule.subject, message: rule.message)
    }

    /// `builtin`, the id of a structural rule: that rule's check.
    static let builtin = CheckKind(keyword: "builtin", fields: [("builtin", .text)], needsSubject: false) { rule in
        guard case .text(let name, let location)? = rule.values["builtin"] else { return nil }
        guard let check = Rulebook.structural.rules.first(where: { $0.id == name })?.check else {
            let names = Rulebook.structural.rules.map(\.id)
            let (hint, list) = (Suggestion.didYouMean(name, in: names), names.joined(separator: ", "))
            rule.report(
                LocalizedText(
                    en: "unknown builtin check '\(name)'\(hint.en); the builtins are \(list)",
                    vi: "phép kiểm tra có sẵn không hợp lệ '\(name)'\(hint.vi); các phép kiểm tra có sẵn là \(list)"),
                at: location)
            return nil
        }
        return check
    }
}

/// The type of the value of a field a check kind reads; the rulebook decoder reads each.
package enum RuleFieldType: Sendable {
    /// Text: a string, number or boolean as written.
    case text
    /// A whole number, 0 or more.
    case integer
    /// A path expression.
    case expression
    /// A `when`: a path expression, or a list of them and of `{path, min/max/exactly}`.
    case guards
    /// `true` or anything else.
    case flag
    /// A list of `{when, path, among, not-among, min/max/exactly, message}` and of
    /// `{when, relation, message}`.
    case conditions
    /// A mapping `{type, from, to, periods, each}`.
    case relation
    /// A list of relation types, each read backwards when it starts with `^`.
    case steps
    /// A mapping `{key, values, required}`.
    case attribute
}

/// The decoded value of a field a check kind reads.
package enum RuleFieldValue: Sendable {
    case text(String, SourceLocation)
    case integer(Int)
    case expression(PathExpression)
    case guards([PathGuard])
    case flag(Bool)
    case conditions([PathCountCheck.Condition])
    case relation(RelationCheck)
    case steps([AcyclicCheck.Step])
    case attribute(AttributeCheck)
}

/// A rule as its check kind sees it: its id, subject and message, the values of the fields
/// that decoded, and a place to report why a check cannot be made.
package struct DecodedRule {
    package var id: String
    package var subject: KindSet
    package var message: MessageTemplate
    /// Where the check's keyword is written.
    package var keywordLocation: SourceLocation
    package var values: [String: RuleFieldValue]
    /// What is wrong with the rule, with where; the decoder reports each.
    package var problems: [(message: LocalizedText, location: SourceLocation)] = []

    package func expression(_ field: String) -> PathExpression? {
        guard case .expression(let expression)? = values[field] else { return nil }
        return expression
    }

    /// The guards of a `when`, none when it is absent.
    package func guards(_ field: String) -> [PathGuard] {
        guard case .guards(let guards)? = values[field] else { return [] }
        return guards
    }

    package func integer(_ field: String) -> Int? {
        guard case .integer(let value)? = values[field] else { return nil }
        return value
    }

    package mutating func report(_ message: LocalizedText, at location: SourceLocation) {
        problems.append((message, location))
    }
}
