import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// One guard of a `when`: a path expression that holds for a subject when it reaches at least
/// one node from it (written as the expression alone), or, with bounds (`{path: ^superior-of,
/// exactly: 1}`), when the number of distinct nodes it reaches is within them. A `when` is a
/// list of guards, all of which must hold.
package struct PathGuard: Sendable {
    package var path: PathExpression
    package var minimum: Int?
    package var maximum: Int?

    package init(path: PathExpression, minimum: Int? = nil, maximum: Int? = nil) {
        self.path = path
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether the guard is the expression alone: at least one node.
    var isBare: Bool { minimum == nil && maximum == nil }

    /// The guard as a rulebook writes it: `part-of[kind=public-service-unit]`, or
    /// `{path: ^superior-of, exactly: 1}`.
    var text: String {
        guard !isBare else { return path.text }
        var fields = ["path: \(path.text)"]
        if let minimum, minimum == maximum {
            fields.append("exactly: \(minimum)")
        } else {
            if let minimum { fields.append("min: \(minimum)") }
            if let maximum { fields.append("max: \(maximum)") }
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

extension [PathGuard] {
    /// The `when` as a rulebook writes it: one guard alone, or the list in brackets.
    var text: String { count == 1 ? self[0].text : "[" + map(\.text).joined(separator: ", ") + "]" }

    /// The summary line of a `when`, or none when there is no guard.
    var summary: [String] { isEmpty ? [] : ["when: \(text)"] }
}

/// A `when` ready to run: its guards with their compiled paths, read once before a check's loop.
struct CompiledGuards {
    private var guards: [(compiled: CompiledPath, path: PathExpression, minimum: Int, maximum: Int, bare: Bool)]

    init(_ guards: [PathGuard]) {
        self.guards = guards.map {
            ($0.path.compiled, $0.path, $0.minimum ?? 0, $0.maximum ?? Int.max, $0.isBare)
        }
    }

    var isEmpty: Bool { guards.isEmpty }

    /// Whether every guard holds from `node`; stops at the first that does not.
    ///
    /// - Complexity: the cost of evaluating the guards' paths from `node`.
    func holds(from node: Int, _ evaluator: inout PathEvaluator) -> Bool {
        for item in guards {
            if item.bare {
                guard evaluator.reachesAny(item.compiled, item.path, from: node) else { return false }
            } else {
                let count = evaluator.countNodes(item.compiled, item.path, from: node)
                guard count >= item.minimum, count <= item.maximum else { return false }
            }
        }
        return true
    }
}
