import Foundation

/// The catalog. Places are `line:column`, columns in Unicode scalars, counted by hand; the
/// diagnostics themselves are asserted whole in `LoaderDiagnosticTests`.
extension CatalogCase {
    static let all: [CatalogCase] =
        empty + truncated + wrongTypes + nesting + aliases + encodings + lineEnds + normalization + sizes + inputs
        + rulebookPaths
        + terminalControls + duplicateKeys

    typealias E = Expected

    // MARK: Examples

    /// A small clean organization, Vietnamese names and all; it loads with no findings.
    static let exampleYAML = """
        orggraph: 1
        title: Bệnh viện Đa khoa tỉnh Lâm Đồng
        nodes:
          - {id: tinh-uy, kind: provincial-party-committee, name: Tỉnh ủy Lâm Đồng}
          - {id: dang-uy-khoi, kind: superior-party-committee, name: "Đảng ủy Khối", level: provincial}
        relations:
          - {type: leads, from: tinh-uy, to: dang-uy-khoi}

        """

    /// The same organization in JSON.
    static let exampleJSON = """
        {
          "orggraph": 1,
          "title": "Bệnh viện Đa khoa tỉnh Lâm Đồng",
          "nodes": [
            {"id": "tinh-uy", "kind": "provincial-party-committee", "name": "Tỉnh ủy Lâm Đồng"},
            {"id": "dang-uy-khoi", "kind": "superior-party-committee", "name": "Đảng ủy Khối", "level": "provincial"}
          ],
          "relations": [
            {"type": "leads", "from": "tinh-uy", "to": "dang-uy-khoi"}
          ]
        }

        """

    /// The bytes of `text` up to the end of the first `marker`, and `extra` bytes more.
    static func cut(_ text: String, after marker: String, extra: Int = 0) -> [UInt8] {
        let bytes = Array(text.utf8)
        let needle = Array(marker.utf8)
        guard
            let start = (0...(bytes.count - needle.count)).first(where: {
                bytes[$0..<$0 + needle.count].elementsEqual(needle)
            })
        else { preconditionFailure("'\(marker)' is not in the example") }
        return Array(bytes[..<(start + needle.count + extra)])
    }

    // MARK: Empty and truncated files

    static let empty: [CatalogCase] = [
        CatalogCase("empty file", "empty.yaml", .bytes([]), [E("1:1", "the file is empty")]),
        CatalogCase("empty file", "empty.json", .bytes([]), [E("1:1", "the file is empty")]),
        CatalogCase("whitespace only", "blank.yaml", .text(" \n\t\n  \r\n"), [E("1:1", "the file is empty")]),
        CatalogCase("whitespace only", "blank.json", .text("\n\n   \n"), [E("1:1", "the file is empty")]),
        CatalogCase(
            "comments only", "comments.yaml", .text("# orggraph: 1\n# nodes: []\n"),
            [E("1:1", "the file has no content")]),
        CatalogCase(
            "empty file on standard input", "-", .bytes([]), [E("1:1", "the file is empty")], standardInput: true),
    ]

    static let truncated: [CatalogCase] = [
        CatalogCase("the example, whole", "example.yaml", .text(exampleYAML), status: 0),
        CatalogCase("the example, whole", "example.json", .text(exampleJSON), status: 0),
        CatalogCase(
            "truncated inside a character", "cut-character.yaml", .bytes(cut(exampleYAML, after: "title: B", extra: 1)),
            [E("2:9", "the file is not valid UTF-8 (byte 0xE1)")]),
        CatalogCase(
            "truncated inside a flow mapping", "cut-mapping.yaml", .bytes(cut(exampleYAML, after: "kind: prov")),
            [E("4:29", "malformed YAML: did not find expected ',' or '}'")]),
        CatalogCase(
            "truncated inside a quoted name", "cut-quoted.yaml", .bytes(cut(exampleYAML, after: "name: \"Đảng ủy")),
            [E("5:70", "malformed YAML: found unexpected end of stream")]),
        CatalogCase(
            "truncated before the last brace", "cut-brace.yaml", .bytes(cut(exampleYAML, after: "to: dang-uy-khoi")),
            [E("7:50", "malformed YAML: did not find expected ',' or '}'")]),
        CatalogCase(
            "truncated after the first brace", "cut-open.json", .bytes(cut(exampleJSON, after: "{")),
            [E("1:2", "unexpected end of file; expected a field name or '}'")]),
        CatalogCase(
            "truncated before a value", "cut-value.json", .bytes(cut(exampleJSON, after: "\"orggraph\": ")),
            [E("2:15", "unexpected end of file; expected a value")]),
        CatalogCase(
            "truncated inside a string", "cut-string.json", .bytes(cut(exampleJSON, after: "\"title\": \"Bệnh")),
            [E("3:12", "malformed JSON: unterminated string")]),
        CatalogCase(
            "truncated inside a character", "cut-character.json",
            .bytes(cut(exampleJSON, after: "\"title\": \"B", extra: 1)),
            [E("3:14", "the file is not valid UTF-8 (byte 0xE1)")]),
        CatalogCase(
            "truncated after a field name", "cut-field.json", .bytes(cut(exampleJSON, after: "\"tinh-uy\", \"kind\":")),
            [E("5:30", "unexpected end of file; expected a value")]),
        CatalogCase(
            "truncated before the last brace", "cut-close.json", .bytes(cut(exampleJSON, after: "  ]\n")),
            [E("11:1", "unexpected end of file; expected ',' or '}'")]),
        CatalogCase(
            "truncated, on standard input", "-", .bytes(cut(exampleJSON, after: "\"title\": \"Bệnh")),
            [E("3:12", "malformed JSON: unterminated string")], standardInput: true),
    ]

