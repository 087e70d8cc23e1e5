import Foundation

/// Files made large on purpose, generated at test time: 100,000-character ids, lists of ten
/// million elements, a hundred thousand references to ids that do not exist.
extension CatalogCase {
    static let longID = String(repeating: "a", count: 100_000)

    static let sizes: [CatalogCase] = [
        CatalogCase(
            "a 100,000-character id", "long-id.yaml",
            .generated { $0.write("orggraph: 1\nnodes:\n  - id: \(longID)\n    kind: provincial-party-committee\n") },
            [E("3:9", "invalid id in 'id': an id is at most 256 characters; this one has 100000")]),
        CatalogCase(
            "a 100,000-character id", "long-id.json",
            .generated {
                $0.write(
                    "{\"orggraph\": 1, \"nodes\": [\n  {\"id\": \"\(longID)\", \"kind\": \"provincial-party-committee\"}]}\n"
                )
            },
            [E("2:10", "invalid id in 'id': an id is at most 256 characters; this one has 100000")]),
        CatalogCase(
            "a 100,000-character reference", "long-reference.yaml",
            .generated {
                $0.write("orggraph: 1\nnodes:\n  - id: a\n    kind: standing-committee\n    part-of: \(longID)\n")
            },
            [E("5:14", "invalid id in 'part-of': an id is at most 256 characters; this one has 100000")]),
        CatalogCase(
            "a 100,000-character kind", "long-kind.json",
            .generated {
                $0.write("{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"\(longID)\"}]}\n")
            },
            [E("1:47", "unknown kind '\(longID.prefix(60))…'")]),
        CatalogCase(
            "10 million nodes of the wrong type", "ten-million-nodes.json",
            .generated { writer in
                writer.write("{\"orggraph\": 1, \"nodes\": [")
                writer.write("1", times: 10_000_000, separator: ",")
                writer.write("]}\n")
            },
            [
                E("1:27", "'nodes' must be a list of mappings, found a number"),
                E("1:67", "too many errors; reading stopped here, after the first 20"),
            ],
            // Measured in a debug build, on a busy two-core machine: 0.6 s, 42 MB, for a 20 MB file.
            bounds: Bounds(seconds: 10, megabytes: 96)),
        CatalogCase(
            "10 million null relations", "ten-million-nulls.json",
            .generated { writer in
                writer.write("{\"orggraph\": 1, \"nodes\": [], \"relations\": [")
                writer.write("null", times: 10_000_000, separator: ",")
                writer.write("]}\n")
            },
            [
                E("1:44", "'relations' must be a list of mappings, found null"),
                E("1:144", "too many errors; reading stopped here, after the first 20"),
            ],
            // Measured in a debug build, on a busy two-core machine: 2.0 s, 70 MB, for a 50 MB file.
            bounds: Bounds(seconds: 15, megabytes: 128)),
        CatalogCase(
            "a part-of of 10 million ids", "ten-million-part-of.json",
            .generated { writer in
                writer.write(
                    "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"provincial-party-committee\", \"part-of\": ["
                )
                writer.write("\"a\"", times: 10_000_000, separator: ",")
                writer.write("]}]}\n")
            },
            [E("1:88", "'part-of' must be a string, found a list")],
            // Measured in a debug build, on a busy two-core machine: 5.8 s, 61 MB, for a 40 MB file.
            bounds: Bounds(seconds: 30, megabytes: 128)),
        CatalogCase(
            "a million null relations", "million-nulls.yaml",
            .generated { writer in
                writer.write("orggraph: 1\nnodes: []\nrelations: [")
                writer.write("~", times: 1_000_000, separator: ",")
                writer.write("]\n")
            },
            [
                E("3:13", "'relations' must be a list of mappings, found null"),
                E("3:53", "too many errors; reading stopped here, after the first 20"),
            ],
            // Measured in a debug build, on a busy two-core machine: 3.5 s, 224 MB, for a 2 MB file
            // (Yams composes every value before the decoder reads one).
            bounds: Bounds(seconds: 20, megabytes: 400)),
        CatalogCase(
            "100,000 relations to ids that do not exist", "missing.json",
            .generated { writer in
                writer.write(
                    "{\"orggraph\": 1, \"nodes\": [{\"id\": \"tinh-uy\", \"kind\": \"provincial-party-committee\"}],\n")
                writer.write(" \"relations\": [\n")
                for index in 0..<100_000 {
                    writer.write(
                        "\(index == 0 ? "" : ",\n")  {\"type\": \"leads\", \"from\": \"tinh-uy\", \"to\": \"missing-\(index)\"}"
                    )
                }
                writer.write("]}\n")
            },
            [
                E("3:46", "unknown node 'missing-0' in 'to'"), E("22:46", "unknown node 'missing-19' in 'to'"),
                E(nil, "(99980 more errors not shown)"),
            ],
            // Measured in a debug build, on a busy two-core machine: 2.5 s, 50 MB, for a 6 MB file.
            bounds: Bounds(seconds: 15, megabytes: 128)),
        CatalogCase(
            "100,000 relations to ids that do not exist", "missing.yaml",
            .generated { writer in
                writer.write("orggraph: 1\nnodes:\n  - {id: tinh-uy, kind: provincial-party-committee}\nrelations:\n")
                for index in 0..<100_000 { writer.write("  - {type: leads, from: tinh-uy, to: missing-\(index)}\n") }
            },
            [
                E("5:38", "unknown node 'missing-0' in 'to'"), E("24:38", "unknown node 'missing-19' in 'to'"),
                E(nil, "(99980 more errors not shown)"),
            ],
            // Measured in a debug build, on a busy two-core machine: 6.9 s, 147 MB, for a 5 MB file.
            bounds: Bounds(seconds: 30, megabytes: 300)),
    ]
}
