import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// Reads a rulebook (YAML or JSON) field by field, with every error located.
///
/// A rulebook names its id and title, the rulebook it `extends`, the inherited rules it
/// `disable`s and the `severity` it gives them, and its own `rules`, each made of a check from
/// the vocabulary: `path` (with `min`, `max` or `exactly`, `among`, `not-among`), `conditions`
/// (of path counts and relations), `relation`,
/// `acyclic`, `attribute`, `forbidden`, or a `builtin` structural check.
struct RulebookDecoder<Reader: StructuredReader>: DocumentFieldDecoder {
    private var reader: Reader
    private let source: SourceText
    private(set) var diagnostics: DiagnosticList
    private var document: String?
    /// The expressions read so far, by their text: a rulebook of many rules names the same
    /// paths again and again, and each is parsed and compiled once.
    private var expressions: [String: PathExpression] = [:]

    static var topFields: [String] {
        ["rulebook", "title", "document", "extends", "disable", "severity", "clauses", "rules"]
    }
    /// The keys of a text given in both languages.
    static var languageFields: [String] { Language.allCases.map(\.rawValue) }
    /// The fields of a rule: its own, then those of its check kinds (``CheckKind/all``).
    static var ruleFields: [String] {
        ["id", "title", "severity", "citation", "rationale", "subject"] + CheckKind.checkFields.map(\.name)
            + ["message", "examples"]
    }
    /// The keywords that choose a check kind.
    static var checkFields: [String] { CheckKind.keywords }

    /// - Parameter limit: how many diagnostics to keep in full; the rest are counted.
    init(reader: Reader, source: SourceText, limit: Int) {
        self.reader = reader
        self.source = source
        diagnostics = DiagnosticList(limit: limit)
    }

    /// Reports an error; its message and source line are worked out only if it will be shown.
    private mutating func report(_ message: @autoclosure () -> LocalizedText, at location: SourceLocation) {
        let source = source
        diagnostics.append { source.diagnostic(message(), at: location) }
    }

    /// `unknown relation type 'x'; did you mean 'y'?`.
    private static func unknownRelationType(_ name: String) -> LocalizedText {
        let hint = Suggestion.didYouMean(name, in: RelationType.allCases.map(\.rawValue))
        return LocalizedText(
            en: "unknown relation type '\(name)'\(hint.en)", vi: "loại quan hệ không hợp lệ '\(name)'\(hint.vi)")
    }

    // MARK: Values

    private mutating func text(_ field: String) throws(SyntaxError) -> (String, SourceLocation)? {
        let location = try reader.location()
        switch try reader.peekKind() {
        case .string, .number, .bool:
            let scalar = try reader.readScalar()
            return (scalar.text, scalar.location)
        case let kind:
            report(
                LocalizedText(
                    en: "'\(field)' must be text, found \(kind.phrase.en)",
                    vi: "'\(field)' phải là văn bản, nhưng gặp \(kind.phrase.vi)"),
                at: location)
            try reader.skipValue()
            return nil
        }
    }

    /// A text a person reads: a plain string, one text for both languages, or a mapping
    /// `{en: ..., vi: ...}` that gives either or both. Vietnamese text is put in NFC.
    private mutating func localized(_ field: String) throws(SyntaxError) -> LocalizedText? {
        let location = try reader.location()
        switch try reader.peekKind() {
        case .string, .number, .bool:
            return try text(field).map { LocalizedText($0.0.trimmingWhitespace().nfc) }
        case .mapping:
            var english: String?
            var vietnamese: String?
            let errorsBefore = diagnostics.count
            try reader.beginMapping()
            while let key = try reader.nextKey() {
                switch Language(rawValue: key.text) {
                case .english: english = try text("\(field).\(key.text)")?.0.trimmingWhitespace()
                case .vietnamese: vietnamese = try text("\(field).\(key.text)")?.0.trimmingWhitespace()
                case nil:
                    try unknownField(
                        key,
                        in: LocalizedText(
                            en: "in '\(field)' (a text in English 'en' and Vietnamese 'vi')",
                            vi: "trong '\(field)' (văn bản tiếng Anh 'en' và tiếng Việt 'vi')"),
                        known: Self.languageFields)
                }
            }
            guard diagnostics.count == errorsBefore else { return nil }
            guard let result = LocalizedText(english: english?.nfc, vietnamese: vietnamese) else {
                report(
                    LocalizedText(
                        en: "'\(field)' needs its text in 'en', 'vi' or both",
                        vi: "'\(field)' cần có văn bản trong 'en', 'vi' hoặc cả hai"),
                    at: location)
                return nil
            }
            return result
        case let kind:
            report(
                LocalizedText(
                    en: "'\(field)' must be text, or a mapping with 'en' and 'vi' texts; found \(kind.phrase.en)",
                    vi: "'\(field)' phải là văn bản, hoặc ánh xạ có văn bản 'en' và 'vi'; nhưng gặp \(kind.phrase.vi)"),
                at: location)
            try reader.skipValue()
            return nil
        }
    }

