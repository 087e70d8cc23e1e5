internal import CYaml
import OrgGraphCore

/// A plain YAML document read from libyaml's events into flat arrays: no alias, anchor or
/// tag, no key written twice in a mapping, every key a scalar.
///
/// ``compose(_:)`` builds one only for such a document, and returns `nil` for anything else
/// (malformed YAML, aliases, tags, keys written twice, more than one document, a U+FEFF in
/// the file), which ``YAMLDocument`` then reads through Yams, with every diagnostic it gives.
/// What it builds reads as ``YAMLDocument`` reads the same file: the same texts, kinds and
/// places. It is several times faster to build and to read than Yams' tree of nodes, which
/// matters for a rulebook of thousands of rules.
struct YAMLTree {
    struct Node {
        enum Kind: UInt8 {
            case scalar
            case mapping
            case sequence
        }

        var kind: Kind
        /// Whether a scalar is plain (not quoted, not a block), so that it may be a null, a
        /// boolean or a number.
        var isPlain: Bool
        var location: SourceLocation
        /// The text of a scalar.
        var text: String
        /// Where a mapping's or a list's children start in ``children``: a mapping's are
        /// key, value, key, value...
        var first: Int32
        var count: Int32
    }

    private(set) var nodes: [Node] = []
    private(set) var children: [Int32] = []
    /// The index of the root node.
    private(set) var rootIndex = -1

    /// The tree of `source`, or `nil` when it is not a plain document (see the type).
    ///
    /// - Complexity: O(*n*) in the size of the file.
    static func compose(_ source: SourceText) -> YAMLTree? {
        let bytes = source.bytes
        // Aliases, anchors and tags are left to YAMLDocument, and so is a U+FEFF, which Yams
        // drops from the start of a scalar; these bytes are rare in a rulebook.
        for byte in bytes where byte == UInt8(ascii: "*") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!") {
            return nil
        }
        if bytes.contains(UInt8(ascii: "\\")) || bytes.contains(0xEF) { return nil }
        guard !bytes.isEmpty else { return nil }
        let marks = YAMLMarks(source, needsOffsets: false)
        let end = source.location(ofOffset: bytes.count)
        var tree = YAMLTree()
        var ok = true
        var documents = 0
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                ok = false
                return
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            // The open mappings and lists: each node's index and where its children start in
            // `pending`.
            var open: [(node: Int, start: Int)] = []
            var pending: [Int32] = []
            func place(_ mark: yaml_mark_t) -> SourceLocation {
                min(marks.location(line: Int(mark.line) + 1, column: Int(mark.column) + 1), end)
            }
            func add(_ node: Node) {
                pending.append(Int32(tree.nodes.count))
                tree.nodes.append(node)
            }
            reading: while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    ok = false
                    break
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    guard scalar.anchor == nil, scalar.tag == nil else {
                        ok = false
                        break reading
                    }
                    let text =
                        scalar.value.map {
                            String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
                        } ?? ""
                    add(
                        Node(
                            kind: .scalar,
                            isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE,
                            location: place(event.start_mark), text: text, first: 0, count: 0))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    guard anchor == nil else {
                        ok = false
                        break reading
                    }
                    // Its children are known when it ends.
                    open.append((node: tree.nodes.count, start: pending.count))
                    tree.nodes.append(
                        Node(
                            kind: isMapping ? .mapping : .sequence, isPlain: false, location: place(event.start_mark),
                            text: "", first: 0, count: 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let (node, start) = open.popLast() else {
                        ok = false
                        break reading
                    }
                    if tree.nodes[node].kind == .mapping,
                        !Self.keysAreDistinctScalars(pending, from: start, in: tree.nodes)
                    {
                        ok = false
                        break reading
                    }
                    tree.nodes[node].first = Int32(tree.children.count)
                    tree.nodes[node].count = Int32(pending.count - start)
                    tree.children.append(contentsOf: pending[start...])
                    // No slice of `pending` is alive here, so this shortens it in place.
                    pending.removeLast(pending.count - start)
                    pending.append(Int32(node))
                case YAML_ALIAS_EVENT:
                    ok = false
                    break reading
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        ok = false
                        break reading
                    }
                case YAML_STREAM_END_EVENT:
                    break reading
                default:
                    break
                }
            }
            // The root is the one node left.
            if ok, pending.count == 1, let last = pending.first {
                tree.rootIndex = Int(last)
            } else {
                ok = false
            }
        }
        return ok ? tree : nil
    }

    /// Whether the keys of a mapping, the items of `items` from `start` at even positions, are
    /// scalars of different texts.
    ///
    /// - Complexity: O(*k*²) text comparisons for *k* keys up to 16, O(*k*) hashes beyond.
    private static func keysAreDistinctScalars(_ items: [Int32], from start: Int, in nodes: [Node]) -> Bool {
        let keys = stride(from: start, to: items.count, by: 2).map { Int(items[$0]) }
        guard keys.allSatisfy({ nodes[$0].kind == .scalar }) else { return false }
        if keys.count <= 16 {
            for (position, key) in keys.enumerated() {
                for other in keys[(position + 1)...] where nodes[other].text == nodes[key].text { return false }
            }
            return true
        }
        var seen = Set<String>()
        return keys.allSatisfy { seen.insert(nodes[$0].text).inserted }
    }
}
