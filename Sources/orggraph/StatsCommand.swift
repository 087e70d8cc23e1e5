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
              orggraph stats org.json --format json
            """)

    @OptionGroup var organization: OrganizationArgument

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let file = organization.file
        let loaded = try Input.load(file, input)
        let statistics = OrganizationStatistics(loaded)
        format.write(
            text: { statistics.text(title: loaded.organization.title, file: file) },
            json: { statistics.json(file: file) })
    }
}
