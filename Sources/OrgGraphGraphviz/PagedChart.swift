internal import CGraphviz
import OrgGraphChart
import OrgGraphCore

/// Charts drawn as PDF pages, each titled and fitted to a sheet of paper: an overview and one
/// page per public service unit, with links from the overview's boxes to the units' pages; or a
/// single chart fitted to the paper.
///
/// On paper, a page is scaled down to fit inside a margin (never up: text keeps the size it was
/// laid out at, 10 pt). A page lies upright unless its chart shows larger on the sheet turned
/// (or always turned, with ``Paper/landscape``). The scale may not make any text smaller than ``smallestText``: an
/// overview that would need that is split over several pages, committee by committee (a
/// committee with many units over several pages); a unit's page, or one overview box, that
/// would need it is an error naming it (``PagedChartError/tooSmall(subject:smallestText:paper:)``).
/// Without paper every page has its chart's own size. The same input gives the same bytes.
public struct PagedChart: Sendable {
    /// The margin around every page, in points (10 mm).
    public static let margin = 10 * 72 / 25.4
    /// The smallest text a page may show, in points; about 6 pt, with a little slack for rounding.
    public static let smallestText = 5.95
    /// The room a page's title takes above its chart, in points.
    static let titleBand = 30.0
    /// The narrowest a page without paper is made, so that its title fits.
    static let narrowest = 420.0

    public let language: Language
    /// The paper to fit the pages to; `nil` gives every page its chart's size.
    public let paper: Paper?

    public init(language: Language, paper: Paper?) {
        self.language = language
        self.paper = paper
    }

    /// The PDF of `overview` (split over several pages when the paper needs it), then, when
    /// `unitCharts` is given, one page for each of its units in the overview's order, drawing
    /// the chart given for it.
    ///
    /// - Parameters:
    ///   - overview: the overview of the organization; its titles and page numbers are set here.
    ///   - unitCharts: the chart of each unit's page, by unit node index; `nil` for the overview alone.
    /// - Throws: ``PagedChartError``.
    public func render(overview: OverviewChart, unitCharts: [Int: Chart]?) throws(PagedChartError) -> [UInt8] {
        let words = PageWords(language: language)
        var overview = overview
        let organizationTitle = overview.title.map(LabelText.clean).flatMap { $0.isEmpty ? nil : $0 }
        overview.title = nil
        let units = overview.units
        var unitPages: [(unit: Int, title: String, statements: RecordedStatements)] = []
        if let unitCharts {
            for unit in units {
                guard let chart = unitCharts[unit] else { continue }
                var statements = RecordedStatements()
                DOTWriter().write(chart, into: &statements)
                let node = overview.loaded.organization.nodes[unit]
                unitPages.append((unit, LabelText.clean(node.displayName), statements))
            }
        }
        let overviewTitle = [organizationTitle, words.overview].compactMap { $0 }.joined(separator: " — ")
        let session = GraphvizSession.shared
        let outcome: Result<[UInt8], PagedChartError>
        do {
            outcome = try session.performThenCleanUp { context throws(GraphvizError) in
                var laidOut: [LaidOutPage] = []
                do throws(PagedChartError) {
                    let bytes = try drawDocument(
                        overview, unitPages: unitPages, overviewTitle: overviewTitle, alone: unitCharts == nil,
                        context: context, laidOut: &laidOut)
                    let pages = laidOut
                    return (.success(bytes), { for page in pages { page.free() } })
                } catch {
                    for page in laidOut { page.free() }
                    return (.failure(error), nil)
                }
            }
        } catch {
            throw .graphviz(error)
        }
        return try outcome.get()
    }

