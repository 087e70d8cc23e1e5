import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped into memory, read-only, for reading a large file once from start to
/// end without copying it.
///
/// The pages read so far can be handed back (``release(before:)``): the process then holds
/// only the part of the file being read, and a page touched again is read anew from the file.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer
    private let length: Int
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the regular file at `path`; `nil` for anything that is not a non-empty regular
    /// file of at most `limit` bytes that can be opened and mapped (the caller then reads it
    /// the ordinary way, and reports a file past the limit).
    init?(path: String, limit: Int = defaultMaximumInputBytes) {
        // Look before opening: opening a named pipe would wait for a writer, and take its data.
        var before = stat()
        guard FileName.withCString(path, { stat($0, &before) }) == 0, (before.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        let descriptor = FileName.withCString(path) { open($0, O_RDONLY | O_NONBLOCK) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0,
            status.st_size <= limit
        else {
            return nil
        }
        length = Int(status.st_size)
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        mapping = address
        _ = madvise(mapping, length, Int32(MADV_SEQUENTIAL))
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        munmap(mapping, length)
    }

    /// Hands back the whole pages within `range` of the file, which are no longer needed.
    /// Threads may hand back ranges of their own at the same time.
    func release(_ range: Range<Int>) {
        let start = (range.lowerBound + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let end = min(range.upperBound, length) / Self.pageSize * Self.pageSize
        guard end > start else { return }
        _ = madvise(mapping + start, end - start, Int32(MADV_DONTNEED))
    }
}
