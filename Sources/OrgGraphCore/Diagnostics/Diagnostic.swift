/// A located message about a file that could not be loaded, rendered the way compilers do:
/// `file:line:col: error: message`, then the source line and a caret under the column.
///
/// The message is kept in English and Vietnamese (``text``) and rendered in one of them where
/// it is shown (``rendered(in:)``); the `error` and `note` of the located prefix stay English
/// words in both, since tools and editors parse them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case error
        case note
    }

    public var kind: Kind
    public var file: String
    public var location: SourceLocation
    /// The message in English and Vietnamese.
    public var text: LocalizedText
    /// The message in English.
    public var message: String { text.text(in: .english) }
    /// The text of the source line the location points into, without its line break; for a
    /// very long line, the part of it around the column.
    public var sourceLine: String?
    /// How many Unicode scalars of the line come before `sourceLine`, when it is part of it.
    var sourceLineOffset = 0
    /// How many Unicode scalars the whole line has, when `sourceLine` is part of it.
    var sourceLineCount: Int?
    /// Further places that explain this one (the first definition of a duplicate id, say).
    public var notes: [Diagnostic]

    public init(
        _ kind: Kind = .error, file: String, location: SourceLocation, message: LocalizedText,
        sourceLine: String? = nil, notes: [Diagnostic] = []
    ) {
        self.kind = kind
        self.file = file
        self.location = location
        self.text = message
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// The diagnostic and its notes as text in English, each with its source line and caret.
    public var description: String { rendered(in: .english) }

    /// The diagnostic and its notes as text, the messages in `language`, each with its source
    /// line and caret.
    public func rendered(in language: Language) -> String {
        var lines: [String] = []
        render(into: &lines, language: language)
        return lines.joined(separator: "\n")
    }

    private func render(into lines: inout [String], language: Language) {
        let shownFile = TerminalText.escaped(file)
        let place = location.isKnown ? "\(shownFile):\(location.line):\(location.column)" : shownFile
        lines.append("\(place): \(kind.rawValue): \(TerminalText.escaped(text.text(in: language)))")
        if let sourceLine, location.isKnown {
            let (text, caret) = Self.snippet(
                sourceLine, column: Int(location.column), offset: sourceLineOffset, lineCount: sourceLineCount)
            lines.append(text)
            lines.append(caret)
        }
        for note in notes { note.render(into: &lines, language: language) }
    }

    /// The longest text a message quotes whole, in Unicode scalars.
    static let quotedWidth = 64

    /// `text` in single quotes; past ``quotedWidth`` scalars, its start and an ellipsis: a message
    /// names a word the file wrote without repeating a 100,000-character one (the source line
    /// below it shows where it is).
    package static func quoted(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > quotedWidth else { return "'\(text)'" }
        return "'\(String(String.UnicodeScalarView(scalars.prefix(quotedWidth - 4))))…'"
    }

    /// The widest part of a source line shown around the column.
    package static let snippetWidth = 100

    /// The scalars shown of a line of `count` scalars, for a caret before scalar `target`.
    static func window(count: Int, target: Int) -> Range<Int> {
        guard count > snippetWidth else { return 0..<count }
        let start = max(0, target - snippetWidth / 2)
        return start..<min(count, start + snippetWidth)
    }

    /// A window of `line` around `column` (1-based, in Unicode scalars) and the caret line under it.
    ///
    /// - Parameters:
    ///   - line: the line, or the part of it that holds the window.
    ///   - offset: how many scalars of the line come before `line`.
    ///   - lineCount: how many scalars the whole line has; by default those of `line`.
    static func snippet(
        _ line: String, column: Int, offset: Int = 0, lineCount: Int? = nil
    ) -> (text: String, caret: String) {
        let scalars = Array(line.unicodeScalars)
        let count = lineCount ?? scalars.count
        let target = max(0, min(column - 1, count))
        let shown = window(count: count, target: target)
        let prefix = shown.lowerBound > 0 ? "…" : ""
        let suffix = shown.upperBound < count ? "…" : ""
        var text = String.UnicodeScalarView()
        var caret = String.UnicodeScalarView()
        for scalar in prefix.unicodeScalars {
            text.append(scalar)
            caret.append(" ")
        }
        for index in shown where scalars.indices.contains(index - offset) {
            let scalar = scalars[index - offset]
            if TerminalText.needsEscape(scalar) {
                // A control character is shown as its escape, and the caret moves past all of it.
                let escape = TerminalText.escape(scalar).unicodeScalars
                text.append(contentsOf: escape)
                if index < target {
                    caret.append(contentsOf: String(repeating: " ", count: escape.count).unicodeScalars)
                }
                continue
            }
            text.append(scalar)
            if index < target {
                // Combining marks take no column on screen; tabs keep the caret aligned.
                if scalar.properties.canonicalCombiningClass != .notReordered { continue }
                caret.append(scalar == "\t" ? "\t" : " ")
            }
        }
        for scalar in suffix.unicodeScalars { text.append(scalar) }
        caret.append("^")
        return (String(text), String(caret))
    }
}

/// The error that stops a load: one or more located diagnostics.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// How many further errors were found and not listed.
    public var omitted: Int

    public init(_ diagnostics: [Diagnostic], omitted: Int = 0) {
        self.diagnostics = diagnostics
        self.omitted = omitted
    }

    /// The diagnostics in English.
    public var description: String { rendered(in: .english) }

    /// The diagnostics with their messages in `language`, and the count of those not shown.
    public func rendered(in language: Language) -> String {
        var text = diagnostics.map { $0.rendered(in: language) }.joined(separator: "\n")
        if omitted > 0 {
            text +=
                "\n"
                + language.text(
                    en: "(\(omitted) more error\(omitted == 1 ? "" : "s") not shown)",
                    vi: "(còn \(omitted) lỗi nữa không hiển thị)")
        }
        return text
    }
}
