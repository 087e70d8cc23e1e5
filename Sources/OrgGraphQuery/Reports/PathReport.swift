import OrgGraphCore

/// The paths between two nodes, as `orggraph path` shows them: one shortest path, or simple
/// paths listed shortest first (`--all`), in text or as the JSON object of SPEC §5,
/// `{"from", "to", "paths": [{"length", "steps"}]}`.
///
/// A long listing can be written as it is found, path by path: ``jsonOpening``,
/// ``jsonElement(_:number:)`` and ``jsonClosing`` make the same bytes as ``json()``, and
/// ``text(_:number:)`` the same as ``text()``.
public struct PathReport: Sendable {
    public let loaded: LoadedOrganization
    /// The node the paths start from.
    public var from: Int
    /// The node the paths end at.
    public var to: Int
    /// The paths found, each a list of steps.
    public var paths: [[PathStep]]
    /// Whether the paths are a listing (`--all`): numbered `path 1:`, `path 2:` in text.
    public var isListing: Bool
    /// The language of the text's own words and of the relations' names.
    public var language: Language

    private var format: PathText { PathText(loaded: loaded, language: language) }

    public init(
        _ loaded: LoadedOrganization, from: Int, to: Int, paths: [[PathStep]], isListing: Bool = false,
        language: Language = .english
    ) {
        self.language = language
        self.loaded = loaded
        self.from = from
        self.to = to
        self.paths = paths
        self.isListing = isListing
    }

    // MARK: Text

    /// Each path as its nodes, one a line, with the step count under it; nothing when there
    /// is no path (``noPathMessage(via:)`` says so).
    public func text() -> String {
        paths.enumerated().map { text($1, number: $0 + 1) }.joined()
    }

    /// One path of the report: in a listing numbered and, after the first, after a blank line.
    public func text(_ path: [PathStep], number: Int) -> String {
        var lines = format.lines(path, from: from) + [format.steps(path.count)]
        if isListing { lines.insert(language.text(en: "path \(number):", vi: "đường đi \(number):"), at: 0) }
        return (isListing && number > 1 ? "\n" : "") + lines.joined(separator: "\n") + "\n"
    }

    /// `no path from a (Name) to b (Name)`, with ` with steps VIA` when the steps were limited.
    public func noPathMessage(via: String? = nil) -> String {
        let (source, target) = (format.label(from), format.label(to))
        return language.text(
            en: "no path from \(source) to \(target)" + (via.map { " with steps \($0)" } ?? ""),
            vi: "không có đường đi từ \(source) đến \(target)" + (via.map { " theo các bước \($0)" } ?? ""))
    }

    /// Said when a listing stopped at the search budget: `the search for more paths stopped
    /// after 5,000,000 steps; these are the paths found`.
    public static func truncationMessage(
        budget: Int = PathFinder.defaultBudget, language: Language = .english
    ) -> String {
        language.text(
            en: "the search for more paths stopped after \(grouped(budget)) steps; these are the paths found",
            vi: "việc tìm thêm đường đi đã dừng sau \(grouped(budget, separator: ".")) bước; "
                + "đây là các đường đi đã tìm được")
    }

    /// `5,000,000`: the digits in groups of three (`5.000.000` with the separator `.`, as
    /// Vietnamese writes it).
    static func grouped(_ number: Int, separator: Character = ",") -> String {
        var digits = String(number.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(separator, at: index)
        }
        return (number < 0 ? "-" : "") + digits
    }

    // MARK: JSON

    /// `{"from": ..., "to": ..., "paths": [{"length": N, "steps": [...]}, ...]}` and a line break.
    public func json() -> String {
        JSONText.object([
            ("from", JSONText.quote(format.id(from))), ("to", JSONText.quote(format.id(to))),
            ("paths", JSONText.array(paths.map(jsonPath))),
        ]) + "\n"
    }

    /// `{"length": N, "steps": [...]}`.
    private func jsonPath(_ path: [PathStep]) -> String {
        JSONText.object([("length", "\(path.count)"), ("steps", format.json(path))])
    }

    /// The JSON object up to its first path: `{"from": ..., "to": ..., "paths": [`.
    public var jsonOpening: String {
        "{\(JSONText.quote("from")): \(JSONText.quote(format.id(from))), "
            + "\(JSONText.quote("to")): \(JSONText.quote(format.id(to))), \(JSONText.quote("paths")): ["
    }

    /// One path of the `paths` array, `{"length", "steps"}`, after a comma unless it is the first.
    public func jsonElement(_ path: [PathStep], number: Int) -> String {
        (number > 1 ? ", " : "") + jsonPath(path)
    }

    /// The end of the JSON object: `]}` and a line break.
    public var jsonClosing: String { "]}\n" }

    /// The JSON line of a pair of ids that cannot be answered:
    /// `{"from": A, "to": B, "paths": [], "error": MESSAGE}`, without a line break.
    public static func json(from: String, to: String, error: String) -> String {
        JSONText.object([
            ("from", JSONText.quote(from)), ("to", JSONText.quote(to)), ("paths", "[]"),
            ("error", JSONText.quote(error)),
        ])
    }
}