    /// Lays out and draws every page of a paged chart; what it laid out goes into `laidOut`.
    private func drawDocument(
        _ overview: OverviewChart, unitPages: [(unit: Int, title: String, statements: RecordedStatements)],
        overviewTitle: String, alone: Bool, context: OpaquePointer, laidOut: inout [LaidOutPage]
    ) throws(PagedChartError) -> [UInt8] {
        let parts = try overviewParts(
            overview, unitsWithPages: unitPages.map(\.unit), context: context, laidOut: &laidOut)
        let firstUnitPage = parts.count + 1
        var pageOfUnit: [Int: Int] = [:]
        for (offset, page) in unitPages.enumerated() { pageOfUnit[page.unit] = firstUnitPage + offset }
        let document = PDFDocument()
        do throws(PagedChartError) {
            var pageOfOverview: [Int: Int] = [:]
            for (index, part) in parts.enumerated() {
                for unit in part.units { pageOfOverview[unit] = index + 1 }
                var links: [String: String] = [:]
                for unit in part.units {
                    if let page = pageOfUnit[unit] { links[overview.dotNames[unit]] = Self.destination(page) }
                }
                // The overview alone on one sheet is a chart like any other: no page title.
                let single = alone && parts.count == 1
                try draw(
                    part.page, title: single ? nil : overviewTitle, subject: "the overview", number: index + 1,
                    links: links, into: document, context: context)
            }
            for (offset, page) in unitPages.enumerated() {
                let laid = try Self.graphviz { () throws(GraphvizError) in
                    try LaidOutPage.layOut(page.statements, context: context, boxesOf: [])
                }
                laidOut.append(laid)
                try draw(
                    laid, title: page.title, subject: "the page of unit '\(page.title)'",
                    number: firstUnitPage + offset, links: [:], into: document, context: context,
                    backTo: pageOfOverview[page.unit])
            }
            return try Self.graphviz { () throws(GraphvizError) in try document.finish() }
        } catch {
            document.discard()
            throw error
        }
    }

    /// `body`, its Graphviz failure as a paged chart's.
    static func graphviz<T>(_ body: () throws(GraphvizError) -> T) throws(PagedChartError) -> T {
        do {
            return try body()
        } catch {
            throw .graphviz(error)
        }
    }

    /// The PDF of `chart` on one page of the paper, without a page title (the chart has its own).
    ///
    /// - Throws: ``PagedChartError``: too small for the paper, or Graphviz failed.
    public func render(_ chart: Chart) throws(PagedChartError) -> [UInt8] {
        var statements = RecordedStatements()
        DOTWriter().write(chart, into: &statements)
        let session = GraphvizSession.shared
        let outcome: Result<[UInt8], PagedChartError>
        do {
            outcome = try session.performThenCleanUp { context throws(GraphvizError) in
                let laid = try LaidOutPage.layOut(statements, context: context, boxesOf: [])
                let document = PDFDocument()
                do throws(PagedChartError) {
                    try draw(
                        laid, title: nil, subject: "the chart", number: 1, links: [:], into: document,
                        context: context)
                    return (
                        .success(try Self.graphviz { () throws(GraphvizError) in try document.finish() }), laid.free
                    )
                } catch {
                    document.discard()
                    laid.free()
                    return (.failure(error), nil)
                }
            }
        } catch {
            throw .graphviz(error)
        }
        return try outcome.get()
    }

    /// The name of page `number` for links.
    static func destination(_ number: Int) -> String { "page-\(number)" }

    /// A part of the overview, laid out.
    private struct Part {
        var page: LaidOutPage
        var units: [Int]
    }

    /// The overview as pages that each fit the paper: the whole when it fits, else committee
    /// groups taken in order as long as they fit together, a group too large alone split by its
    /// units. The unit pages come after the overview's, numbered in the overview's order, and
    /// each box shows its unit's page (when there are unit pages), so the split is worked out
    /// again when the number of overview pages changes the numbers.
    private func overviewParts(
        _ overview: OverviewChart, unitsWithPages: [Int], context: OpaquePointer, laidOut: inout [LaidOutPage]
    ) throws(PagedChartError) -> [Part] {
        var pageCount = 1
        for _ in 0..<4 {
            var numbered = overview
            if !unitsWithPages.isEmpty {
                numbered.pageNumbers = Dictionary(
                    uniqueKeysWithValues: unitsWithPages.enumerated().map {
                        ($1, pageCount + 1 + $0)
                    })
            }
            let parts = try split(numbered, context: context, laidOut: &laidOut)
            if parts.count == pageCount || paper == nil { return parts }
            pageCount = parts.count
        }
        throw PagedChartError.tooSmall(subject: "the overview", smallestText: 0, paper: paper)
    }

