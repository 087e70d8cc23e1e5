import OrgGraphCore
import OrgGraphFormat

extension Baseline {
    /// Reads the baseline file at `path` (`-` for standard input).
    ///
    /// - Parameter maximumInputBytes: the most bytes the file may have.
    /// - Throws: ``LoadError`` naming the file, line and column of what is wrong: an unreadable
    ///   or malformed file, an unknown or missing field, a value of the wrong type, a format
    ///   version other than 1, a fingerprint that is not 16 hexadecimal digits.
    public static func load(
        contentsOf path: String, maximumInputBytes: Int = defaultMaximumInputBytes
    ) throws(LoadError) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: maximumInputBytes)
        } catch {
            throw LoadError([Diagnostic(file: path, location: .unknown, message: error.message)])
        }
        return try load(bytes: bytes, file: path)
    }

    /// Reads a baseline from the bytes of a file named `file`.
    /// - Throws: ``LoadError``, as ``load(contentsOf:maximumInputBytes:)``.
    public static func load(bytes: [UInt8], file: String) throws(LoadError) -> Baseline {
        let (read, _) = try DocumentInput.read(
            bytes: bytes, file: file, format: .json, maximumDiagnostics: 20, BaselineDecoding())
        return Baseline(entries: read.map(\.entry), file: file, locations: read.map(\.location))
    }

    private struct BaselineDecoding: DocumentDecoding {
        var expectedStart: LocalizedText {
            LocalizedText(
                en: "a baseline starts with '{\"orggraph-baseline\": 1'",
                vi: "tệp baseline bắt đầu bằng '{\"orggraph-baseline\": 1'")
        }

        func decode<Reader: StructuredReader>(
            _ reader: Reader, source: SourceText, limit: Int
        ) -> ([(entry: Entry, location: SourceLocation)]?, DiagnosticList) {
            decode(with: BaselineDecoder(reader: reader, source: source, limit: limit), source: source)
        }
    }
}

/// Reads a baseline field by field, with every error located.
struct BaselineDecoder<Reader: StructuredReader>: DocumentFieldDecoder {
    private var reader: Reader
    private let source: SourceText
    private(set) var diagnostics: DiagnosticList

    static var topFields: [String] { ["orggraph-baseline", "findings"] }
    static var entryFields: [String] { ["rule", "node", "relation", "severity", "message", "fingerprint"] }
    static var relationFields: [String] { ["type", "from", "to"] }

    init(reader: Reader, source: SourceText, limit: Int) {
        self.reader = reader
        self.source = source
        diagnostics = DiagnosticList(limit: limit)
    }

    private mutating func report(_ message: @autoclosure () -> LocalizedText, at location: SourceLocation) {
        let source = source
        diagnostics.append { source.diagnostic(message(), at: location) }
    }

    /// Reports that the value the reader stands before is not `expected`, and skips it.
    private mutating func mismatch(_ field: String, expected: LocalizedText) throws(SyntaxError) {
        let location = try reader.location()
        let found = try reader.peekKind()
        report(
            LocalizedText(
                en: "'\(field)' must be \(expected.en), found \(found.phrase.en)",
                vi: "'\(field)' phải là \(expected.vi), nhưng gặp \(found.phrase.vi)"),
            at: location)
        try reader.skipValue()
    }

    private mutating func unknownField(_ key: Scalar, in context: LocalizedText, known: [String]) throws(SyntaxError) {
        let hint = Suggestion.didYouMean(key.text, in: known)
        report(
            LocalizedText(
                en: "unknown field '\(key.text)' \(context.en)\(hint.en)",
                vi: "trường không hợp lệ '\(key.text)' \(context.vi)\(hint.vi)"),
            at: key.location)
        try reader.skipValue()
    }

    private mutating func missing(_ fields: [String], in context: LocalizedText, at location: SourceLocation) {
        for field in fields {
            report(
                LocalizedText(
                    en: "missing required field '\(field)' \(context.en)",
                    vi: "không có trường bắt buộc '\(field)' \(context.vi)"),
                at: location)
        }
    }

    private mutating func text(_ field: String) throws(SyntaxError) -> (String, SourceLocation)? {
        guard try reader.peekKind() == .string else {
            try mismatch(field, expected: LocalizedText(en: "a string", vi: "chuỗi văn bản"))
            return nil
        }
        let scalar = try reader.readScalar()
        return (scalar.text, scalar.location)
    }

    // MARK: Document

