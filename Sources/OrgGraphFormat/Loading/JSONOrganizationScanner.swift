import Dispatch
import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fast path for JSON organization files: one pass over the bytes, for files that are
/// well formed and need no diagnostic.
///
/// It reads the organization format directly, with no reader in between: field names and
/// vocabulary words are matched on their bytes, references are looked up by their bytes, and
/// the arrays are sized once from the length of the file. Its output is exactly what
/// ``OrganizationDecoder`` makes of the same bytes; at the first thing it does not handle — a
/// syntax or schema error, an escape in a string, a field written twice — it gives up, and the
/// loader reads the file again with the decoder, which reports every problem in place.
package struct JSONOrganizationScanner {
    /// Gives up: the file needs the full decoder.
    private struct Fallback: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var lines = JSONLines()
    private var output = DecodedOrganization()
    /// The mapped file the bytes are in, whose pages are handed back as they are read.
    private let file: MappedFile?
    /// Where the pages handed back end, and where the next hand-back is due.
    private var released = 0
    private var nextRelease = 0
    /// From how many bytes on a list of relations is read by two threads.
    private let splitting: Int
    // The word tables in storage of this scanner's own: shared, they would be reference counts
    // the two threads reading relations contend on.
    private let nodeKinds = WordBytes.nodeKinds.ownCopy
    private let relationTypes = WordBytes.relationTypes.ownCopy
    private let levels = WordBytes.levels.ownCopy
    private let periodWords = WordBytes.periods.ownCopy
    private let bases = WordBytes.bases.ownCopy
    /// The period lists read so far, by their periods four bits each.
    private var periodLists: [UInt64: [Period]] = [:]
    /// The two relation ends read last, as their bytes in the file and their nodes: a relation
    /// often names a node the one before it named, which is then found without hashing.
    private var recentEnds = (
        first: UnsafeRawBufferPointer(start: nil, count: 0), second: UnsafeRawBufferPointer(start: nil, count: 0)
    )
    private var recentNodes: (first: Int32, second: Int32) = (-1, -1)

    /// The organization in `bytes`, or `nil` when the full decoder must read them.
    /// - Parameters:
    ///   - bytes: the file without its byte order mark. They need not be valid UTF-8: every
    ///     string kept is checked, and a byte outside a string is matched against the grammar.
    ///   - file: the mapped file `bytes` are in, if they are: its pages are handed back as the
    ///     scan goes past them.
    ///   - splitting: from how many bytes on a list of relations is read by two threads.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, in file: MappedFile? = nil, splitting: Int = 1 << 22
    ) -> DecodedOrganization? {
        var scanner = JSONOrganizationScanner(bytes: bytes, file: file, splitting: splitting)
        do {
            try scanner.document()
        } catch {
            return nil
        }
        scanner.output.finish()
        return scanner.output
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: MappedFile?, splitting: Int) {
        self.bytes = bytes
        self.file = file
        self.splitting = splitting
        // The smallest node and relation take some 25 and 35 bytes: reserving for the most a
        // file can hold spares the copies of growing; pages never written cost nothing.
        let nodes = bytes.count / 48 + 16
        let relations = bytes.count / 40 + 16
        output.organization.nodes.reserveCapacity(nodes)
        output.organization.sourceMap.nodes.reserveCapacity(nodes)
        output.organization.sourceMap.partOf.reserveCapacity(nodes)
        output.organization.sourceMap.level.reserveCapacity(nodes)
        output.organization.sourceMap.relations.reserveCapacity(relations)
        output.relationTypes.reserveCapacity(relations)
        output.fromEnds.reserveCapacity(relations)
        output.toEnds.reserveCapacity(relations)
        output.periods.reserveCapacity(relations)
        output.bases.reserveCapacity(relations)
        output.annotations.reserveCapacity(relations)
    }

    // MARK: Bytes and places

    /// Hands back the pages of the mapped file read so far, every few megabytes.
    @inline(__always)
    private mutating func releaseRead() {
        guard index >= nextRelease, let file else { return }
        if let base = file.bytes.baseAddress, let start = bytes.baseAddress {
            let offset = start - base
            file.release((offset + released)..<(offset + index))
        }
        released = index
        nextRelease = index + (1 << 22)
    }

    /// The byte at the cursor; 0 at the end (a NUL is never valid where a byte is looked at).
    @inline(__always)
    private func peek() -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most calls stand on a token already, or one space before it.
        if index < bytes.count, bytes[index] > 0x20 { return }
        if index + 1 < bytes.count, bytes[index] == 0x20, bytes[index + 1] > 0x20 {
            index += 1
            return
        }
        lines.skipWhitespace(bytes, &index)
    }

    /// The line and column of `offset` on the current line, columns in Unicode scalars.
    private mutating func locate(_ offset: Int) -> SourceLocation {
        lines.locate(offset, in: bytes)
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws(Fallback) {
        skipWhitespace()
        guard peek() == byte else { throw Fallback() }
        index += 1
    }

    /// Whether a `null` is next (and then reads it).
    @inline(__always)
    private mutating func null() -> Bool {
        skipWhitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// The bytes of the string next, with no escape or control character in it; its bytes
    /// are not checked to be UTF-8 (``string()`` does, for those that are kept).
    private mutating func rawString() throws(Fallback) -> UnsafeRawBufferPointer {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw Fallback() }
        let start = index + 1
        var end = start
        let count = bytes.count
        // Eight bytes at a time while none of them is a quote, a backslash or a control byte.
        let raw = UnsafeRawBufferPointer(bytes)
        while end + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)
            let quote = word ^ 0x2222_2222_2222_2222
            let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let found =
                (((quote &- 0x0101_0101_0101_0101) & ~quote)
                    | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                    | ((word &- 0x2020_2020_2020_2020) & ~word)) & 0x8080_8080_8080_8080
            if found != 0 {
                // The lowest flagged byte is a true one (a false flag only follows a true one).
                end += found.trailingZeroBitCount / 8
                break
            }
            end += 8
        }
        while true {
            guard end < count else { throw Fallback() }
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { throw Fallback() }
            end += 1
        }
        index = end + 1
        return UnsafeRawBufferPointer(rebasing: raw[start..<end])
    }

    /// The string next, which must be valid UTF-8.
    private mutating func string() throws(Fallback) -> String {
        let raw = try rawString()
        var text = String(decoding: raw, as: UTF8.self)
        // Invalid UTF-8 is repaired in the making: the string then differs from the bytes.
        if !UTF8Validation.isASCII(raw) {
            let same = text.withUTF8 { made in
                guard let madeBase = made.baseAddress, let rawBase = raw.baseAddress else {
                    return made.count == raw.count
                }
                return made.count == raw.count && memcmp(madeBase, rawBase, raw.count) == 0
            }
            guard same else { throw Fallback() }
        }
        return text
    }

    /// A string or null.
    private mutating func optionalString() throws(Fallback) -> String? {
        if null() { return nil }
        return try string()
    }

    /// The string next and where it is written.
    private mutating func placedString() throws(Fallback) -> (String, SourceLocation) {
        skipWhitespace()
        let location = locate(index)
        return (try string(), location)
    }

    /// An id or a reference written as it may be: spelled as ids are.
    private mutating func identifier() throws(Fallback) -> (String, SourceLocation) {
        let (value, location) = try placedString()
        guard IDSyntax.problem(value) == nil else { throw Fallback() }
        return (value, location)
    }

    /// A relation's end: the node whose id its bytes spell, else the end as written. No
    /// string is made for an end that names a node read before it.
    private mutating func end() throws(Fallback) -> DecodedOrganization.End {
        skipWhitespace()
        let start = index
        let raw = try rawString()
        if Self.same(raw, recentEnds.first) { return .node(recentNodes.first) }
        if Self.same(raw, recentEnds.second) {
            swap(&recentEnds.first, &recentEnds.second)
            swap(&recentNodes.first, &recentNodes.second)
            return .node(recentNodes.first)
        }
        if let node = output.ids.exactIndex(raw) {
            recentEnds = (raw, recentEnds.first)
            recentNodes = (node, recentNodes.first)
            return .node(node)
        }
        index = start
        let (value, location) = try identifier()
        return output.end(value, at: location)
    }

    /// Whether two byte strings are equal; an empty `recent` (nothing read yet) equals nothing.
    @inline(__always)
    private static func same(_ raw: UnsafeRawBufferPointer, _ recent: UnsafeRawBufferPointer) -> Bool {
        guard raw.count == recent.count, let a = raw.baseAddress, let b = recent.baseAddress else { return false }
        return memcmp(a, b, raw.count) == 0
    }

    /// A node's `part-of`: the node's own id string when the bytes name a node already read
    /// (its place is then not kept: it cannot be reported unknown), else the id as written.
    private mutating func container() throws(Fallback) -> (String, SourceLocation) {
        skipWhitespace()
        let start = index
        let raw = try rawString()
        if let node = output.ids.exactIndex(raw) { return (output.organization.nodes[Int(node)].id, .unknown) }
        index = start
        return try identifier()
    }

    private mutating func word<Value>(_ words: WordBytes<Value>) throws(Fallback) -> Value {
        guard let value = words.value(of: try rawString()) else { throw Fallback() }
        return value
    }

    // MARK: Containers

    /// The next field of the mapping being read, as the schema `Field` spells it; `nil` after
    /// the closing brace. A field the schema does not know, or one already in `seen`, gives up.
    @inline(__always)
    private mutating func nextField<Field: FieldSet>(
        _: Field.Type, first: inout Bool, seen: inout UInt16
    ) throws(Fallback) -> Field? {
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        skipWhitespace()
        guard peek() == UInt8(ascii: "\""), let (field, end) = Field.matcher.match(bytes, at: index + 1) else {
            throw Fallback()
        }
        let bit: UInt16 = 1 << UInt16(field)
        guard seen & bit == 0 else { throw Fallback() }
        seen |= bit
        index = end
        try expect(UInt8(ascii: ":"))
        return Field.fields[field]
    }

    /// Whether the list being read has another element; reads the separator or the bracket.
    @inline(__always)
    private mutating func nextElement(first: inout Bool) throws(Fallback) -> Bool {
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        return true
    }

    /// A list read element by element, or null.
    private mutating func list(_ element: (inout Self) throws(Fallback) -> Void) throws(Fallback) {
        if null() { return }
        try expect(UInt8(ascii: "["))
        var first = true
        while try nextElement(first: &first) { try element(&self) }
    }

    // MARK: Document

    private mutating func document() throws(Fallback) {
        skipWhitespace()
        output.rootLocation = locate(index)
        try expect(UInt8(ascii: "{"))
        var first = true
        var seen: UInt16 = 0
        while let field = try nextField(TopField.self, first: &first, seen: &seen) {
            switch field {
            case .orggraph: try formatVersion()
            case .title: output.organization.title = try optionalString()
            case .rulebook:
                if null() {
                    output.organization.rulebook = nil
                } else {
                    let (value, location) = try placedString()
                    output.organization.rulebook = value
                    output.organization.sourceMap.rulebook = location
                }
            case .nodes: try nodes()
            case .relations: try relations()
            case .suppressions: try list { (scanner: inout Self) throws(Fallback) in try scanner.suppression() }
            }
        }
        skipWhitespace()
        guard index == bytes.count, seen & (1 << TopField.orggraph.position) != 0 else { throw Fallback() }
    }

    /// `orggraph: 1`, the only format version there is.
    private mutating func formatVersion() throws(Fallback) {
        try expect(UInt8(ascii: "1"))
        switch peek() {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            throw Fallback()
        default:
            break
        }
    }

    private mutating func node() throws(Fallback) {
        releaseRead()
        skipWhitespace()
        let start = locate(index)
        try expect(UInt8(ascii: "{"))
        var id: String?
        var kind: NodeKind?
        var node = Node(id: "", kind: .publicServiceUnit)
        var partOfLocation = SourceLocation.unknown
        var levelLocation = SourceLocation.unknown
        var first = true
        var seen: UInt16 = 0
        while let field = try nextField(NodeField.self, first: &first, seen: &seen) {
            switch field {
            case .id: id = try identifier().0
            case .kind: kind = try word(nodeKinds)
            case .name: node.name = try optionalString()
            case .level:
                skipWhitespace()
                levelLocation = locate(index)
                node.level = null() ? nil : try word(levels)
            case .sector: node.sector = try optionalString()
            case .partOf:
                if !null() {
                    let (value, location) = try container()
                    node.partOf = value
                    partOfLocation = location
                }
            case .note: node.note = try optionalString()
            case .attributes: node.attributes = try attributes()
            }
        }
        guard let id, let kind else { throw Fallback() }
        node.id = id
        node.kind = kind
        output.add(node, at: start, partOf: partOfLocation, level: levelLocation)
    }

    private mutating func relation() throws(Fallback) {
        releaseRead()
        skipWhitespace()
        let start = locate(index)
        try expect(UInt8(ascii: "{"))
        var type: RelationType?
        var from: DecodedOrganization.End?
        var to: DecodedOrganization.End?
        var period: [Period]?
        var basis: Basis?
        var note: String?
        var attributes: [Attribute] = []
        var first = true
        var seen: UInt16 = 0
        while let field = try nextField(RelationField.self, first: &first, seen: &seen) {
            switch field {
            case .type: type = try word(relationTypes)
            case .from: from = try end()
            case .to: to = try end()
            case .period: period = try periods()
            case .basis: basis = null() ? nil : try word(bases)
            case .note: note = try optionalString()
            case .attributes: attributes = try self.attributes()
            }
        }
        guard let type, let from, let to else { throw Fallback() }
        if period != nil, !type.allowsPeriod { throw Fallback() }
        if basis != nil, !type.allowsBasis { throw Fallback() }
        output.addRelation(
            type, from: from, to: to, period: period, basis: basis,
            annotations: Annotations(note: note, attributes: attributes), at: start)
    }

    // MARK: Two threads

    /// The list of relations. When it is long, a second thread reads its second half, from a
    /// line near the middle of what is left of the file, while this one reads up to that line;
    /// the halves are joined in order, exactly as one thread would have read them. Where the
    /// line turns out not to start an element, or the second half cannot be read, this thread
    /// reads on by itself.
    private mutating func relations() throws(Fallback) {
        if null() { return }
        try expect(UInt8(ascii: "["))
        var first = true
        guard bytes.count - index >= splitting, let (split, splitLine) = splitPoint() else {
            while try nextElement(first: &first) { try relation() }
            return
        }
        let second = SecondHalf(scanner: self, split: split, lineStart: splitLine)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { second.run() }
        defer { group.wait() }
        var waiting = true
        while try nextElement(first: &first) {
            if waiting {
                skipWhitespace()
                if index >= split {
                    waiting = false
                    group.wait()
                    if index == split, let half = second.scanner, second.done {
                        join(half)
                        return
                    }
                }
            }
            try relation()
        }
    }

    /// The list of nodes, read as the list of relations is: when it is long, a second thread
    /// reads its second half, from a line near the middle of the bytes before the `"relations"`
    /// that most likely ends it, and this thread adds what it read, in order, once it gets
    /// there. A split that turns out not to start an element, or a second half that cannot be
    /// read, leaves this thread to read on by itself.
    private mutating func nodes() throws(Fallback) {
        if null() { return }
        try expect(UInt8(ascii: "["))
        var first = true
        let end = likelyEndOfNodes()
        guard end - index >= splitting, let (split, splitLine) = splitPoint(before: end) else {
            while try nextElement(first: &first) { try node() }
            return
        }
        let second = SecondNodes(scanner: self, split: split, lineStart: splitLine)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { second.run() }
        defer { group.wait() }
        var waiting = true
        while try nextElement(first: &first) {
            if waiting {
                skipWhitespace()
                if index >= split {
                    waiting = false
                    group.wait()
                    if index == split, let half = second.scanner, second.done {
                        joinNodes(half)
                        return
                    }
                }
            }
            try node()
        }
    }

    /// Where the list of nodes most likely ends: the first `]` after the cursor that a comma
    /// and `"relations"` follow, or the end of the file. Only where the split falls depends on
    /// it, not what is read.
    private func likelyEndOfNodes() -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let key = Array("\"relations\"".utf8)
        var position = index
        while position < bytes.count,
            let found = memchr(base + position, Int32(UInt8(ascii: "]")), bytes.count - position)
        {
            let bracket = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            var next = bracket + 1
            while next < bytes.count,
                bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D
                    || bytes[next] == 0x09 || bytes[next] == UInt8(ascii: ",")
            {
                next += 1
            }
            if next + key.count <= bytes.count, key.indices.allSatisfy({ bytes[next + $0] == key[$0] }) {
                return bracket
            }
            position = bracket + 1
        }
        return bytes.count
    }

    /// Adds the nodes the second thread read, in order, their lines counted from the line of
    /// the split: each id goes into this scanner's table, so duplicates are found as one
    /// thread would find them.
    private mutating func joinNodes(_ half: JSONOrganizationScanner) {
        let shift = Int32(lines.line - 1)
        func moved(_ location: SourceLocation) -> SourceLocation {
            location.isKnown ? SourceLocation(line: Int(location.line + shift), column: Int(location.column)) : location
        }
        let read = half.output.organization
        for position in read.nodes.indices {
            var node = read.nodes[position]
            var partOf = moved(read.sourceMap.partOf[position])
            // A `part-of` naming a node of the first half: as one thread reads it, the node's
            // own id, its place not kept.
            if partOf.isKnown, var container = node.partOf,
                let found = container.withUTF8({ output.ids.exactIndex(UnsafeRawBufferPointer($0)) })
            {
                node.partOf = output.organization.nodes[Int(found)].id
                partOf = .unknown
            }
            output.add(
                node, at: moved(read.sourceMap.nodes[position]), partOf: partOf,
                level: moved(read.sourceMap.level[position]))
        }
        index = half.index
        lines = JSONLines(line: half.lines.line + Int(shift), lineStart: half.lines.lineStart)
        released = max(released, half.released)
        nextRelease = index
    }

    /// The second thread's half of a list of nodes.
    private final class SecondNodes: @unchecked Sendable {
        /// The scanner of the second half; `nil` when it gave up.
        private(set) var scanner: JSONOrganizationScanner?
        private(set) var done = false

        init(scanner first: JSONOrganizationScanner, split: Int, lineStart: Int) {
            var scanner = JSONOrganizationScanner(bytes: first.bytes, file: first.file, splitting: Int.max)
            scanner.index = split
            scanner.lines = JSONLines(lineStart: lineStart)
            scanner.released = lineStart
            scanner.nextRelease = split + (1 << 22)
            self.scanner = scanner
        }

        func run() {
            guard var scanner else { return }
            self.scanner = nil
            do {
                var first = true
                while try scanner.nextElement(first: &first) { try scanner.node() }
                self.scanner = scanner
                done = true
            } catch {
                self.scanner = nil
            }
        }
    }

    /// The start of an element on a line near the middle of what is left of the file: its
    /// offset and the offset of its line.
    private func splitPoint() -> (Int, Int)? {
        splitPoint(before: bytes.count)
    }

    /// The start of an element on a line near the middle of the bytes from the cursor to `end`.
    private func splitPoint(before end: Int) -> (Int, Int)? {
        var position = index + (end - index) / 2
        let limit = min(bytes.count, position + (1 << 20))
        while position < limit {
            guard bytes[position] == 0x0A else {
                position += 1
                continue
            }
            let lineStart = position + 1
            var start = lineStart
            while start < limit, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            if start < limit, bytes[start] == UInt8(ascii: "{") { return (start, lineStart) }
            position = lineStart
        }
        return nil
    }

    /// Appends what the second thread read, its lines counted from the line of the split and
    /// its unresolved ends numbered after this thread's.
    private mutating func join(_ half: JSONOrganizationScanner) {
        let shift = Int32(lines.line - 1)
        func moved(_ location: SourceLocation) -> SourceLocation {
            location.isKnown ? SourceLocation(line: Int(location.line + shift), column: Int(location.column)) : location
        }
        let before = output.relationTypes.count
        let renumbered = half.output.unresolved.map { output.intern($0) }
        func joined(_ end: Int32) -> Int32 { end >= 0 ? end : -renumbered[Int(-end - 1)] - 1 }
        output.relationTypes.append(contentsOf: half.output.relationTypes)
        output.fromEnds.append(contentsOf: half.output.fromEnds.lazy.map(joined))
        output.toEnds.append(contentsOf: half.output.toEnds.lazy.map(joined))
        output.periods.append(contentsOf: half.output.periods)
        output.bases.append(contentsOf: half.output.bases)
        output.annotations.append(contentsOf: half.output.annotations)
        output.organization.sourceMap.relations.append(
            contentsOf: half.output.organization.sourceMap.relations.map(moved))
        for (relation, location) in half.output.relationFrom {
            output.relationFrom[before + relation] = moved(location)
        }
        for (relation, location) in half.output.relationTo { output.relationTo[before + relation] = moved(location) }
        index = half.index
        lines = JSONLines(line: half.lines.line + Int(shift), lineStart: half.lines.lineStart)
        released = max(released, half.released)
        nextRelease = index
    }

    /// The second thread's half of a list of relations.
    private final class SecondHalf: @unchecked Sendable {
        /// The scanner of the second half; `nil` when it gave up.
        private(set) var scanner: JSONOrganizationScanner?
        private(set) var done = false

        init(scanner first: JSONOrganizationScanner, split: Int, lineStart: Int) {
            var scanner = JSONOrganizationScanner(bytes: first.bytes, file: first.file, splitting: Int.max)
            scanner.index = split
            scanner.lines = JSONLines(lineStart: lineStart)
            scanner.released = lineStart
            scanner.nextRelease = split + (1 << 22)
            scanner.output.ids = first.output.ids
            self.scanner = scanner
        }

        func run() {
            guard var scanner else { return }
            self.scanner = nil
            do {
                var first = true
                while try scanner.nextElement(first: &first) { try scanner.relation() }
                self.scanner = scanner
                done = true
            } catch {
                self.scanner = nil
            }
        }
    }

    /// A list of periods; a null element is passed over, as the decoder does. Lists are
    /// shared: most relations with periods write one of a few.
    private mutating func periods() throws(Fallback) -> [Period]? {
        if null() { return nil }
        try expect(UInt8(ascii: "["))
        var code: UInt64 = 0
        var count = 0
        var first = true
        while try nextElement(first: &first) {
            if null() { continue }
            let period = try word(periodWords)
            if count < 16 { code |= UInt64(period.index + 1) << (4 * UInt64(count)) }
            count += 1
        }
        if count <= 16, let shared = periodLists[code] { return shared }
        var result: [Period] = []
        for slot in 0..<min(count, 16) { result.append(Period.allCases[Int((code >> (4 * UInt64(slot))) & 0xF) - 1]) }
        guard count <= 16 else { throw Fallback() }
        periodLists[code] = result
        return result
    }

    private mutating func attributes() throws(Fallback) -> [Attribute] {
        if null() { return [] }
        try expect(UInt8(ascii: "{"))
        var result: [Attribute] = []
        var keys = Set<String>()
        var first = true
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return result
            }
            if !first { try expect(UInt8(ascii: ",")) }
            first = false
            let key = try string()
            // A few keys are compared in place; past that, a set keeps a large map linear.
            if result.count < 8 {
                guard !result.contains(where: { $0.key == key }) else { throw Fallback() }
            } else {
                if keys.isEmpty { keys = Set(result.map(\.key)) }
                guard keys.insert(key).inserted else { throw Fallback() }
            }
            try expect(UInt8(ascii: ":"))
            result.append(Attribute(key: key, value: try string()))
        }
    }

    private mutating func suppression() throws(Fallback) {
        skipWhitespace()
        let start = locate(index)
        try expect(UInt8(ascii: "{"))
        var rule: String?
        var node: (String, SourceLocation)?
        var reason: String?
        var first = true
        var seen: UInt16 = 0
        while let field = try nextField(SuppressionField.self, first: &first, seen: &seen) {
            switch field {
            case .rule: rule = try string()
            case .node: node = try identifier()
            case .reason: reason = try string()
            }
        }
        guard let rule, let node, let reason, !reason.allSatisfy(\.isWhitespace) else { throw Fallback() }
        output.add(Suppression(rule: rule, node: node.0, reason: reason), at: start, node: node.1)
    }
}

