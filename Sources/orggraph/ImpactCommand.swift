import ArgumentParser
import OrgGraph
import OrgGraphIO

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "The findings that removing bodies (and their relations) would create.",
        discussion: """
            For restructuring: dissolving a district committee, merging communes, closing a \
            unit. The organization is audited as it is and without the removed nodes; the \
            findings only the second audit has are listed, and the count of those it resolves.

            Examples:
              orggraph impact Examples/province.yaml --remove thanh-uy-ha-tinh
              orggraph impact Examples/hospital.yaml --remove dang-uy-khoi --format json

            Exit status: 0 when the removal creates no finding at or above the fail level \
            (error by default), 1 when it does, 2 for bad usage or input.
            """)

    @OptionGroup var organization: OrganizationArgument

    @Option(name: .long, parsing: .upToNextOption, help: "The ids of the nodes to remove.")
    var remove: [String]

    @Option(help: "The rulebook: a built-in id or a rulebook file (by default the file's own, else 125-QD/TW).")
    var rulebook: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "The lowest severity of a created finding that makes the exit status 1.")
    var failLevel: Severity = .error

    @Option(help: "Language of the text and the findings' messages: en or vi.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard !remove.isEmpty else { throw ValidationError("Name at least one node to --remove.") }
    }

    func run() throws {
        let file = organization.file
        let loaded = try Input.load(file, input, language: lang)
        for id in remove { _ = try Input.node(id, in: loaded, file: file, language: lang) }
        let book = try Input.rulebook(rulebook, for: loaded, input, language: lang)
        let impact = Impact(removing: remove, from: loaded, auditor: Auditor(rulebook: book, language: lang))
        let report = ImpactReport(impact, file: file, rulebook: book, language: lang)
        format.write(text: report.text, json: report.json)
        if impact.created.contains(where: { $0.severity >= failLevel }) { throw ExitCode(1) }
    }
}
