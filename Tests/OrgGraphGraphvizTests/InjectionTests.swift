import Foundation
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphGraphviz
@testable import OrgGraphQuery

/// No text from an organization can inject DOT: Graphviz parses the chart of a hostile
/// organization into exactly the intended nodes, labels and attributes.
@Suite("DOT injection")
struct InjectionTests {
    /// Ids and names full of quotes, backslashes, line breaks, angle brackets, statements and
    /// escString sequences. The ids go past the loader's rules (the library takes any).
    static let hostile: [(id: String, name: String?)] = [
        ("tinh-uy:1.a_b", "Tỉnh ủy \"Lâm Đồng\" \\\" end"),
        ("x\"];evil[label=\"y", "]; node [image=\"/etc/passwd\"] x [label=\""),
        ("back\\slash\\", "\\N \\G \\E \\T \\H \\L \\l \\r \\n \\\\N"),
        ("new\nline", "first line\nsecond\r\nthird\tfourth"),
        ("<b>html</b>", "<b>bold</b> <IMG SRC=\"/etc/passwd\"/> &amp; <"),
        ("]; node [shapefile=\"/etc/passwd\"]", "\\"),
        ("#7", "\""),
        ("ok", nil),
        ("unit\\", "Trường \\\"quoted\\\" // comment # hash"),
    ]

    static func organization() -> Organization {
        var nodes = hostile.map { Node(id: $0.id, kind: .provincialPartyCommittee, name: $0.name) }
        nodes[8].kind = .publicServiceUnit
        nodes[8].level = .provincial
        nodes[8].sector = "health\"] [URL=\"javascript:alert(1)\""
        var cell = Node(id: "cell\"x", kind: .grassrootsCell, name: "Chi bộ \\\"] [image=\"a.png\"", partOf: "unit\\")
        cell.level = nil
        nodes.append(cell)
        let relations = [
            Relation(type: .leads, from: hostile[0].id, to: hostile[1].id),
            Relation(type: .reportsTo, from: hostile[2].id, to: hostile[3].id),
            Relation(type: .leads, from: hostile[4].id, to: "cell\"x"),
            Relation(type: .invites, from: hostile[5].id, to: hostile[6].id),
        ]
        return Organization(
            title: "Title \"] [image=\"/etc/passwd\"] \\G", nodes: nodes, relations: RelationList(relations))
    }

    /// The DOT name the writer must give node `index`.
    static func expectedName(_ index: Int, _ id: String) -> String {
        DOTText.isVerbatim(id) ? id : "#\(index)"
    }

