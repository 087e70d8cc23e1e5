import ArgumentParser
import OrgGraph
import OrgGraphIO

struct CommonSuperiorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "common",
        abstract: "The lowest superior two nodes have in common, with the path from each.",
        discussion: """
            Superiors are reached by superior-of, leads and part-of, and by directs only from a \
            node with none of these, as in 'chain'. The lowest \
            common superior is the one the two reach in the fewest steps together: the \
            competent superior when two units disagree. None: a message and exit status 1.

            Examples:
              orggraph common Examples/province.yaml chi-bo-thcs-le-van-thiem dang-uy-bv-da-khoa
              orggraph common Examples/hospital.yaml chi-bo-khoa-noi chi-bo-khoa-ngoai --format json
            """)

    @OptionGroup var organization: OrganizationArgument

    @Argument(help: "The id of the first node.")
    var a: String

    @Argument(help: "The id of the second node.")
    var b: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the text's own words: en or vi. Ids and names are shown as written.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func run() throws {
        let file = organization.file
        let loaded = try Input.load(file, input, language: lang)
        let first = try Input.node(a, in: loaded, file: file, language: lang)
        let second = try Input.node(b, in: loaded, file: file, language: lang)
        let found = Superiors(loaded.graph).lowestCommonSuperior(first, second)
        let report = CommonSuperiorReport(
            loaded, a: a, b: b, first: first, second: second, found: found, language: lang)
        format.write(text: report.text, json: report.json)
        if found == nil {
            if format == .text { FileOutput.standardError(report.noneMessage + "\n") }
            throw ExitCode(1)
        }
    }
}
