#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast scans of a file's bytes for diagnostics: line breaks by `memchr`, Unicode scalars
/// counted eight bytes at a time.
struct SourceScan {
    private let buffer: UnsafeBufferPointer<UInt8>
    /// Where the next CR is, at or after the last search: a file without CRs is searched for
    /// one once.
    private var nextCR = -1

    /// - Parameter buffer: the bytes; must outlive the scan.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The first line break (LF, CR LF or CR) at or after `start`.
    ///
    /// - Complexity: O(*d*) for a break *d* bytes on, amortized over a walk through the file.
    mutating func lineBreak(from start: Int) -> Range<Int>? {
        let count = buffer.count
        guard start < count else { return nil }
        if nextCR < start { nextCR = find(0x0D, in: start..<count) ?? count }
        if let lf = find(0x0A, in: start..<nextCR) { return lf..<(lf + 1) }
        guard nextCR < count else { return nil }
        return nextCR..<(nextCR + 1 < count && buffer[nextCR + 1] == 0x0A ? nextCR + 2 : nextCR + 1)
    }

    private func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = buffer.baseAddress, !range.isEmpty,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// How many Unicode scalars start in `range`: the bytes that are not UTF-8 continuation
    /// bytes (`10xxxxxx`).
    func scalarCount(_ range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = range.lowerBound
        var count = 0
        while index + 8 <= range.upperBound {
            count += Self.scalarStarts(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        while index < range.upperBound {
            if buffer[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The offset of the scalar `scalars` scalars after the one at `start`, or `limit` when
    /// there are not that many before it.
    func offset(advancing scalars: Int, from start: Int, limit: Int) -> Int {
        guard let base = buffer.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        var remaining = scalars
        // Whole words while they hold fewer scalars than remain; then byte by byte.
        while index + 8 <= limit {
            let starts = Self.scalarStarts(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if starts >= remaining { break }
            remaining -= starts
            index += 8
        }
        while index < limit {
            if buffer[index] & 0xC0 != 0x80 {
                if remaining == 0 { return index }
                remaining -= 1
            }
            index += 1
        }
        return limit
    }

    /// How many of the eight bytes of `word` start a scalar (bit 7 clear, or bit 6 set).
    private static func scalarStarts(_ word: UInt64) -> Int {
        (((~word) >> 7 | word >> 6) & 0x0101_0101_0101_0101).nonzeroBitCount
    }
}
