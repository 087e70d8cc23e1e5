import Foundation
import FuzzSupport
import OrgGraph
import OrgGraphGraphviz

@testable import OrgGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// libFuzzer's entry: the bytes, read as UTF-8 and split at NUL bytes, become the names, ids and
/// title of a small organization (a committee, a unit with its party organization and a cell,
/// each pair joined by a relation), drawn to SVG through libgvc. The SVG must be well-formed XML
/// and every node's name must be shown, after XML decoding, as the chart's label text made from
/// it (the unit's name: every word of the lines its label keeps). A render that throws, a trap, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChartRenderer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    var parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    while parts.count < 5 { parts.append("") }
    let ids = ["tinh-uy", parts[1].isEmpty ? "bv" : parts[1], "dang-uy-bv", "chi-bo"]
    guard Set(ids).count == ids.count else { return 0 }
    var unit = Node(id: ids[1], kind: .publicServiceUnit, name: parts[0])
    unit.level = .provincial
    unit.sector = parts[4]
    let nodes = [
        Node(id: ids[0], kind: .provincialPartyCommittee, name: parts[2]),
        unit,
        Node(id: ids[2], kind: .unitPartyCommittee, name: parts[3], partOf: ids[1]),
        Node(id: ids[3], kind: .grassrootsCell, name: parts[0] + parts[2], partOf: ids[1]),
    ]
    let organization = Organization(
        title: parts[3], nodes: nodes,
        relations: [Relation(type: .leads, from: ids[0], to: ids[2]), Relation(type: .leads, from: ids[2], to: ids[3])])
    let chart: Chart
    do {
        chart = try Chart(try LoadedOrganization(organization))
    } catch {
        return 0  // a NUL or an invalid organization: refused before Graphviz, as it should be
    }
    let svg: [UInt8]
    do {
        svg = try GraphvizRenderer().render(chart, format: .svg)
    } catch {
        fatalError("the chart did not render: \(error)\nnames: \(parts.map { $0.debugDescription })")
    }
    let parser = XMLParser(data: Data(svg))
    let texts = TextCollector()
    parser.delegate = texts
    guard parser.parse() else {
        fatalError(
            "the SVG is not well-formed XML: \(String(describing: parser.parserError))\n\(String(decoding: svg, as: UTF8.self))"
        )
    }
    // Compared without white space, scalar by scalar: a combining mark after a line break joins
    // the space the break becomes, so characters would not match.
    let shown = unspaced(texts.texts.joined())
    // The unit's label keeps its first lines of the name; a longer name ends in "…" there.
    let kept = LabelText.wrap(LabelText.clean(parts[0]), width: NodeStyle.of(.publicServiceUnit).wrapWidth)
        .joined(separator: " ")
    for word in kept.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
    where word.allSatisfy(isPlain) {
        let wanted = unspaced(String(String.UnicodeScalarView(word)))
        // Literally, code unit by code unit: a word may end inside a character of the label.
        guard shown.range(of: wanted, options: .literal) != nil || word.count > 20 else {
            fatalError("the name's word \(String(word).debugDescription) is not shown; texts: \(texts.texts)")
        }
    }
    return 0
}

/// `text` without white space, as its scalars.
private func unspaced(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
}

/// Characters drawn as written (no control characters or characters XML cannot hold, which are
/// drawn as U+FFFD).
private func isPlain(_ scalar: Unicode.Scalar) -> Bool {
    !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        || scalar.properties.isWhitespace || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF)
}

/// The text of every `<text>` element.
private final class TextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    private var inText = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "text" {
            inText = true
            texts.append("")
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { inText = false }
    }
}
