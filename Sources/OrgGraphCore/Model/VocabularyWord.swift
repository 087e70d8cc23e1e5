/// A word of the file format's vocabulary: a kind, a relation type, a level, a period, a basis.
/// Its raw value is the name written in files, and its order is its place in `allCases`, the
/// order of the vocabulary table.
public protocol VocabularyWord: RawRepresentable, CaseIterable, Comparable, Hashable, Sendable
where RawValue == String {
    /// Every value by its name: one hash instead of a comparison per case.
    static var byName: [String: Self] { get }
}

extension VocabularyWord {
    static func table() -> [String: Self] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    }

    /// The position of the word in the vocabulary (its place in `allCases`), a small dense
    /// integer.
    ///
    /// - Complexity: O(1): the case's own tag, which Swift numbers in declaration order, for an
    ///   enum without payloads of at most 256 cases (`unsafeBitCast` traps on any other size,
    ///   and a test checks every word against `allCases`).
    @inlinable
    public var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
}

/// A vocabulary word with a name in each display language.
public protocol NamedVocabularyWord: VocabularyWord {
    /// The English display name.
    var englishName: String { get }
    /// The Vietnamese display name, as the regulation writes it.
    var vietnameseName: String { get }
}

extension NamedVocabularyWord {
    /// The display name in `language`.
    public func displayName(in language: Language) -> String {
        switch language {
        case .english: englishName
        case .vietnamese: vietnameseName
        }
    }
}

extension NodeKind { public static let byName = table() }
extension RelationType { public static let byName = table() }
extension Level { public static let byName = table() }
extension Period { public static let byName = table() }
extension Basis { public static let byName = table() }
