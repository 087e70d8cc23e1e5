import Yams

/// A pull reader over a YAML document composed by libyaml (through Yams).
///
/// An alias in YAML stands for the whole node it names, so a few lines can name a document of
/// billions of values. The reader counts every value it hands out and stops past a budget
/// proportional to the file, so aliases can never multiply the work or the memory.
struct YAMLReader: StructuredReader {
    static let scalarsAreText = true

    private enum Frame {
        case mapping([(key: Yams.Node, value: Yams.Node)], Int)
        case sequence([Yams.Node], Int)
    }

    private var pending: Yams.Node?
    private var stack: [Frame] = []
    private var budget: Int
    private let limit: Int

    /// - Parameters:
    ///   - root: the document's root node.
    ///   - budget: how many values the document may expand to, aliases included.
    init(root: Yams.Node, budget: Int) {
        pending = root
        self.budget = budget
        limit = budget
    }

    /// Composes the single document of `text`.
    /// - Returns: the root node, or `nil` for a document with no content.
    static func compose(_ text: String, source: SourceText) throws(SyntaxError) -> Yams.Node? {
        do {
            let parser = try Parser(yaml: text)
            return try parser.singleRoot()
        } catch let error as YamlError {
            throw syntaxError(error, source: source)
        } catch {
            throw SyntaxError(message: "malformed YAML: \(error)", location: SourceLocation(line: 1, column: 1))
        }
    }

    private static func syntaxError(_ error: YamlError, source: SourceText) -> SyntaxError {
        func location(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return SyntaxError(message: "malformed YAML: \(problem)\(detail)", location: location(mark))
        case let .composer(context, problem, mark, _):
            if context?.text == "expected a single document in the stream" {
                return SyntaxError(
                    message: "malformed YAML: the file holds more than one document; an organization is one document",
                    location: location(mark))
            }
            if problem == "found undefined alias" {
                return SyntaxError(message: "malformed YAML: alias to an undefined anchor", location: location(mark))
            }
            let detail = context.map { " (\($0.text))" } ?? ""
            return SyntaxError(message: "malformed YAML: \(problem)\(detail)", location: location(mark))
        case let .reader(problem, offset, value, _):
            let at = offset.map { source.location(ofOffset: $0) } ?? SourceLocation(line: 1, column: 1)
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return SyntaxError(message: "malformed YAML: \(problem)\(character)", location: at)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SyntaxError(
                message: "duplicate field \(names) in one mapping", location: location(context.mark))
        default:
            return SyntaxError(message: "malformed YAML: \(error)", location: SourceLocation(line: 1, column: 1))
        }
    }

    // MARK: StructuredReader

    private func mark(of node: Yams.Node?) -> SourceLocation {
        guard let mark = node?.mark else { return .unknown }
        return SourceLocation(line: mark.line, column: mark.column)
    }

    private mutating func take() throws(SyntaxError) -> Yams.Node {
        guard let node = pending else {
            throw SyntaxError(message: "internal: no value to read", location: .unknown)
        }
        pending = nil
        budget -= 1
        if budget < 0 {
            throw SyntaxError(
                message:
                    "YAML aliases expand this document past \(limit) values; aliases may not multiply the document",
                location: mark(of: node))
        }
        return node
    }

    mutating func location() throws(SyntaxError) -> SourceLocation { mark(of: pending) }

    mutating func peekKind() throws(SyntaxError) -> ValueKind {
        guard let node = pending else { return .null }
        switch node {
        case .mapping: return .mapping
        case .sequence: return .sequence
        case .alias: return .null
        case .scalar(let scalar): return Self.kind(of: scalar)
        }
    }

    /// The kind a scalar has under the YAML 1.2 core schema.
    private static func kind(of scalar: Yams.Node.Scalar) -> ValueKind {
        guard scalar.style == .plain || scalar.style == .any else { return .string }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        default: break
        }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return .number }
        return .string
    }

    mutating func beginMapping() throws(SyntaxError) {
        let node = try take()
        guard case .mapping(let mapping) = node else {
            throw SyntaxError(message: "internal: expected a mapping", location: mark(of: node))
        }
        stack.append(.mapping(mapping.map { ($0.key, $0.value) }, 0))
    }

    mutating func nextKey() throws(SyntaxError) -> Scalar? {
        guard case .mapping(let pairs, let index) = stack.last else {
            throw SyntaxError(message: "internal: not in a mapping", location: .unknown)
        }
        guard index < pairs.count else {
            stack.removeLast()
            return nil
        }
        stack[stack.count - 1] = .mapping(pairs, index + 1)
        let (key, value) = pairs[index]
        guard case .scalar(let scalar) = key else {
            throw SyntaxError(message: "a field name must be plain text, not a mapping or a list",
                              location: mark(of: key))
        }
        pending = value
        return Scalar(kind: .string, text: scalar.string, location: mark(of: key))
    }

    mutating func beginSequence() throws(SyntaxError) {
        let node = try take()
        guard case .sequence(let sequence) = node else {
            throw SyntaxError(message: "internal: expected a list", location: mark(of: node))
        }
        stack.append(.sequence(Array(sequence), 0))
    }

    mutating func nextElement() throws(SyntaxError) -> Bool {
        guard case .sequence(let nodes, let index) = stack.last else {
            throw SyntaxError(message: "internal: not in a list", location: .unknown)
        }
        guard index < nodes.count else {
            stack.removeLast()
            return false
        }
        stack[stack.count - 1] = .sequence(nodes, index + 1)
        pending = nodes[index]
        return true
    }

    mutating func readScalar() throws(SyntaxError) -> Scalar {
        let node = try take()
        guard case .scalar(let scalar) = node else {
            throw SyntaxError(message: "internal: expected a scalar", location: mark(of: node))
        }
        return Scalar(kind: Self.kind(of: scalar), text: scalar.string, location: mark(of: node))
    }

    mutating func skipValue() throws(SyntaxError) {
        pending = nil
    }

    mutating func finish() throws(SyntaxError) {}
}
