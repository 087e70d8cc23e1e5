import Foundation

/// Files that reach outside or have no end: rulebooks named in a file that lead out of its
/// folder, reads past the size limit, lines too long or not UTF-8 to quote.
extension CatalogCase {
    static let inputs = confinement + limits + quoting

    /// What a secret file outside the organization's folder holds: never on standard error.
    static let secret = "SECRET-TOKEN-4711"

    /// An organization in `proj/` of the case's folder that names `rulebook`.
    static func naming(_ rulebook: String) -> String {
        "orggraph: 1\nrulebook: \(rulebook)\nnodes:\n  - {id: tinh-uy, kind: provincial-party-committee}\n"
    }

    /// The folder `proj/` for the organization, a secret beside it, a symlink in it to the
    /// secret, and `extra` files in it.
    static func project(_ extra: [String: String] = [:]) -> @Sendable (URL) throws -> Void {
        { folder in
            let project = folder.appendingPathComponent("proj")
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            try Data("\(secret): yes\nrulebook: stolen\n".utf8).write(to: folder.appendingPathComponent("secret.yaml"))
            try FileManager.default.createSymbolicLink(
                atPath: project.appendingPathComponent("link.yaml").path, withDestinationPath: "../secret.yaml")
            for (name, text) in extra {
                try Data(text.utf8).write(to: project.appendingPathComponent(name))
            }
        }
    }

    static let rule =
        "a rulebook named in an organization file is a built-in id (structural, 125-QD/TW, 125-QD/TW-2025) or a .yaml or .yml file "
        + "under the folder of the organization file; --rulebook can name any file"

