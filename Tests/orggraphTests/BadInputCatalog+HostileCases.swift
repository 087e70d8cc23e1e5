import Foundation

/// Nesting, aliases, bytes that are not UTF-8, line ends, Unicode normalization and sizes.
extension CatalogCase {
    // MARK: Nesting and aliases

    static let nesting: [CatalogCase] = [
        CatalogCase(
            "100,000 nested lists", "deep-lists.json",
            .generated { $0.write("{\"orggraph\": 1, \"nodes\": " + String(repeating: "[", count: 100_000) + "\n") },
            [
                E("1:27", "'nodes' must be a list of mappings, found a list"),
                E("1:281", "malformed JSON: nesting deeper than 256 levels"),
            ]),
        CatalogCase(
            "100,000 nested mappings", "deep-mappings.json",
            .generated { $0.write("{\"orggraph\": 1, \"x\": " + String(repeating: "{\"a\": ", count: 100_000) + "\n") },
            [
                E("1:17", "unknown field 'x' at the top level"),
                E("1:1552", "malformed JSON: nesting deeper than 256 levels"),
            ]),
        CatalogCase(
            "100,000 nested flow lists", "deep-lists.yaml",
            .generated { $0.write("orggraph: 1\nnodes: " + String(repeating: "[", count: 100_000) + "\n") },
            [E("2:9", "malformed YAML: the lists and mappings opened here nest deeper than 1000 levels")]),
        CatalogCase(
            "1,100 nested block lists", "deep-blocks.yaml",
            .generated { writer in
                writer.write("orggraph: 1\nnodes:\n")
                for depth in 1...1_100 { writer.write(String(repeating: " ", count: depth) + "- \n") }
            },
            [E("1001:1000", "malformed YAML: the lists and mappings opened here nest deeper than 1000 levels")]),
    ]

    /// Nine lines of nine aliases each, a billion values, indented by `indent`.
    static func laughs(indent: String) -> String {
        let names = Array("abcdefghi")
        var text = indent + "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
        for (previous, name) in zip(names, names.dropFirst()) {
            text +=
                indent + "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
                + "]\n"
        }
        return text
    }

    static let aliases: [CatalogCase] = [
        CatalogCase(
            "a billion laughs", "laughs.yaml",
            .text("orggraph: 1\nnodes: []\nrelations: []\nx-lol:\n" + laughs(indent: "  ")),
            [E("9:10", "YAML aliases expand this document past")]),
        CatalogCase(
            "a billion laughs as the nodes", "laughs-nodes.yaml",
            .text("orggraph: 1\nx-lol:\n" + laughs(indent: "  ") + "nodes: *i\n"),
            [E("7:10", "YAML aliases expand this document past")]),
        CatalogCase(
            "a billion laughs as a key", "laughs-key.yaml",
            .text(
                "orggraph: 1\nnodes:\n  - id: a\n    kind: unit-head\n" + laughs(indent: "    ") + "    *i : laughs\n"),
            [E("9:12", "YAML aliases expand this document past")]),
        CatalogCase(
            "a thousand aliases of a thousand values", "quadratic.yaml",
            .text(
                "orggraph: 1\nx-list: &a [" + Array(repeating: "x", count: 1_000).joined(separator: ", ")
                    + "]\nx-many: ["
                    + Array(repeating: "*a", count: 1_000).joined(separator: ", ") + "]\n"),
            [E(nil, "YAML aliases expand this document past")]),
    ]

    // MARK: Bytes

