import OrgGraphCore

/// The words of YAML syntax errors in English and Vietnamese: libyaml says what went wrong in
/// English phrases of its own, which are kept as they are in English and put in Vietnamese
/// from a table of the ones it has (an unknown one is shown as libyaml wrote it).
enum YAMLWording {
    /// `malformed YAML: PROBLEM (CONTEXT)EXTRA`, `YAML sai cú pháp: VẤN ĐỀ (NGỮ CẢNH)EXTRA`.
    static func malformed(_ problem: String, context: String? = nil, extra: String = "") -> LocalizedText {
        let english = "malformed YAML: \(problem)" + (context.map { " (\($0))" } ?? "") + extra
        let inVietnamese =
            "YAML sai cú pháp: \(vietnamese(problem))" + (context.map { " (\(vietnamese($0)))" } ?? "") + extra
        return LocalizedText(en: english, vi: inVietnamese)
    }

    /// A problem or context of libyaml in Vietnamese, or as it is when the table lacks it.
    static func vietnamese(_ phrase: String) -> String {
        phrases[phrase] ?? phrase
    }

    /// libyaml's phrases (scanner, parser, reader), and what they say in Vietnamese.
    static let phrases: [String: String] = [
        "mapping values are not allowed in this context": "không được viết giá trị ánh xạ ('key: value') ở chỗ này",
        "could not find expected ':'": "không tìm thấy dấu ':' cần có",
        "did not find expected key": "không tìm thấy khóa cần có",
        "did not find expected '-' indicator": "không tìm thấy dấu '-' của phần tử danh sách",
        "did not find expected node content": "không tìm thấy nội dung cần có",
        "did not find expected ',' or ']'": "không tìm thấy dấu ',' hoặc ']' cần có",
        "did not find expected ',' or '}'": "không tìm thấy dấu ',' hoặc '}' cần có",
        "did not find expected <document start>": "không tìm thấy phần mở đầu tài liệu (---)",
        "did not find expected alphabetic or numeric character": "không tìm thấy chữ cái hoặc chữ số cần có",
        "did not find expected comment or line break": "không tìm thấy chú thích hoặc xuống dòng cần có",
        "did not find expected whitespace or line break": "không tìm thấy khoảng trắng hoặc xuống dòng cần có",
        "did not find URI escaped octet": "không tìm thấy byte URI được thoát",
        "found character that cannot start any token": "gặp ký tự không thể mở đầu một thành phần",
        "found unexpected end of stream": "tệp kết thúc khi chưa đóng",
        "found unknown escape character": "gặp ký tự thoát không hợp lệ",
        "found unexpected document indicator": "gặp dấu mở/kết thúc tài liệu không đúng chỗ",
        "found a tab character that violates indentation": "gặp ký tự tab làm sai thụt lề",
        "found a tab character where an indentation space is expected":
            "gặp ký tự tab ở chỗ cần dấu cách để thụt lề",
        "found unexpected ':'": "gặp dấu ':' không đúng chỗ",
        "found undefined tag handle": "gặp tiền tố thẻ (tag) chưa được khai báo",
        "found duplicate %YAML directive": "chỉ thị %YAML bị trùng",
        "found incompatible YAML document": "tài liệu YAML không tương thích",
        "block sequence entries are not allowed in this context":
            "không được viết phần tử danh sách ('- ') ở chỗ này",
        "block mapping entries are not allowed in this context": "không được viết phần tử ánh xạ ở chỗ này",
        "control characters are not allowed": "không được dùng ký tự điều khiển",
        "invalid leading UTF-8 octet": "byte đầu UTF-8 không hợp lệ",
        "invalid trailing UTF-8 octet": "byte sau UTF-8 không hợp lệ",
        "incomplete UTF-8 octet sequence": "chuỗi byte UTF-8 không đầy đủ",
        "invalid Unicode character": "ký tự Unicode không hợp lệ",
        "while scanning a simple key": "khi đọc một khóa",
        "while scanning for the next token": "khi tìm thành phần tiếp theo",
        "while parsing a block mapping": "khi phân tích một ánh xạ dạng khối",
        "while parsing a block collection": "khi phân tích một danh sách dạng khối",
        "while parsing a block node": "khi phân tích một nút dạng khối",
        "while parsing a flow node": "khi phân tích một nút trong ngoặc",
        "while parsing a flow sequence": "khi phân tích một danh sách trong ngoặc vuông",
        "while parsing a flow mapping": "khi phân tích một ánh xạ trong ngoặc nhọn",
        "while parsing a node": "khi phân tích một nút",
        "while parsing a tag": "khi phân tích một thẻ (tag)",
        "while scanning a quoted scalar": "khi đọc một chuỗi trong dấu nháy",
        "while parsing a quoted scalar": "khi phân tích một chuỗi trong dấu nháy",
        "while scanning a block scalar": "khi đọc một chuỗi dạng khối",
        "while scanning a plain scalar": "khi đọc một chuỗi",
        "while scanning an alias": "khi đọc một bí danh (alias)",
        "while scanning an anchor": "khi đọc một neo (anchor)",
        "while scanning a tag": "khi đọc một thẻ (tag)",
        "while scanning a directive": "khi đọc một chỉ thị",
        "while parsing a block scalar": "khi phân tích một chuỗi dạng khối",
        "expected a single document in the stream": "chỉ được có một tài liệu trong tệp",
    ]

    /// The error of aliases that expand the document past `limit` values.
    static func aliasesExpand(past limit: Int) -> LocalizedText {
        LocalizedText(
            en: "YAML aliases expand this document past \(limit) values; aliases may not multiply the document",
            vi:
                "các bí danh (alias) YAML làm tài liệu này vượt quá \(limit) giá trị; bí danh không được nhân bội tài liệu"
        )
    }

    /// The error of a key written twice in one mapping, and the note at its first place.
    static func duplicateKey(_ shown: String) -> (error: LocalizedText, note: LocalizedText) {
        (
            LocalizedText(en: "duplicate key \(shown)", vi: "khóa \(shown) bị trùng"),
            LocalizedText(en: "\(shown) is first written here", vi: "\(shown) được ghi lần đầu ở đây")
        )
    }
}
