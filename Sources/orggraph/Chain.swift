import ArgumentParser
import OrgGraph

struct Chain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The line of superiors from a node to the top, with the relation of each step.",
        discussion: """
            At each node the chain takes the immediate superior (superior-of), else the \
            committee that leads it (leads), else the body it is part of (part-of). \
            --relation follows one relation type toward its superior end instead: forwards for \
            reports-to, escalates-to, part-of..., backwards for leads, superior-of, manages.

            Examples:
              orggraph chain Examples/hospital.yaml chi-bo-khoa-noi
              orggraph chain Examples/hospital.yaml chi-bo-khoa-noi --relation reports-to
              orggraph chain Examples/province.yaml dang-uy-phuong-bac-ha --format json
            """)

    @Argument(help: "An organization file; - reads standard input.")
    var file: String

    @Argument(help: "The id of the node to start from.")
    var id: String

    @Option(help: "Follow only this relation type.")
    var relation: RelationType?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text


    @OptionGroup var input: InputOptions
    func run() throws {
        let loaded = try Input.load(file, input)
        let output = PathOutput(loaded: loaded)
        let start = try output.resolve(id, file: file)
        let superiors = Superiors(loaded.graph)
        let steps = relation.map { [Superiors.upwardStep(for: $0)] } ?? Superiors.upward
        let (chain, cycle) = superiors.chain(from: start, following: steps)
        switch format {
        case .json:
            FileOutput.standardOutput(
                data:
                JSONText.object([
                    ("node", JSONText.quote(id)), ("steps", output.json(chain)), ("cycle", cycle ? "true" : "false"),
                ]) + "\n")
        case .text:
            var lines = output.text(chain, from: start)
            if cycle { lines.append("(the chain comes back to a node it passed: the structure has a cycle)") }
            lines.append(chain.isEmpty ? "no superior" : "\(chain.count) step\(chain.count == 1 ? "" : "s") to the top")
            FileOutput.standardOutput(lines.joined(separator: "\n") + "\n")
        }
    }
}

extension RelationType: ExpressibleByArgument {}
