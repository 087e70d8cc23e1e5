import ArgumentParser
import OrgGraph
import OrgGraphIO

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Audit organization files against the rules.",
        discussion: """
            Every finding names its rule, the file, line and column, and what would fix it.

            Examples:
              orggraph validate Examples/province.yaml
              orggraph validate org.yaml --format json --output report.json
              orggraph validate *.yaml --strict
              orggraph validate org.yaml --format sarif -o org.sarif
              orggraph validate org.yaml --rulebook Examples/rulebooks/two-tier-2025.yaml
              orggraph validate Examples/broken/regulation.yaml --lang vi
              orggraph validate org.yaml --write-baseline baseline.json
              orggraph validate org.yaml --baseline baseline.json

            A baseline (--write-baseline) records the findings of today, by fingerprint; with \
            --baseline only the findings beyond it are reported, and its entries that match no \
            finding are reported as unused-baseline-entry (docs/BASELINE.md).

            Exit status: 0 when no finding is at or above the fail level (error by default), \
            1 when one is, 2 when a file (or the baseline) could not be loaded. With \
            --write-baseline: 0 once the baseline is written, whatever the findings.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @Argument(help: "Organization files (.yaml, .yml, .json) or folders of CSV files; - reads standard input.")
    var files: [String]

    @Option(
        help:
            "The rulebook: a built-in id (125-QD/TW, 125-QD/TW-2025, structural) or a rulebook file. By default the file's own 'rulebook:', else 125-QD/TW."
    )
    var rulebook: String?

    @Option(help: "Output format: text, json or sarif (SARIF 2.1.0, for code-scanning tools).")
    var format: Format = .text

    @Option(
        name: [.short, .long],
        help:
            "Write the report to this file (atomically) instead of standard output; not written when a file cannot be loaded."
    )
    var output: String?

    @Flag(help: "Fail on warnings too (the same as --fail-level warning).")
    var strict = false

    @Option(help: "The lowest severity that makes the exit status 1: error, warning or info.")
    var failLevel: Severity?

    @Option(
        help:
            "Language of messages, notes, severities and the summary: en or vi. JSON and SARIF keep their ids and fields and name the language."
    )
    var lang: Language = .english

    @Option(
        help: ArgumentHelp(
            "Report only the findings not in this baseline file, and the baseline's entries that match no finding.",
            valueName: "file"))
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Record the findings (those not suppressed) in this baseline file, atomically; the exit status is then 0.",
            valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if strict, let failLevel, failLevel != .warning {
            throw ValidationError("--strict means --fail-level warning; give one or the other.")
        }
        if baseline != nil, writeBaseline != nil {
            throw ValidationError("--baseline reads a baseline and --write-baseline writes one; give one or the other.")
        }
    }

    func run() throws {
        let target = try OutputTarget.resolve(output)
        let baselineTarget = try writeBaseline.map { try OutputTarget.resolve($0) }
        let rulebookFile = rulebook.flatMap { RulebookLoader.builtin($0) == nil ? $0 : nil }
        try OutputTarget.refuseSameFiles(
            [target] + (baselineTarget.map { [$0] } ?? []),
            inputs: files + (rulebookFile.map { [$0] } ?? []) + (baseline.map { [$0] } ?? []))
        var report = ValidationReport(language: lang)
        var loadFailed = false
        var accepted: Baseline?
        if let baseline {
            do throws(LoadError) {
                accepted = try Baseline.load(contentsOf: baseline, maximumInputBytes: input.maxInputBytes.value)
            } catch {
                FileOutput.standardError(error.rendered(in: lang) + "\n")
                report.add(error)
                loadFailed = true
            }
        }
        var rulebooks = RulebookLookup(input.rulebookLoader, option: rulebook)
        let progress = ProgressLine("validating", total: files.count > 1 ? files.count : nil)
        defer { progress.finish() }
        for file in files where !(baseline != nil && accepted == nil) {
            defer { progress.advance() }
            do throws(LoadError) {
                let loaded = try input.organizationLoader.load(contentsOf: file)
                try report.audit(loaded, file: file, rulebooks: &rulebooks)
                if file == files.last { Input.keepUntilExit(loaded) }
            } catch {
                FileOutput.standardError(error.rendered(in: lang) + "\n")
                report.add(error)
                loadFailed = true
            }
        }
        progress.finish()
        // A run that stops with status 2 writes no report file, and leaves one already there as
        // it was: a report missing the files that could not be loaded would read as their audit.
        if loadFailed, let output, output != "-" {
            FileOutput.standardError("note: \(Input.notWritten(output, language: lang))\n")
            throw ExitCode(2)
        }
        if loadFailed, let writeBaseline {
            // A baseline without the findings of a file that could not be loaded would make them
            // all new at the next run; the one already there is kept.
            FileOutput.standardError("note: \(Input.notWritten(writeBaseline, language: lang))\n")
            throw ExitCode(2)
        }
        if let accepted { report.apply(accepted) }
        if let baselineTarget, let writeBaseline {
            let written = report.currentBaseline
            try baselineTarget.write(written.text())
            FileOutput.standardError(
                "note: "
                    + lang.text(
                        en:
                            "\(writeBaseline): recorded \(written.entries.count) finding\(written.entries.count == 1 ? "" : "s")",
                        vi: "\(writeBaseline): đã ghi nhận \(written.entries.count) phát hiện") + "\n")
        }
        if !report.files.isEmpty || format != .text {
            let text =
                switch format {
                case .text: report.text()
                case .json: report.json()
                case .sarif: SARIFReport.write(report, version: Orggraph.configuration.version)
                }
            try target.write(text)
        }
        if loadFailed { throw ExitCode(2) }
        if writeBaseline != nil { return }
        let level = failLevel ?? (strict ? .warning : .error)
        if report.hasFindings(atOrAbove: level) { throw ExitCode(1) }
    }
}
