import Foundation
import OrgGraph
import Testing

@testable import OrgGraphGraphviz

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every example renders in-process to SVG, PNG and PDF that are well formed. (The bytes
/// themselves change with the Graphviz version; only their form is checked.)
@Suite("Rendering the examples")
struct RenderFormatTests {
    @Test("SVG: well-formed XML with a node for every node of the file", arguments: examplePaths)
    func svg(path: String) throws {
        let loaded = try loadPackageFile(path)
        let bytes = try GraphvizRenderer().render(try Chart(loaded), format: .svg)
        let document = try SVGDocument(bytes)
        #expect(document.root == "svg")
        #expect(document.nodeTitles.isSuperset(of: loaded.organization.nodes.map(\.id)))
    }

    @Test("the graph built in memory renders exactly as its DOT text, parsed", arguments: examplePaths)
    func inMemoryMatchesText(path: String) throws {
        let loaded = try loadPackageFile(path)
        let findings = Auditor(rulebook: RulebookLoader.regulation125).audit(loaded).findings
        // The wide layout: one pass of dot, as rendering DOT text does. (The compact layout lays
        // out the same statements in two passes.)
        let chart = try Chart(loaded, options: ChartOptions(findings: findings, wide: true))
        let built = String(decoding: try GraphvizRenderer().render(chart, format: .svg), as: UTF8.self)
        let parsed = String(
            decoding: try GraphvizRenderer().render(DOTWriter().write(chart), format: .svg), as: UTF8.self)
        let builtLines = built.split(separator: "\n", omittingEmptySubsequences: false)
        let parsedLines = parsed.split(separator: "\n", omittingEmptySubsequences: false)
        let difference = zip(builtLines, parsedLines).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
            difference == nil,
            "first different line, \(difference.map { "\($0.offset + 1): \($0.element.0) | \($0.element.1)" } ?? "")")
        #expect(builtLines.count == parsedLines.count)
    }

    @Test("clusters are laid out in the order the DOT text writes them, the same every time", arguments: examplePaths)
    func clusterOrder(path: String) throws {
        let chart = try Chart(try loadPackageFile(path))
        let written = DOTWriter().write(chart).split(separator: "\n").compactMap { line -> String? in
            let line = line.drop { $0 == " " }
            guard line.hasPrefix("subgraph \"cluster") else { return nil }
            return String(line.dropFirst("subgraph \"".count).prefix { $0 != "\"" })
        }
        let first = try GraphvizRenderer().render(chart, format: .svg)
        // Other charts laid out in between leave the heap another shape: the layout must not
        // follow where the names of the clusters happen to be allocated.
        var again: [[UInt8]] = []
        for other in examplePaths.prefix(3) {
            _ = try GraphvizRenderer().render(try Chart(try loadPackageFile(other)), format: .svg)
            again.append(try GraphvizRenderer().render(chart, format: .svg))
        }
        #expect(try SVGDocument(first).clusterTitles == written)
        #expect(again.allSatisfy { $0 == first })
    }

    @Test("PNG: the signature, and a size between a thumbnail and a wall", arguments: examplePaths)
    func png(path: String) throws {
        let bytes = try GraphvizRenderer().render(try Chart(try loadPackageFile(path)), format: .png)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let size = try #require(PNGSize(bytes))
        #expect((400...30_000).contains(size.width), "width \(size.width)")
        #expect((200...10_000).contains(size.height), "height \(size.height)")
    }

    @Test("PDF: the header and the end-of-file marker", arguments: examplePaths)
    func pdf(path: String) throws {
        let bytes = try GraphvizRenderer().render(try Chart(try loadPackageFile(path)), format: .pdf)
        #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: bytes.suffix(16), as: UTF8.self).contains("%%EOF"))
        #expect(bytes.count > 10_000)
    }

    @Test("every layout engine draws the hospital", arguments: GraphvizLayout.allCases)
    func layouts(layout: GraphvizLayout) throws {
        let bytes = try GraphvizRenderer().render(
            try Chart(try loadPackageFile("Examples/hospital.yaml")), layout: layout, format: .svg)
        #expect(try SVGDocument(bytes).nodeTitles.contains("dang-uy-bv"))
    }

    @Test("Vietnamese labels reach the SVG as written, in DejaVu Sans")
    func vietnamese() throws {
        let loaded = try loadPackageFile("Examples/hospital.yaml")
        let bytes = try GraphvizRenderer().render(
            try Chart(loaded, options: ChartOptions(language: .vietnamese)), format: .svg)
        let document = try SVGDocument(bytes)
        #expect(document.texts.contains("Đảng ủy cơ sở"))
        #expect(document.texts.contains("Chú giải"))
        #expect(document.texts.contains { $0.contains("Tỉnh ủy Lâm Đồng") })
        #expect(document.fontFamilies == ["DejaVu Sans"])
    }

    @Test("the chart font is installed: fontconfig gives DejaVu Sans its own file, not a stand-in")
    func chartFontInstalled() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-match", "-f", "%{file}", DOTWriter.fontName]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let file = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(file.hasSuffix("/DejaVuSans.ttf"), "fontconfig gives '\(file)'; Scripts/setup.sh installs the font")
    }
}

/// The width and height in a PNG's header chunk.
struct PNGSize {
    var width: Int
    var height: Int

    init?(_ bytes: [UInt8]) {
        guard bytes.count > 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = number(16)
        height = number(20)
    }
}

/// What a test reads from an SVG: its root element, the titles of its nodes, its texts and fonts.
final class SVGDocument: NSObject, XMLParserDelegate {
    private(set) var root = ""
    private(set) var nodeTitles = Set<String>()
    private(set) var texts: [String] = []
    private(set) var fontFamilies = Set<String>()
    /// The titles of the clusters, in the order they are drawn.
    private(set) var clusterTitles: [String] = []
    private var inNode = 0
    private var inCluster = 0
    private var element = ""
    private var buffer = ""

    /// Parses `bytes`.
    /// - Throws: when the bytes are not well-formed XML.
    init(_ bytes: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse() else {
            throw TestFailure("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root.isEmpty { root = name }
        if name == "g", attributes["class"] == "node" { inNode += 1 }
        if name == "g", attributes["class"] == "cluster" { inCluster += 1 }
        if let family = attributes["font-family"] { fontFamilies.insert(family) }
        element = name
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        buffer += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", inNode > 0 { nodeTitles.insert(buffer) }
        if name == "title", inCluster > 0 {
            clusterTitles.append(buffer)
            inCluster -= 1
        }
        if name == "text" { texts.append(buffer) }
        if name == "g", inNode > 0 { inNode -= 1 }
        buffer = ""
    }
}