    mutating func decode() throws(SyntaxError) -> [(entry: Baseline.Entry, location: SourceLocation)]? {
        let start = try reader.location()
        guard try reader.peekKind() == .mapping else {
            try mismatch("baseline", expected: LocalizedText(en: "a mapping", vi: "ánh xạ (mapping)"))
            return nil
        }
        let top = LocalizedText(en: "in a baseline", vi: "trong tệp baseline")
        var version: Int?
        var entries: [(entry: Baseline.Entry, location: SourceLocation)]?
        var hasFindings = false
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            switch key.text {
            case "orggraph-baseline":
                let location = try reader.location()
                guard try reader.peekKind() == .number else {
                    try mismatch(key.text, expected: LocalizedText(en: "a number", vi: "số"))
                    version = -1
                    continue
                }
                let value = try reader.readScalar().text
                version = Int(value) ?? -1
                if version != Baseline.formatVersion {
                    report(
                        LocalizedText(
                            en: "unsupported baseline format version \(value); this orggraph reads version "
                                + "\(Baseline.formatVersion)",
                            vi: "phiên bản định dạng baseline \(value) không được hỗ trợ; orggraph này đọc phiên bản "
                                + "\(Baseline.formatVersion)"),
                        at: location)
                }
            case "findings":
                hasFindings = true
                entries = try findings()
            default:
                try unknownField(key, in: top, known: Self.topFields)
            }
        }
        try reader.finish()
        var absent: [String] = []
        if version == nil { absent.append("orggraph-baseline") }
        if !hasFindings { absent.append("findings") }
        missing(absent, in: top, at: start)
        return diagnostics.isEmpty ? entries : nil
    }

    private mutating func findings() throws(SyntaxError) -> [(entry: Baseline.Entry, location: SourceLocation)]? {
        guard try reader.peekKind() == .sequence else {
            try mismatch("findings", expected: LocalizedText(en: "a list", vi: "danh sách"))
            return nil
        }
        var entries: [(entry: Baseline.Entry, location: SourceLocation)] = []
        try reader.beginSequence()
        while try reader.nextElement() {
            let location = try reader.location()
            if let entry = try entry() { entries.append((entry, location)) }
        }
        return entries
    }

    private mutating func entry() throws(SyntaxError) -> Baseline.Entry? {
        let location = try reader.location()
        guard try reader.peekKind() == .mapping else {
            try mismatch("findings", expected: LocalizedText(en: "a list of mappings", vi: "danh sách các ánh xạ"))
            return nil
        }
        let context = LocalizedText(en: "in a baseline entry", vi: "trong một mục của baseline")
        var fields: [String: String] = [:]
        var relation: Baseline.RelationEnds?
        var severity: Severity?
        let errorsBefore = diagnostics.count
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            switch key.text {
            case "rule", "node", "message":
                if let (value, _) = try text(key.text) { fields[key.text] = value }
            case "fingerprint":
                guard let (value, valueLocation) = try text(key.text) else { continue }
                if value.utf8.count != 16
                    || !value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
                {
                    report(
                        LocalizedText(
                            en: "a fingerprint is 16 hexadecimal digits (0-9, a-f), found '\(value)'",
                            vi: "dấu vân tay (fingerprint) gồm 16 chữ số thập lục phân (0-9, a-f), nhưng gặp '\(value)'"
                        ),
                        at: valueLocation)
                }
                fields[key.text] = value
            case "severity":
                guard let (value, valueLocation) = try text(key.text) else { continue }
                severity = Severity(rawValue: value)
                if severity == nil {
                    let hint = Suggestion.didYouMean(value, in: Severity.allCases.map(\.rawValue))
                    report(
                        LocalizedText(
                            en: "unknown severity '\(value)'\(hint.en)", vi: "mức độ không hợp lệ '\(value)'\(hint.vi)"),
                        at: valueLocation)
                }
            case "relation":
                relation = try relationEnds()
            default:
                try unknownField(key, in: context, known: Self.entryFields)
            }
        }
        missing(["rule", "node", "fingerprint"].filter { fields[$0] == nil }, in: context, at: location)
        guard diagnostics.count == errorsBefore, let rule = fields["rule"], let node = fields["node"],
            let fingerprint = fields["fingerprint"]
        else { return nil }
        return Baseline.Entry(
            rule: rule, node: node, relation: relation, severity: severity, message: fields["message"] ?? "",
            fingerprint: fingerprint)
    }

    private mutating func relationEnds() throws(SyntaxError) -> Baseline.RelationEnds? {
        let location = try reader.location()
        guard try reader.peekKind() == .mapping else {
            try mismatch("relation", expected: LocalizedText(en: "a mapping", vi: "ánh xạ (mapping)"))
            return nil
        }
        let context = LocalizedText(en: "in the relation of a baseline entry", vi: "trong quan hệ của một mục baseline")
        var fields: [String: String] = [:]
        try reader.beginMapping()
        while let key = try reader.nextKey() {
            if Self.relationFields.contains(key.text) {
                if let (value, _) = try text(key.text) { fields[key.text] = value }
            } else {
                try unknownField(key, in: context, known: Self.relationFields)
            }
        }
        missing(Self.relationFields.filter { fields[$0] == nil }, in: context, at: location)
        guard let type = fields["type"], let from = fields["from"], let to = fields["to"] else { return nil }
        return Baseline.RelationEnds(type: type, from: from, to: to)
    }
}
