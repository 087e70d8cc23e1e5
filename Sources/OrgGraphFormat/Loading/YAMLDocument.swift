import OrgGraphCore
internal import Yams

/// A YAML document composed by libyaml (through Yams) without letting Yams expand its aliases.
///
/// Yams resolves an alias by handing out the anchored node, and checks every mapping for
/// duplicate keys by hashing the keys whole. Nine lines of nested aliases name a billion values,
/// and one of them used as a key (`*lol : x`) makes that hash walk all of them. So, before
/// composing, every `*` of the text is replaced by a private-use character the file does not
/// contain: an alias becomes a plain scalar starting with that marker (a plain scalar cannot
/// start with `*`), every other `*` stays text. Nothing is shared in what Yams composes, and the
/// aliases are resolved here, in document order, counting the values they expand to against a
/// budget before anything reads them.
struct YAMLDocument {
    /// A place as libyaml marks it: 1-based line and column.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    let root: Yams.Node
    /// The file's lines and columns for libyaml's marks.
    let marks: YAMLMarks
    /// The character standing for `*` in the composed text, if the file has any `*`.
    private let marker: Unicode.Scalar?
    /// The anchored node each alias stands for, by the place the alias is written.
    private let targets: [Position: Yams.Node]
    /// Whether scalars may start with a U+FEFF that Yams dropped.
    private let checksByteOrderMarks: Bool

    /// Composes the single document of `source`.
    ///
    /// - Parameters:
    ///   - source: the file, valid UTF-8, without a byte order mark.
    ///   - budget: how many values the document may expand to, aliases included.
    ///   - limit: how many duplicate keys to list.
    /// - Returns: the document, or `nil` when it has no content.
    /// - Throws: ``LoadError`` for malformed YAML, an alias to no anchor, aliases that expand
    ///   past the budget, or keys written twice in a mapping (every one of them, at any depth).
    /// - Complexity: O(*n*) in the size of the file.
    static func compose(_ source: SourceText, budget: Int, limit: Int) throws(LoadError) -> YAMLDocument? {
        let composed: Composed
        do {
            composed = try compose(source, budget: budget, duplicateLimit: limit)
        } catch {
            throw LoadError([source.diagnostic(error.message, at: error.location)])
        }
        switch composed {
        case .document(let document): return document
        case .duplicateKeys(let error): throw error
        }
    }

    /// What ``compose(_:budget:duplicateLimit:)`` makes of a file that is well-formed YAML.
    private enum Composed {
        case document(YAMLDocument?)
        /// Keys written twice: the error listing them all.
        case duplicateKeys(LoadError)
    }

    /// ``compose(_:budget:limit:)``, but with its errors other than duplicate keys thrown as a
    /// `SyntaxError`.
    private static func compose(
        _ source: SourceText, budget: Int, duplicateLimit: Int
    ) throws(SyntaxError) -> Composed {
        let checksByteOrderMarks = mayHaveByteOrderMark(source.bytes)
        let marks = YAMLMarks(source, needsOffsets: checksByteOrderMarks)
        var marker: Unicode.Scalar?
        var text = String(decoding: source.bytes, as: UTF8.self)
        if source.bytes.contains(UInt8(ascii: "*")) {
            guard let chosen = unusedMarker(in: source.bytes) else {
                throw SyntaxError(
                    message: LocalizedText(
                        en: "this file uses every private-use character; it cannot be read safely",
                        vi: "tệp này dùng hết mọi ký tự vùng dùng riêng (private-use); không thể đọc an toàn"),
                    location: SourceLocation(line: 1, column: 1))
            }
            marker = chosen
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { scalars.append(scalar == "*" ? chosen : scalar) }
            text = String(scalars)
        }
        let parser: Parser
        let composed: Yams.Node?
        do {
            // No implicit tags: the reader tells nulls, booleans and numbers from text itself,
            // and Yams would otherwise match every key it compares for duplicates against its
            // regular expressions. Keys are compared as text, the way the decoder reads them.
            parser = try Parser(yaml: text, resolver: .basic)
            composed = try parser.singleRoot()
        } catch let error as YamlError {
            // Yams stops at the first mapping with a key written twice, or at an error in the
            // syntax, which may come after duplicates in mappings it had not closed: all of
            // those are listed first.
            var ending: SyntaxError?
            if case .duplicatedKeysInMapping = error {
            } else {
                ending = syntaxError(error, source: source, marks: marks, marker: marker)
            }
            if let duplicates = duplicateKeys(
                in: text, source: source, marks: marks, marker: marker, limit: duplicateLimit, ending: ending)
            {
                return .duplicateKeys(duplicates)
            }
            throw ending ?? syntaxError(error, source: source, marks: marks, marker: marker)
        } catch {
            throw SyntaxError(message: YAMLWording.malformed("\(error)"), location: SourceLocation(line: 1, column: 1))
        }
        guard let root = composed else { return .document(nil) }
        var targets: [Position: Yams.Node] = [:]
        if let marker {
            // Anchors are weak references that the parser keeps alive: it must outlive the walk.
            try withExtendedLifetime(parser) { () throws(SyntaxError) in
                targets = try resolveAliases(root, marker: marker, budget: budget, marks: marks)
            }
        }
        return .document(
            YAMLDocument(
                root: root, marks: marks, marker: marker, targets: targets, checksByteOrderMarks: checksByteOrderMarks))
    }

