import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphCore
@testable import OrgGraphExport
@testable import OrgGraphFormat
@testable import OrgGraphGenerate

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The exports for other tools (GraphML, node-link JSON, Mermaid): deterministic, well formed,
/// and holding every name of a file full of hostile names exactly, or as documented. The real
/// readers (networkx, igraph) read them in Scripts/interchange-test.sh.
@Suite("Exports")
struct ExportTests {
    static let hostilePath = "Tests/Interchange/hostile-names.yaml"

    /// The examples that are organizations, and the hostile-names fixture.
    static let files: [String] = examplePaths(broken: false) + examplePaths(broken: true) + [hostilePath]

    static func generated(_ structure: OrganizationGenerator.Structure) throws -> LoadedOrganization {
        let size = OrganizationGenerator.Size(
            provinces: 1, districtsPerProvince: 2, communesPerDistrict: 3, provincialUnitsPerProvince: 4,
            districtUnitsPerDistrict: 2)
        let organization = try OrganizationGenerator(size: size, seed: 3, structure: structure).generate().organization
        return try LoadedOrganization(organization)
    }

    /// Every export of `loaded`, each written with its options.
    static func exports(_ loaded: LoadedOrganization) -> [String] {
        [
            ExportFormat.graphml.write(loaded).text,
            ExportFormat.graphml.write(loaded, options: .init(yed: true)).text,
            ExportFormat.nodeLink.write(loaded).text,
            ExportFormat.mermaid.write(loaded).text,
            ExportFormat.mermaid.write(loaded, options: .init(markdown: true)).text,
        ]
    }

    // MARK: Determinism

    @Test("Each export of a file is byte-identical across two loads", arguments: files)
    func deterministic(_ path: String) throws {
        let first = Self.exports(try loadPackageFile(path))
        let second = Self.exports(try loadPackageFile(path))
        #expect(first.map { Array($0.utf8) } == second.map { Array($0.utf8) })
    }

    @Test("Each export of a generated organization is byte-identical across two generations")
    func deterministicGenerated() throws {
        for structure in [OrganizationGenerator.Structure.threeTier, .twoTier] {
            let first = Self.exports(try Self.generated(structure))
            let second = Self.exports(try Self.generated(structure))
            #expect(first.map { Array($0.utf8) } == second.map { Array($0.utf8) })
            #expect(first[3].hasPrefix("flowchart TB\n"))
        }
    }

    // MARK: GraphML

