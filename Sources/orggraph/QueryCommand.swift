import ArgumentParser
import OrgGraph
import OrgGraphIO

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List the nodes a path expression reaches from a start node.",
        discussion: """
            The nodes come each once, in breadth-first order: by the number of steps, then in \
            the order they are written. A path expression joins relation types with '/' (then), \
            '|' (or), '^' (backwards), '*', '+', '?' and '{m,n}' (repetition), and filters such \
            as [kind=subordinate-cell], [level=district], [sector=health] or any attribute. \
            Edge filters in braces after a relation keep only the relations that carry a \
            value: liaises-with{basis=location}, ^reports-to{period=regular}.

            Examples:
              orggraph query Examples/province.yaml tinh-uy 'leads+'
              orggraph query Examples/university.yaml dang-uy-truong 'leads+[kind=subordinate-cell]'
              orggraph query Examples/hospital.yaml chi-bo-khoa-noi '(part-of|^superior-of|^leads)+'
            """)

    @OptionGroup var organization: OrganizationArgument

    @Argument(help: "The id of the node to start from.")
    var start: String

    @Argument(help: "The path expression, for example 'leads+' or '^superior-of/^leads'.")
    var expression: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Language of the text's own words and of kinds' and relations' names: en or vi.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func run() throws {
        let path = try Input.expression(expression, source: "query", language: lang)
        let loaded = try Input.load(organization.file, input, language: lang)
        let origin = try Input.node(start, in: loaded, file: organization.file, language: lang)
        var evaluator = PathEvaluator(loaded)
        let report = QueryReport(
            loaded, start: start, expression: expression, nodes: evaluator.evaluate(path, from: origin), language: lang)
        format.write(text: report.text, json: report.json)
    }
}
