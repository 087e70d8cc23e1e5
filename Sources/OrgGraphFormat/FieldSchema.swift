import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fields of one mapping of an organization file (SPEC §1), each case spelled as files
/// write it, in the order the writer writes them and error messages list them.
///
/// The four sets below are the file format's one schema: the decoder, the JSON fast path and
/// the writer all take their field names from it.
protocol FieldSet: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// Every field, in order (``CaseIterable/allCases`` kept, not remade at each look-up).
    static var fields: [Self] { get }
    /// The fields as readers match them.
    static var names: FieldNames { get }
    /// The fields as the JSON fast path matches them.
    static var matcher: FieldMatcher { get }
    /// Whether the field must be written, with a value.
    var isRequired: Bool { get }
}

extension FieldSet {
    /// The spellings of the fields, in order.
    static var spellings: [String] { fields.map(\.rawValue) }

    /// The fields that must be written.
    static var required: [Self] { fields.filter(\.isRequired) }

    /// The position of the field in ``fields``: its bit in a mask of fields seen.
    var position: Int { Self.fields.firstIndex(of: self) ?? 0 }
}

/// The top level of an organization file.
enum TopField: String, FieldSet {
    case orggraph, title, rulebook, nodes, relations, suppressions

    static let fields = allCases
    static let names = FieldNames(spellings)
    static let matcher = FieldMatcher(spellings)
    var isRequired: Bool { self == .orggraph }
}

/// The fields of a node.
enum NodeField: String, FieldSet {
    case id, kind, name, level, sector
    case partOf = "part-of"
    case note, attributes

    static let fields = allCases
    static let names = FieldNames(spellings)
    static let matcher = FieldMatcher(spellings)
    var isRequired: Bool { self == .id || self == .kind }
}

/// The fields of a relation.
enum RelationField: String, FieldSet {
    case type, from, to, period, basis, note, attributes

    static let fields = allCases
    static let names = FieldNames(spellings)
    static let matcher = FieldMatcher(spellings)
    var isRequired: Bool { self == .type || self == .from || self == .to }
}

/// The fields of a suppression.
enum SuppressionField: String, FieldSet {
    case rule, node, reason

    static let fields = allCases
    static let names = FieldNames(spellings)
    static let matcher = FieldMatcher(spellings)
    var isRequired: Bool { true }
}

/// The names of one set of fields matched on raw bytes, by their first byte.
struct FieldMatcher: Sendable {
    /// Every name's bytes, one after another.
    private let text: [UInt8]
    /// For each first byte, the names starting with it: where their bytes are in `text`, how
    /// many, and the field's position.
    private let byFirstByte: [[(start: Int, count: Int, field: Int)]]

    init(_ names: [String]) {
        var text: [UInt8] = []
        var byFirstByte = [[(start: Int, count: Int, field: Int)]](repeating: [], count: 256)
        for (field, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            guard let first = bytes.first else { continue }
            byFirstByte[Int(first)].append((text.count, bytes.count, field))
            text.append(contentsOf: bytes)
        }
        self.text = text
        self.byFirstByte = byFirstByte
    }

    /// The field whose name is written from `start` on and closed by a quote, and the offset
    /// just past that quote; `nil` when no name is.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (field: Int, end: Int)? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        for candidate in byFirstByte[Int(bytes[start])] {
            let end = start + candidate.count
            guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { continue }
            let same = text.withUnsafeBufferPointer { text in
                guard let name = text.baseAddress else { return false }
                return memcmp(base + start, name + candidate.start, candidate.count) == 0
            }
            if same { return (candidate.field, end + 1) }
        }
        return nil
    }
}