    static let confinement: [CatalogCase] = [
        CatalogCase(
            "a rulebook by absolute path", "proj/org.yaml", .text(naming("/etc/passwd")),
            [E("2:11", "the rulebook '/etc/passwd' is outside the folder of the organization file; \(rule)")],
            forbidden: ["root:"], setup: project()),
        CatalogCase(
            "a rulebook by absolute path: the environment", "proj/org.yaml", .text(naming("/proc/self/environ")),
            [E("2:11", "the rulebook '/proc/self/environ' is outside the folder of the organization file")],
            forbidden: ["PATH="], setup: project()),
        CatalogCase(
            "a rulebook in the home folder", "proj/org.yaml", .text(naming("~/.git-credentials")),
            [E("2:11", "the rulebook '~/.git-credentials' is outside the folder of the organization file")],
            setup: project()),
        CatalogCase(
            "a rulebook through '..'", "proj/org.yaml", .text(naming("../secret.yaml")),
            [E("2:11", "the rulebook '../secret.yaml' leads out through '..'; \(rule)")],
            forbidden: [secret], setup: project()),
        CatalogCase(
            "a rulebook through '..' and back", "proj/org.yaml", .text(naming("sub/../../secret.yaml")),
            [E("2:11", "the rulebook 'sub/../../secret.yaml' leads out through '..'")],
            forbidden: [secret], setup: project()),
        CatalogCase(
            "a rulebook through a symlink out", "proj/org.yaml", .text(naming("link.yaml")),
            [E("2:11", "the rulebook 'link.yaml' leads out of the folder of the organization file through a symlink")],
            forbidden: [secret], setup: project()),
        CatalogCase(
            "a rulebook that extends one through '..'", "proj/org.yaml", .text(naming("rb.yaml")),
            [
                E("2:11", "cannot load the rulebook 'rb.yaml'"),
                E(nil, "rb.yaml:2:10: error: the rulebook '../secret.yaml' leads out through '..'"),
            ],
            forbidden: [secret], setup: project(["rb.yaml": "rulebook: mine\nextends: ../secret.yaml\n"])),
        CatalogCase(
            "a rulebook that extends one by absolute path", "proj/org.yaml", .text(naming("rb.yaml")),
            [
                E("2:11", "cannot load the rulebook 'rb.yaml'"),
                E(
                    nil,
                    "rb.yaml:2:10: error: the rulebook '/etc/passwd' is outside the folder of the organization file"),
            ],
            forbidden: ["root:"], setup: project(["rb.yaml": "rulebook: mine\nextends: /etc/passwd\n"])),
        CatalogCase(
            "a rulebook that extends one through a symlink out", "proj/org.yaml", .text(naming("rb.yaml")),
            [
                E("2:11", "cannot load the rulebook 'rb.yaml'"),
                E(nil, "rb.yaml:2:10: error: the rulebook 'link.yaml' leads out of the folder"),
            ],
            forbidden: [secret], setup: project(["rb.yaml": "rulebook: mine\nextends: link.yaml\n"])),
        CatalogCase(
            "a rulebook beside the file, extending a built-in", "proj/org.yaml", .text(naming("rb.yaml")), status: 0,
            setup: project(["rb.yaml": "rulebook: mine\nextends: 125-QD/TW\n"])),
        CatalogCase(
            "a rulebook that is not YAML", "proj/org.yaml", .text(naming("notes.txt")),
            [E("2:11", "the rulebook 'notes.txt' is neither a built-in id nor a .yaml or .yml file")],
            forbidden: [secret], setup: project(["notes.txt": "\(secret)\n"])),
        CatalogCase(
            "an empty rulebook name", "proj/org.yaml", .text(naming("\"\"")),
            [E("2:11", "'rulebook' is empty; \(rule)")], setup: project()),
        CatalogCase(
            "a rulebook file named on standard input", "-", .text(naming("rb.yaml")),
            [
                E(
                    "2:11",
                    "a file on standard input can name only a built-in rulebook (structural, 125-QD/TW, 125-QD/TW-2025), not 'rb.yaml'"
                )
            ],
            standardInput: true),
        CatalogCase(
            "a rulebook file named in JSON, through '..'", "proj/org.json",
            .text(#"{"orggraph": 1, "rulebook": "../secret.yaml", "nodes": []}"#),
            [E("1:29", "the rulebook '../secret.yaml' leads out through '..'")], forbidden: [secret], setup: project()),
    ]

    /// An organization of about 2 KB.
    static let padded = exampleYAML + String(repeating: "# padding to pass a kilobyte\n", count: 70)

    static let limits: [CatalogCase] = [
        CatalogCase(
            "/dev/zero", "/dev/zero", .existing,
            [E("", "the file is larger than the limit of 1048576 bytes (--max-input-bytes)")],
            options: ["--max-input-bytes", "1M"]),
        CatalogCase(
            "a file past --max-input-bytes", "large.yaml", .text(padded),
            [E("", "the file is larger than the limit of 1024 bytes (--max-input-bytes)")],
            options: ["--max-input-bytes", "1K"]),
        CatalogCase(
            "a file past --max-input-bytes, JSON", "large.json",
            .text(exampleJSON + String(repeating: " ", count: 2048)),
            [E("", "the file is larger than the limit of 1024 bytes (--max-input-bytes)")],
            options: ["--max-input-bytes", "1024"]),
        CatalogCase(
            "a file at --max-input-bytes exactly", "exact.yaml", .text(exampleYAML), status: 0,
            options: ["--max-input-bytes", "\(exampleYAML.utf8.count)"]),
        CatalogCase(
            "standard input past --max-input-bytes", "-", .text(padded),
            [E("", "the file is larger than the limit of 1024 bytes (--max-input-bytes)")], standardInput: true,
            options: ["--max-input-bytes", "1K"]),
        CatalogCase(
            "a rulebook of /dev/zero", "org.yaml", .text(exampleYAML),
            [E(nil, "/dev/zero: error: the file is larger than the limit of 65536 bytes (--max-input-bytes)")],
            options: ["--rulebook", "/dev/zero", "--max-input-bytes", "64K"]),
        CatalogCase(
            "a rulebook past --max-input-bytes", "proj/org.yaml", .text(naming("big.yaml")),
            [
                E("2:11", "cannot load the rulebook 'big.yaml'"),
                E(nil, "big.yaml: error: the file is larger than the limit of 1024 bytes (--max-input-bytes)"),
            ],
            options: ["--max-input-bytes", "1K"],
            setup: project(["big.yaml": "rulebook: big\n" + String(repeating: "# padding\n", count: 200)])),
    ]

    static let quoting: [CatalogCase] = [
        CatalogCase(
            "a secret before a byte that is not UTF-8", "not-utf8.yaml",
            .bytes(Array("orggraph: 1\nnodes: []\nx-key: \(secret)".utf8) + [0xFF] + Array("\n".utf8)),
            [E("3:25", "the file is not valid UTF-8 (byte 0xFF); save it as UTF-8")], forbidden: [secret]),
        CatalogCase(
            "an error at the end of a 10,000-character line", "long-line.yaml",
            .text("orggraph: 1\nnodes:\n  - {id: a, name: \(String(repeating: "ủ", count: 10_000)), kind: unit-hed}\n"),
            [E("3:10027", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "an error in the middle of a 10,000-character line", "long-middle.json",
            .text(
                "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"name\": \"\(String(repeating: "x", count: 5_000))\", "
                    + "\"kind\": \"unit-hed\", \"note\": \"\(String(repeating: "y", count: 5_000))\"}]}\n"),
            [E("1:5059", "unknown kind 'unit-hed'; did you mean 'unit-head'?")]),
        CatalogCase(
            "a tab in indentation", "tab.yaml", .text("orggraph: 1\nnodes:\n\t- {id: a, kind: unit-head}\n"),
            [E("3:1", "malformed YAML: a tab is used for indentation; YAML indents with spaces only")]),
        CatalogCase(
            "a tab after spaces in indentation", "tab-after.yaml",
            .text("orggraph: 1\nnodes:\n  - id: a\n  \tkind: unit-head\n"),
            [E("4:3", "malformed YAML: a tab is used for indentation; YAML indents with spaces only")]),
    ]
}
