import ArgumentParser
import OrgGraph
import OrgGraphIO

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count bodies, relations and units, and measure the leadership structure.",
        discussion: """
            Examples:
              orggraph stats Examples/province.yaml
              orggraph stats Examples/province.yaml --lang vi
              orggraph stats org.json --format json
            """)

    @OptionGroup var organization: OrganizationArgument

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the text's own words and of kinds' and relations' names: en or vi.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func run() throws {
        let file = organization.file
        let loaded = try Input.load(file, input, language: lang)
        let statistics = OrganizationStatistics(loaded)
        format.write(
            text: { statistics.text(title: loaded.organization.title, file: file, language: lang) },
            json: { statistics.json(file: file) })
    }
}
