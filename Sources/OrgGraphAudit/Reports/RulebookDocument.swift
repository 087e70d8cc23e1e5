import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// A rulebook described for people (text, Markdown) and for scripts (JSON), in English or
/// Vietnamese: titles, rationales, citations and the words around them in the language; ids,
/// severities' raw values and citations in JSON, check summaries and examples as written.
public enum RulebookDocument {
    /// One line a rule: id, severity, title, citation.
    public static func text(_ rulebook: Rulebook, language: Language = .english) -> String {
        let width = rulebook.rules.map(\.id.count).max() ?? 0
        let severityWidth = Severity.allCases.map { $0.name(in: language).count }.max() ?? 0
        let count = rulebook.rules.count
        var lines = [
            "\(rulebook.title.text(in: language)) (\(rulebook.id)), "
                + language.text(en: "\(count) rule\(count == 1 ? "" : "s")", vi: "\(count) quy tắc"), "",
        ]
        for rule in rulebook.rules {
            let description = rule.description
            let citation = description.citation.map { "  [\(rulebook.citationText($0, in: language))]" } ?? ""
            let severity = description.severity.name(in: language)
            lines.append(
                rule.id + String(repeating: " ", count: width - rule.id.count) + "  " + severity
                    + String(repeating: " ", count: severityWidth - severity.count) + "  "
                    + description.title.text(in: language) + citation)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One rule in full: title, severity, citation (named as `rulebook` names it, when given),
    /// rationale, what its check asks (each line of ``Check/summary``) and examples.
    public static func text(_ rule: Rule, in rulebook: Rulebook? = nil, language: Language = .english) -> String {
        text(rule.description, check: rule.check.summary(in: language), rulebook: rulebook, language: language)
    }

    /// One rule in full: title, severity, citation, rationale and examples.
    public static func text(
        _ rule: RuleDescription, in rulebook: Rulebook? = nil, language: Language = .english
    ) -> String {
        text(rule, check: [], rulebook: rulebook, language: language)
    }

    private static func text(
        _ rule: RuleDescription, check: [String], rulebook: Rulebook?, language: Language
    ) -> String {
        let words = Words(language)
        var lines = [
            "\(rule.id): \(rule.title.text(in: language))",
            "\(words.severity): \(rule.severity.name(in: language))",
        ]
        if let citation = rule.citation {
            let shown = rulebook?.citationText(citation, in: language) ?? citation.description
            lines.append("\(words.citation): \(shown)")
        }
        lines += ["", wrap(rule.rationale.text(in: language), width: 88)]
        if !check.isEmpty { lines += [""] + check }
        func indented(_ example: String) -> String {
            example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
                .joined(separator: "\n").trimmingTrailingSpace()
        }
        for example in rule.triggering {
            lines += ["", words.triggers(example.expect, code: false) + ":", indented(example.organization)]
        }
        for example in rule.nonTriggeringExamples {
            lines += ["", words.doesNotTrigger + ":", indented(example)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rules as a JSON array, each with what its check asks (the lines of
    /// ``Check/summary``) in `check`; titles and rationales in `language`.
    public static func json(_ rules: [Rule], language: Language = .english) -> String {
        json(rules.map(\.description), checks: rules.map { $0.check.summary(in: language) }, language: language)
    }

    /// The rules as a JSON array; with `checks` (one list of lines a rule), each with `check`.
    public static func json(
        _ rules: [RuleDescription], checks: [[String]]? = nil, language: Language = .english
    ) -> String {
        let items = rules.enumerated().map { position, rule -> String in
            var pairs: [(String, String)] = [
                ("id", JSONText.quote(rule.id)), ("title", JSONText.quote(rule.title.text(in: language))),
                ("severity", JSONText.quote(rule.severity.rawValue)),
            ]
            if let citation = rule.citation {
                var fields = [("document", JSONText.quote(citation.document))]
                if let section = citation.section { fields.append(("section", JSONText.quote(section))) }
                pairs.append(("citation", JSONText.object(fields)))
            }
            pairs.append(("rationale", JSONText.quote(rule.rationale.text(in: language))))
            if let checks, position < checks.count {
                pairs.append(("check", JSONText.array(checks[position].map(JSONText.quote))))
            }
            pairs.append(
                (
                    "examples",
                    JSONText.object([
                        ("triggering", JSONText.array(rule.triggeringExamples.map(JSONText.quote))),
                        ("nonTriggering", JSONText.array(rule.nonTriggeringExamples.map(JSONText.quote))),
                    ])
                ))
            return JSONText.object(pairs)
        }
        return "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
    }

    /// The rulebook as a Markdown page: a table of the rules, then each rule in full.
    public static func markdown(_ rulebook: Rulebook, language: Language = .english) -> String {
        let words = Words(language)
        let count = rulebook.rules.count
        let command =
            "orggraph rules --rulebook \(rulebook.id)\(language == .english ? "" : " --lang \(language.rawValue)")"
            + " --format markdown"
        var out = "# \(rulebook.title.text(in: language))\n\n"
        out += language.text(
            en: "Rulebook `\(rulebook.id)`: \(count) rules. Generated by `\(command)`; do not edit.\n\n",
            vi: "Bộ quy tắc `\(rulebook.id)`: \(count) quy tắc. Sinh ra bằng lệnh `\(command)`; không sửa tay.\n\n")
        out += "| \(words.id) | \(words.severity) | \(words.title) | \(words.citation) |\n|---|---|---|---|\n"
        for rule in rulebook.rules {
            let description = rule.description
            out +=
                "| [`\(rule.id)`](#\(rule.id)) | \(description.severity.name(in: language)) | "
                + "\(escapeTable(description.title.text(in: language))) | "
            out += "\(description.citation.map { escapeTable(rulebook.citationText($0, in: language)) } ?? "") |\n"
        }
        for rule in rulebook.rules {
            let description = rule.description
            out +=
                "\n## \(rule.id)\n\n**\(description.title.text(in: language))**: "
                + description.severity.name(in: language)
            if let citation = description.citation { out += ", \(rulebook.citationText(citation, in: language))" }
            out += ".\n\n\(description.rationale.text(in: language))\n"
            let check = rule.check.summary(in: language)
            if !check.isEmpty {
                out += "\n\(words.checks):\n\n```\n" + check.joined(separator: "\n") + "\n```\n"
            }
            for example in description.triggering {
                out += "\n\(words.triggers(example.expect, code: true)):\n"
                out += "\n```yaml\n" + example.organization.trimmingTrailingNewlines() + "\n```\n"
            }
            for example in description.nonTriggeringExamples {
                out += "\n\(words.doesNotTrigger):\n"
                out += "\n```yaml\n" + example.trimmingTrailingNewlines() + "\n```\n"
            }
        }
        return out
    }

    /// The words around a rule's own text, in one language.
    private struct Words {
        var language: Language
        init(_ language: Language) { self.language = language }

        var id: String { language.text(en: "id", vi: "mã") }
        var severity: String { language.text(en: "severity", vi: "mức độ") }
        var title: String { language.text(en: "title", vi: "tên quy tắc") }
        var citation: String { language.text(en: "citation", vi: "căn cứ") }
        var checks: String { language.text(en: "What it checks", vi: "Nội dung kiểm tra") }
        var doesNotTrigger: String { language.text(en: "Does not trigger it", vi: "Ví dụ không vi phạm") }

        /// `Triggers it, with a finding on dubv` (or on each of several nodes); without the
        /// place when the example does not name it.
        func triggers(_ expect: [String], code: Bool) -> String {
            let names = expect.map { code ? "`\($0)`" : $0 }.joined(separator: ", ")
            switch (language, expect.count) {
            case (.english, 0): return "Triggers it"
            case (.english, 1): return "Triggers it, with a finding on \(names)"
            case (.english, _): return "Triggers it, with findings on \(names)"
            case (.vietnamese, 0): return "Ví dụ vi phạm"
            case (.vietnamese, _): return "Ví dụ vi phạm, phát hiện tại \(names)"
            }
        }
    }

    private static func escapeTable(_ text: String) -> String {
        text.replacingAll("|", with: "\\|")
    }

    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    fileprivate func trimmingTrailingSpace() -> String {
        var result = self
        while result.hasSuffix(" ") || result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