    private mutating func integer(_ field: String) throws(SyntaxError) -> Int? {
        guard let (value, location) = try text(field) else { return nil }
        guard let number = Int(value), number >= 0 else {
            report(
                LocalizedText(
                    en: "'\(field)' must be a whole number, 0 or more; found '\(value)'",
                    vi: "'\(field)' phải là số nguyên từ 0 trở lên; nhưng gặp '\(value)'"),
                at: location)
            return nil
        }
        return number
    }

    private mutating func textList(_ field: String) throws(SyntaxError) -> [(String, SourceLocation)] {
        switch try reader.peekKind() {
        case .sequence:
            var items: [(String, SourceLocation)] = []
            try reader.beginSequence()
            while try reader.nextElement() {
                if let item = try text(field) { items.append(item) }
            }
            return items
        case .string:
            return try text(field).map { [$0] } ?? []
        case let kind:
            report(
                LocalizedText(
                    en: "'\(field)' must be a list, found \(kind.phrase.en)",
                    vi: "'\(field)' phải là danh sách, nhưng gặp \(kind.phrase.vi)"),
                at: try reader.location())
            try reader.skipValue()
            return []
        }
    }

    private mutating func expression(_ field: String) throws(SyntaxError) -> PathExpression? {
        guard let (value, location) = try text(field) else { return nil }
        if let known = expressions[value] { return known }
        do {
            let expression = try PathExpression(parsing: value)
            expressions[value] = expression
            return expression
        } catch {
            report(
                LocalizedText(en: "in '\(field)': \(error.text.en)", vi: "trong '\(field)': \(error.text.vi)"),
                at: place(ofCharacter: error.column, in: value, at: location))
            return nil
        }
    }

    /// Where character `offset` (1-based) of the scalar `value`, written at `location`, stands in
    /// the file: the scalar may be quoted, folded over several lines (`>-`, `|`, or a plain or
    /// quoted scalar broken across lines), each line break of the file read as a space or a
    /// line break of the value. Where the file's text and the value part (an escape in a quoted
    /// scalar), the place is the scalar's start.
    ///
    /// - Complexity: O(`offset` + the lines walked).
    func place(ofCharacter offset: Int, in value: String, at location: SourceLocation) -> SourceLocation {
        var lineNumber = location.line
        guard var line = source.line(lineNumber).map({ Array($0.unicodeScalars) }) else { return location }
        var index = Int(location.column) - 1
        guard index >= 0, index < line.count else { return location }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        /// Moves to the first character of the next line that has one; false at the end of the file.
        func nextLine() -> Bool {
            while true {
                lineNumber += 1
                guard let next = source.line(lineNumber) else { return false }
                line = Array(next.unicodeScalars)
                if let first = line.firstIndex(where: { !isSpace($0) }) {
                    index = first
                    return true
                }
            }
        }
        switch line[index] {
        case ">", "|":
            guard nextLine() else { return location }
        case "\"", "'":
            index += 1
        default:
            break
        }
        for scalar in value.unicodeScalars.prefix(max(0, offset - 1)) {
            if index < line.count, line[index] == scalar {
                index += 1
            } else if isSpace(scalar) {
                // A line break folded into a space, or blank lines into line breaks.
                if line[min(index, line.count)...].allSatisfy(isSpace) {
                    guard nextLine() else { return location }
                }
            } else {
                return location
            }
        }
        return SourceLocation(line: Int(lineNumber), column: index + 1)
    }

