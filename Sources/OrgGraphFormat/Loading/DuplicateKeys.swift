import OrgGraphCore

/// Keys written twice in one mapping: in YAML and in JSON, at any depth, each reported at its
/// second place with a note at its first, in the order of the file.
///
/// A document with a duplicate key is refused before its fields are read: which of the two
/// values was meant is the writer's call, and every other error in those mappings would be
/// read against a guess.
enum DuplicateKeys {
    /// The diagnostic for `key` written at `location` after `first`.
    static func diagnostic(
        _ key: String, at location: SourceLocation, first: SourceLocation, in source: SourceText
    ) -> Diagnostic {
        let (error, note) = YAMLWording.duplicateKey(Diagnostic.quoted(key))
        return source.diagnostic(error, at: location, notes: [source.diagnostic(note, at: first, kind: .note)])
    }

    /// The error that stops the reading at one duplicate more than `limit`, as the decoders
    /// stop at one error more than they show.
    /// Where the decoder that made `diagnostics` stopped reading, when it stopped early because
    /// it had as many errors as are shown.
    static func end(of diagnostics: DiagnosticList) -> SourceLocation? {
        diagnostics.isFull ? diagnostics.listed.last?.location : nil
    }

    static func tooMany(at location: SourceLocation, limit: Int) -> SyntaxError {
        SyntaxError(message: LoadWording.tooManyErrors(limit), location: location)
    }

    /// Every duplicate key of the document `reader` stands before, read as the reader gives the
    /// keys (decoded text).
    ///
    /// - Parameters:
    ///   - reader: a reader before the document's root value.
    ///   - limit: how many duplicates to show; reading stops at the next one.
    ///   - end: where to stop looking: the place where the decoder stopped reading, after as
    ///     many errors as are shown. Nothing past it is reported either way, and a file of ten
    ///     million bad values is not read twice to its end.
    /// - Returns: the error listing the duplicates, followed by the error that ended the reading
    ///   early, if one did; `nil` when no key is written twice.
    /// - Complexity: O(*n*) in the size of the document up to `end`; iterative, so deep nesting
    ///   costs no stack.
    static func find<Reader: StructuredReader>(
        _ reader: Reader, source: SourceText, limit: Int, end: SourceLocation? = nil
    ) -> LoadError? {
        var reader = reader
        var diagnostics = DiagnosticList(limit: limit)
        // For each open mapping its keys, each at its first place; `nil` for an open list.
        var open: [[String: SourceLocation]?] = []
        var stop: SyntaxError?
        do {
            // The reader stands before a value.
            walk: while true {
                if let end, try reader.location() > end { break }
                switch try reader.peekKind() {
                case .mapping:
                    try reader.beginMapping()
                    open.append([:])
                case .sequence:
                    try reader.beginSequence()
                    open.append(nil)
                default:
                    try reader.skipValue()
                }
                // Stand before the next value, leaving every container that has no more.
                while let top = open.indices.last {
                    if open[top] != nil {
                        if let key = try reader.nextKey() {
                            if let first = open[top]?[key.text] {
                                if diagnostics.isFull {
                                    stop = tooMany(at: key.location, limit: diagnostics.limit)
                                    break walk
                                }
                                diagnostics.append { diagnostic(key.text, at: key.location, first: first, in: source) }
                            } else {
                                open[top]?[key.text] = key.location
                            }
                            continue walk
                        }
                    } else if try reader.nextElement() {
                        continue walk
                    }
                    open.removeLast()
                }
                break
            }
        } catch {
            stop = error
        }
        guard !diagnostics.isEmpty else { return nil }
        if let stop { diagnostics.appendFinal(source.diagnostic(stop.message, at: stop.location)) }
        return diagnostics.loadError
    }
}
