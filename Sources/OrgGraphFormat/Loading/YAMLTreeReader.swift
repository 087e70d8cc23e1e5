import OrgGraphCore

/// A pull reader over a ``YAMLTree``: it reads as ``YAMLReader`` reads the same document.
struct YAMLTreeReader: StructuredReader {
    static let scalarsAreText = true

    private let tree: YAMLTree
    /// The node to read next, or -1.
    private var pending: Int
    /// The open mappings and lists: the node, and the position of the next child.
    private var stack: [(node: Int, position: Int)] = []

    init(tree: YAMLTree) {
        self.tree = tree
        pending = tree.rootIndex
    }

    private mutating func take(_ kind: YAMLTree.Node.Kind, _ what: String) throws(SyntaxError) -> Int {
        let node = pending
        pending = -1
        guard node >= 0, tree.nodes[node].kind == kind else {
            throw SyntaxError.internal("expected \(what)", location: node >= 0 ? tree.nodes[node].location : .unknown)
        }
        return node
    }

    mutating func location() throws(SyntaxError) -> SourceLocation {
        pending >= 0 ? tree.nodes[pending].location : .unknown
    }

    mutating func peekKind() throws(SyntaxError) -> ValueKind {
        guard pending >= 0 else { return .null }
        let node = tree.nodes[pending]
        switch node.kind {
        case .mapping: return .mapping
        case .sequence: return .sequence
        case .scalar: return YAMLReader.kind(text: node.text, isPlain: node.isPlain)
        }
    }

    mutating func beginMapping() throws(SyntaxError) {
        stack.append((try take(.mapping, "a mapping"), 0))
    }

    mutating func nextKey() throws(SyntaxError) -> Scalar? {
        guard let (node, position) = stack.last, tree.nodes[node].kind == .mapping else {
            throw SyntaxError.internal("not in a mapping", location: .unknown)
        }
        let mapping = tree.nodes[node]
        guard position < Int(mapping.count) else {
            stack.removeLast()
            return nil
        }
        stack[stack.count - 1].position = position + 2
        let key = tree.nodes[Int(tree.children[Int(mapping.first) + position])]
        pending = Int(tree.children[Int(mapping.first) + position + 1])
        return Scalar(kind: .string, text: key.text, location: key.location)
    }

    mutating func beginSequence() throws(SyntaxError) {
        stack.append((try take(.sequence, "a list"), 0))
    }

    mutating func nextElement() throws(SyntaxError) -> Bool {
        guard let (node, position) = stack.last, tree.nodes[node].kind == .sequence else {
            throw SyntaxError.internal("not in a list", location: .unknown)
        }
        let sequence = tree.nodes[node]
        guard position < Int(sequence.count) else {
            stack.removeLast()
            return false
        }
        stack[stack.count - 1].position = position + 1
        pending = Int(tree.children[Int(sequence.first) + position])
        return true
    }

    mutating func readScalar() throws(SyntaxError) -> Scalar {
        let node = tree.nodes[try take(.scalar, "a scalar")]
        return Scalar(
            kind: YAMLReader.kind(text: node.text, isPlain: node.isPlain), text: node.text, location: node.location)
    }

    mutating func skipValue() throws(SyntaxError) {
        pending = -1
    }

    mutating func finish() throws(SyntaxError) {}
}
