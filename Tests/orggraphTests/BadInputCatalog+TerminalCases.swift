import Foundation

/// Names and field names that would control a terminal: the diagnostic shows each control or
/// bidirectional character as a visible escape, never the raw byte.
extension CatalogCase {
    static let terminalControls: [CatalogCase] = [
        CatalogCase(
            "an unknown field name holding NUL and ESC", "field-controls.json",
            .text(
                "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"unit-head\", \"x\\u0000\\u001b[2J\": 1}]}\n"),
            [E("1:60", "unknown field 'x\\x00\\e[2J' in a node")]),
        CatalogCase(
            "a kind holding a title-setting sequence, a carriage return and a right-to-left override",
            "kind-controls.yaml",
            .text("orggraph: 1\nnodes:\n  - {id: a, kind: \"unit-hed\\e]0;pwned\\a\\r\\u202E\"}\n"),
            [E("3:19", "unknown kind 'unit-hed\\e]0;pwned\\x07\\r\\u{202E}'")]),
        CatalogCase(
            "a raw ESC and DEL in a YAML line", "raw-controls.yaml",
            .bytes(Array("orggraph: 1\nnodes:\n  - {id: a, kind: unit-head, name: \"x\u{1B}[2J\u{7F}\"}\n".utf8)),
            [E("3:38", "control characters are not allowed (U+001B)")]),
    ]
}
