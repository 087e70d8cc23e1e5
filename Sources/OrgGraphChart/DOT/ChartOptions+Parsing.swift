import OrgGraphCore

extension ChartOptions {
    /// A name in a list of relation types that is not one, and where it is (1-based column).
    public struct UnknownRelation: Error, Sendable, Hashable {
        /// The name as written, spaces around it left out; empty for an empty item.
        public var name: String
        public var column: Int

        /// The error as a diagnostic that quotes `list`, as typed after `option`, with a caret
        /// under the name and a "did you mean" where one is close.
        public func diagnostic(in list: String, option: String) -> Diagnostic {
            let hint = RelationType.hint(for: name)
            let message =
                name.isEmpty
                ? LocalizedText(
                    en: "\(option) takes relation types joined by commas, such as 'leads,reports-to'",
                    vi: "\(option) nhận các loại quan hệ nối bằng dấu phẩy, ví dụ 'leads,reports-to'")
                : LocalizedText(
                    en: "unknown relation '\(name)'\(hint.en)", vi: "quan hệ không hợp lệ '\(name)'\(hint.vi)")
            return Diagnostic(
                file: String(option.drop { $0 == "-" }), location: SourceLocation(line: 1, column: column),
                message: message, sourceLine: list)
        }
    }

    /// The relation types of a list of names joined by commas (spaces around a name are
    /// allowed), as `--relations` takes them.
    /// - Throws: ``UnknownRelation`` for the first name that is empty or no relation type.
    public static func relations(parsing list: String) throws(UnknownRelation) -> Set<RelationType> {
        var types = Set<RelationType>()
        var column = 1
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = item.prefix { $0 == " " }.count
            let name = item.trimmingHorizontalSpace()
            guard let type = RelationType(rawValue: name) else {
                throw UnknownRelation(name: name, column: column + leading)
            }
            types.insert(type)
            column += item.count + 1
        }
        return types
    }
}

extension ChartOptions.Highlight {
    /// The reading of `FROM:TO`.
    public enum Parsed: Sendable, Hashable {
        case ends(ChartOptions.Highlight)
        /// More than one split gives two ids.
        case ambiguous
        /// No split has text on both sides.
        case malformed
    }

    /// The two ids of `FROM:TO` in `loaded`. Ids may contain ':', so every split is tried; the
    /// one where both sides are ids wins; when none does, the first with text on both sides
    /// (the chart then names the id it does not know).
    public static func parse(_ text: String, in loaded: LoadedOrganization) -> Parsed {
        let splits = text.indices.filter { text[$0] == ":" }.map {
            ChartOptions.Highlight(from: String(text[..<$0]), to: String(text[text.index(after: $0)...]))
        }
        let known = splits.filter { loaded.graph.index(of: $0.from) != nil && loaded.graph.index(of: $0.to) != nil }
        if known.count == 1, let ends = known.first { return .ends(ends) }
        if known.count > 1 { return .ambiguous }
        return splits.first(where: { !$0.from.isEmpty && !$0.to.isEmpty }).map(Parsed.ends) ?? .malformed
    }
}

extension Substring {
    /// The text without spaces and tabs (Unicode `Zs` and U+0009) at either end.
    fileprivate func trimmingHorizontalSpace() -> String {
        func isSpace(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
        }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
