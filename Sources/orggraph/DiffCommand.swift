import ArgumentParser
import OrgGraph
import OrgGraphIO

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two versions of an organization, and which findings it brought in.",
        discussion: """
            Lists the bodies added and removed, the bodies changed field by field, the relations \
            added, removed and changed (period, basis, note, attributes), the suppressions, and \
            the findings the change introduced and resolved. Bodies are matched by id; relations \
            by type, from and to, in file order where several share these; findings by \
            fingerprint. Each item names its place in the old or the new file.

            Each file is audited under --rulebook, else its own 'rulebook:', else 125-QD/TW; \
            when the two files name different rulebooks, each is audited under its own, and the \
            report says so.

            Examples:
              orggraph diff before.yaml after.yaml
              orggraph diff before.yaml after.yaml --lang vi
              orggraph diff before.json after.json --format json
              orggraph diff before.yaml after.yaml --rulebook 125-QD/TW-2025

            Exit status: 0 when no finding was introduced, 1 when one was, 2 when a file could \
            not be loaded.
            """)

    @Argument(help: "The old version of the organization; - reads standard input.")
    var old: String

    @Argument(help: "The new version of the organization; - reads standard input.")
    var new: String

    @Option(
        help:
            "The rulebook for both files: a built-in id or a rulebook file. By default each file's own 'rulebook:', else 125-QD/TW."
    )
    var rulebook: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the summary and the findings' messages: en or vi. JSON keeps its ids and fields.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func validate() throws {
        if old == "-" && new == "-" {
            throw ValidationError("Only one of the two files can be standard input (-).")
        }
    }

    func run() throws {
        var errors: [Diagnostic] = []
        var sides: [(LoadedOrganization, Rulebook)] = []
        for file in [old, new] {
            do throws(LoadError) {
                let loaded = try input.organizationLoader.load(contentsOf: file)
                let book = try input.rulebookLoader.rulebook(option: rulebook, for: loaded.organization)
                Input.keepUntilExit(loaded)
                sides.append((loaded, book))
            } catch {
                FileOutput.standardError(error.rendered(in: lang) + "\n")
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty, sides.count == 2 else {
            if format == .json {
                FileOutput.standardOutput(
                    data: DiffReport.json(oldFile: old, newFile: new, errors: errors, language: lang))
            }
            throw ExitCode(2)
        }
        let diff = OrganizationDiff(
            old: sides[0].0, new: sides[1].0, oldAuditor: Auditor(rulebook: sides[0].1, language: lang),
            newAuditor: Auditor(rulebook: sides[1].1, language: lang))
        let report = DiffReport(diff, language: lang)
        format.write(text: report.text, json: report.json)
        if !diff.introduced.isEmpty { throw ExitCode(1) }
    }
}
