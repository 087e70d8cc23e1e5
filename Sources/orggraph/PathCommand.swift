import ArgumentParser
import OrgGraph

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest path between two nodes, each step with its relation and direction.",
        discussion: """
            A path takes any relation, forwards (—leads→) or backwards (←leads—), unless --via \
            restricts the steps. Among shortest paths, each node is reached first through the \
            relation written first. No path: a message and exit status 1.

            Examples:
              orggraph path Examples/hospital.yaml chi-bo-khoa-noi tinh-uy
              orggraph path Examples/hospital.yaml dang-uy-bv ubnd-tinh --via 'sends-documents|^sends-documents|part-of'
              orggraph path Examples/province.yaml tinh-uy chi-bo-thcs-le-van-thiem --all --limit 5
              orggraph path nationwide.json --pairs pairs.txt --via '^leads|^superior-of|part-of'
            """)

    @Argument(help: "An organization file; - reads standard input.")
    var file: String

    @Argument(help: "The id of the node the path starts from.")
    var from: String?

    @Argument(help: "The id of the node the path ends at.")
    var to: String?

    @Option(help: "Allowed steps: relation types and inverses joined by '|', for example 'reports-to|^leads'.")
    var via: String?

    @Flag(help: "List simple paths, shortest first, instead of one shortest path.")
    var all = false

    @Option(help: "With --all, the most paths to list.")
    var limit = 100

    @Option(help: "A file of 'FROM TO' lines (- for standard input); answers each as one JSON line.")
    var pairs: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if pairs != nil {
            guard from == nil, to == nil else { throw ValidationError("Give FROM and TO, or --pairs, not both.") }
            guard !all else { throw ValidationError("--all answers one pair; it does not go with --pairs.") }
            if file == "-", pairs == "-" { throw ValidationError("Only one of FILE and --pairs can read standard input.") }
        } else if from == nil || to == nil {
            throw ValidationError("Give the ids FROM and TO (or --pairs FILE).")
        }
        guard limit > 0 else { throw ValidationError("--limit takes a number of paths, 1 or more.") }
    }

    func run() throws {
        var allowed = StepSet.all
        if let via {
            let expression = try parseExpression(via, source: "via")
            guard let steps = StepSet(expression) else {
                FileOutput.standardError(
                    "via: error: --via takes relation types and inverses joined by '|', such as 'reports-to|^leads'\n")
                throw ExitCode(2)
            }
            allowed = steps
        }
        let loaded = try Input.load(file)
        let output = PathOutput(loaded: loaded)
        var finder = PathFinder(loaded.graph)
        if let pairs {
            try answerPairs(pairs, finder: &finder, allowed: allowed, output: output)
            return
        }
        let source = try output.resolve(from ?? "", file: file)
        let target = try output.resolve(to ?? "", file: file)
        var paths: [[PathStep]] = []
        var truncated = false
        if all {
            (paths, truncated) = finder.simplePaths(from: source, to: target, allowed: allowed, limit: limit)
        } else if let path = finder.shortestPath(from: source, to: target, allowed: allowed) {
            paths = [path]
        }
        switch format {
        case .json:
            FileOutput.standardOutput(data: json(paths, source, target, output) + "\n")
        case .text:
            if paths.isEmpty {
                FileOutput.standardError(
                    "no path from \(output.label(source)) to \(output.label(target))"
                        + (via.map { " with steps \($0)" } ?? "") + "\n")
            }
            var lines: [String] = []
            for (number, path) in paths.enumerated() {
                if paths.count > 1 || all { lines.append("path \(number + 1):") }
                lines += output.text(path, from: source)
                lines.append("\(path.count) step\(path.count == 1 ? "" : "s")")
                if number < paths.count - 1 { lines.append("") }
            }
            if !lines.isEmpty { FileOutput.standardOutput(lines.joined(separator: "\n") + "\n") }
        }
        if truncated {
            FileOutput.standardError("the search for more paths stopped after 5,000,000 steps; these are the paths found\n")
        }
        if paths.isEmpty { throw ExitCode(1) }
    }

    private func json(_ paths: [[PathStep]], _ source: Int, _ target: Int, _ output: PathOutput) -> String {
        JSONText.object([
            ("from", JSONText.quote(output.nodes[source].id)), ("to", JSONText.quote(output.nodes[target].id)),
            (
                "paths",
                JSONText.array(paths.map { JSONText.object([("length", "\($0.count)"), ("steps", output.json($0))]) })
            ),
        ])
    }

    private func answerPairs(
        _ path: String, finder: inout PathFinder, allowed: StepSet, output: PathOutput
    ) throws {
        let text = try Input.readText(path)
        var lines: [String] = []
        var missing = false
        var bad = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty || words[0].hasPrefix("#") { continue }
            guard words.count == 2 else {
                FileOutput.standardError("\(path):\(number + 1):1: error: expected 'FROM TO', two ids\n")
                bad = true
                continue
            }
            let (a, b) = (String(words[0]), String(words[1]))
            guard let source = output.loaded.graph.index(of: a), let target = output.loaded.graph.index(of: b) else {
                let unknown = output.loaded.graph.index(of: a) == nil ? a : b
                let hint = output.closestID(to: unknown).map { "; did you mean '\($0)'?" } ?? ""
                lines.append(
                    JSONText.object([
                        ("from", JSONText.quote(a)), ("to", JSONText.quote(b)),
                        ("paths", "[]"), ("error", JSONText.quote("no node has the id '\(unknown)'\(hint)")),
                    ]))
                bad = true
                continue
            }
            let found = finder.shortestPath(from: source, to: target, allowed: allowed)
            if found == nil { missing = true }
            lines.append(json(found.map { [$0] } ?? [], source, target, output))
        }
        FileOutput.standardOutput(data: lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
        if bad { throw ExitCode(2) }
        if missing { throw ExitCode(1) }
    }
}
