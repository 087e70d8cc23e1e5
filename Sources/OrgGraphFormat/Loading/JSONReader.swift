import OrgGraphCore

/// A streaming JSON reader that keeps line and column of every value it reads.
///
/// It builds no tree: the decoder pulls values and the reader moves through the bytes once.
/// Lines and columns are tracked as it goes (columns counted in Unicode scalars), so a 100 MB
/// file on one line costs no more than a pretty-printed one.
struct JSONReader: StructuredReader {
    static let scalarsAreText = false
    /// The deepest nesting accepted.
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var lines = JSONLines()
    /// For each open container: whether no element has been read yet.
    private var openFirst: [Bool] = []
    private var isObject: [Bool] = []
    /// Just past the string ``rawString()`` last returned.
    private var rawEnd = 0

    /// - Parameter bytes: valid UTF-8; must outlive the reader.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Positions

    private mutating func locate(_ offset: Int) -> SourceLocation {
        lines.locate(offset, in: bytes)
    }

    private mutating func skipWhitespace() {
        lines.skipWhitespace(bytes, &index)
    }

    /// `malformed JSON: MESSAGE` at `offset`, by default where the reader is.
    private mutating func error(_ message: LocalizedText, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(
            message: LocalizedText(en: "malformed JSON: " + message.en, vi: "JSON sai cú pháp: " + message.vi),
            location: locate(offset ?? index))
    }

    /// `expected WHAT, found X` at the reader's place, `X` the text there.
    private mutating func expected(_ what: LocalizedText) -> SyntaxError {
        let found = describe(index)
        return error(
            LocalizedText(en: "expected \(what.en), found \(found.en)", vi: "cần \(what.vi), nhưng gặp \(found.vi)"))
    }

