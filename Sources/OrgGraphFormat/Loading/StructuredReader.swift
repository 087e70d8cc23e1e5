import OrgGraphCore

/// What a value in a structured document is, before it is read.
package enum ValueKind: Sendable, Equatable {
    case mapping
    case sequence
    case string
    case number
    case bool
    case null

    /// The kind as a user would name it in a message: `a list`, `danh sách`.
    package var phrase: LocalizedText {
        switch self {
        case .mapping: LocalizedText(en: "a mapping", vi: "ánh xạ (mapping)")
        case .sequence: LocalizedText(en: "a list", vi: "danh sách")
        case .string: LocalizedText(en: "a string", vi: "chuỗi văn bản")
        case .number: LocalizedText(en: "a number", vi: "số")
        case .bool: LocalizedText(en: "a boolean", vi: "giá trị đúng/sai")
        case .null: LocalizedText(en: "null", vi: "giá trị rỗng (null)")
        }
    }
}

/// A scalar value with its text and place.
package struct Scalar: Sendable {
    var kind: ValueKind
    package var text: String
    /// Where the scalar is written; for a field name matched on its bytes, unknown until asked
    /// for (see `offset`).
    package var location: SourceLocation
    /// For a field name matched against known names: its position among them, else -1.
    var fieldIndex = -1
    /// For a field name whose location was not computed: its byte offset in the file.
    var offset = -1
}

/// Known field names, matched on their UTF-8 bytes.
package struct FieldNames: Sendable {
    let names: [String]
    private let bytes: [[UInt8]]

    init(_ names: [String]) {
        self.names = names
        bytes = names.map { Array($0.utf8) }
    }

    /// The position of the name with these bytes, or -1.
    func index(of raw: UnsafeRawBufferPointer) -> Int {
        for (position, name) in bytes.enumerated() where name.count == raw.count {
            if name.withUnsafeBytes({ $0.elementsEqual(raw) }) { return position }
        }
        return -1
    }
}

/// A malformed document: the syntax cannot be read past this place.
package struct SyntaxError: Error, Sendable {
    package var message: LocalizedText
    package var location: SourceLocation

    package init(message: LocalizedText, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// An error no input should cause: a reader asked for what it does not stand before.
    package static func `internal`(_ detail: String, location: SourceLocation) -> SyntaxError {
        SyntaxError(message: LocalizedText(en: "internal: \(detail)", vi: "lỗi nội bộ: \(detail)"), location: location)
    }
}

/// A pull reader over a JSON or YAML document, which the organization decoder drives.
///
/// The reader stands before one value at a time: `peekKind` tells what it is, and one of
/// `beginMapping`, `beginSequence`, `readScalar` or `skipValue` consumes it.
package protocol StructuredReader {
    /// Whether a scalar of any kind may be taken as text (YAML), or only a string (JSON).
    static var scalarsAreText: Bool { get }

    /// The location of the value the reader stands before.
    mutating func location() throws(SyntaxError) -> SourceLocation
    mutating func peekKind() throws(SyntaxError) -> ValueKind
    /// Enters the mapping the reader stands before.
    mutating func beginMapping() throws(SyntaxError)
    /// The next key of the current mapping, leaving the reader before its value; `nil`, and the
    /// mapping left, when there are no more.
    mutating func nextKey() throws(SyntaxError) -> Scalar?
    /// Enters the sequence the reader stands before.
    mutating func beginSequence() throws(SyntaxError)
    /// Whether the current sequence has another element (the reader then stands before it);
    /// `false`, and the sequence left, when there are no more.
    mutating func nextElement() throws(SyntaxError) -> Bool
    mutating func readScalar() throws(SyntaxError) -> Scalar
    mutating func skipValue() throws(SyntaxError)
    /// Checks that nothing follows the document.
    mutating func finish() throws(SyntaxError)
    /// The next key, matched against `names` (its `fieldIndex` set); `nil` at the end of the
    /// mapping, as ``nextKey()``.
    mutating func nextKey(matching names: FieldNames) throws(SyntaxError) -> Scalar?
    /// The UTF-8 bytes of the string the reader stands before, when it can give them without
    /// making a `String` (JSON without escapes); consumes nothing. `nil` otherwise.
    mutating func rawString() -> UnsafeRawBufferPointer?
    /// Moves past the string ``rawString()`` returned.
    mutating func skipRawString()
}

extension StructuredReader {
    mutating func nextKey(matching names: FieldNames) throws(SyntaxError) -> Scalar? {
        guard var key = try nextKey() else { return nil }
        key.fieldIndex = names.names.firstIndex(of: key.text) ?? -1
        return key
    }

    mutating func rawString() -> UnsafeRawBufferPointer? { nil }

    mutating func skipRawString() {}
}
