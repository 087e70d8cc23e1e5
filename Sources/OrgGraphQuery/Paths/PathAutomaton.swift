import OrgGraphCore
/// A path expression compiled to a nondeterministic automaton without empty moves (Glushkov's
/// position automaton): state 0 is the start, and state *p* + 1 means "just walked the step, or
/// passed the test, written at position *p*" of the expression, its bounded repetitions written
/// out. A state's moves walk a relation step; its tests keep the node and check it.
///
/// The states are one more than the positions, so the size of the automaton is known from the
/// expression (``PathExpression/positions(_:)``) and bounded at parse time.
package struct PathAutomaton: Sendable {
    /// The automaton flattened for the evaluator: the moves and tests of state `s` are
    /// `moveOffsets[s]..<moveOffsets[s + 1]` and `testOffsets[s]..<testOffsets[s + 1]`.
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

    var stateCount: Int { flat.accepting.count }

    /// What a position holds: a relation step or a test.
    private enum Symbol {
        case step(RelationType, inverse: Bool)
        case test(NodeFilter)
    }

    /// - Complexity: O(*p*²) for the *p* positions of `term`.
    init(_ term: PathExpression.Term) {
        var builder = Builder()
        let whole = builder.add(term)
        var flat = Flat()
        flat.accepting = [Bool](repeating: false, count: builder.symbols.count + 1)
        flat.accepting[0] = whole.nullable
        for position in whole.last { flat.accepting[position + 1] = true }
        for state in 0...builder.symbols.count {
            let targets = state == 0 ? whole.first : builder.follow[state - 1].members
            for target in targets {
                switch builder.symbols[target] {
                case let .step(type, inverse):
                    flat.moveTypes.append(Int32(type.index))
                    flat.moveReversed.append(inverse)
                    flat.moveTargets.append(Int32(target + 1))
                case .test(let filter):
                    flat.testFilters.append(filter)
                    flat.testTargets.append(Int32(target + 1))
                }
            }
            flat.moveOffsets.append(Int32(flat.moveTargets.count))
            flat.testOffsets.append(Int32(flat.testTargets.count))
        }
        self.flat = flat
    }

    /// Positions in the order they are first added, each once: moves keep the order in which
    /// the expression is written, which fixes the order of nodes at the same depth.
    private struct OrderedPositions {
        private(set) var members: [Int] = []
        private var seen: Set<Int> = []

        mutating func add(_ positions: [Int]) {
            for position in positions where seen.insert(position).inserted { members.append(position) }
        }
    }

    /// What Glushkov's construction knows of a term: whether it matches the empty walk, the
    /// positions it can begin and end with.
    private struct Fragment {
        var nullable: Bool
        var first: [Int]
        var last: [Int]

        static let empty = Fragment(nullable: true, first: [], last: [])
    }

    private struct Builder {
        var symbols: [Symbol] = []
        var follow: [OrderedPositions] = []

        mutating func add(_ term: PathExpression.Term) -> Fragment {
            switch term {
            case let .step(type, inverse): return symbol(.step(type, inverse: inverse))
            case .test(let filter): return symbol(.test(filter))
            case .sequence(let terms):
                var result = Fragment.empty
                for term in terms { result = sequence(result, add(term)) }
                return result
            case .alternation(let terms):
                var result = Fragment(nullable: false, first: [], last: [])
                for term in terms {
                    let part = add(term)
                    result.nullable = result.nullable || part.nullable
                    result.first += part.first
                    result.last += part.last
                }
                return result
            case let .repetition(term, minimum, maximum):
                // X{m,n} is m copies of X, then X{0,n-m} nested as (X(X(X)?)?)? so that each
                // copy is followed only by the next; X{m,} is m copies then X* (X+ for m ≥ 1 is
                // m - 1 copies, then X+).
                var result = Fragment.empty
                guard let maximum else {
                    for _ in 0..<max(0, minimum - 1) { result = sequence(result, add(term)) }
                    var loop = add(term)
                    for position in loop.last { follow[position].add(loop.first) }
                    if minimum == 0 { loop.nullable = true }
                    return sequence(result, loop)
                }
                for _ in 0..<minimum { result = sequence(result, add(term)) }
                guard maximum > minimum else { return result }
                // The optional tail, built from the first copy outwards.
                var copies: [Fragment] = []
                for _ in minimum..<maximum { copies.append(add(term)) }
                var tail = copies.removeLast()
                tail.nullable = true
                while var copy = copies.popLast() {
                    copy = sequence(copy, tail)
                    copy.nullable = true
                    tail = copy
                }
                return sequence(result, tail)
            }
        }

        private mutating func symbol(_ symbol: Symbol) -> Fragment {
            symbols.append(symbol)
            follow.append(OrderedPositions())
            return Fragment(nullable: false, first: [symbols.count - 1], last: [symbols.count - 1])
        }

        /// `a` then `b`: each end of `a` is followed by each beginning of `b`.
        private mutating func sequence(_ a: Fragment, _ b: Fragment) -> Fragment {
            for position in a.last { follow[position].add(b.first) }
            return Fragment(
                nullable: a.nullable && b.nullable, first: a.nullable ? a.first + b.first : a.first,
                last: b.nullable ? a.last + b.last : b.last)
        }
    }
}
