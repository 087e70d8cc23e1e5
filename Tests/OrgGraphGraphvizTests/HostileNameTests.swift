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

/// Names that Graphviz would read as character references or that XML cannot hold: every chart
/// is well-formed XML and shows each name as written.
@Suite("Hostile names in charts")
struct HostileNameTests {
    /// Names of every troublesome class, and the text the chart must show for each (control
    /// characters and characters XML cannot hold are drawn as U+FFFD).
    static let names: [(name: String, shown: String)] = [
        ("C0 &#x1; &#1; &#x0; &#27; &#x1B; &#31;", "C0 &#x1; &#1; &#x0; &#27; &#x1B; &#31;"),
        ("DEL &#127; C1 &#x85; &#x9B; &#159;", "DEL &#127; C1 &#x85; &#x9B; &#159;"),
        ("surrogates &#xD800; &#xDFFF; &#55296;", "surrogates &#xD800; &#xDFFF; &#55296;"),
        ("non-characters &#xFFFE; &#xFFFF; &#65534;", "non-characters &#xFFFE; &#xFFFF; &#65534;"),
        ("&amp; &lt; &gt; &quot; &apos; &nbsp; &#38; &", "&amp; &lt; &gt; &quot; &apos; &nbsp; &#38; &"),
        ("CDATA end ]]> <![CDATA[ x ]]> <!-- -- -->", "CDATA end ]]> <![CDATA[ x ]]> <!-- -- -->"),
        (
            "quotes \"double\" 'single' \\\" \\N \\\\ back\\slash",
            "quotes \"double\" 'single' \\\" \\N \\\\ back\\slash"
        ),
        ("raw \u{1}\u{1B}\u{7F}\u{85}\u{9B} controls", "raw \u{FFFD}\u{FFFD}\u{FFFD} \u{FFFD} controls"),
        ("raw \u{FFFE}\u{FFFF} non-characters", "raw \u{FFFD}\u{FFFD} non-characters"),
        ("new\nline and\ttab", "new line and tab"),
        ("&#x" + String(repeating: "F", count: 60) + ";", "&#x" + String(repeating: "F", count: 60) + ";"),
    ]

    /// One node a name, plus a unit whose sector and the title are hostile too.
    static func organization() -> Organization {
        var nodes = names.enumerated().map {
            Node(id: "n\($0.offset)", kind: .provincialPartyCommittee, name: $0.element.name)
        }
        var unit = Node(
            id: "unit", kind: .publicServiceUnit, name: "unit &#27;", level: .provincial, sector: "&#xD800;&amp;")
        unit.level = .provincial
        nodes.append(unit)
        nodes.append(Node(id: "a&#x1;b", kind: .unitHead, name: nil))
        // A name that cleans to nothing shows the id, cleaned the same way.
        nodes.append(Node(id: "id\u{1D}\u{FFFE}x", kind: .unitHead, name: "\u{2028}"))
        return Organization(title: "title &#x1; &amp;", nodes: nodes, relations: [])
    }

    static func unspaced(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    @Test("the SVG is well-formed XML and shows every name, title and sector as written")
    func svgShowsNamesAsWritten() throws {
        let chart = try Chart(try LoadedOrganization(Self.organization()))
        let svg = try GraphvizRenderer().render(chart, format: .svg)
        let document = try SVGDocument(svg)
        let shown = Self.unspaced(document.texts.joined())
        for (name, expected) in Self.names {
            // Long names are wrapped into lines and cut after five; the test names fit.
            #expect(shown.contains(Self.unspaced(expected)), "\(name.debugDescription)")
        }
        #expect(shown.contains(Self.unspaced("title &#x1; &amp;")))
        #expect(shown.contains(Self.unspaced("unit &#27;")))
        #expect(shown.contains(Self.unspaced("&#xD800;&amp;")))
        #expect(shown.contains("id\u{FFFD}\u{FFFD}x"))
        // An id with `&` is not used as the node's name (its SVG title would start a reference).
        #expect(document.nodeTitles.allSatisfy { !$0.contains("&") })
    }

    @Test("labels reach libgvc with & quoted and XML's missing characters replaced")
    func drawableLabels() {
        #expect(GraphvizLabel.drawable("Tỉnh ủy\\nLâm Đồng") == "Tỉnh ủy\\nLâm Đồng")
        #expect(GraphvizLabel.drawable("a &#x1; &amp;") == "a &amp;#x1; &amp;amp;")
        #expect(GraphvizLabel.drawable("\u{FFFE}\u{FFFF}&") == "\u{FFFD}\u{FFFD}&amp;")
        #expect(!DOTText.isVerbatim("a&b"))
        #expect(!DOTText.isVerbatim("a\u{FFFE}"))
    }

    @Test("the DOT text keeps the names as the writer escapes them: no & quoting")
    func dotKeepsNames() throws {
        let chart = try Chart(try LoadedOrganization(Self.organization()))
        let dot = DOTWriter().write(chart)
        #expect(dot.contains("label=\"&amp; &lt; &gt;\\n&quot; &apos;\\n&nbsp; &#38; &\\nProvincial party committee\""))
        #expect(!dot.contains("&amp;amp;"))
    }

    @Test("a Graphviz error is one line, cut, with advice")
    func oneLineError() {
        let dump = "trouble in init_rank\n" + Array(repeating: "\t%0 110\n", count: 5_000).joined()
        let error = GraphvizError(stage: .layout, messages: [dump, "second"])
        #expect(
            error.description
                == "Graphviz could not lay out the chart: trouble in init_rank (and 1 more); draw part of it with --focus ID --depth N or --relations, or try another --layout"
        )
        let long = GraphvizError.oneLine(String(repeating: "x", count: 500))
        #expect(long == String(repeating: "x", count: GraphvizError.messageLimit) + " …")
    }
}
