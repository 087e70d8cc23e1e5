import OrgGraphAudit
import OrgGraphChart
import OrgGraphCore

/// An audit as one self-contained HTML page a person can read, file and print: a heading with
/// the counts by severity, a summary of rules and units, then every unit with its findings
/// grouped by rule, the chart of its neighbourhood with the findings marked, a filter, and a
/// print stylesheet. CSS, script and charts are inline; the page makes no request.
///
/// ```swift
/// let file = AuditedFile(path: "org.yaml", loaded: loaded, rulebook: rulebook, language: .vietnamese)
/// let report = try HTMLReport(files: [file], options: .init(language: .vietnamese))
/// let page = report.html { chart in try GraphvizRenderer().render(chart, format: .svg) }
/// ```
///
/// Everything from a file (names, ids, titles, messages) is escaped: it reads as written and
/// never as markup.
public struct HTMLReport: Sendable {
    /// What the report covers and how it reads.
    public struct Options: Sendable {
        /// The language of the report's own words and of the charts' kind names.
        public var language: Language
        /// Report on this body and everything under it (``ReportScope``); `nil`: everything.
        public var scope: String?
        /// How many units get a chart, those with the most findings first.
        public var charts: Int
        /// The date the report gives.
        public var date: ReportDate
        /// The version of the tool, for the footer.
        public var version: String?

        public static let defaultCharts = 200

        public init(
            language: Language = .english, scope: String? = nil, charts: Int = Options.defaultCharts,
            date: ReportDate = .today(), version: String? = nil
        ) {
            self.language = language
            self.scope = scope
            self.charts = charts
            self.date = date
            self.version = version
        }
    }

    /// A chart with more nodes than this is left out, with the command that draws it.
    public static let maximumChartNodes = 80

    public let files: [AuditedFile]
    public let options: Options
    /// For each file, its findings in scope, in file order.
    let findings: [[Finding]]
    /// For each file, its chart frames (the unit of each node, the DOT names).
    let frames: [ChartFrames]
    /// The sections, in the order shown.
    let subjects: [ReportSubject]
    /// The rules of every file's rulebook, each once, in the order first met.
    let rules: [RuleDescription]
    /// For each file, how many findings in scope each node id has.
    let nodeFindingCounts: [[String: Int]]
    let text: ReportText
    let wording: RuleWording

    /// Works out what the report shows.
    ///
    /// - Parameters:
    ///   - files: the audited files, in the order given.
    ///   - options: the scope, the language, how many charts.
    /// - Throws: ``ReportError/unknownScope(id:suggestion:)`` when no file has the scope's id.
    /// - Complexity: O(*n* · *h* + *m*) for each file, plus O(*f* log *f*) for *f* findings.
    public init(files: [AuditedFile], options: Options = Options()) throws(ReportError) {
        guard options.charts >= 0 else { throw .negativeChartCount(options.charts) }
        self.files = files
        self.options = options
        text = ReportText(language: options.language)
        wording = RuleWording(language: options.language)
        let frames = files.map { ChartFrames($0.loaded) }
        self.frames = frames
        var findings: [[Finding]] = []
        if let scope = options.scope {
            let starts = files.map { $0.loaded.graph.index(of: scope) }
            guard starts.contains(where: { $0 != nil }) else {
                throw .unknownScope(
                    id: scope, suggestion: files.lazy.compactMap { $0.loaded.closestID(to: scope) }.first)
            }
            for (index, file) in files.enumerated() {
                guard let start = starts[index] else {
                    findings.append([])
                    continue
                }
                let covered = ReportScope.covered(from: start, graph: file.loaded.graph, unit: frames[index].unit)
                findings.append(
                    file.findings.filter { finding in
                        file.loaded.graph.index(of: finding.node).map { covered[$0] } ?? false
                    })
            }
        } else {
            findings = files.map(\.findings)
        }
        self.findings = findings
        nodeFindingCounts = findings.map { list in list.reduce(into: [:]) { $0[$1.node, default: 0] += 1 } }
        subjects = files.indices.flatMap { index in
            ReportSubject.subjects(
                of: findings[index], file: index, loaded: files[index].loaded, unit: frames[index].unit)
        }.sorted(by: ReportSubject.isOrderedBefore)
        var known = Set<String>()
        var rules: [RuleDescription] = []
        for file in files {
            for rule in file.rulebook.withAuditorRules.rules where known.insert(rule.id).inserted {
                rules.append(rule.description)
            }
        }
        // A finding of a rule no rulebook lists (none today) still gets a row.
        for finding in findings.joined() where known.insert(finding.rule).inserted {
            rules.append(
                RuleDescription(
                    id: finding.rule, title: LocalizedText(finding.rule), severity: finding.severity, rationale: ""))
        }
        self.rules = rules
    }

    /// How many findings the report shows.
    public var findingCount: Int { findings.reduce(0) { $0 + $1.count } }

    /// How many findings in scope have `severity`.
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { total, list in total + list.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    }

    /// Whether any finding in scope is at or above `level`.
    public func hasFindings(atOrAbove level: Severity) -> Bool {
        findings.contains { $0.contains { $0.severity >= level } }
    }

    /// At most how many charts ``html(renderChart:)`` renders.
    public var chartLimit: Int { min(options.charts, subjects.count { $0.node != nil }) }

    /// The page.
    ///
    /// - Parameter renderChart: renders a chart to SVG (through Graphviz, in the command line).
    ///   It is called for the units with the most findings, one after the other, at most
    ///   ``chartLimit`` times; a chart it cannot render is listed with the command that draws it.
    /// - Returns: the HTML text.
    public func html(renderChart: (Chart) throws -> [UInt8]) -> String {
        var page = HTMLPage()
        writeHead(into: &page)
        page.open("body")
        writeHeading(into: &page)
        writeControls(into: &page)
        page.open("main", ["id": "report"])
        writeSummary(into: &page)
        writeFindings(into: &page, renderChart: renderChart)
        page.close("main")
        writeFooter(into: &page)
        page.raw("<script>\(ReportAssets.script)</script>\n")
        page.close("body")
        page.close("html")
        return page.text
    }
}
