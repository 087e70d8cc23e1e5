import OrgGraphCore

/// The words of an organization file's load errors that several messages share, in English and
/// Vietnamese: where a field is, what a value must be, the end of a long list of errors.
package enum LoadWording {
    /// Where in an organization file a field is written.
    enum Place {
        case top, node, relation, suppression

        /// `at the top level`, `in a node`...
        var text: LocalizedText {
            switch self {
            case .top: LocalizedText(en: "at the top level", vi: "ở cấp trên cùng của tệp")
            case .node: LocalizedText(en: "in a node", vi: "trong một nút")
            case .relation: LocalizedText(en: "in a relation", vi: "trong một quan hệ")
            case .suppression: LocalizedText(en: "in a suppression", vi: "trong một mục miễn trừ (suppression)")
            }
        }
    }

    /// What a value must be, for `'FIELD' must be ..., found ...`.
    enum Expected {
        static let string = LocalizedText(en: "a string", vi: "chuỗi văn bản")
        static let list = LocalizedText(en: "a list", vi: "danh sách")
        static let listOfMappings = LocalizedText(en: "a list of mappings", vi: "danh sách các ánh xạ (mapping)")
        static let mappingOfStrings = LocalizedText(
            en: "a mapping of strings", vi: "ánh xạ (mapping) từ tên tới chuỗi văn bản")
        static let formatVersion = LocalizedText(en: "the format version number, 1", vi: "số phiên bản định dạng, 1")
        static let periods = LocalizedText(
            en: "a list such as [6-months, 1-year]", vi: "danh sách, ví dụ [6-months, 1-year]")
    }

    /// `too many errors; reading stopped here, after the first N`.
    package static func tooManyErrors(_ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "too many errors; reading stopped here, after the first \(limit)",
            vi: "quá nhiều lỗi; dừng đọc tại đây, sau \(limit) lỗi đầu tiên")
    }

    /// `'FIELD' must be EXPECTED, found FOUND`; a field given as a phrase (`attribute 'beds'`)
    /// is not quoted again.
    package static func mismatch(_ field: LocalizedText, expected: LocalizedText, found: ValueKind) -> LocalizedText {
        LocalizedText(
            en: "\(field.en) must be \(expected.en), found \(found.phrase.en)",
            vi: "\(field.vi) phải là \(expected.vi), nhưng gặp \(found.phrase.vi)")
    }

    /// A field's name as a message quotes it: `'name'`.
    package static func field(_ name: String) -> LocalizedText {
        LocalizedText("'\(name)'")
    }

    /// `attribute 'beds'`, `thuộc tính 'beds'`.
    static func attribute(_ shown: String) -> LocalizedText {
        LocalizedText(en: "attribute \(shown)", vi: "thuộc tính \(shown)")
    }
}
