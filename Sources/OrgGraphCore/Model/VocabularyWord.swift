/// A word of the file format's vocabulary (a kind, a relation type, a level, a period, a
/// basis), looked up by the name written in files.
package protocol VocabularyWord: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// Every value by its name: one hash instead of a comparison per case.
    static var byName: [String: Self] { get }
}

extension VocabularyWord {
    static func table() -> [String: Self] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    }
}

extension NodeKind: VocabularyWord {
    package static let byName = table()
}

extension RelationType: VocabularyWord {
    package static let byName = table()
}

extension Level: VocabularyWord {
    package static let byName = table()
}

extension Period: VocabularyWord {
    package static let byName = table()
}

extension Basis: VocabularyWord {
    package static let byName = table()
}
