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

/// The guards of one or several `when`s, ready to run: their compiled paths read once before a
/// check's loop (which then copies no expression), each distinct guard path evaluated at most
/// once per subject, so a rule whose conditions share guards (the unit's level, its leading
/// committee) asks each question of a node once.
struct SharedGuards {
    /// The distinct guard paths, and the slot of each by its text.
    private var paths: [CompiledPath] = []
    private var slots: [String: Int] = [:]
    /// For each `when`, its guards: the slot of the path, the bounds, and whether it is bare.
    private var whens: [[(slot: Int, minimum: Int, maximum: Int, bare: Bool)]] = []
    /// For each slot, what the current subject gave: -1 not asked yet; for a bare guard, 1 when
    /// it reaches a node and 0 when not; otherwise the count.
    private var memo: [Int] = []

    /// Adds a `when`; returns its index.
    mutating func add(_ guards: [PathGuard]) -> Int {
        whens.append(
            guards.map { item in
                let key = (item.isBare ? "any " : "count ") + item.path.text
                let slot: Int
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = paths.count
                    slots[key] = slot
                    paths.append(item.path.compiled)
                    memo.append(-1)
                }
                return (slot, item.minimum ?? 0, item.maximum ?? Int.max, item.isBare)
            })
        return whens.count - 1
    }

    /// Forgets the answers of the previous subject.
    mutating func reset() {
        for index in memo.indices { memo[index] = -1 }
    }

    /// Whether every guard of `when` holds from `node`; stops at the first that does not.
    mutating func holds(_ when: Int, from node: Int, _ evaluator: inout PathEvaluator) -> Bool {
        for position in whens[when].indices {
            let item = whens[when][position]
            var value = memo[item.slot]
            if value < 0 {
                value =
                    item.bare
                    ? (evaluator.reachesAny(paths[item.slot], from: node) ? 1 : 0)
                    : evaluator.countNodes(paths[item.slot], from: node)
                memo[item.slot] = value
            }
            if item.bare {
                guard value > 0 else { return false }
            } else {
                guard value >= item.minimum, value <= item.maximum else { return false }
            }
        }
        return true
    }
}
