internal import CYaml
import OrgGraphCore

extension YAMLDocument {
    /// One mapping being read by ``duplicateKeys(in:source:marks:marker:limit:)``: the keys
    /// written in it so far, each at its first place.
    private struct Frame {
        /// Whether the frame is a mapping (else a list, whose elements are no keys).
        var isMapping: Bool
        /// In a mapping, whether the next node is a key.
        var expectsKey = true
        var keys: [String: SourceLocation] = [:]
    }

    /// Every key written twice in one mapping, at any depth, as a diagnostic at the second place
    /// with a note at the first, in the order of the file.
    ///
    /// Yams stops at the first mapping that has a duplicate key, and it finishes inner mappings
    /// first; this reads libyaml's events once, with a set of keys for each open mapping. Keys
    /// are compared as text, the way the decoders read them: an alias key as the text of the
    /// scalar it names, tags ignored. Keys that are mappings or lists are not compared (no
    /// field name is one).
    ///
    /// - Parameters:
    ///   - text: the text Yams composed (each `*` replaced by `marker`).
    ///   - limit: how many duplicates to show; reading stops at the next one.
    ///   - ending: the error that stopped Yams, if it was not a duplicate key: shown after the
    ///     duplicates, in place of libyaml's bare message for it.
    /// - Returns: the error listing the duplicates, followed by the error that ended the reading
    ///   early, if one did; `nil` when no key is written twice.
    /// - Complexity: O(*n*) in the size of the file.
    static func duplicateKeys(
        in text: String, source: SourceText, marks: YAMLMarks, marker: Unicode.Scalar?, limit: Int,
        ending: SyntaxError? = nil
    ) -> LoadError? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        let end = source.location(ofOffset: source.bytes.count)
        func place(_ mark: yaml_mark_t) -> SourceLocation {
            min(marks.location(line: Int(mark.line) + 1, column: Int(mark.column) + 1), end)
        }
        func restore(_ text: String) -> String {
            guard let marker, text.unicodeScalars.contains(marker) else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == marker ? "*" : $0 }))
        }
        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
            guard let pointer else { return "" }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }

        var diagnostics = DiagnosticList(limit: limit)
        // The text of each anchored scalar, by anchor name; an anchored list or mapping removes
        // the name (it names no text).
        var anchors: [String: String] = [:]
        var stack: [Frame] = []
        var stop: SyntaxError?
        var tooMany: SyntaxError?

        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            reading: while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
                    let context = parser.context.map { String(cString: $0) }
                    stop = SyntaxError(
                        message: YAMLWording.malformed(problem, context: context), location: place(parser.problem_mark))
                    break
                }
                defer { yaml_event_delete(&event) }
                let type = event.type
                // A node in a mapping is a key or a value, in turn.
                var isKey = false
                switch type {
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if let top = stack.indices.last, stack[top].isMapping {
                        isKey = stack[top].expectsKey
                        stack[top].expectsKey.toggle()
                    }
                default:
                    break
                }
                switch type {
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    var value = string(scalar.value, count: Int(scalar.length))
                    if let anchor = name(scalar.anchor) { anchors[anchor] = value }
                    guard isKey, let top = stack.indices.last else { continue }
                    if let marker, scalar.style == YAML_PLAIN_SCALAR_STYLE, value.unicodeScalars.first == marker,
                        let target = anchors[String(String.UnicodeScalarView(value.unicodeScalars.dropFirst()))]
                    {
                        value = target
                    }
                    let location = place(event.start_mark)
                    if let first = stack[top].keys[value] {
                        if diagnostics.isFull {
                            tooMany = DuplicateKeys.tooMany(at: location, limit: diagnostics.limit)
                            break reading
                        }
                        diagnostics.append {
                            DuplicateKeys.diagnostic(restore(value), at: location, first: first, in: source)
                        }
                    } else {
                        stack[top].keys[value] = location
                    }
                case YAML_SEQUENCE_START_EVENT:
                    if let anchor = name(event.data.sequence_start.anchor) { anchors[anchor] = nil }
                    stack.append(Frame(isMapping: false))
                case YAML_MAPPING_START_EVENT:
                    if let anchor = name(event.data.mapping_start.anchor) { anchors[anchor] = nil }
                    stack.append(Frame(isMapping: true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = stack.popLast()
                case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                    break reading
                default:
                    break
                }
            }
        }
        guard !diagnostics.isEmpty else { return nil }
        if let last = tooMany ?? ending ?? stop {
            diagnostics.appendFinal(source.diagnostic(last.message, at: last.location))
        }
        return diagnostics.loadError
    }
}
