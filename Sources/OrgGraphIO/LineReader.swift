import OrgGraphFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lines of a file or of standard input, read as they arrive, in bounded memory: each line
/// is handed over as soon as its line break is read, and a line longer than the limit stops
/// the reading (a file of one endless line, `/dev/zero`, is not held whole).
package struct LineReader {
    package enum Failure: Error {
        /// The file cannot be opened or read, with the system's reason.
        case unreadable(String)
        /// A line has more bytes than the limit.
        case tooLong
    }

    /// The longest line, in bytes, without its line break.
    package let limit: Int
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    /// Opens `path` (`-`: standard input).
    /// - Throws: ``Failure/unreadable(_:)``.
    package init(path: String, limit: Int = 1 << 16) throws(Failure) {
        self.limit = limit
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = FileName.withCString(path) { open($0, O_RDONLY) }
            guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            closeDescriptor(descriptor)
            throw .unreadable("it is a directory")
        }
    }

    /// Closes the file (not standard input).
    package func finish() {
        if descriptor != STDIN_FILENO { closeDescriptor(descriptor) }
    }

    /// The next line without its line break, or `nil` at the end.
    ///
    /// - Parameter waiting: called before a read that may wait for more input, so that what
    ///   the lines so far produced can be written first.
    /// - Throws: ``Failure``.
    package mutating func next(waiting: () -> Void = {}) throws(Failure) -> ArraySlice<UInt8>? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                guard newline - start <= limit else { throw .tooLong }
                defer { start = newline + 1 }
                return buffer[start..<newline]
            }
            guard buffer.count - start <= limit else { throw .tooLong }
            if ended {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return buffer[start...]
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            searched = buffer.count
            waiting()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 {
                ended = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

extension LineReader.Failure {
    /// What is said of a file that cannot be read on, given the reader's line `limit` and what
    /// a line of the file holds (`'FROM TO', two ids`).
    package func message(limit: Int, lineForm: String) -> String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .tooLong: "the line is longer than the limit of \(limit) bytes; each line is \(lineForm)"
        }
    }
}