    @Test("GraphML is well-formed XML whose nodes hold every name, XML's forbidden characters as pictures")
    func graphMLHostile() throws {
        let loaded = try loadPackageFile(Self.hostilePath)
        for yed in [false, true] {
            let text = GraphMLWriter.write(loaded.organization, yed: yed)
            let read = try GraphMLRead(text)
            #expect(read.nodes.map(\.id) == loaded.organization.nodes.map(\.id))
            for (node, readNode) in zip(loaded.organization.nodes, read.nodes) {
                #expect(readNode.data["name"] == node.name.map(Self.xmlVisible), "\(node.id)")
                #expect(readNode.data["note"] == node.note.map(Self.xmlVisible), "\(node.id)")
                for attribute in node.attributes {
                    #expect(readNode.data["attr:" + Self.xmlVisible(attribute.key)] == Self.xmlVisible(attribute.value))
                }
            }
            let relations = loaded.organization.relations
            let shorthand = loaded.organization.nodes.filter { $0.partOf != nil }
            #expect(read.edges.count == relations.count + shorthand.count)
            #expect(
                read.edges.map(\.id) == relations.indices.map { "r\($0)" }
                    + loaded.organization.nodes.indices
                    .filter { loaded.organization.nodes[$0].partOf != nil }.map { "p\($0)" })
            // Parallel edges kept apart, with their own periods.
            #expect(read.edges[2].data["period"] == "6-months|1-year")
            #expect(read.edges[3].data["period"] == "")
            #expect(read.edges[0].data["note"] == "note \"<x>\" --> %%")
            #expect(read.graph["title"] == loaded.organization.title.map(Self.xmlVisible))
            #expect(text.contains("<y:ShapeNode>") == yed)
        }
    }

    @Test("XML text: markup escaped, CR/LF/tab as references, the C0 controls XML cannot hold as pictures")
    func xmlText() {
        #expect(XMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;")
        #expect(XMLText.escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(XMLText.escape("\u{1}\u{1F}\u{7F}\u{FFFE}\u{FFFF}") == "\u{2401}\u{241F}\u{7F}\u{FFFD}\u{FFFD}")
        #expect(XMLText.escape("Tỉnh ủy Lâm Đồng") == "Tỉnh ủy Lâm Đồng")
    }

    /// A string as the GraphML export makes it fit for XML 1.0.
    static func xmlVisible(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(XMLText.representable(scalar)) }
        return String(result)
    }

    // MARK: node-link

    @Test("node-link JSON holds every field exactly, links keyed as the GraphML edges")
    func nodeLinkHostile() throws {
        let loaded = try loadPackageFile(Self.hostilePath)
        let text = NodeLinkWriter.write(loaded.organization)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["directed", "multigraph", "graph", "nodes", "links"])
        #expect(object["directed"] as? Bool == true && object["multigraph"] as? Bool == true)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == loaded.organization.nodes.map(\.id))
        for (node, read) in zip(loaded.organization.nodes, nodes) {
            #expect((read["name"] as? String).map { Array($0.utf8) } == node.name.map { Array($0.utf8) })
            #expect((read["note"] as? String).map { Array($0.utf8) } == node.note.map { Array($0.utf8) })
        }
        let links = try #require(object["links"] as? [[String: Any]])
        #expect(links.count == loaded.organization.relations.count + 5)
        #expect(links[2]["period"] as? [String] == ["6-months", "1-year"])
        #expect(links[3]["period"] as? [String] == [])
        #expect(links.map { $0["key"] as? String }.prefix(2) == ["r0", "r1"])
        #expect(links.last?["key"] as? String == "p7")
        #expect(links.last?["type"] as? String == "part-of")
    }

    // MARK: Mermaid

    @Test("Mermaid: every label stays inside its quotes and decodes to the name, ids are generated")
    func mermaidHostile() throws {
        let loaded = try loadPackageFile(Self.hostilePath)
        let text = MermaidWriter.write(loaded).text
        var labels: [Int: String] = [:]
        for line in text.split(separator: "\n") {
            let quotes = line.filter { $0 == "\"" }.count
            // A node, a subgraph or a link has exactly one quoted label; nothing else has quotes.
            #expect(quotes == 0 || quotes == 2, "\(line)")
            guard quotes == 2, let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\"") else {
                continue
            }
            let label = String(line[line.index(after: open)..<close])
            #expect(
                label.unicodeScalars.allSatisfy { MermaidText.isSafe($0) || "#;0123456789".unicodeScalars.contains($0) }
            )
            let head = line.drop { $0 == " " }
            let id: Substring =
                head.hasPrefix("subgraph ")
                ? head.dropFirst(9).prefix { $0 != " " } : head.prefix { $0.isLetter || $0.isNumber }
            if !head.contains("|"), let index = Int(id.dropFirst()) { labels[index] = Self.decode(label) }
        }
        for (index, node) in loaded.organization.nodes.enumerated() {
            let expected = node.name.flatMap { $0.isEmpty ? nil : $0 } ?? node.id
            #expect(labels[index].map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars), "n\(index)")
        }
        // Outside the labels: no file id, no click, no comment, no HTML.
        let outside = text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: "\"\"")
        for word in ["tinh-uy", "dang-uy-bv", "click", "%%", "<", "&", "`"] {
            #expect(!outside.contains(word), "\(word)")
        }
    }

    @Test("Mermaid label encoding: the safe set as is, everything else as entity codes, end spaces too")
    func mermaidText() {
        #expect(MermaidText.quoted("Tỉnh ủy (Lâm Đồng), 2025") == "\"Tỉnh ủy (Lâm Đồng), 2025\"")
        #expect(MermaidText.quoted("a\"b") == "\"a#quot;b\"")
        #expect(MermaidText.quoted("x-->|y|;%%") == "\"x--#62;#124;y#124;#59;#37;#37;\"")
        #expect(MermaidText.quoted("#quot;") == "\"#35;quot#59;\"")
        #expect(MermaidText.quoted(" a ") == "\"#32;a#32;\"")
        #expect(MermaidText.quoted("`<b>`\n") == "\"#96;#60;b#62;#96;#10;\"")
    }

    @Test("Mermaid: units are subgraphs, party and state told apart by class, a part-of to the own unit left out")
    func mermaidStructure() throws {
        let loaded = try loadPackageFile("Examples/hospital.yaml")
        let text = MermaidWriter.write(loaded).text
        let nodes = loaded.organization.nodes
        let unit = try #require(nodes.firstIndex { $0.kind == .publicServiceUnit })
        #expect(text.contains("  subgraph n\(unit) [\"\(nodes[unit].name ?? "")\"]\n"))
        let committee = try #require(nodes.firstIndex { $0.kind == .unitPartyCommittee && $0.partOf == nodes[unit].id })
        #expect(text.contains("    n\(committee)(\""))
        #expect(!text.contains("  n\(committee) --o|\"part-of\"| n\(unit)\n"))
        #expect(text.contains("classDef party_unit_party_committee fill:#FFCF40"))
        #expect(text.contains("classDef state_peoples_committee fill:#1F4E79"))
        #expect(text.contains("==>|\"leads\"|"))
        #expect(text.contains("-.->|\"reports-to"))
        let fenced = MermaidWriter.write(loaded, markdown: true).text
        #expect(fenced == "```mermaid\n" + text + "```\n")
        #expect(MermaidWriter.write(loaded).warning == nil)
    }

    @Test("Mermaid warns when the flowchart is larger than Mermaid draws")
    func mermaidTooLarge() throws {
        let nodes = [
            Node(id: "a", kind: .provincialPartyCommittee), Node(id: "b", kind: .districtPartyCommittee),
        ]
        func organization(_ count: Int) -> Organization {
            Organization(
                nodes: nodes,
                relations: RelationList((0..<count).map { _ in Relation(type: .leads, from: "a", to: "b") }))
        }
        #expect(MermaidWriter.write(try LoadedOrganization(organization(MermaidWriter.maximumLinks))).warning == nil)
        let export = MermaidWriter.write(try LoadedOrganization(organization(MermaidWriter.maximumLinks + 1)))
        #expect(export.warning?.hasPrefix("the flowchart has 501 links") == true)
        #expect(export.warning?.contains("maxEdges") == true)
    }

    /// A Mermaid label's text: `#quot;` and `#NNN;` decoded.
    static func decode(_ label: String) -> String {
        var result = String.UnicodeScalarView()
        var rest = Substring(label)
        while let first = rest.unicodeScalars.first {
            if first == "#", let end = rest.firstIndex(of: ";") {
                let code = rest[rest.index(after: rest.startIndex)..<end]
                if code == "quot" {
                    result.append("\"")
                } else if let value = UInt32(code), let scalar = Unicode.Scalar(value) {
                    result.append(scalar)
                }
                rest = rest[rest.index(after: end)...]
            } else {
                result.append(first)
                rest = Substring(rest.unicodeScalars.dropFirst())
            }
        }
        return String(result)
    }
}