/// The words of one vocabulary, matched on their UTF-8 bytes.
struct WordBytes<Value>: Sendable where Value: Sendable {
    /// Every word's bytes, one after another, shortest first.
    private let text: [UInt8]
    /// Each word: where its bytes start in `text`, and its value, in the order of `text`.
    private let words: [(start: Int, value: Value)]
    /// For each length, the range of `words` that long.
    private let byLength: [Range<Int>]

    init(_ table: [String: Value]) {
        let sorted = table.sorted { ($0.key.utf8.count, $0.key) < ($1.key.utf8.count, $1.key) }
        var text: [UInt8] = []
        var words: [(start: Int, value: Value)] = []
        var byLength = [Range<Int>](repeating: 0..<0, count: (sorted.last?.key.utf8.count ?? 0) + 1)
        for (name, value) in sorted {
            let length = name.utf8.count
            if byLength[length].isEmpty { byLength[length] = words.count..<words.count }
            words.append((text.count, value))
            text.append(contentsOf: name.utf8)
            byLength[length] = byLength[length].lowerBound..<words.count
        }
        self.text = text
        self.words = words
        self.byLength = byLength
    }

    private init(text: [UInt8], words: [(start: Int, value: Value)], byLength: [Range<Int>]) {
        self.text = text
        self.words = words
        self.byLength = byLength
    }