    private mutating func kinds(_ field: String) throws(SyntaxError) -> KindSet? {
        var result = KindSet()
        var ok = true
        for (name, location) in try textList(field) {
            guard let kinds = KindSet.named(name) else {
                let hint = Suggestion.didYouMean(name, in: KindSet.allNames)
                report(
                    LocalizedText(
                        en: "unknown kind or group '\(name)'\(hint.en)",
                        vi: "loại đơn vị hoặc nhóm không hợp lệ '\(name)'\(hint.vi)"),
                    at: location)
                ok = false
                continue
            }
            result.formUnion(kinds)
        }
        return ok ? result : nil
    }

    private mutating func severity(_ field: String) throws(SyntaxError) -> Severity? {
        guard let (value, location) = try text(field) else { return nil }
        guard let severity = Severity(rawValue: value) else {
            report(
                LocalizedText(
                    en: "unknown severity '\(value)'; expected error, warning or info",
                    vi: "mức độ không hợp lệ '\(value)'; giá trị hợp lệ: error, warning hoặc info"),
                at: location)
            return nil
        }
        return severity
    }

    private mutating func unknownField(
        _ key: Scalar, in context: LocalizedText, known: [String]
    ) throws(SyntaxError) {
        let hint = Suggestion.didYouMean(key.text, in: known)
        report(
            LocalizedText(
                en: "unknown field '\(key.text)' \(context.en)\(hint.en)",
                vi: "trường không hợp lệ '\(key.text)' \(context.vi)\(hint.vi)"),
            at: key.location)
        try reader.skipValue()
    }

    // MARK: Document

