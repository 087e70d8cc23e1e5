import OrgGraphCore

/// The nodes a path expression reaches from a start node, as `orggraph query` shows them: one
/// a line with its kind, or the JSON object of SPEC §5, `{"start", "expression", "nodes"}`.
public struct QueryReport: Sendable {
    public let loaded: LoadedOrganization
    /// The start node's id, as given.
    public var start: String
    /// The path expression, as written.
    public var expression: String
    /// The nodes reached, in the order the evaluator gives them.
    public var nodes: [Int]
    /// The language of the kinds' names and of the count.
    public var language: Language

    public init(
        _ loaded: LoadedOrganization, start: String, expression: String, nodes: [Int], language: Language = .english
    ) {
        self.language = language
        self.loaded = loaded
        self.start = start
        self.expression = expression
        self.nodes = nodes
    }

    /// `id (Name)  [kind]` a node, then the count; in Vietnamese the kind as the vocabulary
    /// names it, `id (Name)  [Chi bộ cơ sở]`.
    public func text() -> String {
        let format = PathText(loaded: loaded, language: language)
        var lines = nodes.map { node in
            let kind = format.nodes[node].kind
            return "\(format.label(node))  [\(language.text(en: kind.rawValue, vi: kind.vietnameseName))]"
        }
        lines.append(language.text(en: PathText.counted(nodes.count, "node"), vi: "\(nodes.count) nút"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"start": ..., "expression": ..., "nodes": [ids]}` and a line break.
    public func json() -> String {
        let format = PathText(loaded: loaded)
        return JSONText.object([
            ("start", JSONText.quote(start)), ("expression", JSONText.quote(expression)),
            ("nodes", JSONText.array(nodes.map { JSONText.quote(format.id($0)) })),
        ]) + "\n"
    }
}
