/// A path expression compiled to a nondeterministic automaton (Thompson's construction):
/// moves along relation steps, empty moves, and tests on the current node.
struct PathAutomaton: Sendable {
    struct Move: Sendable {
        var type: RelationType
        var reversed: Bool
        var target: Int32
    }

    private(set) var moves: [[Move]] = [[]]
    private(set) var epsilons: [[Int32]] = [[]]
    private(set) var tests: [[(filter: NodeFilter, target: Int32)]] = [[]]
    let start: Int32 = 0
    private(set) var accept: Int32 = 0

    var stateCount: Int { moves.count }

    init(_ term: PathExpression.Term) {
        accept = compile(term, from: 0)
    }

    private mutating func newState() -> Int32 {
        moves.append([])
        epsilons.append([])
        tests.append([])
        return Int32(moves.count - 1)
    }

    /// Adds the states of `term`, starting at `state`; returns its end state.
    private mutating func compile(_ term: PathExpression.Term, from state: Int32) -> Int32 {
        switch term {
        case let .step(type, inverse):
            let end = newState()
            moves[Int(state)].append(Move(type: type, reversed: inverse, target: end))
            return end
        case .test(let filter):
            let end = newState()
            tests[Int(state)].append((filter, end))
            return end
        case .sequence(let terms):
            var current = state
            for term in terms { current = compile(term, from: current) }
            return current
        case .alternation(let terms):
            let end = newState()
            for term in terms {
                let branch = newState()
                epsilons[Int(state)].append(branch)
                epsilons[Int(compile(term, from: branch))].append(end)
            }
            return end
        case let .repetition(term, minimum, maximum):
            var current = state
            for _ in 0..<minimum {
                let entry = newState()
                epsilons[Int(current)].append(entry)
                current = compile(term, from: entry)
            }
            guard let maximum else {
                let loop = newState()
                epsilons[Int(current)].append(loop)
                let body = newState()
                epsilons[Int(loop)].append(body)
                epsilons[Int(compile(term, from: body))].append(loop)
                return loop
            }
            let end = newState()
            epsilons[Int(current)].append(end)
            for _ in minimum..<max(minimum, maximum) {
                let entry = newState()
                epsilons[Int(current)].append(entry)
                current = compile(term, from: entry)
                epsilons[Int(current)].append(end)
            }
            return end
        }
    }
}
