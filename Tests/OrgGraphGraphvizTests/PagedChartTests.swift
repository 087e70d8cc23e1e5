import Foundation
import OrgGraph
import TestSupport
import Testing

@testable import OrgGraphGraphviz

/// `render --view overview` and `render --pages units --paper ...`: what the overview draws, and
/// the PDF's pages, sizes, links and bytes, read back with poppler's tools.
@Suite("Overview and pages", .serialized)
struct PagedChartTests {
    // MARK: The overview

    @Test("the overview draws the committees and the units only, each unit one box, lines lifted to it")
    func overviewContent() throws {
        let loaded = try loadPackageFile("Examples/province.yaml")
        let overview = OverviewChart(loaded, language: .vietnamese)
        let graph = loaded.graph
        let units = (0..<graph.nodeCount).filter { graph.kinds[$0] == .publicServiceUnit }
        #expect(overview.units.sorted() == units)
        #expect(Set(overview.units).count == units.count)
        #expect(overview.committees.allSatisfy { KindSet.aboveGrassrootsCommittees.contains(graph.kinds[$0]) })
        #expect(overview.committees.count == 12)

        let dot = OverviewWriter().write(overview)
        let inspection = try DOTInspection.parse(dot)
        let drawn = inspection.nodes.map(\.name).filter { !$0.hasPrefix("#legend") }
        let expected = (overview.committees + overview.units).map { loaded.organization.nodes[$0].id }
        #expect(Set(drawn) == Set(expected))
        // The hospital's party committee has the bloc committee as its immediate superior: the
        // line runs from the committee to the hospital's box.
        let superior = inspection.edges.filter { $0.attributes["color"] == "#E07B00" }
        #expect(superior.contains { $0.tail == "dang-uy-khoi" && $0.head == "bv-da-khoa" })
        // Only the leadership and immediate-superior colours are drawn between boxes.
        let visible = inspection.edges.filter { $0.attributes["style"] != "invis" && !$0.tail.hasPrefix("#") }
        #expect(visible.allSatisfy { ["#B3261E", "#E07B00"].contains($0.attributes["color"] ?? "") })
        let hospital = try #require(inspection.nodes.first { $0.name == "bv-da-khoa" })
        let label = hospital.attributes["label"] ?? ""
        #expect(label.contains("Bệnh viện Đa khoa"))
        #expect(label.contains(NodeKind.unitPartyCommittee.displayName(in: .vietnamese)))
        #expect(label.contains("3 chi bộ · 1 thủ trưởng · 1 hội đồng"))
    }

