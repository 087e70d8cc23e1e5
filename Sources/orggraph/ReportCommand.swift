import ArgumentParser
import OrgGraph
import OrgGraphGraphviz
import OrgGraphIO

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the audit as one self-contained HTML page, with the charts of the units.",
        discussion: """
            The page has a heading (the organization, the files, the rulebook and the document \
            it cites, the date, the counts by severity), a summary of the rules and of the units \
            with the most findings, then every unit (or other body) with its findings grouped by \
            rule: the message, the rule's title and citation with a one-line summary of the \
            clause, the rationale on demand, the place in the file. The units with the most \
            findings get the chart of their neighbourhood with the findings marked; choosing a \
            node shows its findings. A filter box narrows the findings by text, rule and \
            severity, and the page prints on A4. Styles, script and charts are inline: the page \
            makes no request, opens offline and can be mailed.

            --scope ID reports on one body and everything under it: its parts, and what it \
            leads, is the immediate superior of, manages or directs, all the way down, each unit \
            reached with its whole frame. Give a province's or a commune's party committee, or \
            a unit.

            Examples:
              orggraph report Examples/broken/regulation.yaml -o report.html
              orggraph report Examples/broken/*.yaml -o report.html --lang vi
              orggraph report nationwide.json -o report.html --scope p01-tinh-uy --charts 50

            Exit status: 0 when no finding is an error, 1 when one is (the report is written \
            either way), 2 when a file could not be loaded (nothing is written).
            """)

    @Argument(help: "Organization files (.yaml, .yml, .json) or folders of CSV files; - reads standard input.")
    var files: [String]

    @Option(name: [.short, .long], help: "The HTML file to write (atomically); - writes standard output.")
    var output: String

    @Option(
        help:
            "The rulebook: a built-in id (125-QD/TW, 125-QD/TW-2025, structural) or a rulebook file. By default the file's own 'rulebook:', else 125-QD/TW."
    )
    var rulebook: String?

    @Option(help: "Language of the report: en or vi. Names from the file are shown as written.")
    var lang: Language = .english

    @Option(help: "Report on this body (a province's or commune's party committee, a unit) and everything under it.")
    var scope: String?

    @Option(
        help:
            "How many units get a chart, those with the most findings first; the others get the command that draws it.")
    var charts = HTMLReport.Options.defaultCharts

    @OptionGroup var input: InputOptions

    func validate() throws {
        if charts < 0 { throw ValidationError("--charts takes a number of charts, 0 or more.") }
    }

    func run() throws {
        GraphvizRenderer.captureStandardError()
        GraphvizRenderer.prepare()
        let target = try OutputTarget.resolve(output)
        let rulebookFile = rulebook.flatMap { RulebookLoader.builtin($0) == nil ? $0 : nil }
        try OutputTarget.refuseSameFiles([target], inputs: files + (rulebookFile.map { [$0] } ?? []))
        let progress = ProgressLine("loading", total: files.count)
        defer { progress.finish() }
        var audited: [AuditedFile] = []
        var loadFailed = false
        var rulebooks = RulebookLookup(input.rulebookLoader, option: rulebook)
        for file in files {
            do throws(LoadError) {
                let loaded = try input.organizationLoader.load(contentsOf: file)
                let rulebook = try rulebooks.rulebook(for: loaded.organization)
                audited.append(AuditedFile(path: file, loaded: loaded, rulebook: rulebook, language: lang))
            } catch {
                FileOutput.standardError(error.rendered(in: lang) + "\n")
                loadFailed = true
            }
            progress.advance()
        }
        if loadFailed {
            progress.finish()
            FileOutput.standardError("note: \(Input.notWritten(output, language: lang))\n")
            throw ExitCode(2)
        }
        let report: HTMLReport
        do {
            report = try HTMLReport(
                files: audited,
                options: .init(language: lang, scope: scope, charts: charts, version: Orggraph.configuration.version))
        } catch {
            progress.finish()
            FileOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        progress.stage("charts", total: report.chartLimit)
        let page = report.html { chart in
            defer { progress.advance() }
            return try GraphvizRenderer().render(chart, layout: .dot, format: .svg)
        }
        progress.stage("writing")
        try target.write(page)
        progress.finish()
        for file in audited { Input.keepUntilExit(file.loaded) }
        if report.hasFindings(atOrAbove: .error) { throw ExitCode(1) }
    }
}