    /// The same table in storage of its own (an assignment shares the storage).
    var ownCopy: WordBytes {
        WordBytes(
            text: Array(unsafeUninitializedCapacity: text.count) { buffer, initialized in
                initialized = buffer.initialize(from: text).1
            },
            words: Array(unsafeUninitializedCapacity: words.count) { buffer, initialized in
                initialized = buffer.initialize(from: words).1
            },
            byLength: Array(unsafeUninitializedCapacity: byLength.count) { buffer, initialized in
                initialized = buffer.initialize(from: byLength).1
            })
    }

    /// The word with exactly these bytes.
    func value(of raw: UnsafeRawBufferPointer) -> Value? {
        guard raw.count < byLength.count, let probe = raw.baseAddress else { return nil }
        return text.withUnsafeBytes { text -> Value? in
            guard let base = text.baseAddress else { return nil }
            for word in words[byLength[raw.count]] where memcmp(base + word.start, probe, raw.count) == 0 {
                return word.value
            }
            return nil
        }
    }
}

extension WordBytes where Value == NodeKind {
    static let nodeKinds = WordBytes(NodeKind.byName)
}

extension WordBytes where Value == RelationType {
    static let relationTypes = WordBytes(RelationType.byName)
}

extension WordBytes where Value == Level {
    static let levels = WordBytes(Level.byName)
}

