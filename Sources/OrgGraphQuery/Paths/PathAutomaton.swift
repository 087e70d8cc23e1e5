import OrgGraphCore

/// A path expression compiled to a nondeterministic automaton (Thompson's construction):
/// moves along relation steps, empty moves, and tests on the current node.
///
/// The states and the empty moves are a few for each step, test and alternative of the
/// expression with its bounded repetitions written out (at most 255 steps and tests): the
/// evaluator, which follows empty moves and tests on the node it
/// stands on, visits each (node, state) pair once and does a constant amount of work for each
/// besides the edges it walks. (Removing the empty moves instead could give a state a move for
/// every position: `((leads|^leads*)?){108}` then has tens of thousands of moves.)
package struct PathAutomaton: Sendable {
    struct Move: Sendable {
        var type: RelationType
        var reversed: Bool
        var target: Int32
        /// The index of the move's edge filter in ``edgeFilters``, or -1 for none.
        var filter: Int32 = -1
    }

    private(set) var moves: [[Move]] = [[]]
    private(set) var epsilons: [[Int32]] = [[]]
    private(set) var tests: [[(filter: NodeFilter, target: Int32)]] = [[]]
    /// The distinct edge filters of the moves.
    private(set) var edgeFilters: [EdgeFilter] = []
    let start: Int32 = 0
    private(set) var accept: Int32 = 0

    /// The automaton flattened for the evaluator: the moves, tests and empty moves of state `s`
    /// are `moveOffsets[s]..<moveOffsets[s + 1]`, and so on.
    struct Flat: Sendable {
        var accepting: [Bool] = []
        var moveOffsets: [Int32] = [0]
        var moveTypes: [Int32] = []
        var moveReversed: [Bool] = []
        var moveTargets: [Int32] = []
        /// The index of each move's edge filter in `edgeFilters`, or -1: a move without one
        /// walks every edge of its row, with no work per edge.
        var moveFilters: [Int32] = []
        var edgeFilters: [EdgeFilter] = []
        var testOffsets: [Int32] = [0]
        var testFilters: [NodeFilter] = []
        var testTargets: [Int32] = []
        var emptyOffsets: [Int32] = [0]
        var emptyTargets: [Int32] = []
        var start: Int32 { 0 }
    }

    private(set) var flat = Flat()

    /// The flat tables in a box of their own, made once: the evaluator takes the box for each
    /// query, one reference, where a copy of the tables would count one for every array.
    final class FlatBox: Sendable {
        let tables: Flat
        init(_ tables: Flat) { self.tables = tables }
    }

    private(set) var flatBox = FlatBox(Flat())

    var stateCount: Int { moves.count }

    /// - Complexity: O(size of `term` with its bounded repetitions written out).
    init(_ term: PathExpression.Term) {
        accept = compile(term, from: 0)
        flatten()
        flatBox = FlatBox(flat)
    }

    private mutating func flatten() {
        flat.edgeFilters = edgeFilters
        for state in 0..<stateCount {
            flat.accepting.append(state == Int(accept))
            for move in moves[state] {
                flat.moveTypes.append(Int32(move.type.index))
                flat.moveReversed.append(move.reversed)
                flat.moveTargets.append(move.target)
                flat.moveFilters.append(move.filter)
            }
            for (filter, target) in tests[state] {
                flat.testFilters.append(filter)
                flat.testTargets.append(target)
            }
            flat.emptyTargets += epsilons[state]
            flat.moveOffsets.append(Int32(flat.moveTargets.count))
            flat.testOffsets.append(Int32(flat.testTargets.count))
            flat.emptyOffsets.append(Int32(flat.emptyTargets.count))
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
        case .step(let type, let inverse):
            let end = newState()
            moves[Int(state)].append(Move(type: type, reversed: inverse, target: end))
            return end
        case .filteredStep(let type, let inverse, let filter):
            let end = newState()
            let index = edgeFilters.firstIndex(of: filter) ?? edgeFilters.count
            if index == edgeFilters.count { edgeFilters.append(filter) }
            moves[Int(state)].append(Move(type: type, reversed: inverse, target: end, filter: Int32(index)))
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
        case .repetition(let term, let minimum, let maximum):
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