    @Test("the overview renders as SVG and DOT, in both languages, the same every time", arguments: ["en", "vi"])
    func overviewFormats(language: String) throws {
        let svg = try orggraph([
            "render", "Examples/province.yaml", "--view", "overview", "--lang", language, "-o", "-",
        ])
        #expect(svg.status == 0, "\(svg.err)")
        #expect(svg.out.hasPrefix("<?xml"))
        let cells = language == "vi" ? "3 chi bộ · 1 thủ trưởng · 1 hội đồng" : "3 cells · 1 head · 1 board"
        #expect(svg.out.contains(cells))
        let again = try orggraph([
            "render", "Examples/province.yaml", "--view", "overview", "--lang", language, "-o", "-",
        ])
        #expect(again.output == svg.output)
        let dot = try orggraph([
            "render", "Examples/province.yaml", "--view", "overview", "--lang", language, "--format", "dot", "-o", "-",
        ])
        #expect(dot.status == 0, "\(dot.err)")
        #expect(dot.out.hasPrefix("digraph"))
        #expect(
            dot.out.contains(NodeKind.unitPartyCommittee.displayName(in: language == "vi" ? .vietnamese : .english)))
        #expect(!dot.out.contains("Giám đốc"))  // no head drawn as a node of its own
    }

    // MARK: Pages

    @Test("--pages units: the overview, then one page per unit in the overview's order, all of the paper's size")
    func pages() throws {
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chart.pdf").path
        let result = try orggraph([
            "render", "Examples/province.yaml", "--pages", "units", "--paper", "a3", "--landscape", "--lang", "vi",
            "-o", path,
        ])
        try #require(result.status == 0, "\(result.err)")
        let loaded = try loadPackageFile("Examples/province.yaml")
        let units = OverviewChart(loaded).units.map { loaded.organization.nodes[$0].displayName }
        let sizes = try PDFFile.pageSizes(path)
        let titles = try (1...sizes.count).map { try PDFFile.text(path, page: $0).first ?? "" }
        let overviewPages = titles.prefix { $0.contains("Tổng quan") }.count
        // The province's overview is set out in rows: it fits one sheet.
        #expect(overviewPages == 1)
        #expect(sizes.count == units.count + overviewPages)
        #expect(sizes.allSatisfy { $0 == "1190.55 x 841.89" }, "\(sizes)")
        #expect(Array(titles.dropFirst(overviewPages)) == units)
    }

    @Test("without --landscape each A3 page lies upright or turned, whichever shows its chart larger")
    func turnedPages() throws {
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chart.pdf").path
        let result = try orggraph(["render", "Examples/province.yaml", "--pages", "units", "--paper", "a3", "-o", path])
        try #require(result.status == 0, "\(result.err)")
        let sizes = try PDFFile.pageSizes(path)
        #expect(sizes.count == 7)  // the overview on one page, then the six units
        #expect(sizes.allSatisfy { ["841.89 x 1190.55", "1190.55 x 841.89"].contains($0) }, "\(sizes)")
        #expect(sizes.contains("841.89 x 1190.55"))
        #expect(sizes.first == "1190.55 x 841.89")  // the overview is wider than high
    }

    @Test(
        "every box of the overview links to its unit's page",
        arguments: [("Examples/province.yaml", "a3"), ("Examples/district-school.yaml", "a4")])
    func links(file: String, paper: String) throws {
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chart.pdf").path
        let result = try orggraph(["render", file, "--pages", "units", "--paper", paper, "--landscape", "-o", path])
        try #require(result.status == 0, "\(result.err)")
        let pdf = try PDFFile(path)
        let loaded = try loadPackageFile(file)
        let unitCount = OverviewChart(loaded).units.count
        let overviewPages = pdf.pages.count - unitCount
        var linked = Set<Int>()
        for page in 1...overviewPages {
            for link in pdf.pages[page - 1].links {
                let target = try #require(pdf.destinations[link.destination])
                #expect(target > overviewPages)
                linked.insert(target)
                // The text under the link is the name the target page is titled with.
                let title = try #require(try PDFFile.text(path, page: target).first)
                let under = try PDFFile.text(path, page: page, crop: link.rect, pageHeight: pdf.pages[page - 1].height)
                let words = title.split(separator: " ").prefix(3).joined(separator: " ")
                #expect(under.joined(separator: " ").contains(words), "\(under) should name \(title)")
            }
        }
        #expect(linked == Set((overviewPages + 1)...(overviewPages + unitCount)))
    }

    @Test("a unit's page too big for the paper: exit 2, the unit named, nothing written")
    func tooBig() throws {
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        var yaml = """
            orggraph: 1
            nodes:
              - {id: tinh-uy, kind: provincial-party-committee, name: Tỉnh ủy}
              - {id: big, kind: public-service-unit, name: Bệnh viện Rất Lớn, level: provincial}
              - {id: upc, kind: unit-party-committee, name: Đảng ủy Bệnh viện Rất Lớn, part-of: big}

            """
        for cell in 0..<300 {
            yaml += "  - {id: cell-\(cell), kind: subordinate-cell, name: Chi bộ khoa số \(cell), part-of: upc}\n"
        }
        yaml += "relations:\n  - {type: superior-of, from: tinh-uy, to: upc}\n"
        let input = folder.appendingPathComponent("big.yaml")
        try yaml.write(to: input, atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("chart.pdf").path
        let result = try orggraph(["render", input.path, "--pages", "units", "--paper", "a4", "-o", path])
        #expect(result.status == 2)
        #expect(result.err.contains("'Bệnh viện Rất Lớn' is too big for A4"), "\(result.err)")
        #expect(result.err.contains("--paper a3"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("the same input gives the same PDF bytes, with no creation date")
    func deterministic() throws {
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let path = folder.appendingPathComponent(name).path
            let result = try orggraph([
                "render", "Examples/district-school.yaml", "--pages", "units", "--paper", "a4", "--landscape", "-o",
                path,
            ])
            try #require(result.status == 0, "\(result.err)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            if outputs.count == 1 { Thread.sleep(forTimeInterval: 1.1) }
        }
        #expect(outputs[0] == outputs[1])
        #expect(!String(decoding: outputs[0], as: UTF8.self).contains("/CreationDate"))
        let sizes = try PDFFile.pageSizes(folder.appendingPathComponent("a.pdf").path)
        #expect(sizes.count > 1)
        #expect(sizes.allSatisfy { $0 == "841.89 x 595.276" }, "\(sizes)")
    }

    @Test("--paper fits a single chart to the sheet; the overview alone is split over sheets when it must be")
    func paperAlone() throws {
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = folder.appendingPathComponent("single.pdf").path
        let fits = try orggraph([
            "render", "Examples/central-hospital.yaml", "--no-legend", "--paper", "a3", "--landscape", "-o", single,
        ])
        #expect(fits.status == 0, "\(fits.err)")
        #expect(try PDFFile.pageSizes(single) == ["1190.55 x 841.89"])
        let tooBig = try orggraph([
            "render", "Examples/hospital.yaml", "--paper", "a4", "-o", folder.appendingPathComponent("big.pdf").path,
        ])
        #expect(tooBig.status == 2)
        #expect(tooBig.err.contains("the chart is too big for A4"), "\(tooBig.err)")

        let generated = folder.appendingPathComponent("generated.yaml").path
        let made = try orggraph([
            "generate", "--provinces", "1", "--districts", "3", "--communes", "4", "--provincial-units", "10",
            "--district-units", "3", "--seed", "2", "-o", generated,
        ])
        try #require(made.status == 0, "\(made.err)")
        let overview = folder.appendingPathComponent("overview.pdf").path
        let result = try orggraph(["render", generated, "--view", "overview", "--paper", "a4", "-o", overview])
        #expect(result.status == 0, "\(result.err)")
        let sizes = try PDFFile.pageSizes(overview)
        #expect(sizes.count > 1)
        #expect(sizes.allSatisfy { ["595.276 x 841.89", "841.89 x 595.276"].contains($0) }, "\(sizes)")
        // Every unit is on some page of the overview.
        let loaded = try OrganizationLoader().load(
            bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: generated))), file: generated)
        let text = try (1...sizes.count).flatMap { try PDFFile.text(overview, page: $0) }.joined(separator: " ")
        for unit in OverviewChart(loaded).units {
            let name = loaded.organization.nodes[unit].displayName.split(separator: " ").prefix(2).joined(
                separator: " ")
            #expect(text.contains(name), "\(name)")
        }
    }

    @Test("usage: --pages writes only PDF, --landscape needs --paper, the overview takes no --focus")
    func usage() throws {
        let cases: [[String]] = [
            ["--pages", "units", "-o", "chart.svg"],
            ["--pages", "units", "--format", "png", "-o", "-"],
            ["--paper", "a4", "-o", "chart.svg"],
            ["--landscape", "-o", "chart.pdf"],
            ["--view", "overview", "--focus", "tinh-uy", "-o", "-"],
            ["--pages", "units", "--view", "overview", "-o", "chart.pdf"],
            ["--paper", "a5", "-o", "chart.pdf"],
        ]
        let folder = try temporaryFolder("orggraph-pages")
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in cases {
            let result = try orggraph(["render", "Examples/hospital.yaml"] + arguments, directory: folder)
            #expect(result.status == 2, "\(arguments): \(result.err)")
            #expect(!result.err.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// A PDF as cairo writes it, read back: its pages (in order, with their link annotations) and
/// its named destinations; and poppler's `pdfinfo` and `pdftotext` run on it.
struct PDFFile {
    struct Link {
        /// `[x1, y1, x2, y2]` in PDF points, y up.
        var rect: [Double]
        var destination: String
    }

    struct Page {
        var height: Double
        var links: [Link]
    }

    var pages: [Page] = []
    /// The page number of each named destination.
    var destinations: [String: Int] = [:]

    /// Reads the objects of the file at `path`: cairo writes pages, annotations and the
    /// destination names uncompressed.
    init(_ path: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var objects: [Int: String] = [:]
        let pattern = try NSRegularExpression(pattern: "(?s)(\\d+) 0 obj(.*?)endobj")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let id = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                let body = Range(match.range(at: 2), in: text)
            else { continue }
            objects[id] = String(text[body])
        }
        func references(_ text: String) -> [Int] {
            text.split(separator: "R").compactMap { Int($0.split(separator: " ").dropLast().last ?? "") }
        }
        func numbers(after key: String, in body: String) -> [Double] {
            guard let start = body.range(of: key + " [") else { return [] }
            let rest = body[start.upperBound...]
            let end = rest.firstIndex(of: "]") ?? rest.endIndex
            return rest[..<end].split(separator: " ").compactMap { Double($0) }
        }
        guard let tree = objects.values.first(where: { $0.contains("/Type /Pages") }),
            let kidsStart = tree.range(of: "/Kids [")
        else { throw TestFailure("no page tree") }
        let kids = tree[kidsStart.upperBound...].prefix { $0 != "]" }
        var pageNumber: [Int: Int] = [:]
        for (index, id) in references(String(kids)).enumerated() {
            pageNumber[id] = index + 1
            let body = objects[id] ?? ""
            let media = numbers(after: "/MediaBox", in: body)
            var links: [Link] = []
            if let annots = body.range(of: "/Annots [") {
                for annot in references(String(body[annots.upperBound...].prefix { $0 != "]" })) {
                    let object = objects[annot] ?? ""
                    guard let dest = object.range(of: "/Dest (") else { continue }
                    let name = object[dest.upperBound...].prefix { $0 != ")" }
                    links.append(Link(rect: numbers(after: "/Rect", in: object), destination: String(name)))
                }
            }
            pages.append(Page(height: media.count == 4 ? media[3] : 0, links: links))
        }
        // `/Names [ (page-1) [2 0 R /XYZ ...] ... ]`
        let names = try NSRegularExpression(pattern: "\\((page-\\d+)\\) \\[(\\d+) 0 R")
        for match in names.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let name = Range(match.range(at: 1), in: text), let id = Range(match.range(at: 2), in: text),
                let page = Int(text[id]).flatMap({ pageNumber[$0] })
            else { continue }
            destinations[String(text[name])] = page
        }
    }

    /// The size of every page as `pdfinfo` prints it (`595.276 x 841.89`).
    static func pageSizes(_ path: String) throws -> [String] {
        let info = try poppler("pdfinfo", [path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.split(separator: " ").last ?? "")
        }
        guard let pages else { throw TestFailure("pdfinfo: no page count") }
        let sizes = try poppler("pdfinfo", ["-f", "1", "-l", "\(pages)", path])
        return sizes.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }.map { line in
            let value = line.split(separator: ":", maxSplits: 1).last ?? ""
            return value.replacingOccurrences(of: " pts", with: "").split(separator: "(").first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
    }

    /// The lines of text on page `page`, or only in `crop` (`[x1, y1, x2, y2]`, PDF points, y up).
    static func text(_ path: String, page: Int, crop: [Double]? = nil, pageHeight: Double = 0) throws -> [String] {
        var arguments = ["-f", "\(page)", "-l", "\(page)"]
        if let crop, crop.count == 4 {
            arguments += [
                "-x", "\(Int(crop[0]))", "-y", "\(Int(pageHeight - crop[3]))", "-W", "\(Int(crop[2] - crop[0]) + 1)",
                "-H", "\(Int(crop[3] - crop[1]) + 1)",
            ]
        }
        let text = try poppler("pdftotext", arguments + [path, "-"])
        return text.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }.filter { !$0.isEmpty && $0 != "\u{0C}" }
    }

    private static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let run = try orggraph(arguments, executable: URL(fileURLWithPath: "/usr/bin/" + tool))
        guard run.status == 0 else { throw TestFailure("\(tool) \(arguments): \(run.err)") }
        return run.out
    }
}
