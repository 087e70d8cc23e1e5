import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// `orggraph convert` loses nothing (SPEC §1): every example and every load-ok fixture, written
/// as JSON and as YAML by ``OrganizationWriter``, loads back to an equal organization, with every
/// string the same byte for byte; and the conversion is deterministic.
@Suite("Convert round trip")
struct ConvertRoundTripTests {
    // MARK: Files

    /// Every organization `*.yaml` under Examples/ (recursively; rulebooks, which start with
    /// `rulebook:`, left out) and every file of Fixtures/load-ok/, by path from the package
    /// root, sorted.
    static let files: [String] = {
        var paths: [String] = []
        let examples = packageRoot.appendingPathComponent("Examples").path
        for case let path as String in FileManager.default.enumerator(atPath: examples) ?? .init()
        where path.hasSuffix(".yaml") {
            let text = (try? String(contentsOfFile: examples + "/" + path, encoding: .utf8)) ?? ""
            if text.split(separator: "\n").contains(where: { $0.hasPrefix("rulebook:") && !text.contains("orggraph:") })
            {
                continue
            }
            paths.append("Examples/" + path)
        }
        let okFolder = "Tests/OrgGraphTests/Fixtures/load-ok"
        let ok =
            (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(okFolder).path))
            ?? []
        for name in ok where !name.hasPrefix(".") {
            paths.append(okFolder + "/" + name)
        }
        return paths.sorted()
    }()

    static func load(_ path: String) throws -> Organization {
        let bytes = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent(path)))
        return try OrganizationLoader().load(bytes: bytes, file: path, format: FileFormat(path: path)).organization
    }

    /// Loads text a writer produced.
    static func reload(_ text: String, as format: FileFormat) throws -> Organization {
        try OrganizationLoader().load(bytes: Array(text.utf8), file: "converted.\(format.rawValue)", format: format)
            .organization
    }

    /// Every string of an organization, in order, as UTF-8 bytes: `Organization` equality compares
    /// strings by canonical equivalence, which would not see NFD turned into NFC.
    static func strings(of organization: Organization) -> [[UInt8]] {
        var all: [String?] = [organization.title, organization.rulebook]
        for node in organization.nodes {
            all += [node.id, node.kind.rawValue, node.name, node.level?.rawValue, node.sector, node.partOf, node.note]
            all += node.attributes.flatMap { [$0.key, $0.value] }
        }
        for relation in organization.relations {
            all += [relation.type.rawValue, relation.from, relation.to, relation.basis?.rawValue, relation.note]
            all += (relation.period ?? []).map(\.rawValue)
            all += relation.attributes.flatMap { [$0.key, $0.value] }
        }
        for suppression in organization.suppressions {
            all += [suppression.rule, suppression.node, suppression.reason]
        }
        return all.map { $0.map { Array($0.utf8) } ?? [0xFF] }
    }

    @Test("The examples and the load-ok fixtures are all found")
    func filesFound() {
        #expect(Self.files.filter { $0.hasPrefix("Examples/broken/") }.count >= 2)
        #expect(Self.files.filter { $0.hasPrefix("Examples/") }.count >= 6)
        #expect(Self.files.contains("Tests/OrgGraphTests/Fixtures/load-ok/tricky-scalars.yaml"))
        #expect(Self.files.filter { $0.contains("/load-ok/") }.count >= 8)
    }

    // MARK: Round trips

    @Test("Written as JSON and as YAML, each file loads back equal, every string byte for byte", arguments: files)
    func roundTrip(_ path: String) throws {
        let original = try Self.load(path)
        #expect(!original.nodes.isEmpty)
        for format in FileFormat.allCases {
            let text = OrganizationWriter.write(original, as: format)
            let reloaded = try Self.reload(text, as: format)
            #expect(reloaded == original, "through \(format.rawValue)")
            #expect(Self.strings(of: reloaded) == Self.strings(of: original), "through \(format.rawValue)")
        }
    }

    @Test("YAML → JSON → YAML → JSON writes byte-identical JSON both times", arguments: files)
    func deterministic(_ path: String) throws {
        let original = try Self.load(path)
        let firstJSON = OrganizationWriter.write(original, as: .json)
        let yaml = OrganizationWriter.write(try Self.reload(firstJSON, as: .json), as: .yaml)
        let secondJSON = OrganizationWriter.write(try Self.reload(yaml, as: .yaml), as: .json)
        #expect(Array(secondJSON.utf8) == Array(firstJSON.utf8))
        // And the YAML is a fixed point: written from its own load, it is the same text.
        #expect(Array(OrganizationWriter.write(try Self.reload(yaml, as: .yaml), as: .yaml).utf8) == Array(yaml.utf8))
    }

    // MARK: Tricky scalars

    /// The strings of Fixtures/load-ok/tricky-scalars.yaml, in order: node *i* has string *i* as
    /// its name, note and sector, and as the key and the value of its one attribute.
    static let tricky: [String] = [
        "yes", "no", "null", "~", "123", "1.5", "0x1F", "2023-10-10", "- dash", "a: b", "a #b", "[x]", "{y}",
        "  leading space", "trailing space ", "quote\"s", "back\\slash", "tab\there", "line\nbreak",
        "e\u{301} (NFD)", "emoji 🇻🇳", "", "#", "'single'", "@at", "`tick`", "%pct", "!bang", "&amp", "*star",
        "|pipe", ">gt", "?q", ",comma", "U+2028 \u{2028} sep", "U+0085 \u{85} nel", "\u{FEFF} bom inside",
        "a * b", "<<", "Tỉnh ủy *Lâm Đồng*",
    ]

    /// The node ids of the fixture: words YAML would read as something else, and '.', ':', '_'.
    static let trickyIDs: [String] =
        ["yes", "null", "123", "1.5", "0x1F", "2023-10-10", "true", "tinh_uy.lam-dong:2025"]
        + (8..<40).map { "node.\($0 < 10 ? "0" : "")\($0):x_y" }

    static let trickyPath = "Tests/OrgGraphTests/Fixtures/load-ok/tricky-scalars.yaml"

    @Test("tricky-scalars.yaml reads as written, byte for byte")
    func trickyScalarsRead() throws {
        let organization = try Self.load(Self.trickyPath)
        #expect(organization.title == "title: \"yes\" # no")
        #expect(organization.nodes.map(\.id) == Self.trickyIDs)
        #expect(organization.nodes.count == Self.tricky.count)
        for (node, text) in zip(organization.nodes, Self.tricky) {
            let bytes = Array(text.utf8)
            #expect(node.name.map { Array($0.utf8) } == bytes, "name of \(node.id)")
            #expect(node.note.map { Array($0.utf8) } == bytes, "note of \(node.id)")
            #expect(node.sector.map { Array($0.utf8) } == bytes, "sector of \(node.id)")
            #expect(node.attributes.map { [Array($0.key.utf8), Array($0.value.utf8)] } == [[bytes, bytes]])
        }
        #expect(
            organization.relations == [
                Relation(
                    type: .reportsTo, from: "tinh_uy.lam-dong:2025", to: "yes",
                    period: [.sixMonths, .oneYear, .congress, .regular, .extraordinary, .adHoc], note: "a: b # c",
                    attributes: [
                        Attribute(key: "null", value: "~"), Attribute(key: "- x", value: "line\nbreak"),
                        Attribute(key: "*star", value: "&amp"),
                    ]),
                Relation(type: .reportsTo, from: "123", to: "null", period: []),
                Relation(type: .liaisesWith, from: "1.5", to: "0x1F", basis: .residence, note: "'single'"),
                Relation(type: .liaisesWith, from: "1.5", to: "2023-10-10", basis: .location),
                Relation(type: .leads, from: "true", to: "node.08:x_y", attributes: [Attribute(key: "", value: "")]),
            ])
        #expect(
            organization.suppressions == [
                Suppression(
                    rule: "local-liaison", node: "tinh_uy.lam-dong:2025",
                    reason: "reason: \"quoted\" # and hashed\nsecond line"),
                Suppression(rule: "*star", node: "node.09:x_y", reason: " leading and trailing "),
            ])
    }

    @Test("tricky-scalars.yaml converts losslessly both ways: YAML → JSON → YAML and JSON → YAML → JSON")
    func trickyScalarsBothWays() throws {
        let original = try Self.load(Self.trickyPath)
        let json = OrganizationWriter.write(original, as: .json)
        let fromJSON = try Self.reload(json, as: .json)
        let yaml = OrganizationWriter.write(fromJSON, as: .yaml)
        let fromYAML = try Self.reload(yaml, as: .yaml)
        #expect(fromJSON == original)
        #expect(fromYAML == original)
        #expect(Self.strings(of: fromJSON) == Self.strings(of: original))
        #expect(Self.strings(of: fromYAML) == Self.strings(of: original))
        let againJSON = try Self.reload(OrganizationWriter.write(fromYAML, as: .json), as: .json)
        #expect(Self.strings(of: againJSON) == Self.strings(of: original))
    }

    /// Another YAML reader must read the written scalars as the same strings too: a plain scalar
    /// may not match any implicit type of YAML 1.1 (yaml.org/type) or of the YAML 1.2 core schema.
    @Test(
        "Every tricky string is written as a YAML scalar no YAML reader takes for anything but that string",
        arguments: tricky + trickyIDs.filter { !tricky.contains($0) })
    func trickyScalarWritten(_ text: String) throws {
        let written = YAMLText.scalar(text)
        if written.hasPrefix("\"") {
            // Double-quoted: our loader reads it back exactly (checked by the round trips).
            return
        }
        #expect(written == text)
        for pattern in Self.implicitTypes {
            #expect(try Regex(pattern).wholeMatch(in: written) == nil, "'\(written)' reads as \(pattern)")
        }
        #expect(written.first.map { "-?:,[]{}#&*!|>'\"%@` \t".contains($0) } == false)
        #expect(!written.contains(": ") && !written.contains(" #") && written.last != " ")
    }

    /// The implicit types a plain scalar can resolve to, in YAML 1.1 and in the YAML 1.2 core schema.
    static let implicitTypes: [String] = [
        // null, bool (1.1 and 1.2)
        "~|null|Null|NULL|",
        "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
        // int (1.1): binary, octal, decimal, hexadecimal, sexagesimal; (1.2): 0o octal
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+",
        "0o[0-7]+",
        // float (1.1 and 1.2)
        "[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*",
        "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?",
        "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
        // merge and value keys, timestamps (1.1)
        "<<", "=",
        "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \\t]+)?.*",
    ]
}