/// A GraphML document read with Foundation's XML parser: the graph's data, each node's and
/// edge's data by the key's `attr.name`.
private final class GraphMLRead: NSObject, XMLParserDelegate {
    struct Element {
        var id: String
        var data: [String: String] = [:]
    }

    var keys: [String: String] = [:]
    var graph: [String: String] = [:]
    var nodes: [Element] = []
    var edges: [Element] = []
    private var current: (kind: String, key: String)?
    private var text = ""
    private var inside = ""

    init(_ document: String) throws {
        super.init()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "not well-formed")
        }
    }

    struct ParseError: Error { var description: String }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "key": if let id = attributes["id"], let attribute = attributes["attr.name"] { keys[id] = attribute }
        case "node":
            nodes.append(Element(id: attributes["id"] ?? ""))
            inside = "node"
        case "edge":
            edges.append(Element(id: attributes["id"] ?? ""))
            inside = "edge"
        case "data":
            current = (inside, attributes["key"] ?? "")
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "data", let (kind, key) = current, let attribute = keys[key] else {
            if name == "node" || name == "edge" { inside = "" }
            if name == "data" { current = nil }
            return
        }
        switch kind {
        case "node": nodes[nodes.count - 1].data[attribute] = text
        case "edge": edges[edges.count - 1].data[attribute] = text
        default: graph[attribute] = text
        }
        current = nil
    }
}
