import OrgGraphCore

/// A decoder of one kind of document (an organization, a rulebook), for any reader.
package protocol DocumentDecoding {
    associatedtype Output
    /// What an empty file should have started with, for the message.
    var expectedStart: LocalizedText { get }
    /// Decodes the document, returning its output or the diagnostics that stopped it, at most
    /// `limit` of them in full.
    func decode<Reader: StructuredReader>(
        _ reader: Reader, source: SourceText, limit: Int
    ) -> (Output?, DiagnosticList)
    /// The output of a JSON document read on a fast path, or `nil` to read it with
    /// ``decode(_:source:limit:)``.
    func scanJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Output?
    /// Whether a document this decoder reads without an error has no key written twice in any
    /// mapping; if not, every document is also read for duplicate keys.
    var refusesDuplicateKeys: Bool { get }
    /// Whether a plain YAML document (no alias, anchor or tag, no key written twice) is read
    /// through a ``YAMLTree`` rather than Yams' nodes: the same values and places, faster.
    var readsYAMLTree: Bool { get }
}

/// What reads the fields of one document from a reader: an organization's, a rulebook's.
package protocol DocumentFieldDecoder {
    associatedtype Output
    /// What is wrong with the document so far.
    var diagnostics: DiagnosticList { get }
    /// Reads the whole document: its output, or `nil` when diagnostics were reported.
    ///
    /// - Throws: `SyntaxError` when the document cannot be read at all.
    mutating func decode() throws(SyntaxError) -> Output?
}

extension DocumentDecoding {
    /// The body of ``decode(_:source:limit:)`` for a document read by `decoder`: its output and
    /// diagnostics, the error that stopped it, if one did, as the last of them.
    package func decode<Decoder: DocumentFieldDecoder>(
        with decoder: Decoder, source: SourceText
    ) -> (Decoder.Output?, DiagnosticList) {
        var decoder = decoder
        do {
            let output = try decoder.decode()
            return (output, decoder.diagnostics)
        } catch {
            var diagnostics = decoder.diagnostics
            diagnostics.appendFinal(source.diagnostic(error.message, at: error.location))
            return (nil, diagnostics)
        }
    }

    package func scanJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Output? { nil }

    package var refusesDuplicateKeys: Bool { false }

    package var readsYAMLTree: Bool { false }

    /// Whether a document decoded to `output` with `diagnostics` is read again for duplicate keys.
    package func checksDuplicateKeys(_ output: Output?, _ diagnostics: DiagnosticList) -> Bool {
        output == nil || !diagnostics.isEmpty || !refusesDuplicateKeys
    }
}