    // MARK: Wrong types

    static let wrongTypes: [CatalogCase] = [
        CatalogCase(
            "every field of the top, a node and a relation of the wrong type", "wrong-types.yaml",
            .text(
                """
                orggraph: [1]
                title: {a: b}
                rulebook: [x]
                nodes:
                  - id: [a]
                    kind: [provincial-party-committee]
                    name: {vi: Tỉnh ủy}
                    level: [provincial]
                    sector: {x: y}
                    part-of: [b]
                    note: [n]
                    attributes: [beds, "800"]
                relations:
                  - type: [leads]
                    from: {id: a}
                    to: [b]
                    period: regular
                    basis: [location]
                    note: {x: y}
                    attributes: beds

                """),
            [
                E("1:11", "'orggraph' must be the format version number, 1, found a list"),
                E("2:8", "'title' must be a string, found a mapping"),
                E("3:11", "'rulebook' must be a string, found a list"),
                E("5:9", "'id' must be a string, found a list"), E("6:11", "'kind' must be a string, found a list"),
                E("7:11", "'name' must be a string, found a mapping"),
                E("8:12", "'level' must be a string, found a list"),
                E("9:13", "'sector' must be a string, found a mapping"),
                E("10:14", "'part-of' must be a string, found a list"),
                E("11:11", "'note' must be a string, found a list"),
                E("12:17", "'attributes' must be a mapping of strings, found a list"),
                E("14:11", "'type' must be a string, found a list"),
                E("15:11", "'from' must be a string, found a mapping"),
                E("16:9", "'to' must be a string, found a list"),
                E("17:13", "'period' must be a list such as [6-months, 1-year], found a string"),
                E("18:12", "'basis' must be a string, found a list"),
                E("19:11", "'note' must be a string, found a mapping"),
                E("20:17", "'attributes' must be a mapping of strings, found a string"),
            ]),
        CatalogCase(
            "every field of the top, a node and a relation of the wrong type", "wrong-types.json",
            .text(
                """
                {
                  "orggraph": "1",
                  "title": 7,
                  "rulebook": true,
                  "nodes": [
                    {"id": 1, "kind": ["provincial-party-committee"], "name": {"vi": "Tỉnh ủy"}, "level": 2, "sector": [], "part-of": 3, "note": false, "attributes": ["beds"]}
                  ],
                  "relations": [
                    {"type": 1, "from": [], "to": {}, "period": "regular", "basis": 5, "note": [], "attributes": "x"}
                  ]
                }

                """),
            [
                E("2:15", "'orggraph' must be the format version number, 1, found a string"),
                E("3:12", "'title' must be a string, found a number"),
                E("4:15", "'rulebook' must be a string, found a boolean"),
                E("6:12", "'id' must be a string, found a number"), E("6:23", "'kind' must be a string, found a list"),
                E("6:63", "'name' must be a string, found a mapping"),
                E("6:91", "'level' must be a string, found a number"),
                E("6:104", "'sector' must be a string, found a list"),
                E("6:119", "'part-of' must be a string, found a number"),
                E("6:130", "'note' must be a string, found a boolean"),
                E("6:151", "'attributes' must be a mapping of strings, found a list"),
                E("9:14", "'type' must be a string, found a number"),
                E("9:25", "'from' must be a string, found a list"),
                E("9:35", "'to' must be a string, found a mapping"),
                E("9:49", "'period' must be a list such as [6-months, 1-year], found a string"),
                E("9:69", "'basis' must be a string, found a number"),
                E("9:80", "'note' must be a string, found a list"),
                E("9:98", "'attributes' must be a mapping of strings, found a string"),
            ]),
        CatalogCase(
            "more values of the wrong type than a load lists", "wrong-everywhere.yaml",
            .text(
                "orggraph: 1\nnodes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nrelations: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                    + "suppressions: [1, 2, 3]\n"),
            [
                E("2:9", "'nodes' must be a list of mappings, found a number"),
                E("3:40", "'relations' must be a list of mappings, found a number"),
                E("4:16", "too many errors; reading stopped here, after the first 20"),
            ]),
        CatalogCase(
            "more values of the wrong type than a load lists", "wrong-everywhere.json",
            .text("{\"orggraph\": 1, \"nodes\": [" + (1...30).map(String.init).joined(separator: ", ") + "]}"),
            [
                E("1:27", "'nodes' must be a list of mappings, found a number"),
                E("1:98", "too many errors; reading stopped here, after the first 20"),
            ]),
    ]
}
