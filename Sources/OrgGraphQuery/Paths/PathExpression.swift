import OrgGraphCore

/// A path expression (SPEC §4): relation steps, inverses, sequences, alternatives, repetition
/// and node filters, after SPARQL 1.1 property paths with GQL's bounded repetition.
///
/// ```
/// path := seq ('|' seq)*      seq := step ('/' step)*
/// step := '^'? atom quant? filter* | filter+
/// atom := RELATION edges* | '(' path ')'
/// edges := '{' key '=' value (',' key '=' value)* '}'     key: basis | period
/// quant := '*' | '+' | '?' | '{' INT (',' INT?)? '}'
/// filter := '[' key '=' value ']'
/// ```
///
/// `^` walks a step backwards; a filter keeps the nodes a step ends on that match it; an edge
/// filter keeps the relations a step walks that match it (`liaises-with{basis=location}`,
/// `^reports-to{period=regular}`). `{` followed by a digit is a repetition.
public struct PathExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let text: String
    /// The parsed form, with inverses pushed down to the relations and filters made tests.
    public let root: Term
    /// What the evaluator runs, shared by copies of the expression.
    package let compiled: CompiledPath
    package var automaton: PathAutomaton { compiled.automaton }

    public static func == (lhs: PathExpression, rhs: PathExpression) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The parsed form of an expression.
    public indirect enum Term: Sendable, Hashable {
        /// One edge of `type`, walked backwards when `inverse`.
        case step(RelationType, inverse: Bool)
        /// One edge of `type` whose relation passes `filter`, walked backwards when `inverse`.
        case filteredStep(RelationType, inverse: Bool, EdgeFilter)
        /// Keeps the current node when it matches the filter; walks no edge.
        case test(NodeFilter)
        case sequence([Term])
        case alternation([Term])
        /// Between `min` and `max` (unbounded when `nil`) repetitions.
        case repetition(Term, min: Int, max: Int?)

        /// The term walked the other way: the nodes it reaches from `x` are those that reach `x`.
        var reversed: Term {
            switch self {
            case .step(let type, let inverse): .step(type, inverse: !inverse)
            case .filteredStep(let type, let inverse, let filter): .filteredStep(type, inverse: !inverse, filter)
            case .test: self
            case .sequence(let terms): .sequence(terms.reversed().map(\.reversed))
            case .alternation(let terms): .alternation(terms.map(\.reversed))
            case .repetition(let term, let min, let max): .repetition(term.reversed, min: min, max: max)
            }
        }
    }

    /// The most states an expression's automaton may have: one for the start and one for each
    /// step and test, its bounded repetitions written out. Evaluation costs at most the nodes
    /// times the states times the moves of a state, so this bounds the cost of any expression
    /// that parses.
    public static let maximumStates = 256

    /// The number of steps and tests `term` unrolls to (saturating): its automaton's states, less
    /// the start.
    ///
    /// - Complexity: O(size of `term` as written).
    static func positions(_ term: Term) -> Int {
        let cap = Int(Int32.max)
        switch term {
        case .step, .filteredStep, .test: return 1
        case .sequence(let terms), .alternation(let terms):
            return terms.reduce(0) { min($0 + positions($1), cap) }
        case .repetition(let term, let minimum, let maximum):
            let product = positions(term).multipliedReportingOverflow(by: maximum ?? max(1, minimum))
            return product.overflow ? cap : min(product.partialValue, cap)
        }
    }

    /// `term{minimum,maximum}`, with the repetitions of a repetition that say the same thing
    /// written once: `(X*){m,n}`, `(X+)*`, `(X?)*` are `X*`; `(X+){m,n}` is `X{m,}`;
    /// `(X{0,b}){m,n}` is `X{0,b·n}`. Each identity holds for relations in general (a Kleene
    /// algebra), so the nodes reached do not change; the automaton only gets smaller.
    static func repetition(_ term: Term, min minimum: Int, max maximum: Int?) -> Term {
        if minimum == 1, maximum == 1 { return term }
        guard maximum != 0, case .repetition(let inner, let innerMinimum, let innerMaximum) = term else {
            return .repetition(term, min: minimum, max: maximum)
        }
        switch (innerMinimum, innerMaximum) {
        case (0, nil):
            // (X*){m,n} = X* for n ≥ 1: X* X* = X* and X* holds the empty walk.
            return term
        case (1, nil):
            // (X+)^k = X{k,}; their union for k in m...n is X{m,}, and X* when m is 0.
            return .repetition(inner, min: minimum, max: nil)
        case (0, let innerMaximum?) where innerMaximum > 0:
            // (X{0,b})^k = X{0,bk}; their union for k up to n is X{0,bn}, or X* without bound.
            guard let maximum else { return .repetition(inner, min: 0, max: nil) }
            let product = innerMaximum.multipliedReportingOverflow(by: maximum)
            return .repetition(inner, min: 0, max: product.overflow ? Int(Int32.max) : product.partialValue)
        default:
            return .repetition(term, min: minimum, max: maximum)
        }
    }

    /// The largest bound accepted in `{m,n}`.
    public static let maximumRepetition = 100

    /// Parses `text`.
    /// - Throws: ``PathSyntaxError`` naming the column.
    public init(parsing text: String) throws(PathSyntaxError) {
        self.text = text
        var parser = PathParser(text)
        root = try parser.parseWhole()
        compiled = CompiledPath(automaton: PathAutomaton(root), program: PathProgram(root))
    }

    public var description: String { text }

    /// The relation steps of an expression that is only a union of relation types and
    /// inverses (`reports-to|^leads`), or `nil` for any other expression, edge filters included.
    public var unionOfSteps: [(type: RelationType, inverse: Bool)]? {
        guard let steps = unionOfFilteredSteps, steps.allSatisfy({ $0.filter == nil }) else { return nil }
        return steps.map { (type: $0.type, inverse: $0.inverse) }
    }

    /// The relation steps of an expression that is only a union of relation types and
    /// inverses, each with its edge filter if it has one (`reports-to{period=regular}|^leads`),
    /// or `nil` for any other expression.
    public var unionOfFilteredSteps: [(type: RelationType, inverse: Bool, filter: EdgeFilter?)]? {
        func steps(_ term: Term) -> [(type: RelationType, inverse: Bool, filter: EdgeFilter?)]? {
            switch term {
            case .step(let type, let inverse): return [(type, inverse, nil)]
            case .filteredStep(let type, let inverse, let filter): return [(type, inverse, filter)]
            case .alternation(let terms):
                var result: [(type: RelationType, inverse: Bool, filter: EdgeFilter?)] = []
                for term in terms {
                    guard let more = steps(term) else { return nil }
                    result += more
                }
                return result
            default: return nil
            }
        }
        return steps(root)
    }
}

