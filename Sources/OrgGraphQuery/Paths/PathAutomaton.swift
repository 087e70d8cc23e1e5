import OrgGraphCore

/// A path expression compiled to a nondeterministic automaton (Thompson's construction):
/// moves along relation steps, empty moves, and tests on the current node.
package struct PathAutomaton: Sendable {
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

    /// The automaton without empty moves, flattened for the evaluator: entering state `s` means
    /// entering every state of its empty-move closure, so `s` accepts when its closure holds the
    /// accepting state, and its moves and tests are those of its whole closure.
    struct Flat: Sendable {
        var accepting: [Bool] = []
        var moveOffsets: [Int32] = [0]
        var moveTypes: [Int32] = []
        var moveReversed: [Bool] = []
        var moveTargets: [Int32] = []
        var testOffsets: [Int32] = [0]
        var testFilters: [NodeFilter] = []
        var testTargets: [Int32] = []
        var start: Int32 { 0 }
    }

    private(set) var flat = Flat()

    var stateCount: Int { moves.count }

    init(_ term: PathExpression.Term) {
        accept = compile(term, from: 0)
        flatten()
    }

    private mutating func flatten() {
        for state in 0..<stateCount {
            var closure: [Int32] = []
            var seen = Set<Int32>()
            var stack: [Int32] = [Int32(state)]
            while let current = stack.popLast() {
                guard seen.insert(current).inserted else { continue }
                closure.append(current)
                stack.append(contentsOf: epsilons[Int(current)].reversed())
            }
            flat.accepting.append(seen.contains(accept))
            for member in closure {
                for move in moves[Int(member)] {
                    flat.moveTypes.append(Int32(move.type.index))
                    flat.moveReversed.append(move.reversed)
                    flat.moveTargets.append(move.target)
                }
                for (filter, target) in tests[Int(member)] {
                    flat.testFilters.append(filter)
                    flat.testTargets.append(target)
                }
            }
            flat.moveOffsets.append(Int32(flat.moveTargets.count))
            flat.testOffsets.append(Int32(flat.testTargets.count))
        }
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