/// The steps every document goes through before its fields are read: byte order mark, UTF-8,
/// empty files, format detection, and the reader for the format.
package enum DocumentInput {
    /// Reads `bytes` as a document of `format` (by default `{` means JSON) with `decoding`.
    ///
    /// - Returns: the decoder's output and the source text, for later diagnostics.
    /// - Throws: ``LoadError`` with at most `maximumDiagnostics` errors, and the one that stopped
    ///   reading.
    package static func read<Decoding: DocumentDecoding>(
        bytes: [UInt8], file: String, format: FileFormat?, maximumDiagnostics: Int, _ decoding: Decoding
    ) throws(LoadError) -> (Decoding.Output, SourceText) {
        var bytes = bytes
        // A byte order mark is allowed and ignored; columns count from after it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let source = SourceText(file: file, bytes: bytes)
        if let encoding = otherEncoding(bytes) {
            throw LoadError([
                Diagnostic(
                    file: file, location: SourceLocation(line: 1, column: 1),
                    message: LocalizedText(
                        en: "the file is \(encoding.en), not UTF-8; save it as UTF-8",
                        vi: "tệp được mã hóa \(encoding.vi), không phải UTF-8; hãy lưu lại dưới dạng UTF-8"))
            ])
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            // Located, but with no line quoted: a file that is not UTF-8 text may be anything
            // (a key, a database), and its line would reach the terminal as it is.
            throw LoadError([
                Diagnostic(
                    file: file, location: source.location(ofOffset: offset),
                    message: LocalizedText(
                        en:
                            "the file is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" : "")\(byte)); save it as UTF-8",
                        vi: "tệp không phải UTF-8 hợp lệ (byte 0x\(byte.count == 1 ? "0" : "")\(byte)); "
                            + "hãy lưu lại dưới dạng UTF-8"))
            ])
        }
        let firstContent = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        guard firstContent != nil else {
            throw LoadError([
                Diagnostic(
                    file: file, location: SourceLocation(line: 1, column: 1),
                    message: LocalizedText(
                        en: "the file is empty; \(decoding.expectedStart.en)",
                        vi: "tệp rỗng; \(decoding.expectedStart.vi)"))
            ])
        }
        let format = format ?? (firstContent == UInt8(ascii: "{") ? .json : .yaml)
        let output: Decoding.Output?
        let diagnostics: DiagnosticList
        switch format {
        case .json:
            let decoded: Result<(Decoding.Output?, DiagnosticList), LoadError> = bytes.withUnsafeBufferPointer {
                buffer in
                if let output = decoding.scanJSON(buffer) {
                    return .success((output, DiagnosticList(limit: maximumDiagnostics)))
                }
                let decoded = decoding.decode(JSONReader(bytes: buffer), source: source, limit: maximumDiagnostics)
                // A document that fails is read once more for keys written twice, at any depth:
                // those are reported alone, as in YAML.
                if decoding.checksDuplicateKeys(decoded.0, decoded.1),
                    let duplicates = DuplicateKeys.find(
                        JSONReader(bytes: buffer), source: source, limit: maximumDiagnostics,
                        end: DuplicateKeys.end(of: decoded.1))
                {
                    return .failure(duplicates)
                }
                return .success(decoded)
            }
            (output, diagnostics) = try decoded.get()
        case .yaml:
            if decoding.readsYAMLTree, let tree = YAMLTree.compose(source) {
                // Keys are distinct by text, and no alias or tag can make two of them alike.
                (output, diagnostics) = decoding.decode(
                    YAMLTreeReader(tree: tree), source: source, limit: maximumDiagnostics)
            } else {
                let budget = bytes.count * 2 + 10_000
                let document = try YAMLDocument.compose(source, budget: budget, limit: maximumDiagnostics)
                guard let reader = document.map({ YAMLReader(document: $0, budget: budget) }) else {
                    throw LoadError([
                        Diagnostic(
                            file: file, location: SourceLocation(line: 1, column: 1),
                            message: LocalizedText(
                                en: "the file has no content; \(decoding.expectedStart.en)",
                                vi: "tệp không có nội dung; \(decoding.expectedStart.vi)"))
                    ])
                }
                (output, diagnostics) = decoding.decode(reader, source: source, limit: maximumDiagnostics)
                // Yams finds keys written as the same text; an alias key that names the text of
                // another key, or a tagged key, is found by reading the keys as the decoder does.
                if decoding.checksDuplicateKeys(output, diagnostics), document?.mayHideDuplicateKeys ?? true,
                    let duplicates = DuplicateKeys.find(
                        reader, source: source, limit: maximumDiagnostics, end: DuplicateKeys.end(of: diagnostics))
                {
                    throw duplicates
                }
            }
        }
        guard let output, diagnostics.isEmpty else { throw diagnostics.loadError }
        return (output, source)
    }

    /// The encoding a file is in when it is plainly UTF-16 or UTF-32: by its byte order mark, or
    /// by NUL bytes in every other place of its first eight, which no UTF-8 organization file
    /// has but ASCII text in UTF-16 does.
    static func otherEncoding(_ bytes: [UInt8]) -> LocalizedText? {
        func byMark(_ encoding: String) -> LocalizedText {
            LocalizedText(en: "\(encoding), by its byte order mark)", vi: "\(encoding), theo dấu thứ tự byte)")
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return byMark("UTF-32 (big-endian") }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return byMark("UTF-32 (little-endian") }
        if bytes.starts(with: [0xFE, 0xFF]) { return byMark("UTF-16 (big-endian") }
        if bytes.starts(with: [0xFF, 0xFE]) { return byMark("UTF-16 (little-endian") }
        let pairs = min(4, bytes.count / 2)
        guard pairs > 0 else { return nil }
        let leading = (0..<pairs).allSatisfy { bytes[2 * $0] == 0 && bytes[2 * $0 + 1] != 0 }
        let trailing = (0..<pairs).allSatisfy { bytes[2 * $0] != 0 && bytes[2 * $0 + 1] == 0 }
        if leading {
            return LocalizedText(
                en: "UTF-16 (big-endian: a NUL byte before each letter)",
                vi: "UTF-16 (big-endian: mỗi chữ có một byte NUL đứng trước)")
        }
        if trailing {
            return LocalizedText(
                en: "UTF-16 (little-endian: a NUL byte after each letter)",
                vi: "UTF-16 (little-endian: mỗi chữ có một byte NUL đứng sau)")
        }
        return nil
    }
}