    mutating func decode() throws(SyntaxError) -> RulebookSource? {
        let root = try reader.location()
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en: "a rulebook is a mapping with 'rulebook', 'title' and 'rules'",
                    vi: "bộ quy tắc là một ánh xạ (mapping) có 'rulebook', 'title' và 'rules'"),
                at: root)
            return nil
        }
        var result = RulebookSource(id: "")
        var sawID = false
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            switch key.text {
            case "rulebook":
                if let (id, _) = try text("rulebook") {
                    result.id = id
                    sawID = true
                }
            case "title": result.title = try localized("title")
            case "document":
                result.document = try localized("document")
                document = result.document?.text(in: .english)
            case "extends": result.extends = try text("extends").map { (name: $0.0, location: $0.1) }
            case "disable": result.disable = try textList("disable").map { (id: $0.0, location: $0.1) }
            case "severity": result.severities = try severities()
            case "clauses": result.clauses = try clauses()
            case "rules":
                switch try reader.peekKind() {
                case .sequence:
                    try reader.beginSequence()
                    while try reader.nextElement() {
                        if let rule = try rule() { result.rules.append(rule) }
                    }
                case let kind:
                    report(
                        LocalizedText(
                            en: "'rules' must be a list, found \(kind.phrase.en)",
                            vi: "'rules' phải là danh sách, nhưng gặp \(kind.phrase.vi)"),
                        at: try reader.location())
                    try reader.skipValue()
                }
            default:
                try unknownField(
                    key, in: LocalizedText(en: "at the top of a rulebook", vi: "ở cấp trên cùng của bộ quy tắc"),
                    known: Self.topFields)
            }
        }
        try reader.finish()
        if !sawID {
            report(
                LocalizedText(
                    en: "missing required field 'rulebook' (the rulebook's id)",
                    vi: "không có trường bắt buộc 'rulebook' (mã của bộ quy tắc)"),
                at: root)
        }
        return diagnostics.isEmpty ? result : nil
    }

    /// `clauses`: a mapping from a section as rules cite it (`§1`, `structure`) to a one-line
    /// summary of that clause, a text in one or both languages, or to a mapping of its
    /// `summary` and the `name` it is shown under (either or both).
    private mutating func clauses() throws(SyntaxError) -> [RulebookSource.Clause] {
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en:
                        "'clauses' must be a mapping of sections as rules cite them (§1, structure) to one-line summaries",
                    vi:
                        "'clauses' phải là ánh xạ từ các khoản như quy tắc trích dẫn (§1, structure) tới tóm tắt một dòng"
                ),
                at: try reader.location())
            try reader.skipValue()
            return []
        }
        var result: [RulebookSource.Clause] = []
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            if let clause = try clause("clauses.\(key.text)", section: key.text.nfc) { result.append(clause) }
        }
        return result
    }

    /// The keys of a clause given with its name: `summary` and `name`.
    static var clauseFields: [String] { ["summary", "name"] }

    /// One entry of `clauses`: a summary (a text, or `{en, vi}`), or `{summary, name}`.
    private mutating func clause(_ field: String, section: String) throws(SyntaxError) -> RulebookSource.Clause? {
        let location = try reader.location()
        guard try reader.peekKind() == .mapping else {
            return try localized(field).map { RulebookSource.Clause(section: section, summary: $0) }
        }
        var clause = RulebookSource.Clause(section: section)
        var texts: [Language: String] = [:]
        let errorsBefore = diagnostics.count
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            if let language = Language(rawValue: key.text) {
                texts[language] = try text("\(field).\(key.text)")?.0.trimmingWhitespace()
            } else if key.text == "summary" {
                clause.summary = try localized("\(field).summary")
            } else if key.text == "name" {
                clause.name = try localized("\(field).name")
            } else {
                try unknownField(
                    key,
                    in: LocalizedText(
                        en: "in '\(field)' (a summary in 'en' and 'vi', or its 'summary' and 'name')",
                        vi: "trong '\(field)' (một tóm tắt bằng 'en' và 'vi', hoặc 'summary' và 'name' của nó)"),
                    known: Self.languageFields + Self.clauseFields)
            }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        if !texts.isEmpty {
            guard clause.summary == nil, clause.name == nil else {
                report(
                    LocalizedText(
                        en:
                            "'\(field)' is either a summary in 'en' and 'vi', or a mapping of 'summary' and 'name'; not both",
                        vi:
                            "'\(field)' là một tóm tắt bằng 'en' và 'vi', hoặc một ánh xạ gồm 'summary' và 'name'; không được cả hai"
                    ),
                    at: location)
                return nil
            }
            clause.summary = LocalizedText(english: texts[.english]?.nfc, vietnamese: texts[.vietnamese])
        }
        guard clause.summary != nil || clause.name != nil else {
            report(
                LocalizedText(
                    en: "'\(field)' needs its summary ('en', 'vi'), or its 'summary' or 'name'",
                    vi: "'\(field)' cần có tóm tắt ('en', 'vi'), hoặc 'summary' hay 'name' của nó"),
                at: location)
            return nil
        }
        return clause
    }

    private mutating func severities() throws(SyntaxError) -> [(
        id: String, severity: Severity, location: SourceLocation
    )] {
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en: "'severity' must be a mapping of rule ids to error, warning or info",
                    vi: "'severity' phải là ánh xạ từ mã quy tắc tới error, warning hoặc info"),
                at: try reader.location())
            try reader.skipValue()
            return []
        }
        var result: [(id: String, severity: Severity, location: SourceLocation)] = []
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            if let severity = try severity(key.text) { result.append((key.text, severity, key.location)) }
        }
        return result
    }

    // MARK: Rules

    private struct RuleFields {
        var id: String?
        var title: LocalizedText?
        var severity: Severity?
        var citation: String?
        var rationale: LocalizedText?
        var subject: KindSet?
        var message: LocalizedText?
        var triggering: [RuleDescription.TriggeringExample] = []
        var nonTriggering: [String] = []
        /// The values of the fields check kinds read, by name.
        var values: [String: RuleFieldValue] = [:]
        /// The check keywords given, with where.
        var checks: [(String, SourceLocation)] = []
    }

    /// Whether `id` is kebab-case, as the rule ids of SPEC §3 are: ASCII lowercase letters and
    /// digits in words joined by single hyphens, beginning with a letter (`leaders-report-to-party`).
    static func isKebabCase(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            bytes.last != UInt8(ascii: "-")
        else { return false }
        var previous = first
        for byte in bytes.dropFirst() {
            let isWord =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isWord || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return true
    }

    private mutating func rule() throws(SyntaxError) -> RulebookSource.RuleSource? {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en: "a rule is a mapping with 'id', 'title', 'severity' and a check",
                    vi: "quy tắc là một ánh xạ (mapping) có 'id', 'title', 'severity' và một phép kiểm tra"),
                at: start)
            try reader.skipValue()
            return nil
        }
        let errorsBefore = diagnostics.count
        var fields = RuleFields()
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            let fieldType = CheckKind.fieldTypes[key.text]
            if CheckKind.named(key.text) != nil { fields.checks.append((key.text, key.location)) }
            switch key.text {
            case "id":
                if let (id, location) = try text("id") {
                    if !Self.isKebabCase(id) {
                        report(
                            LocalizedText(
                                en:
                                    "rule id '\(id)' is not kebab-case: lowercase words of letters and digits joined by "
                                    + "single '-', such as 'unit-has-one-head'",
                                vi: "mã quy tắc '\(id)' không đúng dạng kebab-case: các từ viết thường gồm chữ cái và "
                                    + "chữ số, nối bằng một dấu '-', ví dụ 'unit-has-one-head'"),
                            at: location)
                    }
                    fields.id = id
                }
            case "title": fields.title = try localized("title")
            case "severity": fields.severity = try severity("severity")
            case "citation": fields.citation = try text("citation")?.0.nfc
            case "rationale": fields.rationale = try localized("rationale")
            case "subject": fields.subject = try kinds("subject")
            case "message": fields.message = try localized("message")
            case "examples": try examples(&fields)
            default:
                if let fieldType {
                    fields.values[key.text] = try value(of: fieldType, key.text)
                } else {
                    try unknownField(
                        key, in: LocalizedText(en: "in a rule", vi: "trong một quy tắc"), known: Self.ruleFields)
                }
            }
        }
        for required in ["id", "title", "severity"] {
            let present =
                required == "id" ? fields.id != nil : required == "title" ? fields.title != nil : fields.severity != nil
            if !present, diagnostics.count == errorsBefore {
                report(
                    LocalizedText(
                        en: "missing required field '\(required)' in a rule",
                        vi: "không có trường bắt buộc '\(required)' trong một quy tắc"),
                    at: start)
            }
        }
        guard diagnostics.count == errorsBefore, let id = fields.id, let title = fields.title,
            let severity = fields.severity
        else { return nil }
        if fields.checks.count != 1 {
            let names = fields.checks.map(\.0)
            let (all, given) = (Self.checkFields.joined(separator: ", "), names.joined(separator: ", "))
            report(
                names.isEmpty
                    ? LocalizedText(
                        en: "rule '\(id)' has no check; give one of: \(all)",
                        vi: "quy tắc '\(id)' không có phép kiểm tra; hãy ghi một trong: \(all)")
                    : LocalizedText(
                        en: "rule '\(id)' has more than one check (\(given)); give one",
                        vi: "quy tắc '\(id)' có nhiều hơn một phép kiểm tra (\(given)); chỉ ghi một"),
                at: fields.checks.dropFirst().first?.1 ?? start)
            return nil
        }
        guard let check = makeCheck(fields, id: id, at: start) else { return nil }
        let description = RuleDescription(
            id: id, title: title, severity: severity,
            citation: fields.citation.map { Citation(document: document ?? "", section: $0) }
                ?? document.map { Citation(document: $0) },
            rationale: fields.rationale ?? LocalizedText(""), triggering: fields.triggering,
            nonTriggeringExamples: fields.nonTriggering)
        return RulebookSource.RuleSource(rule: Rule(description, check: check), location: start)
    }

    /// The check of a rule whose fields decoded, made by its check kind.
    private mutating func makeCheck(_ fields: RuleFields, id: String, at start: SourceLocation) -> (any Check)? {
        let (name, location) = fields.checks[0]
        guard let kind = CheckKind.named(name) else { return nil }
        if kind.needsSubject, fields.subject == nil {
            report(
                LocalizedText(
                    en: "rule '\(id)' needs a 'subject': the kinds whose nodes it checks",
                    vi: "quy tắc '\(id)' cần có 'subject': các loại đơn vị mà quy tắc kiểm tra"),
                at: start)
            return nil
        }
        var rule = DecodedRule(
            id: id, subject: fields.subject ?? KindSet(),
            message: MessageTemplate(
                fields.message
                    ?? LocalizedText(
                        en: "{subject} does not satisfy \(id)", vi: "{subject} không đáp ứng quy tắc \(id)")),
            keywordLocation: location,
            values: fields.values)
        let check = kind.make(&rule)
        for problem in rule.problems { report(problem.message, at: problem.location) }
        return check
    }

    /// The value of a field a check kind reads, or `nil` after reporting what is wrong with it.
    private mutating func value(of type: RuleFieldType, _ field: String) throws(SyntaxError) -> RuleFieldValue? {
        switch type {
        case .text: return try text(field).map { .text($0.0, $0.1) }
        case .integer: return try integer(field).map { .integer($0) }
        case .expression: return try expression(field).map { .expression($0) }
        case .guards: return try guards(field).map { .guards($0) }
        case .flag: return try text(field).map { .flag($0.0 == "true") }
        case .conditions: return try conditions().map { .conditions($0) }
        case .relation: return try relation().map { .relation($0) }
        case .steps: return try acyclic().map { .steps($0) }
        case .attribute: return try attribute().map { .attribute($0) }
        }
    }

    /// A `when`: an expression, or a list of guards, each an expression or a mapping
    /// `{path, min, max, exactly}`; `nil` after reporting what is wrong.
    private mutating func guards(_ field: String) throws(SyntaxError) -> [PathGuard]? {
        switch try reader.peekKind() {
        case .sequence:
            var result: [PathGuard] = []
            var ok = true
            try reader.beginSequence()
            while try reader.nextElement() {
                if let item = try pathGuard(field) { result.append(item) } else { ok = false }
            }
            return ok ? result : nil
        default:
            return try pathGuard(field).map { [$0] }
        }
    }

    /// One guard: an expression, or `{path, min, max, exactly}`.
    private mutating func pathGuard(_ field: String) throws(SyntaxError) -> PathGuard? {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            return try expression(field).map { PathGuard(path: $0) }
        }
        let errorsBefore = diagnostics.count
        var path: PathExpression?
        var minimum: Int?
        var maximum: Int?
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            switch key.text {
            case "path": path = try expression("path")
            case "min": minimum = try integer("min")
            case "max": maximum = try integer("max")
            case "exactly":
                minimum = try integer("exactly")
                maximum = minimum
            default:
                try unknownField(
                    key,
                    in: LocalizedText(en: "in a guard of '\(field)'", vi: "trong một điều kiện áp dụng của '\(field)'"),
                    known: ["path", "min", "max", "exactly"])
            }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        guard let path else {
            report(
                LocalizedText(
                    en: "a guard of '\(field)' needs a 'path'", vi: "điều kiện áp dụng của '\(field)' cần có 'path'"),
                at: start)
            return nil
        }
        return PathGuard(path: path, minimum: minimum, maximum: maximum)
    }

    private mutating func conditions() throws(SyntaxError) -> [PathCountCheck.Condition]? {
        guard try reader.peekKind() == .sequence else {
            report(
                LocalizedText(
                    en: "'conditions' must be a list of {path, min/max/exactly, message} or {relation, message}",
                    vi: "'conditions' phải là danh sách các {path, min/max/exactly, message} hoặc {relation, message}"),
                at: try reader.location())
            try reader.skipValue()
            return nil
        }
        var result: [PathCountCheck.Condition] = []
        try reader.beginSequence()
        while try reader.nextElement() {
            let start = try reader.location()
            guard try reader.peekKind() == .mapping else {
                report(
                    LocalizedText(
                        en: "a condition is a mapping with 'path' and 'min', 'max' or 'exactly', or with 'relation'",
                        vi: "điều kiện là một ánh xạ có 'path' và 'min', 'max' hoặc 'exactly', hoặc có 'relation'"),
                    at: start)
                try reader.skipValue()
                continue
            }
            let errorsBefore = diagnostics.count
            var when: [PathGuard] = []
            var path: PathExpression?
            var among: PathExpression?
            var notAmong: PathExpression?
            var relation: RelationCheck?
            var sawRelation = false
            var minimum: Int?
            var maximum: Int?
            /// The fields only a path count reads, with where the first of them is written.
            var countField: Scalar?
            var message: LocalizedText?
            try reader.beginMapping()
            while let key = try reader.nextKey() {
                if ["among", "not-among", "min", "max", "exactly"].contains(key.text), countField == nil {
                    countField = key
                }
                switch key.text {
                case "when": when = try guards("when") ?? []
                case "path": path = try expression("path")
                case "among": among = try expression("among")
                case "not-among": notAmong = try expression("not-among")
                case "relation":
                    sawRelation = true
                    relation = try self.relation()
                case "min": minimum = try integer("min")
                case "max": maximum = try integer("max")
                case "exactly":
                    minimum = try integer("exactly")
                    maximum = minimum
                case "message": message = try localized("message")
                default:
                    try unknownField(
                        key, in: LocalizedText(en: "in a condition", vi: "trong một điều kiện"),
                        known: ["when", "path", "among", "not-among", "min", "max", "exactly", "relation", "message"])
                }
            }
            guard diagnostics.count == errorsBefore else { continue }
            if sawRelation {
                if path != nil {
                    report(
                        LocalizedText(
                            en: "a condition has a 'path' or a 'relation', not both",
                            vi: "điều kiện có 'path' hoặc 'relation', không có cả hai"),
                        at: start)
                } else if let countField {
                    report(
                        LocalizedText(
                            en: "'\(countField.text)' belongs to a 'path' condition; a 'relation' condition has "
                                + "'when', 'relation' and 'message'",
                            vi: "'\(countField.text)' chỉ dùng trong điều kiện 'path'; điều kiện 'relation' có "
                                + "'when', 'relation' và 'message'"),
                        at: countField.location)
                } else if let relation {
                    result.append(
                        .init(
                            when: when, test: .relation(relation),
                            message: message.map(MessageTemplate.init)
                                ?? MessageTemplate(
                                    LocalizedText(
                                        en:
                                            "{subject} has no '\(relation.type.rawValue)' to {missing} ({periods} missing)",
                                        vi: "{subject} không có quan hệ '\(relation.type.rawValue)' tới {missing} "
                                            + "(còn thiếu: {periods})"))
                        ))
                }
                continue
            }
            guard let path else {
                report(
                    LocalizedText(
                        en: "a condition needs a 'path' or a 'relation'", vi: "điều kiện cần có 'path' hoặc 'relation'"),
                    at: start)
                continue
            }
            if minimum == nil, maximum == nil {
                report(
                    LocalizedText(
                        en: "a condition needs 'min', 'max' or 'exactly'",
                        vi: "điều kiện cần có 'min', 'max' hoặc 'exactly'"),
                    at: start)
                continue
            }
            result.append(
                .init(
                    when: when, path: path, minimum: minimum, maximum: maximum, among: among, notAmong: notAmong,
                    message: message.map(MessageTemplate.init)
                        ?? MessageTemplate(
                            LocalizedText(
                                en: "{subject} reaches {count} nodes by \(path.text)",
                                vi: "{subject} tới được {count} nút theo \(path.text)"))))
        }
        return result
    }

    private mutating func relation() throws(SyntaxError) -> RelationCheck? {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en: "'relation' must be a mapping with 'type' and 'from' or 'to'",
                    vi: "'relation' phải là ánh xạ có 'type' và 'from' hoặc 'to'"),
                at: start)
            try reader.skipValue()
            return nil
        }
        var type: RelationType?
        var from: PathExpression?
        var to: PathExpression?
        var periods: [Period] = []
        var each = RelationCheck.Each.any
        let errorsBefore = diagnostics.count
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            switch key.text {
            case "type":
                if let (value, location) = try text("type") {
                    type = RelationType(rawValue: value)
                    if type == nil {
                        report(Self.unknownRelationType(value), at: location)
                    }
                }
            case "from": from = try expression("from")
            case "to": to = try expression("to")
            case "periods":
                for (value, location) in try textList("periods") {
                    if let period = Period(rawValue: value) {
                        periods.append(period)
                    } else {
                        let list = Period.allCases.map(\.rawValue).joined(separator: ", ")
                        report(
                            LocalizedText(
                                en: "unknown period '\(value)'; expected one of: \(list)",
                                vi: "kỳ báo cáo không hợp lệ '\(value)'; giá trị hợp lệ: \(list)"),
                            at: location)
                    }
                }
            case "each":
                if let (value, location) = try text("each") {
                    if let parsed = RelationCheck.Each(rawValue: value) {
                        each = parsed
                    } else {
                        report(
                            LocalizedText(
                                en: "'each' is from, to or any; found '\(value)'",
                                vi: "'each' là from, to hoặc any; nhưng gặp '\(value)'"),
                            at: location)
                    }
                }
            default:
                try unknownField(
                    key, in: LocalizedText(en: "in a relation check", vi: "trong một phép kiểm tra quan hệ"),
                    known: ["type", "from", "to", "periods", "each"])
            }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        guard let type else {
            report(
                LocalizedText(en: "a relation check needs a 'type'", vi: "phép kiểm tra quan hệ cần có 'type'"),
                at: start)
            return nil
        }
        return RelationCheck(
            subject: KindSet(), type: type, from: from, to: to, periods: periods, each: each, message: "")
    }

    private mutating func acyclic() throws(SyntaxError) -> [AcyclicCheck.Step]? {
        var steps: [AcyclicCheck.Step] = []
        for (value, location) in try textList("acyclic") {
            let inverse = value.hasPrefix("^")
            let name = inverse ? String(value.dropFirst()) : value
            guard let type = RelationType(rawValue: name) else {
                report(Self.unknownRelationType(name), at: location)
                return nil
            }
            steps.append(AcyclicCheck.Step(type: type, reversed: inverse))
        }
        return steps
    }

    private mutating func attribute() throws(SyntaxError) -> AttributeCheck? {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en: "'attribute' must be a mapping with 'key' and 'values' or 'required'",
                    vi: "'attribute' phải là ánh xạ có 'key' và 'values' hoặc 'required'"),
                at: start)
            try reader.skipValue()
            return nil
        }
        var key: String?
        var values: [String]?
        var required = false
        try reader.beginMapping()
        while let field = try reader.nextKey() {
            switch field.text {
            case "key": key = try text("key")?.0
            case "values": values = try textList("values").map(\.0)
            case "required": required = try text("required")?.0 == "true"
            default:
                try unknownField(
                    field, in: LocalizedText(en: "in an attribute check", vi: "trong một phép kiểm tra thuộc tính"),
                    known: ["key", "values", "required"])
            }
        }
        guard let key else {
            report(
                LocalizedText(en: "an attribute check needs a 'key'", vi: "phép kiểm tra thuộc tính cần có 'key'"),
                at: start)
            return nil
        }
        return AttributeCheck(subject: KindSet(), key: key, values: values, required: required, message: "")
    }

    private mutating func examples(_ fields: inout RuleFields) throws(SyntaxError) {
        guard try reader.peekKind() == .mapping else {
            report(
                LocalizedText(
                    en: "'examples' must be a mapping with 'triggering' and 'non-triggering'",
                    vi: "'examples' phải là ánh xạ có 'triggering' và 'non-triggering'"),
                at: try reader.location())
            try reader.skipValue()
            return
        }
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            switch key.text {
            case "triggering": fields.triggering = try triggeringExamples()
            case "non-triggering": fields.nonTriggering = try textList("non-triggering").map(\.0)
            default:
                try unknownField(
                    key, in: LocalizedText(en: "in examples", vi: "trong các ví dụ"),
                    known: ["triggering", "non-triggering"])
            }
        }
    }
}

