import OrgGraphCore

/// A recursive-descent parser for path expressions, with precise columns.
struct PathParser {
    private let scalars: [Unicode.Scalar]
    private let text: String
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 100

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    mutating func parseWhole() throws(PathSyntaxError) -> PathExpression.Term {
        skipSpace()
        guard position < scalars.count else { throw error("empty path expression; write a relation such as leads+") }
        let term = try parsePath()
        skipSpace()
        if position < scalars.count {
            if scalars[position] == ")" { throw error("')' without a matching '('") }
            throw error("unexpected '\(scalars[position])'; expected '/', '|' or the end of the expression")
        }
        return term
    }

    // MARK: Grammar

    private mutating func parsePath() throws(PathSyntaxError) -> PathExpression.Term {
        var terms = [try parseSequence()]
        var positions = PathExpression.positions(terms[0])
        while accept("|") {
            skipSpace()
            let start = position
            terms.append(try parseSequence())
            positions += PathExpression.positions(terms[terms.count - 1])
            try checkSize(positions, at: start)
        }
        return terms.count == 1 ? terms[0] : .alternation(terms)
    }

    private mutating func parseSequence() throws(PathSyntaxError) -> PathExpression.Term {
        var terms = [try parseStep()]
        var positions = PathExpression.positions(terms[0])
        while accept("/") {
            skipSpace()
            let start = position
            terms.append(try parseStep())
            positions += PathExpression.positions(terms[terms.count - 1])
            try checkSize(positions, at: start)
        }
        return terms.count == 1 ? terms[0] : .sequence(terms)
    }

    /// Refuses an expression whose automaton would have more than
    /// ``PathExpression/maximumStates`` states, pointing at the part that passes the limit.
    private func checkSize(_ positions: Int, at offset: Int) throws(PathSyntaxError) {
        guard positions >= PathExpression.maximumStates else { return }
        let states = positions >= Int(Int32.max) ? "over \(Int32.max)" : "\(positions + 1)"
        throw error(
            "the expression needs an automaton of \(states) states up to here, more than \(PathExpression.maximumStates); "
                + "use smaller repetition bounds, or '*' and '+'", at: offset)
    }

    private mutating func parseStep() throws(PathSyntaxError) -> PathExpression.Term {
        skipSpace()
        // A step of filters alone tests the current node: `[kind=district-party-committee]`.
        if peek("[") {
            var tests: [PathExpression.Term] = []
            while peek("[") {
                let start = position
                tests.append(.test(try parseFilter()))
                try checkSize(tests.count, at: start)
            }
            return tests.count == 1 ? tests[0] : .sequence(tests)
        }
        let inverse = accept("^")
        var term = try parseAtom()
        if inverse { term = term.reversed }
        skipSpace()
        if position < scalars.count {
            let quantifier = position
            switch scalars[position] {
            case "*":
                position += 1
                term = PathExpression.repetition(term, min: 0, max: nil)
            case "+":
                position += 1
                term = PathExpression.repetition(term, min: 1, max: nil)
            case "?":
                position += 1
                term = PathExpression.repetition(term, min: 0, max: 1)
            case "{":
                if startsEdgeFilter() {
                    throw error("an edge filter follows a relation's name, as in 'liaises-with{basis=location}'")
                }
                term = try parseBounds(term)
            default:
                break
            }
            if quantifier != position { try checkSize(PathExpression.positions(term), at: quantifier) }
        }
        var tests: [PathExpression.Term] = []
        while peek("[") {
            let start = position
            tests.append(.test(try parseFilter()))
            try checkSize(PathExpression.positions(term) + tests.count, at: start)
        }
        return tests.isEmpty ? term : .sequence([term] + tests)
    }

