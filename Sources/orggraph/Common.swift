import ArgumentParser
import OrgGraph

struct Common: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The lowest superior two nodes have in common, with the path from each.",
        discussion: """
            Superiors are reached by superior-of, leads and part-of, as in 'chain'. The lowest \
            common superior is the one the two reach in the fewest steps together: the \
            competent superior when two units disagree. None: a message and exit status 1.

            Examples:
              orggraph common Examples/province.yaml chi-bo-thcs-le-van-thiem dang-uy-bv-da-khoa
              orggraph common Examples/hospital.yaml chi-bo-khoa-noi chi-bo-khoa-ngoai --format json
            """)

    @Argument(help: "An organization file; - reads standard input.")
    var file: String

    @Argument(help: "The id of the first node.")
    var a: String

    @Argument(help: "The id of the second node.")
    var b: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text


    @OptionGroup var input: InputOptions
    func run() throws {
        let loaded = try Input.load(file, input)
        let output = PathOutput(loaded: loaded)
        let first = try output.resolve(a, file: file)
        let second = try output.resolve(b, file: file)
        let found = Superiors(loaded.graph).lowestCommonSuperior(first, second)
        switch format {
        case .json:
            var pairs: [(String, String)] = [("a", JSONText.quote(a)), ("b", JSONText.quote(b))]
            if let found {
                pairs.append(("common", JSONText.quote(output.nodes[found.node].id)))
                pairs.append((
                    "paths",
                    JSONText.array([
                        JSONText.object([("from", JSONText.quote(a)), ("steps", output.json(found.fromA))]),
                        JSONText.object([("from", JSONText.quote(b)), ("steps", output.json(found.fromB))]),
                    ])
                ))
            } else {
                pairs.append(("common", "null"))
                pairs.append(("paths", "[]"))
            }
            FileOutput.standardOutput(data: JSONText.object(pairs) + "\n")
        case .text:
            guard let found else { break }
            var lines = ["lowest common superior: \(output.label(found.node))", ""]
            lines += output.text(found.fromA, from: first)
            lines.append("")
            lines += output.text(found.fromB, from: second)
            FileOutput.standardOutput(lines.joined(separator: "\n") + "\n")
        }
        if found == nil {
            if format == .text {
                FileOutput.standardError("\(output.label(first)) and \(output.label(second)) have no common superior\n")
            }
            throw ExitCode(1)
        }
    }
}
