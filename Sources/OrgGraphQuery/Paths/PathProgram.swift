import OrgGraphCore

/// A path expression as a union of chains of flat operations, which checks evaluate over sets
/// of nodes with a few buffers and no automaton: steps (with or without an edge filter), the
/// closure of one step (`escalates-to+`, `(^part-of)*`), and tests on nodes. An expression is
/// a finite union of such chains when its alternatives distribute over its sequences, its
/// bounded repetitions unroll, and its unbounded ones repeat one step; others go through the
/// automaton.
struct PathProgram: Sendable {
    struct Operation: Sendable {
        enum Code: UInt8, Sendable {
            /// One step along `row`.
            case step
            /// Any number of steps along `row`: at least one, or none too when `reflexive`.
            case closure
            /// Keeps the nodes whose kind is in `kinds`.
            case kinds
            /// Keeps the nodes whose level is `Level.allCases[argument - 1]`, or that have none
            /// when `argument` is 0.
            case level
            /// Keeps the nodes that match `filters[argument]`.
            case filter
        }

        var code: Code
        /// The row of a step: `2 * type + 1` when walked backwards, as in ``Graph/RowTable``.
        var row: Int32 = 0
        var reflexive = false
        /// The edge filter of a step: the basis asked (0 any) and the periods asked (0 any).
        var basisCode: UInt8 = 0
        var periodMask: UInt8 = 0
        var kinds: KindSet = .all
        var argument: Int32 = 0

        var isFiltered: Bool { basisCode != 0 || periodMask != 0 }
    }

    /// The operations of every chain, one after the other.
    var operations: [Operation]
    /// Where each chain ends in `operations`; chain `i` starts where chain `i - 1` ends.
    var chainEnds: [Int32]
    /// The node filters the `filter` operations use.
    var filters: [NodeFilter]

    /// The most chains an expression is expanded to before the automaton is used instead.
    static let maximumChains = 64

    /// The program of `term`, or `nil` when it is not a union of at most ``maximumChains``
    /// chains.
    init?(_ term: PathExpression.Term) {
        var filters: [NodeFilter] = []
        guard let chains = Self.expand(term, &filters) else { return nil }
        operations = chains.flatMap { $0 }
        var end: Int32 = 0
        chainEnds = chains.map { chain in
            end += Int32(chain.count)
            return end
        }
        self.filters = filters
    }

    private static func step(_ type: RelationType, _ inverse: Bool, _ filter: EdgeFilter?) -> Operation {
        var operation = Operation(code: .step, row: Int32(2 * type.index + (inverse ? 1 : 0)))
        if let filter {
            // A filter no relation passes (two different bases) keeps its code, which no edge has.
            operation.basisCode = filter.basisCode
            operation.periodMask = filter.periodMask
        }
        return operation
    }

    private static func expand(_ term: PathExpression.Term, _ filters: inout [NodeFilter]) -> [[Operation]]? {
        switch term {
        case .step(let type, let inverse):
            return [[step(type, inverse, nil)]]
        case .filteredStep(let type, let inverse, let filter):
            return [[step(type, inverse, filter)]]
        case .test(let filter):
            switch filter {
            case .kind(let kind): return [[Operation(code: .kinds, kinds: [kind])]]
            case .kinds(let kinds): return [[Operation(code: .kinds, kinds: kinds)]]
            case .level(let level):
                // 0 for no level, else 1 + the level's index, as ``PathSets`` codes levels.
                let code = level.flatMap { Level.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                return [[Operation(code: .level, argument: Int32(code))]]
            default:
                if !filters.contains(filter) { filters.append(filter) }
                return [[Operation(code: .filter, argument: Int32(filters.firstIndex(of: filter) ?? 0))]]
            }
        case .sequence(let terms):
            var result: [[Operation]] = [[]]
            for term in terms {
                guard let options = expand(term, &filters) else { return nil }
                var next: [[Operation]] = []
                for prefix in result {
                    for option in options { next.append(prefix + option) }
                }
                guard next.count <= maximumChains else { return nil }
                result = next
            }
            return result
        case .alternation(let terms):
            var result: [[Operation]] = []
            for term in terms {
                guard let options = expand(term, &filters) else { return nil }
                result += options
            }
            return result.count <= maximumChains ? result : nil
        case .repetition(let term, let minimum, nil):
            // The closure of one step; other unbounded repetitions go through the automaton.
            guard minimum <= 1, let options = expand(term, &filters), options.count == 1, options[0].count == 1,
                options[0][0].code == .step
            else { return nil }
            var closure = options[0][0]
            closure.code = .closure
            closure.reflexive = minimum == 0
            return [[closure]]
        case .repetition(let term, let minimum, let maximum?):
            guard let options = expand(term, &filters) else { return nil }
            var result: [[Operation]] = []
            var current: [[Operation]] = [[]]
            for round in 0...maximum {
                if round >= minimum { result += current }
                if round == maximum { break }
                var next: [[Operation]] = []
                for prefix in current {
                    for option in options { next.append(prefix + option) }
                }
                guard next.count + result.count <= maximumChains else { return nil }
                current = next
            }
            return result
        }
    }
}