    /// Whether two keys of a mapping may read as the same text although Yams, which compares
    /// keys by text and tag, let them pass: only when the file has an alias (`*`), which Yams
    /// sees as another text, or a tag (`!`), which it compares too.
    var mayHideDuplicateKeys: Bool {
        marker != nil || marks.source.bytes.contains(UInt8(ascii: "!"))
    }

    /// Whether the file has a U+FEFF, raw or as an escape (`\uFEFF`, `\U0000FEFF`).
    private static func mayHaveByteOrderMark(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices {
            if bytes[index] == 0xEF, bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) { return true }
            if bytes[index] == UInt8(ascii: "\\"), escapedByteOrderMark(bytes, at: index) != nil { return true }
        }
        return false
    }

    // MARK: Reading

    /// The node `node` stands for: the anchored node when it is an alias, else itself.
    func resolve(_ node: Yams.Node) -> Yams.Node {
        guard case .scalar(let scalar) = node, isAlias(scalar), let mark = scalar.mark else { return node }
        return targets[Position(line: mark.line, column: mark.column)] ?? node
    }

    /// The text of a scalar as the file wrote it: with its `*`s back, and with the U+FEFF it
    /// starts with, which Yams drops (it makes the String with Foundation, which takes a leading
    /// U+FEFF for a byte order mark).
    func text(of scalar: Yams.Node.Scalar) -> String {
        var text = scalar.string
        if let marker, text.unicodeScalars.contains(marker) {
            var scalars = String.UnicodeScalarView()
            for character in text.unicodeScalars { scalars.append(character == marker ? "*" : character) }
            text = String(scalars)
        }
        let written = leadingByteOrderMarks(of: scalar)
        if written > 0 {
            let kept = text.unicodeScalars.prefix { $0 == "\u{FEFF}" }.count
            if kept < written { text = String(repeating: "\u{FEFF}", count: written - kept) + text }
        }
        return text
    }

    /// How many U+FEFF a flow scalar starts with in the file, raw or escaped.
    ///
    /// - Complexity: O(1) in a file with no U+FEFF; else O(*c*) for a scalar at column *c*.
    private func leadingByteOrderMarks(of scalar: Yams.Node.Scalar) -> Int {
        guard checksByteOrderMarks, let mark = scalar.mark else { return 0 }
        let bytes = marks.source.bytes
        var index = marks.offset(line: mark.line, column: mark.column)
        // The mark of a node with properties is at its anchor or tag.
        while index < bytes.count, bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "!") {
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }
        switch scalar.style {
        case .doubleQuoted, .singleQuoted:
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                return 0
            }
            index += 1
        case .plain, .any:
            break
        case .literal, .folded:
            return 0
        }
        let escapes = scalar.style == .doubleQuoted
        var count = 0
        while index < bytes.count {
            if bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) {
                index += 3
            } else if escapes, let width = Self.escapedByteOrderMark(bytes, at: index) {
                index += width
            } else {
                break
            }
            count += 1
        }
        return count
    }

    /// The width of `\uFEFF` or `\U0000FEFF` (any case) at `index`, if one is there.
    private static func escapedByteOrderMark(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\") else { return nil }
        let digits: String
        switch bytes[index + 1] {
        case UInt8(ascii: "u"): digits = "feff"
        case UInt8(ascii: "U"): digits = "0000feff"
        default: return nil
        }
        let start = index + 2
        guard start + digits.utf8.count <= bytes.count else { return nil }
        for (offset, digit) in digits.utf8.enumerated() where bytes[start + offset] | 0x20 != digit { return nil }
        return 2 + digits.utf8.count
    }

    /// The file's location of a node.
    func location(of node: Yams.Node?) -> SourceLocation {
        guard let mark = node?.mark else { return .unknown }
        return marks.location(line: mark.line, column: mark.column)
    }

    private func isAlias(_ scalar: Yams.Node.Scalar) -> Bool {
        guard let marker else { return false }
        return scalar.style == .plain && scalar.string.unicodeScalars.first == marker
    }

    // MARK: Errors

    private static func syntaxError(
        _ error: YamlError, source: SourceText, marks: YAMLMarks, marker: Unicode.Scalar?
    ) -> SyntaxError {
        // libyaml ends a file that has no final line break on a line after it: that is the end
        // of the file's last line.
        let end = source.location(ofOffset: source.bytes.count)
        func location(_ mark: Mark) -> SourceLocation {
            min(marks.location(line: mark.line, column: mark.column), end)
        }
        func restore(_ text: String) -> String {
            guard let marker else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == marker ? "*" : $0 }))
        }
        switch error {
        case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            // libyaml's limit; it stops where its parser is, which its scanner's look-ahead puts
            // near the start of a run of brackets.
            return SyntaxError(
                message: LocalizedText(
                    en: "malformed YAML: the lists and mappings opened here nest deeper than 1000 levels",
                    vi: "YAML sai cú pháp: các danh sách và ánh xạ mở từ đây lồng nhau sâu quá 1000 tầng"),
                location: location(mark))
        case .scanner(_, _, let mark, _) where tabIndentation(source, location(mark)) != nil,
            .parser(_, _, let mark, _) where tabIndentation(source, location(mark)) != nil:
            return SyntaxError(
                message: LocalizedText(
                    en: "malformed YAML: a tab is used for indentation; YAML indents with spaces only",
                    vi: "YAML sai cú pháp: dùng ký tự tab để thụt lề; YAML chỉ thụt lề bằng dấu cách"),
                location: tabIndentation(source, location(mark)) ?? location(mark))
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return SyntaxError(
                message: YAMLWording.malformed(problem, context: context?.text), location: location(mark))
        case .composer(let context, let problem, let mark, _):
            if context?.text == "expected a single document in the stream" {
                return SyntaxError(
                    message: LocalizedText(
                        en: "malformed YAML: the file holds more than one document; an organization is one document",
                        vi: "YAML sai cú pháp: tệp chứa nhiều hơn một tài liệu; một tổ chức là một tài liệu"),
                    location: location(mark))
            }
            return SyntaxError(
                message: YAMLWording.malformed(problem, context: context?.text), location: location(mark))
        case .reader(let problem, _, let value, _):
            // Yams gives the place as a distance in Characters; the first occurrence of the
            // character libyaml refused is the place it stopped at.
            var at = SourceLocation(line: 1, column: 1)
            var character = ""
            if value >= 0, let refused = Unicode.Scalar(UInt32(value)) {
                character = " (U+\(hex(UInt32(value))))"
                var offset = 0
                for scalar in String(decoding: source.bytes, as: UTF8.self).unicodeScalars {
                    if scalar == refused {
                        at = source.location(ofOffset: offset)
                        break
                    }
                    offset += UTF8.width(scalar)
                }
            }
            return SyntaxError(message: YAMLWording.malformed(problem, extra: character), location: at)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\(restore($0))'" }.joined(separator: ", ")
            return SyntaxError(
                message: LocalizedText(
                    en: "duplicate field \(names) in one mapping", vi: "trường \(names) bị trùng trong cùng một ánh xạ"),
                location: location(context.mark))
        default:
            return SyntaxError(message: YAMLWording.malformed("\(error)"), location: SourceLocation(line: 1, column: 1))
        }
    }

    /// The place of a tab in the indentation of the line of `location`, when the error is within
    /// that indentation (libyaml says "cannot start any token", or nothing of tabs).
    private static func tabIndentation(_ source: SourceText, _ location: SourceLocation) -> SourceLocation? {
        guard let column = source.indentationTab(onLine: location.line) else { return nil }
        var indentation = 0
        if let line = source.line(location.line) {
            indentation = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        }
        guard location.column <= indentation + 1 else { return nil }
        return SourceLocation(line: Int(location.line), column: column)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
