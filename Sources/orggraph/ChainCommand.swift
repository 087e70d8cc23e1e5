import ArgumentParser
import OrgGraph
import OrgGraphIO

struct ChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "The line of superiors from a node to the top, with the relation of each step.",
        discussion: """
            At each node the chain takes the immediate superior (superior-of), else the \
            committee that leads it (leads), else the body it is part of (part-of), and only \
            where none of these goes up, the body that directs it (directs). \
            --relation follows one relation type toward its superior end instead: forwards for \
            reports-to, escalates-to, part-of..., backwards for leads, superior-of, manages.

            Examples:
              orggraph chain Examples/hospital.yaml chi-bo-khoa-noi
              orggraph chain Examples/hospital.yaml chi-bo-khoa-noi --relation reports-to
              orggraph chain Examples/province.yaml dang-uy-phuong-bac-ha --format json
            """)

    @OptionGroup var organization: OrganizationArgument

    @Argument(help: "The id of the node to start from.")
    var id: String

    @Option(help: "Follow only this relation type.")
    var relation: RelationType?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the text's own words: en or vi. Ids and names are shown as written.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func run() throws {
        let loaded = try Input.load(organization.file, input, language: lang)
        let start = try Input.node(id, in: loaded, file: organization.file, language: lang)
        let steps = relation.map { [Superiors.upwardStep(for: $0)] } ?? Superiors.upward
        let (chain, cycle) = Superiors(loaded.graph).chain(from: start, following: steps)
        let report = ChainReport(loaded, id: id, start: start, steps: chain, cycle: cycle, language: lang)
        format.write(text: report.text, json: report.json)
    }
}
