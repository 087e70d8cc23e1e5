import ArgumentParser
import OrgGraph
import OrgGraphIO

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

    @OptionGroup var organization: OrganizationArgument

    @Argument(help: "The id of the node the path starts from.")
    var from: String?

    @Argument(help: "The id of the node the path ends at.")
    var to: String?

    @Option(
        help:
            "Allowed steps: relation types and inverses joined by '|', each with edge filters or not, for example 'reports-to{period=regular}|^leads'."
    )
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

    @Option(help: "Language of the text's own words and of kinds' and relations' names: en or vi.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func validate() throws {
        if pairs != nil {
            guard from == nil, to == nil else { throw ValidationError("Give FROM and TO, or --pairs, not both.") }
            guard !all else { throw ValidationError("--all answers one pair; it does not go with --pairs.") }
            if organization.file == "-", pairs == "-" {
                throw ValidationError("Only one of FILE and --pairs can read standard input.")
            }
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
            guard let steps = StepSet(try Input.expression(via, source: "via", language: lang)) else {
                FileOutput.standardError(
                    "via: error: --via takes relation types and inverses joined by '|', such as 'reports-to|^leads' "
                        + "or 'liaises-with{basis=location}|^leads'\n")
                throw ExitCode(2)
            }
            allowed = steps
        }
        let file = organization.file
        let loaded = try Input.load(file, input, language: lang)
        if let pairs {
            try answerPairs(pairs, in: loaded, allowed: allowed)
            return
        }
        var finder = PathFinder(loaded.graph)
        let source = try Input.node(from ?? "", in: loaded, file: file, language: lang)
        let target = try Input.node(to ?? "", in: loaded, file: file, language: lang)
        var report = PathReport(loaded, from: source, to: target, paths: [], isListing: all, language: lang)
        if all {
            try listAll(report, finder: &finder, allowed: allowed)
            return
        }
        report.paths = finder.shortestPath(from: source, to: target, allowed: allowed).map { [$0] } ?? []
        if report.paths.isEmpty, format == .text { FileOutput.standardError(report.noPathMessage(via: via) + "\n") }
        format.write(text: report.text, json: report.json)
        if report.paths.isEmpty { throw ExitCode(1) }
    }

    /// `--all`: each path is written as the search finds it, through a buffer of bounded size,
    /// so memory stays that of one path however many are listed.
    private func listAll(_ report: PathReport, finder: inout PathFinder, allowed: StepSet) throws {
        // JSON byte for byte; text for a person with its control characters escaped.
        var buffer = BufferedOutput(data: format == .json, bytes: 1 << 16)
        if format == .json { buffer.append(report.jsonOpening) }
        var number = 0
        let (_, truncated) = finder.simplePaths(from: report.from, to: report.to, allowed: allowed, limit: limit) {
            number += 1
            buffer.append(format == .json ? report.jsonElement($0, number: number) : report.text($0, number: number))
        }
        if format == .json { buffer.append(report.jsonClosing) }
        buffer.flush()
        if number == 0, format == .text { FileOutput.standardError(report.noPathMessage(via: via) + "\n") }
        if truncated { FileOutput.standardError(PathReport.truncationMessage(language: lang) + "\n") }
        if number == 0 { throw ExitCode(1) }
    }

    /// `--pairs`: one JSON line a pair, as each is read.
    private func answerPairs(_ path: String, in loaded: LoadedOrganization, allowed: StepSet) throws {
        var pairs = PathPairs(loaded, allowed: allowed, suggestion: { loaded.closestID(to: $0) })
        var (missing, bad) = (false, false)
        let rejected = try LineReader.answer(path, lineForm: "'FROM TO', two ids") { line in
            switch pairs.answer(line) {
            case .skipped: return .skipped
            case .malformed: return .rejected("expected 'FROM TO', two ids")
            case .unknownNode(let json):
                bad = true
                return .output(json)
            case .noPath(let json):
                missing = true
                return .output(json)
            case .found(let json): return .output(json)
            }
        }
        if bad || rejected { throw ExitCode(2) }
        if missing { throw ExitCode(1) }
    }
}
