import OrgGraphCore

/// The line of superiors from a node to the top, as `orggraph chain` shows it: the nodes with
/// the relation of each step, or the JSON object of SPEC §5, `{"node", "steps", "cycle"}`.
public struct ChainReport: Sendable {
    public let loaded: LoadedOrganization
    /// The start node's id, as given.
    public var id: String
    /// The node the chain starts from.
    public var start: Int
    /// The steps up to the top.
    public var steps: [PathStep]
    /// Whether the chain stopped because it came back to a node it passed.
    public var cycle: Bool
    /// The language of the text's own words.
    public var language: Language

    public init(
        _ loaded: LoadedOrganization, id: String, start: Int, steps: [PathStep], cycle: Bool,
        language: Language = .english
    ) {
        self.language = language
        self.loaded = loaded
        self.id = id
        self.start = start
        self.steps = steps
        self.cycle = cycle
    }

    /// The nodes, one a line, then the number of steps to the top (`no superior` for none).
    public func text() -> String {
        var lines = PathText(loaded: loaded, language: language).lines(steps, from: start)
        if cycle {
            lines.append(
                language.text(
                    en: "(the chain comes back to a node it passed: the structure has a cycle)",
                    vi: "(chuỗi quay lại một nút đã đi qua: cơ cấu có vòng khép kín)"))
        }
        if steps.isEmpty {
            lines.append(language.text(en: "no superior", vi: "không có cấp trên"))
        } else {
            lines.append(
                language.text(
                    en: "\(PathText.counted(steps.count, "step")) to the top",
                    vi: "\(steps.count) bước lên cấp cao nhất"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"node": ..., "steps": [...], "cycle": false}` and a line break.
    public func json() -> String {
        JSONText.object([
            ("node", JSONText.quote(id)), ("steps", PathText(loaded: loaded).json(steps)),
            ("cycle", cycle ? "true" : "false"),
        ]) + "\n"
    }
}