    private func split(_ overview: OverviewChart, context: OpaquePointer, laidOut: inout [LaidOutPage])
        throws(PagedChartError) -> [Part]
    {
        typealias Piece = (group: Int, units: Range<Int>)
        func layOut(_ pieces: [Piece]?) throws(PagedChartError) -> (page: LaidOutPage, units: [Int]) {
            let chart = pieces.map { overview.part($0) } ?? overview
            var statements = RecordedStatements()
            OverviewWriter().write(chart, into: &statements)
            let names = Set(chart.units.map { overview.dotNames[$0] })
            let page = try Self.graphviz { () throws(GraphvizError) in
                try LaidOutPage.layOut(statements, context: context, boxesOf: names)
            }
            laidOut.append(page)
            return (page, chart.units)
        }
        let whole = try layOut(nil)
        if paper == nil || place(whole.page, titled: true) != nil {
            return [Part(page: whole.page, units: whole.units)]
        }

        let groups: [Piece] = overview.groups.indices.map { ($0, 0..<overview.groups[$0].units.count) }
        let first = try greedy(groups, most: nil, overview: overview, layOut: layOut)
        guard first.parts.count > 1 else { return first.parts }
        // Greedy filling leaves the last page with what is left over: share the pieces out
        // evenly over as many pages, when they fit so.
        let share = (first.pieces.count + first.parts.count - 1) / first.parts.count
        let even = try greedy(first.pieces, most: share, overview: overview, layOut: layOut)
        return even.parts.count == first.parts.count ? even.parts : first.parts
    }

    /// Fills pages with `pieces` in order, at most `most` on a page, as long as they fit; a
    /// piece that does not fit alone is halved. Hands back the pages and the pieces they hold.
    private func greedy(
        _ pieces: [(group: Int, units: Range<Int>)], most: Int?, overview: OverviewChart,
        layOut: ([(group: Int, units: Range<Int>)]) throws(PagedChartError) -> (page: LaidOutPage, units: [Int])
    ) throws(PagedChartError) -> (parts: [Part], pieces: [(group: Int, units: Range<Int>)]) {
        var parts: [Part] = []
        var placed: [(group: Int, units: Range<Int>)] = []
        var pending = Array(pieces.reversed())
        var current: [(group: Int, units: Range<Int>)] = []
        var currentPage: (page: LaidOutPage, units: [Int])?
        while let piece = pending.popLast() {
            let full = most.map { current.count >= $0 } ?? false
            let trial = full ? nil : try layOut(current + [piece])
            if let trial, place(trial.page, titled: true) != nil {
                current.append(piece)
                currentPage = trial
                continue
            }
            if let done = currentPage {
                parts.append(Part(page: done.page, units: done.units))
                placed += current
                current = []
                currentPage = nil
                pending.append(piece)
                continue
            }
            // This piece alone is too large: halve its units.
            guard piece.units.count > 1, let trial else {
                let group = overview.groups[piece.group]
                let node = piece.units.first.map { group.units[$0] } ?? group.committee
                let name = node.map { overview.loaded.organization.nodes[$0].displayName } ?? ""
                let smallest = trial.map { $0.page.smallestFont * fittingScale($0.page, titled: true) } ?? 0
                throw PagedChartError.tooSmall(
                    subject: "the overview's box of '\(LabelText.clean(name))'", smallestText: smallest, paper: paper)
            }
            let middle = piece.units.lowerBound + piece.units.count / 2
            pending.append((piece.group, middle..<piece.units.upperBound))
            pending.append((piece.group, piece.units.lowerBound..<middle))
        }
        if let done = currentPage {
            parts.append(Part(page: done.page, units: done.units))
            placed += current
        }
        return (parts, placed)
    }

    /// Where a laid-out chart goes on its page.
    struct Placement {
        var pageWidth: Double
        var pageHeight: Double
        var x: Double
        var y: Double
        var scale: Double
    }

    /// The scale that fits `page` to the paper (at most 1), on the sheet ``sheet(for:titled:)`` gives it.
    func fittingScale(_ page: LaidOutPage, titled: Bool) -> Double {
        guard let paper else { return 1 }
        return scale(page, on: sheet(for: page, titled: titled, paper: paper), titled: titled)
    }

