import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// The findings of a validation as SARIF 2.1.0, the format code-scanning tools read: the
/// rules with their descriptions and citations, results with relative URIs, regions, logical
/// locations naming node ids, partial fingerprints, and the file's suppressions. Messages and
/// rule descriptions are in the report's language, which the run names (`run.language`).
public enum SARIFReport {
    /// The SARIF log for `report`, produced by `tool` at `version`.
    ///
    /// - Complexity: O(findings + rules).
    public static func write(_ report: ValidationReport, tool: String = "orggraph", version: String) -> String {
        let ruleIndex = Dictionary(
            report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var files = report.files
        for finding in report.findings + report.baselined + report.suppressedFindings
        where !files.contains(finding.file) {
            files.append(finding.file)
        }
        let absent = absentFindings(report)
        if let baseline = report.baseline, !absent.isEmpty, !files.contains(baseline.file) {
            files.append(baseline.file)
        }
        let fileIndex = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = report.rules.map { rule($0, report.language) }
        // With a baseline, each result says whether the baseline has it: the findings reported
        // are new, those it accepts unchanged, and its entries that match nothing absent.
        let state: (String) -> String? = { report.baseline == nil ? nil : $0 }
        let results =
            report.findings.map { result($0, ruleIndex, fileIndex, baselineState: state("new")) }
            + report.baselined.map { result($0, ruleIndex, fileIndex, baselineState: state("unchanged")) }
            + absent.map { result($0, ruleIndex, fileIndex, baselineState: state("absent")) }
            + report.suppressedFindings.map { result($0, ruleIndex, fileIndex) }
        let driver = JSONText.object([
            ("name", JSONText.quote(tool)), ("version", JSONText.quote(version)),
            ("semanticVersion", JSONText.quote(version)),
            ("rules", "[\n        " + rules.joined(separator: ",\n        ") + "\n      ]"),
        ])
        let artifacts = files.map { JSONText.object([("location", artifactLocation($0, index: nil))]) }
        var invocation: [(String, String)] = [("executionSuccessful", report.errors.isEmpty ? "true" : "false")]
        if !report.errors.isEmpty || !report.notes.isEmpty {
            let notifications =
                report.errors.map { notification($0, fileIndex, in: report.language) }
                + report.notes.map { notification($0, fileIndex, level: "note", in: report.language) }
            invocation.append(("toolExecutionNotifications", JSONText.array(notifications)))
        }
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {"driver": \(driver)},
                  "language": \(JSONText.quote(report.language.rawValue)),
                  "invocations": [\(JSONText.object(invocation))],
                  "columnKind": "unicodeCodePoints",
                  "artifacts": \(JSONText.array(artifacts)),
                  "results": [\(results.isEmpty ? "" : "\n        " + results.joined(separator: ",\n        ") + "\n      ")]
                }
              ]
            }

            """
    }

    /// An error that stopped a load, or a note on the run, as a notification of the run, at its place.
    private static func notification(
        _ error: Diagnostic, _ files: [String: Int], level: String = "error", in language: Language
    ) -> String {
        JSONText.object([
            ("level", JSONText.quote(level)),
            ("message", JSONText.object([("text", JSONText.quote(error.text.text(in: language)))])),
            (
                "locations",
                JSONText.array([
                    JSONText.object([("physicalLocation", physicalLocation(error.file, error.location, files))])
                ])
            ),
        ])
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func rule(_ rule: RuleDescription, _ language: Language) -> String {
        let citation = rule.citation?.description
        let title = rule.title.text(in: language)
        let rationale = rule.rationale.text(in: language)
        var help = rationale
        if let citation { help = "\(citation). " + help }
        var properties: [(String, String)] = [("tags", JSONText.array([JSONText.quote("organization")]))]
        if let citation { properties.append(("citation", JSONText.quote(citation))) }
        return JSONText.object([
            ("id", JSONText.quote(rule.id)),
            ("name", JSONText.quote(pascalCase(rule.id))),
            ("shortDescription", JSONText.object([("text", JSONText.quote(title))])),
            ("fullDescription", JSONText.object([("text", JSONText.quote(rationale.isEmpty ? title : rationale))])),
            ("help", JSONText.object([("text", JSONText.quote(help.isEmpty ? title : help))])),
            ("defaultConfiguration", JSONText.object([("level", JSONText.quote(level(rule.severity)))])),
            ("properties", JSONText.object(properties)),
        ])
    }

    /// The findings a baseline's unused entries stood for, as the entries record them, at the
    /// entries' lines in the baseline file.
    private static func absentFindings(_ report: ValidationReport) -> [Finding] {
        guard let baseline = report.baseline else { return [] }
        return report.unusedBaselineEntries.map { index in
            let entry = baseline.entries[index]
            let severity = entry.severity ?? report.rules.first { $0.id == entry.rule }?.severity ?? .warning
            let relation = entry.relation.flatMap { ends in
                RelationType(rawValue: ends.type).map {
                    RelationReference(index: nil, type: $0, from: ends.from, to: ends.to)
                }
            }
            return Finding(
                rule: entry.rule, severity: severity,
                message: entry.message.isEmpty ? "\(entry.rule) on '\(entry.node)'" : entry.message, node: entry.node,
                relation: relation,
                file: baseline.file, location: baseline.location(index), fingerprint: entry.fingerprint)
        }
    }

    private static func result(
        _ finding: Finding, _ rules: [String: Int], _ files: [String: Int], baselineState: String? = nil
    ) -> String {
        var pairs: [(String, String)] = [("ruleId", JSONText.quote(finding.rule))]
        if let index = rules[finding.rule] { pairs.append(("ruleIndex", "\(index)")) }
        pairs += [
            ("level", JSONText.quote(level(finding.severity))),
            ("message", JSONText.object([("text", JSONText.quote(finding.message))])),
            ("locations", JSONText.array([location(finding.file, finding.location, files, logical: finding.node)])),
        ]
        if !finding.related.isEmpty {
            let related = finding.related.enumerated().map { index, item -> String in
                var fields: [(String, String)] = [("id", "\(index)")]
                fields.append(("physicalLocation", physicalLocation(item.file, item.location, files)))
                fields.append(("message", JSONText.object([("text", JSONText.quote(item.message))])))
                return JSONText.object(fields)
            }
            pairs.append(("relatedLocations", JSONText.array(related)))
        }
        pairs.append(("partialFingerprints", JSONText.object([("orggraph/v1", JSONText.quote(finding.fingerprint))])))
        if let baselineState { pairs.append(("baselineState", JSONText.quote(baselineState))) }
        if let reason = finding.suppressionReason {
            pairs.append(
                (
                    "suppressions",
                    JSONText.array([
                        JSONText.object([
                            ("kind", JSONText.quote("inSource")), ("justification", JSONText.quote(reason)),
                        ])
                    ])
                ))
        }
        return JSONText.object(pairs)
    }

    private static func location(_ file: String, _ place: SourceLocation, _ files: [String: Int], logical node: String)
        -> String
    {
        JSONText.object([
            ("physicalLocation", physicalLocation(file, place, files)),
            (
                "logicalLocations",
                JSONText.array([
                    JSONText.object([
                        ("name", JSONText.quote(node)), ("fullyQualifiedName", JSONText.quote(node)),
                        ("kind", JSONText.quote("object")),
                    ])
                ])
            ),
        ])
    }

    private static func physicalLocation(_ file: String, _ place: SourceLocation, _ files: [String: Int]) -> String {
        var pairs = [("artifactLocation", artifactLocation(file, index: files[file]))]
        if place.isKnown {
            pairs.append(
                (
                    "region",
                    JSONText.object([("startLine", "\(place.line)"), ("startColumn", "\(place.column)")])
                ))
        }
        return JSONText.object(pairs)
    }

    /// A file as SARIF names it: a relative reference from the folder the tool ran in
    /// (`%SRCROOT%`), or a `file:` URI for an absolute path; percent-encoded either way.
    private static func artifactLocation(_ file: String, index: Int?) -> String {
        var pairs: [(String, String)]
        if file.hasPrefix("/") {
            pairs = [("uri", JSONText.quote("file://" + percentEncoded(file)))]
        } else if file == "-" {
            pairs = [("uri", JSONText.quote("stdin")), ("uriBaseId", JSONText.quote("%SRCROOT%"))]
        } else {
            let relative = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
            pairs = [("uri", JSONText.quote(percentEncoded(relative))), ("uriBaseId", JSONText.quote("%SRCROOT%"))]
        }
        if let index { pairs.append(("index", "\(index)")) }
        return JSONText.object(pairs)
    }

    /// `path` with every byte outside the unreserved and path characters percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// `relation-endpoints` → `RelationEndpoints`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