    private mutating func parseAtom() throws(PathSyntaxError) -> PathExpression.Term {
        skipSpace()
        guard position < scalars.count else { throw error("expected a relation or '(' at the end of the expression") }
        if scalars[position] == "(" {
            let open = position
            depth += 1
            guard depth <= Self.maximumDepth else { throw error("parentheses nested deeper than \(Self.maximumDepth)") }
            position += 1
            let term = try parsePath()
            skipSpace()
            guard accept(")") else {
                if position < scalars.count {
                    throw error("expected ')' to close the '(' at column \(open + 1), found '\(scalars[position])'")
                }
                throw error("expected ')' to close the '(' at column \(open + 1)")
            }
            depth -= 1
            return term
        }
        let start = position
        let word = readWord()
        guard !word.isEmpty else {
            throw error("expected a relation or '(', found '\(scalars[position])'")
        }
        guard let type = RelationType(rawValue: word) else {
            let names = RelationType.allCases.map(\.rawValue)
            let hint =
                Suggestion.closest(to: word, in: names).map { "; did you mean '\($0)'?" }
                ?? "; relations are " + names.joined(separator: ", ")
            throw error("unknown relation '\(word)'\(hint)", at: start)
        }
        var tests: [EdgeFilter.Test] = []
        while startsEdgeFilter() { tests += try parseEdgeFilter(of: type) }
        return tests.isEmpty ? .step(type, inverse: false) : .filteredStep(type, inverse: false, EdgeFilter(tests))
    }

    /// Whether an edge filter starts here: `{` and then a letter (a digit starts a repetition).
    private mutating func startsEdgeFilter() -> Bool {
        guard peek("{") else { return false }
        var next = position + 1
        while next < scalars.count, " \t\n\r".unicodeScalars.contains(scalars[next]) { next += 1 }
        return next < scalars.count && scalars[next].properties.isAlphabetic
    }

    /// `{basis=location}`, `{period=regular, period=extraordinary}`: the conditions on the
    /// relations a step of `type` walks, each a field `type` carries (its vocabulary row's
    /// `fields`) with a value of that field.
    private mutating func parseEdgeFilter(of type: RelationType) throws(PathSyntaxError) -> [EdgeFilter.Test] {
        let open = position
        position += 1
        var tests: [EdgeFilter.Test] = []
        repeat {
            skipSpace()
            let keyStart = position
            let key = readWord()
            let keys = ["basis", "period"]
            guard !key.isEmpty else { throw error("expected basis or period in the edge filter") }
            guard keys.contains(key) else {
                throw error(
                    "unknown edge filter '\(key)'\(Suggestion.didYouMean(key, in: keys)); edge filters are basis and period",
                    at: keyStart)
            }
            let field: RelationType.Field = key == "basis" ? .basis : .period
            guard type.entry.fields.contains(field) else {
                let carried =
                    type.entry.fields.contains(.basis) ? "basis" : type.entry.fields.contains(.period) ? "period" : nil
                throw error(
                    "'\(type.rawValue)' relations carry no \(key)"
                        + (carried.map { ", only \($0)" } ?? ", so a '\(type.rawValue)' step takes no edge filter"),
                    at: keyStart)
            }
            guard accept("=") else { throw error("expected '=' after '\(key)' in the edge filter") }
            skipSpace()
            let valueStart = position
            let value = try readValue()
            if field == .basis {
                guard let basis = Basis(rawValue: value) else {
                    let names = Basis.allCases.map(\.rawValue)
                    throw error(
                        "unknown basis '\(value)'\(Suggestion.didYouMean(value, in: names)); bases are "
                            + names.joined(separator: ", "), at: valueStart)
                }
                tests.append(.basis(basis))
            } else {
                guard let period = Period(rawValue: value) else {
                    let names = Period.allCases.map(\.rawValue)
                    throw error(
                        "unknown period '\(value)'\(Suggestion.didYouMean(value, in: names)); periods are "
                            + names.joined(separator: ", "), at: valueStart)
                }
                tests.append(.period(period))
            }
        } while accept(",")
        guard accept("}") else { throw error("expected '}' to close the edge filter at column \(open + 1)") }
        return tests
    }

    private mutating func parseBounds(_ term: PathExpression.Term) throws(PathSyntaxError) -> PathExpression.Term {
        let open = position
        position += 1
        let minimum = try readInteger()
        var maximum: Int? = minimum
        if accept(",") {
            skipSpace()
            maximum = position < scalars.count && scalars[position] == "}" ? nil : try readInteger()
        }
        guard accept("}") else { throw error("expected '}' to close the '{' at column \(open + 1)") }
        if let maximum, maximum < minimum {
            throw error("repetition {\(minimum),\(maximum)}: the upper bound is below the lower", at: open)
        }
        if max(minimum, maximum ?? 0) > PathExpression.maximumRepetition {
            throw error(
                "repetition bounds are at most \(PathExpression.maximumRepetition); use '*' or '+' for any number",
                at: open)
        }
        return PathExpression.repetition(term, min: minimum, max: maximum)
    }

