import OrgGraphCore

/// The CSV files of an organization folder read as one document, for the decoder every format
/// shares: a mapping of `orggraph`, `title`, `rulebook`, `nodes`, `relations` and
/// `suppressions`, each node, relation and suppression a mapping of its non-empty cells.
///
/// Every value is a string but the format version. A location's line is the record's row in
/// its file plus that file's ``CSVPlaces`` base, and its column is the cell's column.
struct CSVDocumentReader: StructuredReader {
    enum Token {
        case mapping
        case sequence
        /// The end of the mapping or sequence begun last.
        case end
        case scalar(Scalar)
    }

    static var scalarsAreText: Bool { false }

    private(set) var tokens: [(token: Token, location: SourceLocation)] = []
    private var position = 0

    // MARK: Building

    mutating func open(_ token: Token, at location: SourceLocation) {
        tokens.append((token, location))
    }

    mutating func close() {
        tokens.append((.end, tokens.last?.location ?? .unknown))
    }

    /// Adds a key or a value: text, a number, or null for an empty required cell.
    mutating func scalar(_ text: String, kind: ValueKind = .string, at location: SourceLocation) {
        tokens.append((.scalar(Scalar(kind: kind, text: text, location: location)), location))
    }

    // MARK: Reading

    private var current: (token: Token, location: SourceLocation) {
        position < tokens.count ? tokens[position] : (.end, tokens.last?.location ?? .unknown)
    }

    mutating func location() throws(SyntaxError) -> SourceLocation { current.location }

    mutating func peekKind() throws(SyntaxError) -> ValueKind {
        switch current.token {
        case .mapping: .mapping
        case .sequence: .sequence
        case .end: .null
        case .scalar(let scalar): scalar.kind
        }
    }

    mutating func beginMapping() throws(SyntaxError) {
        guard case .mapping = current.token else { throw .internal("not a mapping", location: current.location) }
        position += 1
    }

    mutating func nextKey() throws(SyntaxError) -> Scalar? {
        switch current.token {
        case .end:
            position += 1
            return nil
        case .scalar(let key):
            position += 1
            return key
        default: throw .internal("not a key", location: current.location)
        }
    }

    mutating func beginSequence() throws(SyntaxError) {
        guard case .sequence = current.token else { throw .internal("not a list", location: current.location) }
        position += 1
    }

    mutating func nextElement() throws(SyntaxError) -> Bool {
        guard case .end = current.token else { return true }
        position += 1
        return false
    }

    mutating func readScalar() throws(SyntaxError) -> Scalar {
        guard case .scalar(let scalar) = current.token else {
            throw .internal("not a scalar", location: current.location)
        }
        position += 1
        return scalar
    }

    mutating func skipValue() throws(SyntaxError) {
        var depth = 0
        repeat {
            guard position < tokens.count else { throw .internal("past the end", location: current.location) }
            switch tokens[position].token {
            case .mapping, .sequence: depth += 1
            case .end: depth -= 1
            case .scalar: break
            }
            position += 1
        } while depth > 0
    }

    mutating func finish() throws(SyntaxError) {
        guard position >= tokens.count else { throw .internal("values after the end", location: current.location) }
    }
}
