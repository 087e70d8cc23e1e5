import ArgumentParser
import OrgGraph
import OrgGraphGraphviz
import OrgGraphIO

/// `render --view`: the full chart, or the overview of committees and units.
enum ChartView: String, ExpressibleByArgument, CaseIterable {
    case full, overview
}

/// `render --pages`: how a PDF is split into pages.
enum PageSplit: String, ExpressibleByArgument, CaseIterable {
    /// An overview page (or several), then one page per public service unit.
    case units
}

extension Paper.Size: ExpressibleByArgument {}

extension RenderCommand {
    /// Whether the options ask for the overview, pages or paper, which ``runPaged(format:)`` draws.
    var isPaged: Bool { view == .overview || pages != nil || paper != nil }

    /// The usage errors of `--view`, `--pages`, `--paper` and `--landscape`.
    func validatePages() throws {
        if landscape, paper == nil { throw ValidationError("--landscape goes with --paper.") }
        let whole = view == .overview || pages != nil
        guard whole else { return }
        let what = pages != nil ? "--pages" : "--view overview"
        if pages != nil, view == .overview {
            throw ValidationError("--pages units draws the overview itself; leave out --view.")
        }
        for (given, flag) in [
            (focus != nil, "--focus"), (highlight != nil, "--highlight"), (layout != .dot, "--layout"),
        ]
        where given {
            throw ValidationError("\(flag) does not go with \(what).")
        }
        if view == .overview {
            for (given, flag) in [(relations != nil, "--relations"), (findings, "--findings")] where given {
                throw ValidationError(
                    "\(flag) does not go with --view overview: the overview draws leads and superior-of.")
            }
        }
    }

    /// Draws the overview, the pages or a chart fitted to paper, and writes it.
    ///
    /// - Throws: `ExitCode(2)` after a message for a format these do not take, a chart too big
    ///   for the paper, or a chart Graphviz could not draw.
    func runPaged(format: ChartFormat) throws {
        let file = organization.file
        if pages != nil, format != .pdf {
            FileOutput.standardError("render: error: --pages writes a PDF; give -o FILE.pdf or --format pdf\n")
            throw ExitCode(2)
        }
        if paper != nil, format != .pdf {
            FileOutput.standardError(
                "render: error: --paper fits the pages of a PDF; give -o FILE.pdf or --format pdf\n")
            throw ExitCode(2)
        }
        if format != .dot {
            GraphvizRenderer.captureStandardError()
            GraphvizRenderer.prepare()
        }
        let destination = try OutputTarget.resolve(output ?? ChartFormat.defaultOutput(for: file, format: format))
        try OutputTarget.refuseSameFiles([destination], inputs: [file])
        let loaded = try Input.load(file, input, language: lang)
        let paged = PagedChart(language: lang, paper: paper.map { Paper($0, landscape: landscape) })
        let overview =
            view == .overview || pages != nil ? OverviewChart(loaded, language: lang, legend: !noLegend) : nil
        if let overview, format == .dot {
            try destination.write(OverviewWriter().write(overview))
            return
        }
        let charts = try overview.flatMap { pages != nil ? try unitCharts($0) : nil }
        let chart = overview == nil ? try makeChart(loaded) : nil
        func draw() throws(PagedChartError) -> [UInt8] {
            if let chart { return try paged.render(chart) }
            guard let overview else { return [] }
            if charts != nil || paper != nil { return try paged.render(overview: overview, unitCharts: charts) }
            return try PagedChartError.catching { () throws(GraphvizError) in
                try GraphvizRenderer().render(overview, format: format.graphviz ?? .svg)
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try draw()
        } catch {
            FileOutput.standardError("\(file): error: \(error)\n")
            throw ExitCode(2)
        }
        try FileOutput.write(bytes: bytes, to: destination, binary: format.isBinary)
    }

    /// The chart of each unit's page: the unit's frame and what is one step from it (as the
    /// report's charts), with the relations and findings asked for, without a legend.
    private func unitCharts(_ overview: OverviewChart) throws -> [Int: Chart] {
        // No legend on a unit's page: it would take as much room as the unit.
        var options = ChartOptions(language: lang, legend: false, title: false)
        if let relations { options.relations = try Self.relationTypes(relations, language: lang) }
        options.depth = depth ?? 1
        options.wholeUnit = true
        if findings {
            let rulebook = try Input.rulebook(nil, for: overview.loaded, input, language: lang)
            options.findings = Auditor(rulebook: rulebook).audit(overview.loaded).findings
        }
        let frames = ChartFrames(overview.loaded)
        var charts: [Int: Chart] = [:]
        for unit in overview.units {
            options.focus = overview.loaded.organization.nodes[unit].id
            do {
                charts[unit] = try Chart(overview.loaded, options: options, frames: frames)
            } catch {
                FileOutput.standardError("\(organization.file): error: \(error.description)\n")
                throw ExitCode(2)
            }
        }
        return charts
    }
}

extension PagedChartError {
    /// `body`, its Graphviz failure as a paged chart's.
    static func catching<T>(_ body: () throws(GraphvizError) -> T) throws(PagedChartError) -> T {
        do {
            return try body()
        } catch {
            throw .graphviz(error)
        }
    }
}