    /// A node whose name has `bytes` in the middle; the bytes are at 3:60 (YAML) and 1:93 (JSON).
    static func name(with bytes: [UInt8], json: Bool) -> [UInt8] {
        json
            ? Array(
                #"{"orggraph": 1, "nodes": [{"id": "tinh-uy", "kind": "provincial-party-committee", "name": "T"#.utf8)
                + bytes + Array(#"nh"}]}"#.utf8)
            : Array("orggraph: 1\nnodes:\n  - {id: tinh-uy, kind: provincial-party-committee, name: T".utf8) + bytes
                + Array("nh}\n".utf8)
    }

    /// Byte sequences that are not UTF-8, with the byte a diagnostic names.
    static let notUTF8: [(name: String, bytes: [UInt8], byte: String)] = [
        ("an overlong '/'", [0xC0, 0xAF], "0xC0"),
        ("a lone continuation byte", [0x80], "0x80"),
        ("a sequence cut short", [0xE1, 0xBB], "0xE1"),
        ("an encoded surrogate", [0xED, 0xA0, 0x80], "0xED"),
        ("a code point past U+10FFFF", [0xF4, 0x90, 0x80, 0x80], "0xF4"),
        ("a byte never in UTF-8", [0xFF], "0xFF"),
    ]

    static let encodings: [CatalogCase] =
        notUTF8.flatMap { sample in
            [
                CatalogCase(
                    "invalid UTF-8: \(sample.name)", "utf8.yaml", .bytes(name(with: sample.bytes, json: false)),
                    [E("3:60", "the file is not valid UTF-8 (byte \(sample.byte)); save it as UTF-8")]),
                CatalogCase(
                    "invalid UTF-8: \(sample.name)", "utf8.json", .bytes(name(with: sample.bytes, json: true)),
                    [E("1:93", "the file is not valid UTF-8 (byte \(sample.byte)); save it as UTF-8")]),
            ]
        } + [
            // Names Graphviz would read as character references load as written (and chart as
            // written: HostileNameTests, RenderCommandTests).
            CatalogCase(
                "names that read as character references", "references.yaml",
                .text(
                    exampleYAML.replacingOccurrences(
                        of: "Tỉnh ủy Lâm Đồng", with: "\"&#x1; &#27; &#xD800; &#xFFFE; &amp; ]]>\"")),
                status: 0),
            CatalogCase(
                "names that read as character references", "references.json",
                .text(
                    exampleJSON.replacingOccurrences(
                        of: "Tỉnh ủy Lâm Đồng", with: "&#x1; &#27; &#xD800; &#xFFFE; &amp; ]]>")),
                status: 0),
            CatalogCase(
                "NUL inside a string", "nul-string.json", .bytes(name(with: [0], json: true)),
                [E("1:93", "malformed JSON: control character in a string")]),
            CatalogCase(
                "NUL written as an escape", "nul-escape.json", .bytes(name(with: Array(#"\u0000"#.utf8), json: true)),
                [E("1:91", "'name' contains a NUL character")]),
            CatalogCase(
                "NUL between tokens", "nul-token.json",
                .bytes(Array(#"{"orggraph": 1,"#.utf8) + [0] + Array(#" "nodes": []}"#.utf8)),
                [E("1:16", "expected a field name in double quotes, found a control character")]),
            CatalogCase(
                "NUL inside a string", "nul-string.yaml", .bytes(name(with: [0], json: false)),
                [E("3:60", "malformed YAML: control characters are not allowed (U+0000)")]),
            CatalogCase(
                "NUL written as an escape", "nul-escape.yaml",
                .text("orggraph: 1\nnodes:\n  - {id: tinh-uy, kind: provincial-party-committee, name: \"T\\0nh\"}\n"),
                [E("3:59", "'name' contains a NUL character")]),
            CatalogCase(
                "NUL between tokens", "nul-token.yaml",
                .bytes(Array("orggraph: 1".utf8) + [0] + Array("\nnodes: []\n".utf8)),
                [E("1:12", "malformed YAML: control characters are not allowed (U+0000)")]),
            CatalogCase(
                "a UTF-8 byte order mark", "bom.yaml", .bytes([0xEF, 0xBB, 0xBF] + Array(exampleYAML.utf8)), status: 0),
            CatalogCase(
                "a UTF-8 byte order mark", "bom.json", .bytes([0xEF, 0xBB, 0xBF] + Array(exampleJSON.utf8)), status: 0),
            CatalogCase(
                "a UTF-8 byte order mark and an error", "bom-error.yaml",
                .bytes([0xEF, 0xBB, 0xBF] + Array("orggraph: 1\nnodes:\n  - {id: a, kind: unit-hed}\n".utf8)),
                [E("3:19", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
            CatalogCase(
                "a UTF-8 byte order mark and an error", "bom-error.json",
                .bytes(
                    [0xEF, 0xBB, 0xBF] + Array(#"{"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-hed"}]}"#.utf8)),
                [E("1:47", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
            CatalogCase(
                "UTF-16 with a byte order mark", "utf16.yaml", .bytes(utf16(exampleYAML, bigEndian: false, mark: true)),
                [E("1:1", "the file is UTF-16 (little-endian, by its byte order mark), not UTF-8")]),
            CatalogCase(
                "UTF-16 with a byte order mark", "utf16.json", .bytes(utf16(exampleJSON, bigEndian: true, mark: true)),
                [E("1:1", "the file is UTF-16 (big-endian, by its byte order mark), not UTF-8")]),
            CatalogCase(
                "UTF-16 without a byte order mark", "utf16-bare.json",
                .bytes(utf16(exampleJSON, bigEndian: false, mark: false)),
                [E("1:1", "the file is UTF-16 (little-endian: a NUL byte after each letter), not UTF-8")]),
            CatalogCase(
                "UTF-32 with a byte order mark", "utf32.yaml",
                .bytes(
                    [0xFF, 0xFE, 0, 0]
                        + exampleYAML.unicodeScalars.flatMap { withUnsafeBytes(of: $0.value.littleEndian, Array.init) }),
                [E("1:1", "the file is UTF-32 (little-endian, by its byte order mark), not UTF-8")]),
            CatalogCase(
                "UTF-16 on standard input", "-", .bytes(utf16(exampleYAML, bigEndian: false, mark: true)),
                [E("1:1", "the file is UTF-16 (little-endian, by its byte order mark), not UTF-8")], standardInput: true
            ),
        ]

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        let units = (mark ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    // MARK: Line ends and normalization

    static let unknownKindYAML = "orggraph: 1\nnodes:\n  - {id: a, kind: unit-hed}\n"
    static let unknownKindJSON = "{\"orggraph\": 1,\n \"nodes\": [\n  {\"id\": \"a\", \"kind\": \"unit-hed\"}]}\n"

    static let lineEnds: [CatalogCase] = [
        CatalogCase(
            "CRLF line ends", "crlf.yaml", .text(exampleYAML.replacingOccurrences(of: "\n", with: "\r\n")), status: 0),
        CatalogCase(
            "CRLF line ends", "crlf.json", .text(exampleJSON.replacingOccurrences(of: "\n", with: "\r\n")), status: 0),
        CatalogCase(
            "CRLF line ends and an error on line 3", "crlf-error.yaml",
            .text(unknownKindYAML.replacingOccurrences(of: "\n", with: "\r\n")),
            [E("3:19", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "CRLF line ends and an error on line 3", "crlf-error.json",
            .text(unknownKindJSON.replacingOccurrences(of: "\n", with: "\r\n")),
            [E("3:23", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "CR line ends and an error on line 3", "cr-error.yaml",
            .text(unknownKindYAML.replacingOccurrences(of: "\n", with: "\r")),
            [E("3:19", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "CR line ends and an error on line 3", "cr-error.json",
            .text(unknownKindJSON.replacingOccurrences(of: "\n", with: "\r")),
            [E("3:23", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "mixed line ends and an error on line 3", "mixed-error.yaml",
            .text("orggraph: 1\r\nnodes:\r  - {id: a, kind: unit-hed}\n"),
            [E("3:19", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
    ]

    static func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }
    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    static let normalization: [CatalogCase] = [
        CatalogCase(
            "NFD ids and names, NFD and NFC references", "nfd.yaml",
            .text(
                """
                orggraph: 1
                nodes:
                  - {id: \(nfc("tỉnh-ủy")), kind: provincial-party-committee, name: \(nfd("Tỉnh ủy Lâm Đồng"))}
                  - {id: \(nfd("huyện-ủy")), kind: district-party-committee, name: \(nfd("Huyện ủy Đức Trọng"))}
                relations:
                  - {type: leads, from: \(nfd("tỉnh-ủy")), to: \(nfc("huyện-ủy"))}

                """),
            status: 0),
        CatalogCase(
            "NFD ids and names, NFD and NFC references", "nfd.json",
            .text(
                """
                {"orggraph": 1, "nodes": [
                  {"id": "\(nfc("tỉnh-ủy"))", "kind": "provincial-party-committee", "name": "\(nfd("Tỉnh ủy Lâm Đồng"))"},
                  {"id": "\(nfd("huyện-ủy"))", "kind": "district-party-committee", "name": "\(nfd("Huyện ủy Đức Trọng"))"}],
                 "relations": [{"type": "leads", "from": "\(nfd("tỉnh-ủy"))", "to": "\(nfc("huyện-ủy"))"}]}

                """),
            status: 0),
        CatalogCase(
            "an error after an NFD name: columns count its combining marks", "nfd-error.yaml",
            .text("orggraph: 1\nnodes:\n  - {id: a, name: \(nfd("Tỉnh ủy")), kind: unit-hed}\n"),
            [E("3:36", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "an error after an NFD name: columns count its combining marks", "nfd-error.json",
            .text(
                "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"name\": \"\(nfd("Tỉnh ủy"))\", \"kind\": \"unit-hed\"}]}"
            ),
            [E("1:68", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
    ]
}