    private mutating func parseFilter() throws(PathSyntaxError) -> NodeFilter {
        _ = accept("[")
        skipSpace()
        let keyStart = position
        let key = readWord()
        guard !key.isEmpty else { throw error("expected a key such as kind, level, sector or id in the filter") }
        guard accept("=") else { throw error("expected '=' after '\(key)' in the filter") }
        skipSpace()
        let valueStart = position
        let value = try readValue()
        if key == "kind" {
            // A kind, a group of kinds (standing-body), or several joined by '|'.
            var names = [(value, valueStart)]
            while accept("|") {
                skipSpace()
                let start = position
                names.append((try readValue(), start))
            }
            guard accept("]") else { throw error("expected ']' to close the filter") }
            var kinds = KindSet()
            for (name, start) in names {
                guard let named = KindSet.named(name) else {
                    let hint = Suggestion.didYouMean(name, in: KindSet.allNames)
                    throw error("unknown kind '\(name)'\(hint)", at: start)
                }
                kinds.formUnion(named)
            }
            if names.count == 1, let kind = NodeKind(rawValue: value) { return .kind(kind) }
            return .kinds(kinds)
        }
        guard accept("]") else { throw error("expected ']' to close the filter") }
        switch key {
        case "level":
            guard let level = Level(rawValue: value) else {
                throw error("unknown level '\(value)'; expected provincial, district or commune", at: valueStart)
            }
            return .level(level)
        case "sector": return .sector(value)
        case "id": return .id(value)
        case "name": return .name(value)
        default:
            if key.isEmpty { throw error("empty filter key", at: keyStart) }
            return .attribute(key: key, value: value)
        }
    }

    // MARK: Tokens

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.:".unicodeScalars.contains(scalar)
            || scalar.properties.generalCategory == .nonspacingMark
    }

    private mutating func readWord() -> String {
        var word = String.UnicodeScalarView()
        while position < scalars.count, isWordScalar(scalars[position]) {
            word.append(scalars[position])
            position += 1
        }
        return String(word)
    }

    private mutating func readValue() throws(PathSyntaxError) -> String {
        guard position < scalars.count else { throw error("expected a value in the filter") }
        guard scalars[position] == "\"" else {
            let word = readWord()
            guard !word.isEmpty else {
                throw error("expected a value in the filter; quote values with spaces: \"...\"")
            }
            return word
        }
        let open = position
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count, scalars[position] != "\"" {
            if scalars[position] == "\\", position + 1 < scalars.count {
                position += 1
            }
            value.append(scalars[position])
            position += 1
        }
        guard position < scalars.count else { throw error("unterminated quoted value", at: open) }
        position += 1
        return String(value)
    }

    private mutating func readInteger() throws(PathSyntaxError) -> Int {
        skipSpace()
        let start = position
        var value = 0
        while position < scalars.count, ("0"..."9").contains(scalars[position]) {
            value = min(value * 10 + Int(scalars[position].value - 48), 1_000_000)
            position += 1
        }
        guard position > start else { throw error("expected a number in the repetition bounds") }
        return value
    }

    private mutating func skipSpace() {
        // Line breaks too: a rulebook may write an expression as a folded or literal block.
        while position < scalars.count, " \t\n\r".unicodeScalars.contains(scalars[position]) { position += 1 }
    }

    private mutating func accept(_ scalar: Unicode.Scalar) -> Bool {
        skipSpace()
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    private mutating func peek(_ scalar: Unicode.Scalar) -> Bool {
        skipSpace()
        return position < scalars.count && scalars[position] == scalar
    }

    private func error(_ message: String, at offset: Int? = nil) -> PathSyntaxError {
        PathSyntaxError(message: message, column: (offset ?? position) + 1, expression: text)
    }
}