extension RulebookDecoder {
    /// The triggering examples: each an organization file, or a mapping with the file in
    /// `organization` and the node or nodes its findings must be on in `expect`.
    private mutating func triggeringExamples() throws(SyntaxError) -> [RuleDescription.TriggeringExample] {
        guard try reader.peekKind() == .sequence else {
            report(
                LocalizedText(
                    en: "'triggering' must be a list of examples", vi: "'triggering' phải là danh sách các ví dụ"),
                at: try reader.location())
            try reader.skipValue()
            return []
        }
        var examples: [RuleDescription.TriggeringExample] = []
        try reader.beginSequence()
        while try reader.nextElement() {
            let start = try reader.location()
            guard try reader.peekKind() == .mapping else {
                if let (text, _) = try text("triggering") { examples.append(.init(expect: [], text)) }
                continue
            }
            var organization: String?
            var expect: [String] = []
            try reader.beginMapping()
            while let key = try reader.nextKey() {
                switch key.text {
                case "organization": organization = try text("organization")?.0
                case "expect": expect = try textList("expect").map(\.0)
                default:
                    try unknownField(
                        key, in: LocalizedText(en: "in an example", vi: "trong một ví dụ"),
                        known: ["expect", "organization"])
                }
            }
            guard let organization else {
                report(
                    LocalizedText(en: "an example needs its 'organization'", vi: "ví dụ cần có 'organization'"),
                    at: start)
                continue
            }
            examples.append(.init(expect: expect, organization))
        }
        return examples
    }
}

extension String {
    /// The string without white space and line breaks at either end.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
