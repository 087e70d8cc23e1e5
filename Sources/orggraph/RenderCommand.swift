import ArgumentParser
import OrgGraph
import OrgGraphGraphviz
import OrgGraphIO

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw an org chart: SVG, PNG or PDF through Graphviz, or the DOT text.",
        discussion: """
            Leadership reads top-down; every public service unit is a frame holding its party \
            organization, cells, head, board and chair. Party bodies are rounded and red or \
            gold, state bodies square and blue, people are ellipses; each relation type has \
            its own colour and line, explained in the legend. A large chart is compact: units \
            and districts wrap into rows, leaves stack in columns, and the working \
            relationships are drawn after the boxes are placed; --wide draws every unit in \
            one row instead.

            Without -o, the chart is written beside the input with the format's extension \
            (org.yaml -> org.svg); standard input goes to standard output. Without --format, \
            the extension of -o decides (.svg, .png, .pdf, .dot or .gv), else SVG.

            Examples:
              orggraph render Examples/hospital.yaml
              orggraph render Examples/province.yaml -o province.png --lang vi
              orggraph render Examples/province.yaml --focus dang-uy-bv-da-khoa --depth 1
              orggraph render Examples/hospital.yaml --highlight chi-bo-khoa-noi:tinh-uy
              orggraph render Examples/broken/regulation.yaml --findings -o chart.pdf
              orggraph render Examples/university.yaml --relations leads,part-of -o -
              orggraph render Examples/province.yaml --view overview -o overview.svg
              orggraph render Examples/province.yaml -o province.pdf --pages units --paper a3
              orggraph render Examples/province.yaml --wide -o province-wide.svg

            Exit status: 0 written, 1 written but the --highlight path does not exist, 2 bad \
            usage, a file that could not be loaded, or a chart Graphviz could not draw.
            """)

    @OptionGroup var organization: OrganizationArgument

    @Option(name: [.short, .long], help: "The output file (written atomically); - writes standard output.")
    var output: String?

    @Option(help: "Output format: svg, png, pdf or dot.")
    var format: ChartFormat?

    @Option(help: "Layout engine: dot (the org chart), neato, fdp, sfdp (large charts), circo or twopi.")
    var layout: GraphvizLayout = .dot

    @Option(help: "Draw only these relation types, joined by commas (leads,superior-of,...).")
    var relations: String?

    @Option(help: "Draw only the neighbourhood of the node with this id.")
    var focus: String?

    @Option(help: "With --focus: how many steps from the node to draw (default 2).")
    var depth: Int?

    @Flag(help: "With --focus: count the steps from every node of the focus's unit frame, as the report's charts do.")
    var wholeUnit = false

    @Option(help: "Draw the shortest path between two nodes, FROM:TO, in a strong colour.")
    var highlight: String?

    @Flag(help: "Mark the nodes that have findings, by severity (the file's rulebook, else 125-QD/TW).")
    var findings = false

    @Option(help: "Language of kind names and the legend: en or vi. Names from the file are shown as written.")
    var lang: Language = .english

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    @Flag(
        help:
            "Lay the chart out wide, as before: every unit in one row under its superiors, each level's committees on one rank. By default a large chart is wrapped into columns and rows, about as wide as it is high."
    )
    var wide = false

    @Flag(help: "Print how long loading, charting, rendering and writing took, to standard error.")
    var timings = false

    @Option(help: "What to draw: full (the org chart) or overview (committees and units, each unit one box).")
    var view: ChartView = .full

    @Option(help: "With a PDF: 'units' writes the overview, then one page per public service unit.")
    var pages: PageSplit?

    @Option(help: "With a PDF: fit every page to this paper, a4 or a3, with a 10 mm margin.")
    var paper: Paper.Size?

    @Flag(help: "With --paper: the sheet lies on its long side.")
    var landscape = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if depth != nil, focus == nil, pages == nil { throw ValidationError("--depth goes with --focus.") }
        if wholeUnit, focus == nil { throw ValidationError("--whole-unit goes with --focus.") }
        if let depth, depth < 0 { throw ValidationError("--depth takes a number of steps, 0 or more.") }
        try validatePages()
    }

    func run() throws {
        let file = organization.file
        var clock = StageClock()
        let format = format ?? output.flatMap(ChartFormat.init(path:)) ?? .svg
        if isPaged { return try runPaged(format: format) }
        // Graphviz reads its fonts and plugins while the file loads and the chart is worked out.
        if format != .dot {
            // Nothing else writes to standard error while Graphviz runs: what its libraries print
            // there is kept as messages.
            GraphvizRenderer.captureStandardError()
            GraphvizRenderer.prepare()
        }
        let destination = try OutputTarget.resolve(output ?? ChartFormat.defaultOutput(for: file, format: format))
        try OutputTarget.refuseSameFiles([destination], inputs: [file])
        let progress = ProgressLine("loading")
        defer { progress.finish() }
        let loaded = try Input.load(file, input, language: lang)
        clock.mark("load")
        progress.stage("charting")
        let chart = try makeChart(loaded)
        clock.mark("chart")
        progress.stage("laying out and rendering")
        if let graphviz = format.graphviz {
            let bytes: [UInt8]
            do {
                try ChartSize(chart).check(layout: layout)
                let rendered = try GraphvizRenderer().renderWithFallback(chart, layout: layout, format: graphviz)
                if let note = rendered.note(layout: layout) { FileOutput.standardError("\(file): note: \(note)\n") }
                bytes = rendered.bytes
            } catch {
                // A chart too large: what the command line offers to draw less.
                let advice =
                    error is ChartError
                    ? "; draw part of it with --focus ID --depth N or --relations"
                        + (layout == .sfdp ? "" : ", or use --layout sfdp")
                    : ""
                FileOutput.standardError("\(file): error: \(error)\(advice)\n")
                throw ExitCode(2)
            }
            clock.mark("render")
            progress.stage("writing")
            try FileOutput.write(bytes: bytes, to: destination, binary: format.isBinary)
        } else {
            try destination.write(DOTWriter().write(chart))
        }
        clock.mark("write")
        progress.finish()
        if timings { FileOutput.standardError(clock.summary + "\n") }
        if let highlight = chart.options.highlight, chart.path == nil {
            FileOutput.standardError(
                "\(file): warning: no path from '\(highlight.from)' to '\(highlight.to)' along the relations drawn; nothing is highlighted\n"
            )
            throw ExitCode(1)
        }
    }

    /// The chart the options ask for.
    /// - Throws: `ExitCode(2)` after a message for an unknown id or a rulebook that cannot load.
    func makeChart(_ loaded: LoadedOrganization) throws -> Chart {
        var options = ChartOptions(language: lang, legend: !noLegend)
        if let relations { options.relations = try Self.relationTypes(relations, language: lang) }
        options.focus = focus
        options.depth = depth ?? ChartOptions.defaultDepth
        options.wholeUnit = wholeUnit
        options.wide = wide
        if let highlight { options.highlight = try Self.pathEnds(highlight, in: loaded) }
        if findings {
            let rulebook = try Input.rulebook(nil, for: loaded, input, language: lang)
            options.findings = Auditor(rulebook: rulebook).audit(loaded).findings
        }
        do {
            return try Chart(loaded, options: options)
        } catch {
            // The library names the chart's option; the command line, the flag that set it.
            let flag = if case .unknownNode(_, let option, _) = error { "--\(option.rawValue): " } else { "" }
            FileOutput.standardError("\(organization.file): error: \(flag)\(error.description)\n")
            throw ExitCode(2)
        }
    }

    /// The relation types of `--relations`. An unknown or empty name is an error that quotes
    /// the list as typed, with a caret under the name and a "did you mean" where one is close.
    static func relationTypes(_ list: String, language: Language = .english) throws -> Set<RelationType> {
        do {
            return try ChartOptions.relations(parsing: list)
        } catch {
            let diagnostic = error.diagnostic(in: list, option: "--relations")
            FileOutput.standardError(diagnostic.rendered(in: language) + "\n")
            throw ExitCode(2)
        }
    }

    /// The two ids of `--highlight FROM:TO`.
    static func pathEnds(_ text: String, in loaded: LoadedOrganization) throws -> ChartOptions.Highlight {
        switch ChartOptions.Highlight.parse(text, in: loaded) {
        case .ends(let ends): return ends
        case .ambiguous: FileOutput.standardError("highlight: error: '\(text)' splits into ids in more than one way\n")
        case .malformed: FileOutput.standardError("highlight: error: --highlight takes FROM:TO, two ids\n")
        }
        throw ExitCode(2)
    }
}
