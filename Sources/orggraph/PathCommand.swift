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

    @Option(help: "With --all, the most paths to list (at most 1,000,000; each is written as it is found).")
    var limit = 100

    /// The largest `--limit`: paths are written as they are found, so memory does not grow with
    /// it, but the output does.
    static let maximumLimit = 1_000_000

    @Option(help: "A file of 'FROM TO' lines (- for standard input); answers each as one JSON line.")
    var pairs: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text


    @OptionGroup var input: InputOptions
    func validate() throws {
        if pairs != nil {
            guard from == nil, to == nil else { throw ValidationError("Give FROM and TO, or --pairs, not both.") }
            guard !all else { throw ValidationError("--all answers one pair; it does not go with --pairs.") }
            if file == "-", pairs == "-" { throw ValidationError("Only one of FILE and --pairs can read standard input.") }
        } else if from == nil || to == nil {
            throw ValidationError("Give the ids FROM and TO (or --pairs FILE).")
        }
        guard limit > 0, limit <= Self.maximumLimit else {
            throw ValidationError("--limit takes a number of paths, from 1 to 1,000,000.")
        }
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
        let loaded = try Input.load(file, input)
        let output = PathOutput(loaded: loaded)
        var finder = PathFinder(loaded.graph)
        if let pairs {
            try answerPairs(pairs, finder: &finder, allowed: allowed, output: output)
            return
        }
        let source = try output.resolve(from ?? "", file: file)
        let target = try output.resolve(to ?? "", file: file)
        if all {
            try listAll(from: source, to: target, finder: &finder, allowed: allowed, output: output)
            return
        }
        var paths: [[PathStep]] = []
        if let path = finder.shortestPath(from: source, to: target, allowed: allowed) {
            paths = [path]
        }
        switch format {
        case .json:
            FileOutput.standardOutput(data: json(paths, source, target, output) + "\n")
        case .text:
            if paths.isEmpty { reportNoPath(source, target, output) }
            for path in paths {
                FileOutput.standardOutput(
                    (output.text(path, from: source) + ["\(path.count) step\(path.count == 1 ? "" : "s")"])
                        .joined(separator: "\n") + "\n")
            }
        }
        if paths.isEmpty { throw ExitCode(1) }
    }

    private func reportNoPath(_ source: Int, _ target: Int, _ output: PathOutput) {
        FileOutput.standardError(
            "no path from \(output.label(source)) to \(output.label(target))"
                + (via.map { " with steps \($0)" } ?? "") + "\n")
    }

    /// `--all`: each path is written as the search finds it, through a buffer of bounded size,
    /// so memory stays that of one path however many are listed.
    private func listAll(
        from source: Int, to target: Int, finder: inout PathFinder, allowed: StepSet, output: PathOutput
    ) throws {
        var buffer = ""
        // JSON byte for byte; text for a person with its control characters escaped.
        func write(_ text: String) {
            if format == .json { FileOutput.standardOutput(data: text) } else { FileOutput.standardOutput(text) }
        }
        func emit(_ text: String) {
            buffer += text
            if buffer.utf8.count >= 1 << 16 {
                write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if format == .json {
            // The object of SPEC §5 written in pieces: {"from": ..., "to": ..., "paths": [...]}.
            emit(
                "{\"from\": \(JSONText.quote(output.nodes[source].id)), \"to\": \(JSONText.quote(output.nodes[target].id)), "
                    + "\"paths\": [")
        }
        var number = 0
        let (_, truncated) = finder.simplePaths(from: source, to: target, allowed: allowed, limit: limit) { path in
            number += 1
            switch format {
            case .json:
                emit(
                    (number > 1 ? ", " : "")
                        + JSONText.object([("length", "\(path.count)"), ("steps", output.json(path))]))
            case .text:
                let lines = ["path \(number):"] + output.text(path, from: source)
                    + ["\(path.count) step\(path.count == 1 ? "" : "s")"]
                emit((number > 1 ? "\n" : "") + lines.joined(separator: "\n") + "\n")
            }
        }
        if format == .json { emit("]}\n") }
        write(buffer)
        if number == 0, format == .text { reportNoPath(source, target, output) }
        if truncated {
            FileOutput.standardError("the search for more paths stopped after 5,000,000 steps; these are the paths found\n")
        }
        if number == 0 { throw ExitCode(1) }
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
        var lines: LineReader
        do {
            lines = try LineReader(path: path)
        } catch {
            FileOutput.standardError("\(path): error: \(Self.message(error, limit: 0))\n")
            throw ExitCode(2)
        }
        defer { lines.finish() }
        // Answers are written as each line is read, and before each wait for more input: a
        // program that writes a pair and waits for its answer gets it.
        var pending: [String] = []
        func flush() {
            guard !pending.isEmpty else { return }
            FileOutput.standardOutput(data: pending.joined(separator: "\n") + "\n")
            pending.removeAll(keepingCapacity: true)
        }
        var missing = false
        var bad = false
        var number = 0
        while true {
            let bytes: ArraySlice<UInt8>
            do {
                guard let next = try lines.next(waiting: flush) else { break }
                bytes = next
            } catch {
                flush()
                FileOutput.standardError("\(path):\(number + 1):1: error: \(Self.message(error, limit: lines.limit))\n")
                throw ExitCode(2)
            }
            number += 1
            let line = String(decoding: bytes, as: UTF8.self)
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty || words[0].hasPrefix("#") { continue }
            guard words.count == 2 else {
                flush()
                FileOutput.standardError("\(path):\(number):1: error: expected 'FROM TO', two ids\n")
                bad = true
                continue
            }
            let (a, b) = (String(words[0]), String(words[1]))
            guard let source = output.loaded.graph.index(of: a), let target = output.loaded.graph.index(of: b) else {
                let unknown = output.loaded.graph.index(of: a) == nil ? a : b
                let hint = output.closestID(to: unknown).map { "; did you mean '\($0)'?" } ?? ""
                pending.append(
                    JSONText.object([
                        ("from", JSONText.quote(a)), ("to", JSONText.quote(b)),
                        ("paths", "[]"), ("error", JSONText.quote("no node has the id '\(unknown)'\(hint)")),
                    ]))
                bad = true
                continue
            }
            let found = finder.shortestPath(from: source, to: target, allowed: allowed)
            if found == nil { missing = true }
            pending.append(json(found.map { [$0] } ?? [], source, target, output))
            if pending.count >= 4096 { flush() }
        }
        flush()
        if bad { throw ExitCode(2) }
        if missing { throw ExitCode(1) }
    }

    /// The message for a pairs file that cannot be read on.
    private static func message(_ failure: LineReader.Failure, limit: Int) -> String {
        switch failure {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .tooLong: "the line is longer than the limit of \(limit) bytes; each line is 'FROM TO', two ids"
        }
    }
}