extension WordBytes where Value == Period {
    static let periods = WordBytes(Period.byName)
}

extension WordBytes where Value == Basis {
    static let bases = WordBytes(Basis.byName)
}

extension JSONOrganizationScanner {
    /// Checks the fast path against the decoder on the bytes of a file: `nil` when the fast
    /// path gives up or gives exactly what the decoder gives, else what differs. For tests and
    /// the fuzzer.
    static func disagreement(_ bytes: [UInt8], splitting: Int) -> String? {
        guard let fast = bytes.withUnsafeBufferPointer({ scan($0, splitting: splitting) }) else { return nil }
        guard UTF8Validation.firstInvalidOffset(in: bytes) == nil else {
            return "the fast path read a file that is not UTF-8"
        }
        let source = SourceText(file: "check.json", bytes: bytes)
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            OrganizationLoader.OrganizationDecoding().decode(JSONReader(bytes: buffer), source: source, limit: 20).0
        }
        guard let full = decoded else { return "the fast path read what the decoder rejects" }
        let checks: [(String, Bool)] = [
            ("the organization", fast.organization == full.organization),
            ("the root's place", fast.rootLocation == full.rootLocation),
            ("the nodes' places", fast.organization.sourceMap.nodes == full.organization.sourceMap.nodes),
            ("the part-of places", fast.organization.sourceMap.partOf == full.organization.sourceMap.partOf),
            ("the level places", fast.organization.sourceMap.level == full.organization.sourceMap.level),
            ("the relations' places", fast.organization.sourceMap.relations == full.organization.sourceMap.relations),
            (
                "the suppressions' places",
                fast.organization.sourceMap.suppressions == full.organization.sourceMap.suppressions
            ),
            (
                "the places of unresolved ends",
                fast.relationFrom == full.relationFrom && fast.relationTo == full.relationTo
            ),
            (
                "the relations' ends",
                fast.organization.relations.names.elementsEqual(full.organization.relations.names) {
                    $0.utf8.elementsEqual($1.utf8)
                }
                    && fast.organization.relations.fromEnds == full.organization.relations.fromEnds
                    && fast.organization.relations.toEnds == full.organization.relations.toEnds
            ),
            ("the suppressions' nodes", fast.suppressionNode == full.suppressionNode),
            ("the duplicate ids", fast.duplicates == full.duplicates),
            (
                "the id index",
                fast.ids.count == full.ids.count
                    && fast.organization.nodes.allSatisfy { fast.ids.index(of: $0.id) == full.ids.index(of: $0.id) }
            ),
        ]
        let differing = checks.filter { !$0.1 }.map(\.0)
        return differing.isEmpty ? nil : "the fast path and the decoder differ in " + differing.joined(separator: ", ")
    }
}
