import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The most bytes an organization or rulebook file may have unless a caller says otherwise:
/// 4 GiB.
public let defaultMaximumInputBytes = 1 << 32

/// Reading a whole file or standard input into memory, up to a limit.
package enum FileBytes {
    package struct Failure: Error {
        package var message: LocalizedText
        /// Whether the file is past the size limit (rather than unreadable).
        package var isLimit = false
    }

    /// `cannot read the file: REASON`; the system's reason (`strerror`) is in English in both.
    private static func cannotRead(_ reason: LocalizedText) -> LocalizedText {
        LocalizedText(en: "cannot read the file: \(reason.en)", vi: "không đọc được tệp: \(reason.vi)")
    }

    /// The failure for a file past `limit` bytes.
    static func tooLarge(_ limit: Int) -> Failure {
        Failure(
            message: LocalizedText(
                en: "the file is larger than the limit of \(limit) bytes (--max-input-bytes)",
                vi: "tệp lớn hơn giới hạn \(limit) byte (--max-input-bytes)"),
            isLimit: true)
    }

    /// The bytes of the file at `path` (`-`: standard input), at most `limit` of them.
    ///
    /// The limit holds for every kind of file: a regular file larger than it is refused before
    /// a byte is read, and a device, a pipe or standard input is counted as it is read, so
    /// `/dev/zero` stops at the limit.
    ///
    /// - Parameters:
    ///   - regularOnly: refuse anything but a regular file (opened without following a final
    ///     symlink, and without waiting on a named pipe).
    /// - Throws: ``Failure`` with a message naming the reason (no such file, a directory, too large...).
    package static func read(_ path: String, limit: Int, regularOnly: Bool = false) throws(Failure) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            let flags = regularOnly ? O_RDONLY | O_NOFOLLOW | O_NONBLOCK : O_RDONLY
            descriptor = FileName.withCString(path) { open($0, flags) }
            guard descriptor >= 0 else {
                throw Failure(message: cannotRead(LocalizedText(String(cString: strerror(errno)))))
            }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        let known = fstat(descriptor, &status) == 0
        let type = status.st_mode & S_IFMT
        if known, type == S_IFDIR {
            throw Failure(message: cannotRead(LocalizedText(en: "it is a directory", vi: "đây là một thư mục")))
        }
        if regularOnly, !known || type != S_IFREG {
            throw Failure(
                message: cannotRead(
                    LocalizedText(en: "it is not a regular file", vi: "đây không phải là tệp thông thường")))
        }
        let expected = known && type == S_IFREG ? Int(status.st_size) : 0
        if expected > limit { throw tooLarge(limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // One byte past the limit is enough to know the file is past it.
            let wanted = min(chunk.count, limit - bytes.count + 1)
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: cannotRead(LocalizedText(String(cString: strerror(errno)))))
            }
            if count == 0 { break }
            if bytes.count + count > limit { throw tooLarge(limit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
