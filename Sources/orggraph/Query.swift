import ArgumentParser
import OrgGraph

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the nodes a path expression reaches from a start node.",
        discussion: """
            The nodes come each once, in breadth-first order: by the number of steps, then in \
            the order they are written. A path expression joins relation types with '/' (then), \
            '|' (or), '^' (backwards), '*', '+', '?' and '{m,n}' (repetition), and filters such \
            as [kind=subordinate-cell], [level=district], [sector=health] or any attribute.

            Examples:
              orggraph query Examples/province.yaml tinh-uy 'leads+'
              orggraph query Examples/university.yaml dang-uy-truong 'leads+[kind=subordinate-cell]'
              orggraph query Examples/hospital.yaml chi-bo-khoa-noi '(part-of|^superior-of|^leads)+'
            """)

    @Argument(help: "An organization file; - reads standard input.")
    var file: String

    @Argument(help: "The id of the node to start from.")
    var start: String

    @Argument(help: "The path expression, for example 'leads+' or '^superior-of/^leads'.")
    var expression: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text


    @OptionGroup var input: InputOptions
    func run() throws {
        let path = try parseExpression(expression, source: "query")
        let loaded = try Input.load(file, input)
        let output = PathOutput(loaded: loaded)
        let origin = try output.resolve(start, file: file)
        var evaluator = PathEvaluator(loaded)
        let reached = evaluator.evaluate(path, from: origin)
        switch format {
        case .json:
            FileOutput.standardOutput(
                data:
                JSONText.object([
                    ("start", JSONText.quote(start)), ("expression", JSONText.quote(expression)),
                    ("nodes", JSONText.array(reached.map { JSONText.quote(output.nodes[$0].id) })),
                ]) + "\n")
        case .text:
            var lines = reached.map { "\(output.label($0))  [\(output.nodes[$0].kind.rawValue)]" }
            lines.append("\(reached.count) node\(reached.count == 1 ? "" : "s")")
            FileOutput.standardOutput(lines.joined(separator: "\n") + "\n")
        }
    }
}
