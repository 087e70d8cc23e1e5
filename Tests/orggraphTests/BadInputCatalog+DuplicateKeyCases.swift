import Foundation

/// Keys written twice in one mapping, at every level and in every spelling: each is reported
/// at its second place, in the order of the file, up to the limit of twenty.
extension CatalogCase {
    static let duplicateKeys: [CatalogCase] = [
        CatalogCase(
            "duplicate keys at every level", "levels.yaml",
            .text(
                """
                orggraph: 1
                nodes:
                  - id: tinh-uy
                    kind: provincial-party-committee
                    id: tinh-uy-2
                    attributes: {founded: "1930", founded: "1945"}
                relations:
                  - {type: leads, from: tinh-uy, from: tinh-uy, to: tinh-uy}
                nodes: []

                """),
            [
                E("5:5", "duplicate key 'id'"), E("6:35", "duplicate key 'founded'"),
                E("8:34", "duplicate key 'from'"), E("9:1", "duplicate key 'nodes'"),
            ]),
        CatalogCase(
            "duplicate keys at every level", "levels.json",
            .text(
                """
                {"orggraph": 1,
                 "nodes": [{"id": "tinh-uy", "kind": "provincial-party-committee", "id": "tinh-uy-2",
                            "attributes": {"founded": "1930", "founded": "1945"}}],
                 "relations": [{"type": "leads", "from": "tinh-uy", "from": "tinh-uy", "to": "tinh-uy"}],
                 "nodes": []}

                """),
            [
                E("2:68", "duplicate key 'id'"), E("3:47", "duplicate key 'founded'"),
                E("4:53", "duplicate key 'from'"), E("5:2", "duplicate key 'nodes'"),
            ]),
        CatalogCase(
            "a key written again through an alias, quoted, or tagged", "spellings.yaml",
            .text(
                """
                orggraph: 1
                nodes:
                  - {&field id: a, kind: standing-committee, *field : b}
                  - {"id": c, 'kind': standing-committee, !!str kind: standing-committee}

                """),
            [E("3:46", "duplicate key 'id'"), E("4:43", "duplicate key 'kind'")]),
        CatalogCase(
            "a key written again with an escape", "spellings.json",
            .text(
                "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"standing-committee\", \"\\u0069d\": \"b\"}]}\n"
            ),
            [E("1:69", "duplicate key 'id'")]),
        CatalogCase(
            "duplicate keys inside a field that is not known", "unknown.yaml",
            .text("orggraph: 1\nextra:\n  deep: {a: 1, a: 2}\nnodes: []\n"), [E("3:16", "duplicate key 'a'")]),
        CatalogCase(
            "a duplicate key, then malformed YAML", "then-malformed.yaml",
            .text("orggraph: 1\norggraph: 1\nnodes: [\n"),
            [E("2:1", "duplicate key 'orggraph'"), E(nil, "error: malformed YAML: ")]),
        CatalogCase(
            "a duplicate key, then malformed JSON", "then-malformed.json",
            .text("{\"orggraph\": 1, \"orggraph\": 1, \"nodes\": [}\n"),
            [E("1:17", "duplicate key 'orggraph'"), E("1:42", "malformed JSON: expected a value, found '}'")]),
        CatalogCase(
            "duplicate keys in a rulebook, at two levels", "org.yaml", .text(naming("book.yaml")),
            [
                E(nil, "book.yaml:4:23: error: duplicate key 'title'"),
                E(nil, "book.yaml:5:1: error: duplicate key 'rulebook'"),
            ],
            setup: { folder in
                try Data(
                    """
                    rulebook: two-tier
                    extends: 125-QD/TW
                    rules:
                      - {id: r, title: t, title: u, severity: warning, subject: unit-head, forbidden: true}
                    rulebook: again

                    """.utf8
                ).write(to: folder.appendingPathComponent("book.yaml"))
            }),
        CatalogCase(
            "100,000 duplicate keys in one mapping", "many-keys.yaml",
            .generated { writer in
                writer.write("orggraph: 1\nnodes:\n  - id: a\n    kind: standing-committee\n    attributes:\n")
                writer.write("      k: v", times: 100_001, separator: "\n")
                writer.write("\n")
            },
            [
                E("7:7", "duplicate key 'k'"), E("26:7", "duplicate key 'k'"),
                E("27:7", "too many errors; reading stopped here, after the first 20"),
            ],
            bounds: Bounds(seconds: 10, megabytes: 160)),
        CatalogCase(
            "a duplicate key in each of 100,000 nodes", "many-nodes.json",
            .generated { writer in
                writer.write("{\"orggraph\": 1, \"nodes\": [\n")
                writer.write(
                    "{\"id\": \"a\", \"id\": \"b\", \"kind\": \"standing-committee\"}", times: 100_000, separator: ",\n"
                )
                writer.write("]}\n")
            },
            [
                E("2:13", "duplicate key 'id'"), E("21:13", "duplicate key 'id'"),
                E("22:13", "too many errors; reading stopped here, after the first 20"),
            ],
            bounds: Bounds(seconds: 10, megabytes: 96)),
    ]
}