    /// The sheet `page` goes on: with `--landscape` always on its long side; else upright,
    /// unless turned the chart shows larger.
    func sheet(for page: LaidOutPage, titled: Bool, paper: Paper) -> (width: Double, height: Double) {
        let upright = paper.points
        guard !paper.landscape else { return upright }
        let turned = Paper(paper.size, landscape: true).points
        return scale(page, on: turned, titled: titled) > scale(page, on: upright, titled: titled) ? turned : upright
    }

    private func scale(_ page: LaidOutPage, on sheet: (width: Double, height: Double), titled: Bool) -> Double {
        let room = (
            width: sheet.width - 2 * Self.margin, height: sheet.height - 2 * Self.margin - (titled ? Self.titleBand : 0)
        )
        return min(1, room.width / max(page.width, 1), room.height / max(page.height, 1))
    }

    /// Where `page` goes, or `nil` when fitting it to the paper would make its text too small.
    func place(_ page: LaidOutPage, titled: Bool) -> Placement? {
        let band = titled ? Self.titleBand : 0
        guard let paper else {
            let width = max(page.width + 2 * Self.margin, titled ? Self.narrowest : 0)
            return Placement(
                pageWidth: width, pageHeight: page.height + 2 * Self.margin + band, x: (width - page.width) / 2,
                y: Self.margin + band, scale: 1)
        }
        let (width, height) = sheet(for: page, titled: titled, paper: paper)
        let scale = scale(page, on: (width, height), titled: titled)
        guard page.smallestFont * scale >= Self.smallestText else { return nil }
        return Placement(
            pageWidth: width, pageHeight: height, x: (width - page.width * scale) / 2, y: Self.margin + band,
            scale: scale)
    }

    /// Draws one page: its title, its chart, its links.
    private func draw(
        _ page: LaidOutPage, title: String?, subject: String, number: Int, links: [String: String],
        into document: PDFDocument, context: OpaquePointer, backTo overviewPage: Int? = nil
    ) throws(PagedChartError) {
        guard let placement = place(page, titled: title != nil) else {
            throw PagedChartError.tooSmall(
                subject: subject, smallestText: page.smallestFont * fittingScale(page, titled: title != nil),
                paper: paper)
        }
        document.beginPage(
            width: placement.pageWidth, height: placement.pageHeight, destination: Self.destination(number))
        if let title {
            let width = placement.pageWidth - 2 * Self.margin
            document.drawTitle(
                left: title, right: PageWords(language: language).page(number), x: Self.margin,
                y: Self.margin + PDFDocument.titleSize, width: width)
            if let overviewPage {
                document.link(
                    x: Self.margin, y: Self.margin, width: width, height: PDFDocument.titleSize + 6,
                    to: Self.destination(overviewPage))
            }
        }
        try Self.graphviz { () throws(GraphvizError) in
            try document.drawGraph(page, context: context, x: placement.x, y: placement.y, scale: placement.scale)
        }
        for name in links.keys.sorted() {
            guard let box = page.boxes[name], let destination = links[name] else { continue }
            document.link(
                x: placement.x + box.x * placement.scale, y: placement.y + box.y * placement.scale,
                width: box.width * placement.scale, height: box.height * placement.scale, to: destination)
        }
        document.endPage()
    }
}

/// Why a paged chart could not be made.
public enum PagedChartError: Error, Sendable, CustomStringConvertible {
    /// A page would show text smaller than ``PagedChart/smallestText`` on the paper.
    case tooSmall(subject: String, smallestText: Double, paper: Paper?)
    /// Graphviz could not lay out or render a page.
    case graphviz(GraphvizError)

    public var description: String {
        switch self {
        case .tooSmall(let subject, let smallest, let paper):
            let size = paper.map { "\($0)" } ?? "the page"
            let rounded = (smallest * 10).rounded() / 10
            // Without --landscape a page is already turned when that helps.
            let advice =
                paper?.size == .a4 ? "try --paper a3" : "draw fewer lines with --relations, or a smaller --depth"
            return "\(subject) is too big for \(size): its smallest text would be \(rounded) pt, under 6 pt; \(advice)"
        case .graphviz(let error):
            return error.description
        }
    }
}
