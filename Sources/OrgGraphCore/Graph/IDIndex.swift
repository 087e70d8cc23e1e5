#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Node ids to node indices, looked up by the bytes of an id as well as by `String`.
///
/// Ids are matched as Swift strings match: by canonical equivalence. Most ids are ASCII, where
/// that is byte equality, so an open-addressing table over the UTF-8 bytes answers them with
/// no `String` made and one fast hash. Once an id or a probe has non-ASCII bytes, a `String`
/// dictionary of every id is built as well and answers from then on when the bytes differ.
package struct IDIndex: Sendable {
    /// The open-addressing table: for each used position, the key's number in the low 32 bits
    /// and the high half of its hash above them (compared before the key's bytes are read);
    /// `empty` where no key is.
    private var slots: [UInt64]
    private static let empty = UInt64.max
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// The node index of each key.
    private var values: [Int32] = []
    private var unicode: [String: Int32]?
    private var hasNonASCIIKey = false

    /// The number of ids.
    package private(set) var count = 0

    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: Self.empty, count: size)
    }

    // MARK: Hashing

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        if index < bytes.count, bytes.count >= 8 {
            // The last eight bytes, overlapping the words already taken.
            tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        } else {
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 32)
    }

    private func keyEquals(_ slot: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = Int(keyStarts[Int(slot)])
        let end = Int(keyStarts[Int(slot) + 1])
        guard end - start == bytes.count else { return false }
        return keyBytes.withUnsafeBytes { stored in
            guard let base = stored.baseAddress, let probe = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(base + start, probe, bytes.count) == 0
        }
    }

    // MARK: Lookup

    /// The index of the id with these UTF-8 bytes, matched by canonical equivalence.
    ///
    /// - Complexity: O(length) on average.
    mutating func index(ofBytes bytes: UnsafeRawBufferPointer) -> Int32? {
        if let found = exactIndex(bytes) { return found }
        guard hasNonASCIIKey || !UTF8Validation.isASCII(bytes) else { return nil }
        buildUnicode()
        return unicode?[String(decoding: bytes, as: UTF8.self)]
    }

    /// The index of `id`, matched by canonical equivalence, building the string dictionary
    /// when it is needed.
    package mutating func resolve(_ id: String) -> Int32? {
        var id = id
        return id.withUTF8 { index(ofBytes: UnsafeRawBufferPointer($0)) }
    }

    /// The index of `id`, matched by canonical equivalence, without building anything.
    package func index(of id: String) -> Int32? {
        var id = id
        let exact = id.withUTF8 { exactIndex(UnsafeRawBufferPointer($0)) }
        if let exact { return exact }
        if let unicode { return unicode[id] }
        guard hasNonASCIIKey || !id.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Only reached when no id needed the dictionary yet: compare as strings.
        for slot in 0..<count where keyString(Int32(slot)) == id { return values[slot] }
        return nil
    }

    /// The index of the id with exactly these bytes.
    package func exactIndex(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let hash = Self.hash(bytes)
        let tag = hash >> 32
        return slots.withUnsafeBufferPointer { slots -> Int32? in
            let mask = slots.count - 1
            var position = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[position]
                if entry == Self.empty { return nil }
                let slot = Int32(truncatingIfNeeded: entry)
                if entry >> 32 == tag, keyEquals(slot, bytes) { return values[Int(slot)] }
                position = (position + 1) & mask
            }
        }
    }

    private func keyString(_ slot: Int32) -> String {
        keyBytes.withUnsafeBufferPointer {
            String(decoding: $0[Int(keyStarts[Int(slot)])..<Int(keyStarts[Int(slot) + 1])], as: UTF8.self)
        }
    }

    private mutating func buildUnicode() {
        guard unicode == nil else { return }
        var dictionary: [String: Int32] = [:]
        dictionary.reserveCapacity(count)
        for slot in 0..<count where dictionary[keyString(Int32(slot))] == nil {
            dictionary[keyString(Int32(slot))] = values[slot]
        }
        unicode = dictionary
    }

    // MARK: Insertion

    /// Adds `id` for node `node`, unless an equal id is there.
    /// - Returns: the node of the equal id already there, or `nil` when `id` was added.
    /// - Complexity: O(length) on average.
    package mutating func insert(_ id: String, node: Int32) -> Int32? {
        var bytes = id
        return bytes.withUTF8 { insert(bytes: UnsafeRawBufferPointer($0), id, node: node) }
    }

    private mutating func insert(bytes: UnsafeRawBufferPointer, _ id: String, node: Int32) -> Int32? {
        let nonASCII = !UTF8Validation.isASCII(bytes)
        let hash = Self.hash(bytes)
        // Where the key goes when it is new: the empty position its probe ends at.
        var position = -1
        if nonASCII || hasNonASCIIKey {
            if nonASCII && !hasNonASCIIKey { buildUnicode() }
            if let existing = unicode?[id] { return existing }
        } else {
            let tag = hash >> 32
            let mask = slots.count - 1
            var probe = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[probe]
                if entry == Self.empty { break }
                let slot = Int32(truncatingIfNeeded: entry)
                if entry >> 32 == tag, keyEquals(slot, bytes) { return values[Int(slot)] }
                probe = (probe + 1) & mask
            }
            position = probe
        }
        hasNonASCIIKey = hasNonASCIIKey || nonASCII
        let slot = Int32(count)
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(Int32(keyBytes.count))
        hashes.append(hash)
        values.append(node)
        count += 1
        unicode?[id] = node
        if count * 2 > slots.count {
            grow()
        } else if position >= 0 {
            slots[position] = (hash >> 32) << 32 | UInt64(UInt32(slot))
        } else {
            place(slot, hash)
        }
        return nil
    }

    private mutating func place(_ slot: Int32, _ hash: UInt64) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != Self.empty { position = (position + 1) & mask }
        slots[position] = (hash >> 32) << 32 | UInt64(UInt32(slot))
    }

    private mutating func grow() {
        slots = [UInt64](repeating: Self.empty, count: slots.count * 2)
        for slot in 0..<count { place(Int32(slot), hashes[slot]) }
    }
}