/// A condition on the relation a step walks: its `basis` is the value, or its `period` list
/// holds the value; several conditions all hold (`{basis=location}`, `{period=regular,
/// period=extraordinary}`).
public struct EdgeFilter: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case basis(Basis)
        case period(Period)
    }

    /// The conditions, as written.
    public let tests: [Test]
    /// The basis asked: 0 any, else 1 + its index in `Basis.allCases`; `UInt8.max` when two
    /// different ones are asked, which no relation has.
    let basisCode: UInt8
    /// The periods asked, each bit one `Period.allCases` index.
    let periodMask: UInt8

    public init(_ tests: [Test]) {
        self.tests = tests
        var basisCode: UInt8 = 0
        var periodMask: UInt8 = 0
        for test in tests {
            switch test {
            case .basis(let basis):
                let code = UInt8(basis.index) + 1
                basisCode = basisCode == 0 || basisCode == code ? code : UInt8.max
            case .period(let period): periodMask |= Period.mask([period])
            }
        }
        self.basisCode = basisCode
        self.periodMask = periodMask
    }

    /// Whether edge `edge` of `graph` passes.
    ///
    /// - Complexity: O(1).
    package func passes(_ edge: Int, in graph: Graph) -> Bool {
        (basisCode == 0 || graph.basisCodes[edge] == basisCode)
            && graph.periodMasks[edge] & periodMask == periodMask
    }

    /// The filter as written in braces: `{basis=location}`.
    public var text: String {
        "{"
            + tests.map { test in
                switch test {
                case .basis(let basis): "basis=\(basis.rawValue)"
                case .period(let period): "period=\(period.rawValue)"
                }
            }.joined(separator: ",") + "}"
    }
}

/// A condition on a node: `[kind=subordinate-cell]`, `[level=provincial]`, `[sector=health]`,
/// `[id=tinh-uy]`, `[name=...]`, or any attribute `[beds=800]`.
public enum NodeFilter: Sendable, Hashable {
    case kind(NodeKind)
    /// Any of several kinds: `[kind=standing-body]`, `[kind=unit-head|board-chair]`.
    case kinds(KindSet)
    /// `nil` matches nodes with no level.
    case level(Level?)
    case sector(String)
    case id(String)
    case name(String)
    case attribute(key: String, value: String)

    /// Whether node `index` of `organization` matches.
    ///
    /// - Complexity: O(1), or O(number of attributes) for an attribute filter.
    public func matches(_ index: Int, in organization: Organization) -> Bool {
        switch self {
        case .kind(let kind): return organization.nodes[index].kind == kind
        case .kinds(let kinds): return kinds.contains(organization.nodes[index].kind)
        case .level(let level):
            return (organization.nodes[index].level ?? organization.nodes[index].kind.territorialLevel) == level
        case .sector(let sector): return organization.nodes[index].sector == sector
        case .id(let id): return organization.nodes[index].id == id
        case .name(let name): return organization.nodes[index].displayName == name
        case .attribute(let key, let value):
            return organization.nodes[index].attributes.contains { $0.key == key && $0.value == value }
        }
    }
}

/// A path expression that cannot be parsed, with the column (1-based, in characters) at fault.
public struct PathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message in English and Vietnamese.
    public var text: LocalizedText
    public var column: Int
    public var expression: String

    /// The message in English.
    public var message: String { text.en }

    public init(message: LocalizedText, column: Int, expression: String) {
        self.text = message
        self.column = column
        self.expression = expression
    }

    /// The error as a located diagnostic, naming the expression `source` (`query:1:9: error: ...`).
    public func diagnostic(source: String = "query") -> Diagnostic {
        Diagnostic(
            file: source, location: SourceLocation(line: 1, column: column), message: text,
            sourceLine: expression)
    }

    public var description: String { diagnostic().description }
}

/// A path expression ready to run: its automaton, and its program when it has one. A class, so
/// checks copy a reference, not the arrays, for every node they look at.
package final class CompiledPath: Sendable {
    let automaton: PathAutomaton
    let program: PathProgram?

    init(automaton: PathAutomaton, program: PathProgram?) {
        self.automaton = automaton
        self.program = program
    }
}
