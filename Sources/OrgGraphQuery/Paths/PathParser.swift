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
        guard position < scalars.count else {
            throw error(
                LocalizedText(
                    en: "empty path expression; write a relation such as leads+",
                    vi: "biểu thức đường đi rỗng; hãy viết một quan hệ, ví dụ leads+"))
        }
        let term = try parsePath()
        skipSpace()
        if position < scalars.count {
            if scalars[position] == ")" {
                throw error(LocalizedText(en: "')' without a matching '('", vi: "')' không có '(' tương ứng"))
            }
            let found = scalars[position]
            throw error(
                LocalizedText(
                    en: "unexpected '\(found)'; expected '/', '|' or the end of the expression",
                    vi: "'\(found)' không đúng chỗ; cần '/', '|' hoặc kết thúc biểu thức"))
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
        let maximum = PathExpression.maximumStates
        throw error(
            LocalizedText(
                en: "the expression needs an automaton of \(states) states up to here, more than \(maximum); "
                    + "use smaller repetition bounds, or '*' and '+'",
                vi: "đến đây biểu thức cần một automat \(states) trạng thái, quá mức \(maximum); "
                    + "hãy dùng giới hạn lặp nhỏ hơn, hoặc '*' và '+'"),
            at: offset)
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
                    throw error(
                        LocalizedText(
                            en: "an edge filter follows a relation's name, as in 'liaises-with{basis=location}'",
                            vi: "bộ lọc quan hệ viết ngay sau tên quan hệ, ví dụ 'liaises-with{basis=location}'"))
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
        guard position < scalars.count else {
            throw error(
                LocalizedText(
                    en: "expected a relation or '(' at the end of the expression",
                    vi: "cần một quan hệ hoặc '(' ở cuối biểu thức"))
        }
        if scalars[position] == "(" {
            let open = position
            depth += 1
            guard depth <= Self.maximumDepth else {
                throw error(
                    LocalizedText(
                        en: "parentheses nested deeper than \(Self.maximumDepth)",
                        vi: "dấu ngoặc lồng nhau sâu quá \(Self.maximumDepth) tầng"))
            }
            position += 1
            let term = try parsePath()
            skipSpace()
            guard accept(")") else {
                if position < scalars.count {
                    let found = scalars[position]
                    throw error(
                        LocalizedText(
                            en: "expected ')' to close the '(' at column \(open + 1), found '\(found)'",
                            vi: "cần ')' để đóng '(' ở cột \(open + 1), nhưng gặp '\(found)'"))
                }
                throw error(
                    LocalizedText(
                        en: "expected ')' to close the '(' at column \(open + 1)",
                        vi: "cần ')' để đóng '(' ở cột \(open + 1)"))
            }
            depth -= 1
            return term
        }
        let start = position
        let word = readWord()
        guard !word.isEmpty else {
            let found = scalars[position]
            throw error(
                LocalizedText(
                    en: "expected a relation or '(', found '\(found)'",
                    vi: "cần một quan hệ hoặc '(', nhưng gặp '\(found)'"))
        }
        guard let type = RelationType(rawValue: word) else {
            let hint = RelationType.hint(for: word)
            throw error(
                LocalizedText(
                    en: "unknown relation '\(word)'\(hint.en)", vi: "quan hệ không hợp lệ '\(word)'\(hint.vi)"),
                at: start)
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
            guard !key.isEmpty else {
                throw error(
                    LocalizedText(
                        en: "expected basis or period in the edge filter",
                        vi: "cần basis hoặc period trong bộ lọc quan hệ"
                    ))
            }
            guard keys.contains(key) else {
                let hint = Suggestion.didYouMean(key, in: keys)
                throw error(
                    LocalizedText(
                        en: "unknown edge filter '\(key)'\(hint.en); edge filters are basis and period",
                        vi: "bộ lọc quan hệ không hợp lệ '\(key)'\(hint.vi); bộ lọc quan hệ là basis và period"),
                    at: keyStart)
            }
            let field: RelationType.Field = key == "basis" ? .basis : .period
            guard type.entry.fields.contains(field) else {
                let carried =
                    type.entry.fields.contains(.basis) ? "basis" : type.entry.fields.contains(.period) ? "period" : nil
                let name = type.rawValue
                throw error(
                    LocalizedText(
                        en: "'\(name)' relations carry no \(key)"
                            + (carried.map { ", only \($0)" } ?? ", so a '\(name)' step takes no edge filter"),
                        vi: "quan hệ '\(name)' không có \(key)"
                            + (carried.map { ", chỉ có \($0)" } ?? ", nên bước '\(name)' không nhận bộ lọc quan hệ")),
                    at: keyStart)
            }
            guard accept("=") else {
                throw error(
                    LocalizedText(
                        en: "expected '=' after '\(key)' in the edge filter",
                        vi: "cần '=' sau '\(key)' trong bộ lọc quan hệ"))
            }
            skipSpace()
            let valueStart = position
            let value = try readValue()
            if field == .basis {
                guard let basis = Basis(rawValue: value) else {
                    let names = Basis.allCases.map(\.rawValue)
                    let (hint, list) = (Suggestion.didYouMean(value, in: names), names.joined(separator: ", "))
                    throw error(
                        LocalizedText(
                            en: "unknown basis '\(value)'\(hint.en); bases are \(list)",
                            vi: "căn cứ quan hệ (basis) không hợp lệ '\(value)'\(hint.vi); các giá trị là \(list)"),
                        at: valueStart)
                }
                tests.append(.basis(basis))
            } else {
                guard let period = Period(rawValue: value) else {
                    let names = Period.allCases.map(\.rawValue)
                    let (hint, list) = (Suggestion.didYouMean(value, in: names), names.joined(separator: ", "))
                    throw error(
                        LocalizedText(
                            en: "unknown period '\(value)'\(hint.en); periods are \(list)",
                            vi: "kỳ báo cáo không hợp lệ '\(value)'\(hint.vi); các kỳ báo cáo là \(list)"),
                        at: valueStart)
                }
                tests.append(.period(period))
            }
        } while accept(",")
        guard accept("}") else {
            throw error(
                LocalizedText(
                    en: "expected '}' to close the edge filter at column \(open + 1)",
                    vi: "cần '}' để đóng bộ lọc quan hệ ở cột \(open + 1)"))
        }
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
        guard accept("}") else {
            throw error(
                LocalizedText(
                    en: "expected '}' to close the '{' at column \(open + 1)",
                    vi: "cần '}' để đóng '{' ở cột \(open + 1)"))
        }
        if let maximum, maximum < minimum {
            throw error(
                LocalizedText(
                    en: "repetition {\(minimum),\(maximum)}: the upper bound is below the lower",
                    vi: "số lần lặp {\(minimum),\(maximum)}: cận trên nhỏ hơn cận dưới"),
                at: open)
        }
        if max(minimum, maximum ?? 0) > PathExpression.maximumRepetition {
            throw error(
                LocalizedText(
                    en:
                        "repetition bounds are at most \(PathExpression.maximumRepetition); use '*' or '+' for any number",
                    vi:
                        "giới hạn lặp tối đa là \(PathExpression.maximumRepetition); dùng '*' hoặc '+' cho số lần bất kỳ"
                ),
                at: open)
        }
        return PathExpression.repetition(term, min: minimum, max: maximum)
    }

    private mutating func parseFilter() throws(PathSyntaxError) -> NodeFilter {
        _ = accept("[")
        skipSpace()
        let keyStart = position
        let key = readWord()
        guard !key.isEmpty else {
            throw error(
                LocalizedText(
                    en: "expected a key such as kind, level, sector or id in the filter",
                    vi: "cần một khóa như kind, level, sector hoặc id trong bộ lọc"))
        }
        guard accept("=") else {
            throw error(
                LocalizedText(en: "expected '=' after '\(key)' in the filter", vi: "cần '=' sau '\(key)' trong bộ lọc"))
        }
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
            guard accept("]") else { throw error(Self.unclosedFilter) }
            var kinds = KindSet()
            for (name, start) in names {
                guard let named = KindSet.named(name) else {
                    let hint = Suggestion.didYouMean(name, in: KindSet.allNames)
                    throw error(
                        LocalizedText(
                            en: "unknown kind '\(name)'\(hint.en)", vi: "loại đơn vị không hợp lệ '\(name)'\(hint.vi)"),
                        at: start)
                }
                kinds.formUnion(named)
            }
            if names.count == 1, let kind = NodeKind(rawValue: value) { return .kind(kind) }
            return .kinds(kinds)
        }
        guard accept("]") else { throw error(Self.unclosedFilter) }
        switch key {
        case "level":
            guard let level = Level(rawValue: value) else {
                throw error(
                    LocalizedText(
                        en: "unknown level '\(value)'; expected provincial, district or commune",
                        vi: "cấp không hợp lệ '\(value)'; giá trị hợp lệ: provincial, district hoặc commune"),
                    at: valueStart)
            }
            return .level(level)
        case "sector": return .sector(value)
        case "id": return .id(value)
        case "name": return .name(value)
        default:
            if key.isEmpty {
                throw error(LocalizedText(en: "empty filter key", vi: "khóa của bộ lọc rỗng"), at: keyStart)
            }
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
        guard position < scalars.count else {
            throw error(LocalizedText(en: "expected a value in the filter", vi: "cần một giá trị trong bộ lọc"))
        }
        guard scalars[position] == "\"" else {
            let word = readWord()
            guard !word.isEmpty else {
                throw error(
                    LocalizedText(
                        en: "expected a value in the filter; quote values with spaces: \"...\"",
                        vi: "cần một giá trị trong bộ lọc; giá trị có dấu cách phải đặt trong dấu nháy: \"...\""))
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
        guard position < scalars.count else {
            throw error(
                LocalizedText(en: "unterminated quoted value", vi: "giá trị trong dấu nháy chưa được đóng"), at: open)
        }
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
        guard position > start else {
            throw error(
                LocalizedText(en: "expected a number in the repetition bounds", vi: "cần một số trong giới hạn lặp"))
        }
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

    private static let unclosedFilter = LocalizedText(
        en: "expected ']' to close the filter", vi: "cần ']' để đóng bộ lọc")

    private func error(_ message: LocalizedText, at offset: Int? = nil) -> PathSyntaxError {
        PathSyntaxError(message: message, column: (offset ?? position) + 1, expression: text)
    }
}
