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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var organization: OrganizationArgument

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func run() throws {
        let file = organization.file
        let loaded = try Input.load(file, input)
        let statistics = OrganizationStatistics(loaded)
        switch format {
        case .text: FileOutput.standardOutput(statistics.text(title: loaded.organization.title, file: file))
        case .json: FileOutput.standardOutput(data: statistics.json(file: file))
        }
    }
}