    /// Reads an escString label as Graphviz shows it: `\\` is a backslash, `\n` a line break;
    /// any other escape would be a substitution the writer let through.
    static func shownLines(_ raw: String) throws -> [String] {
        var lines = [""]
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                lines[lines.count - 1].append(character)
                continue
            }
            switch iterator.next() {
            case "\\": lines[lines.count - 1].append("\\")
            case "n": lines.append("")
            case let other: throw TestFailure("escString sequence \\\(other.map(String.init) ?? "") in \(raw)")
            }
        }
        return lines
    }

    static func unspaced(_ text: String) -> String { text.filter { $0 != " " } }

    @Test("Graphviz reads back exactly the intended nodes, labels and attributes")
    func parsesIntoIntendedNodes() throws {
        let loaded = try LoadedOrganization(Self.organization())
        let chart = try Chart(loaded, options: ChartOptions(findings: []))
        let dot = DOTWriter().write(chart)
        let parsed = try DOTInspection.parse(dot)

        let nodes = loaded.organization.nodes
        let expected = nodes.enumerated().map { Self.expectedName($0.offset, $0.element.id) }
        let drawn = parsed.nodes.filter { !$0.name.hasPrefix("#legend") }
        #expect(drawn.map(\.name).sorted() == expected.sorted())
        #expect(parsed.nodes.filter { $0.name.hasPrefix("#legend") }.allSatisfy { $0.name.count < 60 })

        for (index, node) in nodes.enumerated() {
            let object = try #require(drawn.first { $0.name == expected[index] })
            let lines = try Self.shownLines(try #require(object.attributes["label"]))
            let name = LabelText.clean(node.displayName)
            if node.kind == .publicServiceUnit {
                let kindLine = try #require(lines.firstIndex { $0.hasPrefix("Public service unit") })
                #expect(Self.unspaced(lines[..<kindLine].joined()) == Self.unspaced(name))
                #expect(lines[kindLine...].joined(separator: " ").hasSuffix("health\"] [URL=\"javascript:alert(1)\""))
            } else {
                // Wrapping only turns spaces into line breaks, or breaks a long word.
                #expect(Self.unspaced(lines.dropLast().joined()) == Self.unspaced(name), "node \(index)")
                #expect(lines.last == node.kind.englishName)
            }
        }
        #expect(
            try Self.shownLines(try #require(parsed.graphAttributes["label"])) == [
                "Title \"] [image=\"/etc/passwd\"] \\G"
            ])

        let allowed = Set(DOTAttribute.allCases.map(\.rawValue))
        #expect(parsed.declaredAttributes.isSubset(of: allowed), "\(parsed.declaredAttributes.subtracting(allowed))")
        #expect(parsed.declaredAttributes.isDisjoint(with: DOTAttribute.forbidden))
        for object in parsed.nodes + parsed.subgraphs {
            #expect(Set(object.attributes.keys).isSubset(of: allowed))
        }
        let visible = parsed.edges.filter { $0.attributes["style"] != "invis" && !$0.tail.hasPrefix("#legend") }
        #expect(visible.count == 4)
        #expect(visible.contains { $0.tail == expected[0] && $0.head == expected[1] })
        #expect(visible.contains { $0.tail == expected[4] && $0.head == expected[9] })
        let subgraphNames = parsed.subgraphs.map(\.name)
        #expect(
            subgraphNames.allSatisfy {
                $0.hasPrefix("cluster_") || $0.hasPrefix("legend_row_") || $0.hasPrefix("level_")
            })
    }

    @Test("the hostile chart renders, and its texts are shown literally")
    func rendersLiterally() throws {
        let chart = try Chart(try LoadedOrganization(Self.organization()))
        let bytes = try GraphvizRenderer().render(chart, format: .svg)
        let document = try SVGDocument(bytes)
        let text = document.texts.joined(separator: " ")
        #expect(text.contains("\\N \\G \\E \\T \\H"))
        #expect(text.contains("<b>bold</b> <IMG"))
        #expect(text.contains("Tỉnh ủy \"Lâm Đồng\" \\\" end"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("<image"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("javascript:alert(1)\"/>"))
    }

    @Test("escaping: backslashes doubled before quotes, so nothing closes the string early")
    func escaping() {
        #expect(DOTText.escString("a\\\"b") == #""a\\\"b""#)
        #expect(DOTText.escString("\\") == #""\\""#)
        #expect(DOTText.escString("\\N") == #""\\N""#)
        #expect(DOTText.escString(lines: ["a", "b"]) == #""a\nb""#)
        #expect(!DOTText.isVerbatim("a\"b"))
        #expect(!DOTText.isVerbatim("#1"))
        #expect(!DOTText.isVerbatim("a\u{1}"))
        #expect(DOTText.isVerbatim("tỉnh-ủy:1.a_b"))
    }

    @Test("a NUL is refused, in a name and in DOT text")
    func nul() throws {
        let organization = Organization(nodes: [Node(id: "a", kind: .unitHead, name: "x\0y")])
        #expect(throws: ChartError.containsNUL(field: "name", node: "a")) {
            try Chart(try LoadedOrganization(organization))
        }
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer().render("digraph { a [label=\"x\0\"] }", format: .svg)
        }
    }

    @Test("no attribute of the allowlist reads files or links")
    func allowlist() {
        #expect(Set(DOTAttribute.allCases.map(\.rawValue)).isDisjoint(with: DOTAttribute.forbidden))
    }
}
