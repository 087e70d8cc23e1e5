import OrgGraphCore
internal import Yams

/// A pull reader over a YAML document composed by libyaml (through Yams).
///
/// An alias in YAML stands for the whole node it names, so a few lines can name a document of
/// billions of values. ``YAMLDocument`` refuses a document whose aliases expand past a budget
/// proportional to the file, and the reader counts every value it hands out against the same
/// budget, so aliases can never multiply the work or the memory.
struct YAMLReader: StructuredReader {
    static let scalarsAreText = true

    private enum Frame {
        case mapping([(key: Yams.Node, value: Yams.Node)], Int)
        case sequence([Yams.Node], Int)
    }

    private let document: YAMLDocument
    private var pending: Yams.Node?
    private var stack: [Frame] = []
    private var budget: Int
    private let limit: Int

    /// - Parameters:
    ///   - document: the composed document.
    ///   - budget: how many values the document may expand to, aliases included.
    init(document: YAMLDocument, budget: Int) {
        self.document = document
        pending = document.root
        self.budget = budget
        limit = budget
    }

    // MARK: StructuredReader

    /// The place of a node; an alias is placed where it is written, not where its anchor is.
    private func mark(of node: Yams.Node?) -> SourceLocation {
        document.location(of: node)
    }

    /// Consumes the pending value, resolving an alias to the node it names.
    private mutating func take() throws(SyntaxError) -> Yams.Node {
        guard let written = pending else {
            throw SyntaxError.internal("no value to read", location: .unknown)
        }
        pending = nil
        budget -= 1
        if budget < 0 {
            throw SyntaxError(message: YAMLWording.aliasesExpand(past: limit), location: mark(of: written))
        }
        return document.resolve(written)
    }

    mutating func location() throws(SyntaxError) -> SourceLocation { mark(of: pending) }

    mutating func peekKind() throws(SyntaxError) -> ValueKind {
        guard let pending else { return .null }
        switch document.resolve(pending) {
        case .mapping: return .mapping
        case .sequence: return .sequence
        case .alias: return .null
        case .scalar(let scalar): return Self.kind(of: scalar)
        }
    }

    /// The first bytes of the core schema's nulls, booleans and numbers.
    private static let nonStringStarts = Set("~nNtTfF.+-0123456789".utf8)

    /// The kind a scalar has under the YAML 1.2 core schema.
    private static func kind(of scalar: Yams.Node.Scalar) -> ValueKind {
        kind(text: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any)
    }

    /// The kind of a scalar of `text`, plain or not, under the YAML 1.2 core schema.
    static func kind(text: String, isPlain: Bool) -> ValueKind {
        guard isPlain else { return .string }
        // Most scalars are words: only these can start a null, a boolean or a number.
        guard let first = text.utf8.first, Self.nonStringStarts.contains(first) else {
            return text.isEmpty ? .null : .string
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .number
        default: return isNumber(text) ? .number : .string
        }
    }

    /// Whether `text` is an integer or a float of the core schema: `[-+]?[0-9]+`, `0o[0-7]+`,
    /// `0x[0-9a-fA-F]+`, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func all(_ range: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool {
            !range.isEmpty && range.allSatisfy(allowed)
        }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if bytes.starts(with: Array("0o".utf8)) {
            return all(bytes[2...]) { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
        }
        if bytes.starts(with: Array("0x".utf8)) {
            return all(bytes[2...]) { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) }
        }
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        var digits = index - integerStart
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            digits += index - fractionStart
        }
        guard digits > 0 else { return false }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            let exponentStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > exponentStart else { return false }
        }
        return index == bytes.count
    }

    mutating func beginMapping() throws(SyntaxError) {
        let node = try take()
        guard case .mapping(let mapping) = node else {
            throw SyntaxError.internal("expected a mapping", location: mark(of: node))
        }
        stack.append(.mapping(mapping.map { ($0.key, $0.value) }, 0))
    }

    mutating func nextKey() throws(SyntaxError) -> Scalar? {
        guard case .mapping(let pairs, let index) = stack.last else {
            throw SyntaxError.internal("not in a mapping", location: .unknown)
        }
        guard index < pairs.count else {
            stack.removeLast()
            return nil
        }
        stack[stack.count - 1] = .mapping(pairs, index + 1)
        let (key, value) = pairs[index]
        guard case .scalar(let scalar) = document.resolve(key) else {
            throw SyntaxError(
                message: LocalizedText(
                    en: "a field name must be plain text, not a mapping or a list",
                    vi: "tên trường phải là văn bản thường, không phải ánh xạ hay danh sách"),
                location: mark(of: key))
        }
        pending = value
        return Scalar(kind: .string, text: document.text(of: scalar), location: mark(of: key))
    }

    mutating func beginSequence() throws(SyntaxError) {
        let node = try take()
        guard case .sequence(let sequence) = node else {
            throw SyntaxError.internal("expected a list", location: mark(of: node))
        }
        stack.append(.sequence(Array(sequence), 0))
    }

    mutating func nextElement() throws(SyntaxError) -> Bool {
        guard case .sequence(let nodes, let index) = stack.last else {
            throw SyntaxError.internal("not in a list", location: .unknown)
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
        let location = mark(of: pending)
        let node = try take()
        guard case .scalar(let scalar) = node else {
            throw SyntaxError.internal("expected a scalar", location: location)
        }
        return Scalar(kind: Self.kind(of: scalar), text: document.text(of: scalar), location: location)
    }

    mutating func skipValue() throws(SyntaxError) {
        pending = nil
    }

    mutating func finish() throws(SyntaxError) {}
}
