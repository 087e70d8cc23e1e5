import OrgGraphCore

/// The lowest superior two nodes have in common, with the path from each, as `orggraph common`
/// shows it, or the JSON object of SPEC §5, `{"a", "b", "common", "paths": [{"from", "steps"}]}`.
public struct CommonSuperiorReport: Sendable {
    public let loaded: LoadedOrganization
    /// The ids of the two nodes, as given.
    public var a: String
    public var b: String
    /// The two nodes.
    public var first: Int
    public var second: Int
    /// The common superior and the steps up to it from each node; `nil` when there is none.
    public var found: (node: Int, fromA: [PathStep], fromB: [PathStep])?
    /// The language of the text's own words.
    public var language: Language

    public init(
        _ loaded: LoadedOrganization, a: String, b: String, first: Int, second: Int,
        found: (node: Int, fromA: [PathStep], fromB: [PathStep])?, language: Language = .english
    ) {
        self.language = language
        self.loaded = loaded
        self.a = a
        self.b = b
        self.first = first
        self.second = second
        self.found = found
    }

    /// The common superior, then the path from each node after a blank line; nothing when
    /// there is none (``noneMessage`` says so).
    public func text() -> String {
        guard let found else { return "" }
        let format = PathText(loaded: loaded, language: language)
        let label = format.label(found.node)
        var lines = [
            language.text(en: "lowest common superior: \(label)", vi: "cấp trên chung thấp nhất: \(label)"), "",
        ]
        lines += format.lines(found.fromA, from: first)
        lines.append("")
        lines += format.lines(found.fromB, from: second)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `a (Name) and b (Name) have no common superior`.
    public var noneMessage: String {
        let format = PathText(loaded: loaded)
        let (one, other) = (format.label(first), format.label(second))
        return language.text(
            en: "\(one) and \(other) have no common superior", vi: "\(one) và \(other) không có cấp trên chung")
    }

    /// `{"a", "b", "common", "paths"}` and a line break: `common` null and `paths` empty when
    /// there is no common superior.
    public func json() -> String {
        let format = PathText(loaded: loaded)
        var pairs: [(String, String)] = [("a", JSONText.quote(a)), ("b", JSONText.quote(b))]
        if let found {
            pairs.append(("common", JSONText.quote(format.id(found.node))))
            pairs.append(
                (
                    "paths",
                    JSONText.array([
                        JSONText.object([("from", JSONText.quote(a)), ("steps", format.json(found.fromA))]),
                        JSONText.object([("from", JSONText.quote(b)), ("steps", format.json(found.fromB))]),
                    ])
                ))
        } else {
            pairs.append(("common", "null"))
            pairs.append(("paths", "[]"))
        }
        return JSONText.object(pairs) + "\n"
    }
}
