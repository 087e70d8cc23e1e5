/// A text a person reads, in English, in Vietnamese, or in both: a rule's title, rationale and
/// messages, a rulebook's title and its clause summaries.
///
/// One language may be missing; ``text(in:)`` then gives the other, so a user's rulebook
/// written in one language reads the same in both.
public struct LocalizedText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The English text, if given.
    public private(set) var english: String?
    /// The Vietnamese text, if given, in NFC.
    public private(set) var vietnamese: String?

    /// A text given in one or both languages; `nil` when neither is given.
    public init?(english: String?, vietnamese: String?) {
        guard english != nil || vietnamese != nil else { return nil }
        self.english = english
        self.vietnamese = vietnamese.map(\.nfc)
    }

    /// A text in both languages.
    public init(en english: String, vi vietnamese: String) {
        self.english = english
        self.vietnamese = vietnamese.nfc
    }

    /// One text for both languages, as a rulebook's plain string gives it: it is kept as the
    /// English text, which the Vietnamese falls back to.
    public init(_ text: String) {
        english = text
        vietnamese = nil
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The English text (or the Vietnamese when there is no English): a part of a longer text
    /// made in both languages, `LocalizedText(en: "... \(part.en)", vi: "... \(part.vi)")`.
    public var en: String { text(in: .english) }

    /// The Vietnamese text (or the English when there is no Vietnamese).
    public var vi: String { text(in: .vietnamese) }

    /// The text in `language`, or in the other language when it is not given in that one.
    public func text(in language: Language) -> String {
        switch language {
        case .english: english ?? vietnamese ?? ""
        case .vietnamese: vietnamese ?? english ?? ""
        }
    }

    /// The text in `language` only, without falling back: `nil` when not given in it.
    public func given(in language: Language) -> String? {
        switch language {
        case .english: english
        case .vietnamese: vietnamese
        }
    }

    /// Whether both languages are given.
    public var isComplete: Bool { english != nil && vietnamese != nil }

    /// Whether neither language has any text.
    public var isEmpty: Bool { (english ?? "").isEmpty && (vietnamese ?? "").isEmpty }

    /// The English text (or the Vietnamese when there is no English).
    public var description: String { text(in: .english) }

    /// The text with `transform` applied in each language given.
    public func map(_ transform: (String) -> String) -> LocalizedText {
        var result = self
        result.english = english.map(transform)
        result.vietnamese = vietnamese.map { transform($0).nfc }
        return result
    }
}

extension String {
    /// The string in Unicode Normalization Form C: each letter and its diacritics composed into
    /// one scalar where Unicode has one (`u` + U+0309 → `ủ`).
    ///
    /// - Complexity: O(*n*); a string already known to be NFC (ASCII) is returned as it is.
    public var nfc: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return String(decoding: _nfcCodeUnits, as: UTF8.self)
    }

    /// Whether the string is in Unicode Normalization Form C, scalar for scalar.
    public var isNFC: Bool { utf8.elementsEqual(nfc.utf8) }
}
