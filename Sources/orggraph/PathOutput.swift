import ArgumentParser
import OrgGraph

/// How paths, chains and node lists are shown: text for people, JSON for scripts.
struct PathOutput {
    let loaded: LoadedOrganization

    var nodes: [Node] { loaded.organization.nodes }

    /// `id (Name)`, or `id` when the node has no other name; control characters and line
    /// breaks in either shown as escapes, so a name stays on its line.
    func label(_ index: Int) -> String {
        let node = nodes[index]
        if let name = node.name, name != node.id {
            return "\(TerminalText.escaped(node.id)) (\(TerminalText.escaped(name)))"
        }
        return TerminalText.escaped(node.id)
    }

    /// The steps as lines under the first node: `  —reports-to→ b (Name)` or `  ←leads— c (Name)`.
    func text(_ steps: [PathStep], from start: Int) -> [String] {
        var lines = [label(start)]
        for step in steps {
            let arrow = step.inverse ? "←\(step.type.rawValue)—" : "—\(step.type.rawValue)→"
            lines.append("  \(arrow) \(label(step.to))")
        }
        return lines
    }

    /// `{"from", "relation", "to", "inverse"}` for each step.
    func json(_ steps: [PathStep]) -> String {
        JSONText.array(
            steps.map {
                JSONText.object([
                    ("from", JSONText.quote(nodes[$0.from].id)), ("relation", JSONText.quote($0.type.rawValue)),
                    ("to", JSONText.quote(nodes[$0.to].id)), ("inverse", $0.inverse ? "true" : "false"),
                ])
            })
    }

    /// The index of the node `id`, or an error with the closest id suggested.
    func resolve(_ id: String, file: String) throws -> Int {
        if let index = loaded.graph.index(of: id) { return index }
        let hint = closestID(to: id).map { "; did you mean '\($0)'?" } ?? ""
        FileOutput.standardError("\(file): error: no node has the id '\(id)'\(hint)\n")
        throw ExitCode(2)
    }

    func closestID(to id: String) -> String? {
        loaded.closestID(to: id)
    }
}

/// Parses a path expression given on the command line, or prints a located error.
func parseExpression(_ text: String, source: String) throws -> PathExpression {
    do {
        return try PathExpression(parsing: text)
    } catch {
        FileOutput.standardError(error.diagnostic(source: source).description + "\n")
        throw ExitCode(2)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
