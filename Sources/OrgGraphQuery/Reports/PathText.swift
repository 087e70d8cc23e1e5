import OrgGraphCore

/// How the reports of paths, chains and node lists show a node and a walk of steps: text for
/// people, JSON for scripts.
struct PathText {
    let loaded: LoadedOrganization
    /// The language of the relation names on the arrows.
    var language: Language = .english

    var nodes: [Node] { loaded.organization.nodes }

    /// The id of the node at `index`.
    func id(_ index: Int) -> String { nodes[index].id }

    /// `id (Name)`, or `id` when the node has no other name; control characters and line
    /// breaks in either shown as escapes, so a name stays on its line.
    func label(_ index: Int) -> String {
        let node = nodes[index]
        if let name = node.name, name != node.id {
            return "\(TerminalText.escaped(node.id)) (\(TerminalText.escaped(name)))"
        }
        return TerminalText.escaped(node.id)
    }

    /// The steps as lines under the first node: `  —reports-to→ b (Name)` or `  ←leads— c (Name)`;
    /// in Vietnamese the relation's name with its word in the file, `  ←lãnh đạo (leads)— c (Name)`.
    func lines(_ steps: [PathStep], from start: Int) -> [String] {
        var lines = [label(start)]
        for step in steps {
            let type = step.type
            let name = language.text(en: type.rawValue, vi: "\(type.vietnameseName) (\(type.rawValue))")
            let arrow = step.inverse ? "←\(name)—" : "—\(name)→"
            lines.append("  \(arrow) \(label(step.to))")
        }
        return lines
    }

    /// `{"from", "relation", "to", "inverse"}` for each step.
    func json(_ steps: [PathStep]) -> String {
        JSONText.array(
            steps.map {
                JSONText.object([
                    ("from", JSONText.quote(id($0.from))), ("relation", JSONText.quote($0.type.rawValue)),
                    ("to", JSONText.quote(id($0.to))), ("inverse", $0.inverse ? "true" : "false"),
                ])
            })
    }

    /// `1 step`, `3 steps`: `count` and the noun, plural unless one.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `3 steps`, `3 bước`: a count of steps in ``language``.
    func steps(_ count: Int) -> String {
        language.text(en: Self.counted(count, "step"), vi: "\(count) bước")
    }
}
