import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// The findings of a validation run over one or more files, and their text and JSON forms.
public struct ValidationReport: Sendable {
    /// The files audited, in the order given.
    public var files: [String]
    /// The findings of every file, in file order.
    public var findings: [Finding]
    /// The findings suppressions hid, each with its reason.
    public var suppressedFindings: [Finding]
    /// The rules that ran, each once, in the order first met.
    public var rules: [RuleDescription]
    /// The errors that stopped files (or their rulebooks) from loading: a report with any is
    /// not a clean run, whatever its findings.
    public var errors: [Diagnostic] = []
    /// Notes on the run that are not findings: a rulebook that fits a file better than the one
    /// it was audited under (``RulebookSuggestion``).
    public var notes: [Diagnostic] = []
    /// The language of the findings' messages and of the text output around them; JSON and
    /// SARIF keep their ids and fields, and name it.
    public var language: Language
    /// The baseline the findings were compared with (`--baseline`), if any.
    public var baseline: Baseline?
    /// The findings the baseline accepts, left out of ``findings``.
    public var baselined: [Finding] = []
    /// The entries of ``baseline`` that accept no finding, by index.
    public var unusedBaselineEntries: [Int] = []

    /// How many findings suppressions hid.
    public var suppressed: Int { suppressedFindings.count }

    public init(
        files: [String] = [], findings: [Finding] = [], suppressedFindings: [Finding] = [],
        rules: [RuleDescription] = [], language: Language = .english
    ) {
        self.language = language
        self.files = files
        self.findings = findings
        self.suppressedFindings = suppressedFindings
        self.rules = rules
    }

    /// Adds the audit of `file` under `rulebook`.
    public mutating func add(_ report: AuditReport, file: String, rulebook: Rulebook? = nil) {
        files.append(file)
        findings.append(contentsOf: report.findings)
        suppressedFindings.append(contentsOf: report.suppressed)
        var known = Set(rules.map(\.id))
        for rule in (rulebook?.rules.map(\.description) ?? []) + Auditor.ownRules.map(\.description)
        where known.insert(rule.id).inserted {
            rules.append(rule)
        }
    }

    /// Adds the diagnostics of a file or rulebook that could not be loaded.
    public mutating func add(_ error: LoadError) {
        errors.append(contentsOf: error.diagnostics)
    }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Whether any finding is at or above `level`.
    public func hasFindings(atOrAbove level: Severity) -> Bool {
        findings.contains { $0.severity >= level }
    }

    // MARK: Text

    /// `file:line:col: severity: message [rule-id]` a finding, related places as notes, and a
    /// summary line; severities and words in ``language``.
    public func text() -> String {
        (findingLines() + [summaryLine()] + notes.map(noteLine)).joined(separator: "\n") + "\n"
    }

    /// The lines of ``text()`` before its summary: each finding and its related places.
    public func findingLines() -> [String] {
        var lines: [String] = []
        for finding in findings {
            lines.append(
                "\(Self.place(finding.file, finding.location)): \(finding.severity.name(in: language)): "
                    + "\(TerminalText.escaped(finding.message)) [\(TerminalText.escaped(finding.rule))]")
            for related in finding.related {
                lines.append(
                    "\(Self.place(related.file, related.location)): \(noteWord): "
                        + TerminalText.escaped(related.message))
            }
        }
        return lines
    }