    private func trailingComma(at comma: Int, before close: UInt8) -> SyntaxError {
        var line = 1
        var start = 0
        var index = 0
        while index < comma {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
                line += 1
                start = index
            }
        }
        var column = 1
        for offset in start..<comma where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        let closing = Character(Unicode.Scalar(close))
        return SyntaxError(
            message: LocalizedText(
                en: "malformed JSON: trailing ',' before '\(closing)'",
                vi: "JSON sai cú pháp: thừa dấu ',' trước '\(closing)'"),
            location: SourceLocation(line: line, column: column))
    }

    private func describe(_ offset: Int) -> LocalizedText {
        guard offset < bytes.count else { return LocalizedText(en: "the end of the file", vi: "cuối tệp") }
        let byte = bytes[offset]
        if byte >= 0x20, byte < 0x7F { return LocalizedText("'\(Character(Unicode.Scalar(byte)))'") }
        if byte < 0x20 { return LocalizedText(en: "a control character", vi: "một ký tự điều khiển") }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return LocalizedText("'\(String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self))'")
    }

    private static let aValue = LocalizedText(en: "a value", vi: "một giá trị")
    private static let aFieldName = LocalizedText(en: "a field name", vi: "tên trường")
    // What a separator follows, made once: a list of ten million elements asks for it ten million times.
    private static let aField = LocalizedText(en: "a field", vi: "một trường")
    private static let aListElement = LocalizedText(en: "a list element", vi: "một phần tử danh sách")
    private static let unterminatedString = LocalizedText(en: "unterminated string", vi: "chuỗi chưa đóng")
    private static let invalidUnicodeEscape = LocalizedText(en: "invalid \\u escape", vi: "mã thoát \\u không hợp lệ")

    // MARK: StructuredReader

    mutating func location() throws(SyntaxError) -> SourceLocation {
        skipWhitespace()
        return locate(index)
    }

    mutating func peekKind() throws(SyntaxError) -> ValueKind {
        skipWhitespace()
        guard index < bytes.count else {
            throw error(
                LocalizedText(
                    en: "unexpected end of file; expected a value", vi: "tệp kết thúc giữa chừng; cần một giá trị"))
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .mapping
        case UInt8(ascii: "["): return .sequence
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw expected(Self.aValue)
        }
    }

    private mutating func open(_ byte: UInt8, object: Bool) throws(SyntaxError) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else {
            throw expected(LocalizedText("'\(Character(Unicode.Scalar(byte)))'"))
        }
        guard openFirst.count < Self.maximumDepth else {
            throw error(
                LocalizedText(
                    en: "nesting deeper than \(Self.maximumDepth) levels",
                    vi: "lồng nhau sâu quá \(Self.maximumDepth) tầng"))
        }
        index += 1
        openFirst.append(true)
        isObject.append(object)
    }

    mutating func beginMapping() throws(SyntaxError) {
        try open(UInt8(ascii: "{"), object: true)
    }

    mutating func beginSequence() throws(SyntaxError) {
        try open(UInt8(ascii: "["), object: false)
    }

    /// Moves past the separator before the next member, or past the closing bracket.
    /// - Returns: whether another member follows.
    private mutating func advanceMember(close: UInt8, what: LocalizedText) throws(SyntaxError) -> Bool {
        skipWhitespace()
        let first = openFirst[openFirst.count - 1]
        var closing: String { "'\(Character(Unicode.Scalar(close)))'" }
        guard index < bytes.count else {
            let expected = !first ? LocalizedText("','") : close == UInt8(ascii: "}") ? Self.aFieldName : Self.aValue
            throw error(
                LocalizedText(
                    en: "unexpected end of file; expected \(expected.en) or \(closing)",
                    vi: "tệp kết thúc giữa chừng; cần \(expected.vi) hoặc \(closing)"))
        }
        if bytes[index] == close {
            index += 1
            openFirst.removeLast()
            isObject.removeLast()
            return false
        }
        if !first {
            guard bytes[index] == UInt8(ascii: ",") else {
                let found = describe(index)
                throw error(
                    LocalizedText(
                        en: "expected ',' or \(closing) after \(what.en), found \(found.en)",
                        vi: "cần ',' hoặc \(closing) sau \(what.vi), nhưng gặp \(found.vi)"))
            }
            let comma = index
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == close {
                // Point at the comma to remove; it may be on an earlier line than the bracket.
                throw trailingComma(at: comma, before: close)
            }
        }
        openFirst[openFirst.count - 1] = false
        return true
    }

    mutating func nextKey() throws(SyntaxError) -> Scalar? {
        guard try advanceMember(close: UInt8(ascii: "}"), what: Self.aField) else {
            return nil
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw expected(LocalizedText(en: "a field name in double quotes", vi: "tên trường trong dấu nháy kép"))
        }
        let location = locate(index)
        let text = try readString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw expected(LocalizedText(en: "':' after the field name", vi: "':' sau tên trường"))
        }
        index += 1
        return Scalar(kind: .string, text: text, location: location)
    }

    /// The next key, matched on its bytes against `names`: a known name costs no string and no
    /// column count (its `offset` says where it is).
    mutating func nextKey(matching names: FieldNames) throws(SyntaxError) -> Scalar? {
        guard try advanceMember(close: UInt8(ascii: "}"), what: Self.aField) else {
            return nil
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw expected(LocalizedText(en: "a field name in double quotes", vi: "tên trường trong dấu nháy kép"))
        }
        let start = index
        var key: Scalar
        if let raw = rawString(), case let field = names.index(of: raw), field >= 0 {
            skipRawString()
            key = Scalar(kind: .string, text: names.names[field], location: .unknown, fieldIndex: field, offset: start)
        } else {
            let location = locate(index)
            key = Scalar(kind: .string, text: try readString(), location: location)
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw expected(LocalizedText(en: "':' after the field name", vi: "':' sau tên trường"))
        }
        index += 1
        return key
    }

    mutating func nextElement() throws(SyntaxError) -> Bool {
        try advanceMember(close: UInt8(ascii: "]"), what: Self.aListElement)
    }

    mutating func readScalar() throws(SyntaxError) -> Scalar {
        let kind = try peekKind()
        let location = locate(index)
        switch kind {
        case .string:
            return Scalar(kind: .string, text: try readString(), location: location)
        case .number:
            return Scalar(kind: .number, text: try readNumber(), location: location)
        case .bool:
            if try readLiteral("true") { return Scalar(kind: .bool, text: "true", location: location) }
            if try readLiteral("false") { return Scalar(kind: .bool, text: "false", location: location) }
            throw expected(Self.aValue)
        case .null:
            if try readLiteral("null") { return Scalar(kind: .null, text: "null", location: location) }
            throw expected(Self.aValue)
        case .mapping, .sequence:
            throw error(
                LocalizedText(
                    en: "expected a scalar, found \(kind.phrase.en)",
                    vi: "cần một giá trị đơn, nhưng gặp \(kind.phrase.vi)"))
        }
    }

    mutating func skipValue() throws(SyntaxError) {
        let depth = openFirst.count
        repeat {
            switch try peekKind() {
            case .mapping:
                try beginMapping()
            case .sequence:
                try beginSequence()
            default:
                try skipScalar()
            }
            // Close every container that has no more members, and stand before the next value.
            while openFirst.count > depth {
                if isObject[isObject.count - 1] {
                    if try nextKey() != nil { break }
                } else {
                    if try nextElement() { break }
                }
            }
        } while openFirst.count > depth
    }

    /// Moves past the scalar ahead, checking it as ``readScalar()`` does, without making its
    /// text or its location: skipping a list of ten million values makes no string.
    private mutating func skipScalar() throws(SyntaxError) {
        switch try peekKind() {
        case .string:
            if rawString() != nil {
                skipRawString()
            } else {
                _ = try readString()
            }
        case .number:
            try scanNumber()
        case .bool, .null:
            for literal: StaticString in ["true", "false", "null"] where try readLiteral(literal) { return }
            throw expected(Self.aValue)
        case .mapping, .sequence:
            break
        }
    }

    mutating func finish() throws(SyntaxError) {
        skipWhitespace()
        if index < bytes.count {
            let found = describe(index)
            throw error(
                LocalizedText(
                    en: "unexpected \(found.en) after the end of the document",
                    vi: "thừa \(found.vi) sau khi tài liệu đã kết thúc"))
        }
    }

    // MARK: Raw strings

    /// The bytes between the quotes of the string ahead, when it has no escape or control
    /// character; the reader stays before the string.
    mutating func rawString() -> UnsafeRawBufferPointer? {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                rawEnd = end + 1
                return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[(index + 1)..<end])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            end += 1
        }
        return nil
    }

    /// Moves past the string ``rawString()`` returned.
    mutating func skipRawString() {
        index = rawEnd
    }

    // MARK: Scalars

    private mutating func readLiteral(_ literal: StaticString) throws(SyntaxError) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        index += count
        return true
    }

    private mutating func readNumber() throws(SyntaxError) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Moves past the number ahead, checking its syntax.
    private mutating func scanNumber() throws(SyntaxError) {
        let start = index
        func digits(_ reader: inout JSONReader) -> Int {
            let begin = reader.index
            while reader.index < reader.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index])
            {
                reader.index += 1
            }
            return reader.index - begin
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integer = digits(&self)
        guard integer > 0 else { throw expected(LocalizedText(en: "a digit", vi: "một chữ số")) }
        if integer > 1, bytes[start + (bytes[start] == UInt8(ascii: "-") ? 1 : 0)] == UInt8(ascii: "0") {
            throw error(
                LocalizedText(en: "a number may not start with 0", vi: "số không được bắt đầu bằng 0"), at: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw expected(LocalizedText(en: "a digit", vi: "một chữ số")) }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw expected(LocalizedText(en: "a digit", vi: "một chữ số")) }
        }
    }

    private mutating func readString() throws(SyntaxError) -> String {
        let open = index
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(at: index, stringStart: open) }
            index += 1
        }
        guard index < bytes.count else { throw error(Self.unterminatedString, at: open) }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escape = index
                index += 1
                guard index < bytes.count else { break }
                let code = bytes[index]
                index += 1
                switch code {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4(escape: escape)
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else {
                            throw error(
                                LocalizedText(
                                    en: "unpaired surrogate in a \\u escape",
                                    vi: "nửa cặp thay thế (surrogate) lẻ trong mã thoát \\u"),
                                at: escape)
                        }
                        index += 2
                        let low = try readHex4(escape: escape)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error(
                                LocalizedText(
                                    en: "unpaired surrogate in a \\u escape",
                                    vi: "nửa cặp thay thế (surrogate) lẻ trong mã thoát \\u"),
                                at: escape)
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error(
                            LocalizedText(
                                en: "unpaired surrogate in a \\u escape",
                                vi: "nửa cặp thay thế (surrogate) lẻ trong mã thoát \\u"),
                            at: escape)
                    }
                    guard let value = Unicode.Scalar(scalar) else {
                        throw error(Self.invalidUnicodeEscape, at: escape)
                    }
                    buffer.append(contentsOf: UTF8.encode(value) ?? [])
                default:
                    if code >= 0x20, code < 0x7F {
                        let shown = "'\\\(Character(Unicode.Scalar(code)))'"
                        throw error(
                            LocalizedText(en: "invalid escape \(shown)", vi: "mã thoát không hợp lệ \(shown)"),
                            at: escape)
                    }
                    let found = describe(index - 1)
                    throw error(
                        LocalizedText(
                            en: "invalid escape: '\\' before \(found.en)",
                            vi: "mã thoát không hợp lệ: '\\' trước \(found.vi)"),
                        at: escape)
                }
            default:
                if byte < 0x20 { throw controlCharacter(at: index, stringStart: open) }
                buffer.append(byte)
                index += 1
            }
        }
        throw error(Self.unterminatedString, at: open)
    }

    /// A line break in a string is almost always a missing closing quote; other control
    /// characters must be escaped.
    private mutating func controlCharacter(at offset: Int, stringStart: Int) -> SyntaxError {
        if bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            return error(
                LocalizedText(
                    en: "unterminated string: the line ends before the closing '\"'",
                    vi: "chuỗi chưa đóng: dòng kết thúc trước dấu '\"' đóng"),
                at: stringStart)
        }
        return error(
            LocalizedText(
                en: "control character in a string; write it as an escape",
                vi: "có ký tự điều khiển trong chuỗi; hãy viết nó dưới dạng mã thoát"),
            at: offset)
    }

    private mutating func readHex4(escape: Int) throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error(Self.invalidUnicodeEscape, at: escape) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error(Self.invalidUnicodeEscape, at: escape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}

extension UTF8 {
    /// The UTF-8 bytes of one scalar.
    fileprivate static func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        Array(String(Character(scalar)).utf8)
    }
}
