import OrgGraphCore

/// A path without choices: steps and node tests in a row. A path expression without unbounded
/// repetition is a finite union of chains (alternatives distributed over sequences, bounded
/// repetitions unrolled), which checks evaluate with a few flat arrays and no automaton. An
/// expression with edge filters has no chains: the automaton reads the edges it walks.
struct PathChain: Sendable {
    struct Operation: Sendable {
        /// A step when `isStep`; else a test.
        var isStep: Bool
        var typeIndex: Int
        var reversed: Bool
        /// For a test: the kinds that pass (all kinds when the filter is not on kinds).
        var kinds: KindSet
        /// For a test on something else than kinds: the index of the filter in ``filters``.
        var filter: Int32
    }

    var operations: [Operation]
    /// The filters the tests use that are not on kinds.
    var filters: [NodeFilter]

    /// The most chains an expression is expanded to before the automaton is used instead.
    static let maximumChains = 64

    /// The chains of `term`, or `nil` when it has unbounded repetition or too many chains.
    static func chains(of term: PathExpression.Term) -> [PathChain]? {
        var filters: [NodeFilter] = []
        collectFilters(term, into: &filters)
        return expand(term, filters).map { $0.map { PathChain(operations: $0, filters: filters) } }
    }

    private static func collectFilters(_ term: PathExpression.Term, into filters: inout [NodeFilter]) {
        switch term {
        case .step, .filteredStep: break
        case .test(let filter):
            switch filter {
            case .kind, .kinds: break
            default: if !filters.contains(filter) { filters.append(filter) }
            }
        case .sequence(let terms), .alternation(let terms): for term in terms { collectFilters(term, into: &filters) }
        case .repetition(let term, _, _): collectFilters(term, into: &filters)
        }
    }

    private static func expand(_ term: PathExpression.Term, _ filters: [NodeFilter]) -> [[Operation]]? {
        switch term {
        case .step(let type, let inverse):
            return [[Operation(isStep: true, typeIndex: type.index, reversed: inverse, kinds: .all, filter: -1)]]
        case .filteredStep:
            return nil
        case .test(let filter):
            switch filter {
            case .kind(let kind):
                return [[Operation(isStep: false, typeIndex: 0, reversed: false, kinds: [kind], filter: -1)]]
            case .kinds(let kinds):
                return [[Operation(isStep: false, typeIndex: 0, reversed: false, kinds: kinds, filter: -1)]]
            default:
                return [
                    [
                        Operation(
                            isStep: false, typeIndex: 0, reversed: false, kinds: .all,
                            filter: Int32(filters.firstIndex(of: filter) ?? -1))
                    ]
                ]
            }
        case .sequence(let terms):
            var result: [[Operation]] = [[]]
            for term in terms {
                guard let options = expand(term, filters) else { return nil }
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
                guard let options = expand(term, filters) else { return nil }
                result += options
            }
            return result.count <= maximumChains ? result : nil
        case .repetition(let term, let minimum, let maximum):
            guard let maximum, let options = expand(term, filters) else { return nil }
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