    /// `2 errors, 1 warning, 0 info in 3 files (1 suppressed)`, or `no findings in 3 files`;
    /// in Vietnamese `2 lỗi, 1 cảnh báo, 0 thông tin trong 3 tệp (1 phát hiện được miễn trừ)`.
    public func summaryLine() -> String {
        let (errors, warnings, infos) = (count(.error), count(.warning), count(.info))
        switch language {
        case .english:
            let fileCount = "\(files.count) file\(files.count == 1 ? "" : "s")"
            var hidden = suppressed > 0 ? " (\(suppressed) suppressed)" : ""
            if baseline != nil { hidden += " (\(baselined.count) in the baseline)" }
            guard !findings.isEmpty else { return "no findings in \(fileCount)\(hidden)" }
            func counted(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
            return
                "\(counted(errors, "error")), \(counted(warnings, "warning")), \(infos) info in \(fileCount)\(hidden)"
        case .vietnamese:
            let fileCount = "\(files.count) tệp"
            var hidden = suppressed > 0 ? " (\(suppressed) phát hiện được miễn trừ)" : ""
            if baseline != nil { hidden += " (\(baselined.count) phát hiện đã có trong baseline)" }
            guard !findings.isEmpty else { return "không có phát hiện nào trong \(fileCount)\(hidden)" }
            return "\(errors) lỗi, \(warnings) cảnh báo, \(infos) thông tin trong \(fileCount)\(hidden)"
        }
    }

    /// The word that marks a note: `note`, `ghi chú`.
    private var noteWord: String { language.text(en: "note", vi: "ghi chú") }

    /// `file:line:col: note: message`.
    func noteLine(_ note: Diagnostic) -> String {
        "\(Self.place(note.file, note.location)): \(noteWord): \(TerminalText.escaped(note.text.text(in: language)))"
    }

    /// `file:line:column` for a person: control characters in the file name shown as escapes.
    static func place(_ file: String, _ location: SourceLocation) -> String {
        let file = TerminalText.escaped(file)
        return location.isKnown ? "\(file):\(location.line):\(location.column)" : file
    }

    // MARK: JSON

    /// The documented JSON object: `{"files", "findings", "errors", "summary", "language"}`.
    public func json() -> String {
        JSONText.document(jsonMembers())
    }

    /// The members of the JSON object, in order, their values JSON text: a report that
    /// extends this one (``ImpactReport``) adds its own after them.
    public func jsonMembers() -> [(String, String)] {
        let list = findings.isEmpty ? "[]" : "[\n    " + findings.map(Self.json).joined(separator: ",\n    ") + "\n  ]"
        var members = [
            ("files", JSONText.array(files.map(JSONText.quote))), ("findings", list),
            ("errors", JSONText.array(errors.map { Self.json($0, in: language) })),
            (
                "summary",
                JSONText.object([
                    ("error", "\(count(.error))"), ("warning", "\(count(.warning))"), ("info", "\(count(.info))"),
                    ("suppressed", "\(suppressed)"),
                ])
            ),
        ]
        // Written only with a baseline, so the shape of an ordinary run stays as it was.
        if let baseline {
            members.append(
                (
                    "baseline",
                    JSONText.object([
                        ("file", JSONText.quote(baseline.file)), ("unchanged", "\(baselined.count)"),
                        ("unused", "\(unusedBaselineEntries.count)"),
                    ])
                ))
        }
        // Written only when there is one, so the shape of an ordinary run stays as it was.
        if !notes.isEmpty { members.append(("notes", JSONText.array(notes.map { Self.json($0, in: language) }))) }
        members.append(("language", JSONText.quote(language.rawValue)))
        return members
    }

    /// `{"file", "line", "column", "message"}` for an error that stopped a load (line and column
    /// 0 when the place is not known, as for findings), the message in `language`.
    static func json(_ error: Diagnostic, in language: Language) -> String {
        JSONText.object([
            ("file", JSONText.quote(error.file)), ("line", "\(error.location.line)"),
            ("column", "\(error.location.column)"), ("message", JSONText.quote(error.text.text(in: language))),
        ])
    }

    static func json(_ finding: Finding) -> String {
        var pairs: [(String, String)] = [
            ("rule", JSONText.quote(finding.rule)), ("severity", JSONText.quote(finding.severity.rawValue)),
            ("message", JSONText.quote(finding.message)), ("node", JSONText.quote(finding.node)),
        ]
        if let relation = finding.relation {
            var fields: [(String, String)] = [
                ("type", JSONText.quote(relation.type.rawValue)), ("from", JSONText.quote(relation.from)),
                ("to", JSONText.quote(relation.to)),
            ]
            if let index = relation.index { fields.append(("index", "\(index)")) }
            pairs.append(("relation", JSONText.object(fields)))
        }
        pairs += [
            ("file", JSONText.quote(finding.file)), ("line", "\(finding.location.line)"),
            ("column", "\(finding.location.column)"),
        ]
        if !finding.related.isEmpty {
            let related = finding.related.map { item -> String in
                var fields: [(String, String)] = [("message", JSONText.quote(item.message))]
                if let node = item.node { fields.append(("node", JSONText.quote(node))) }
                fields += [
                    ("file", JSONText.quote(item.file)), ("line", "\(item.location.line)"),
                    ("column", "\(item.location.column)"),
                ]
                return JSONText.object(fields)
            }
            pairs.append(("related", JSONText.array(related)))
        }
        pairs.append(("fingerprint", JSONText.quote(finding.fingerprint)))
        return JSONText.object(pairs)
    }
}
