import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One place a command writes its result: standard output, a character device or FIFO written
/// directly, or a regular file written atomically.
///
/// Every output goes through the same steps: ``resolve(_:)`` (symlinks followed to the file
/// they name, the kind of file decided, a folder or a missing folder refused), then
/// ``refuseSameFiles(_:inputs:)`` (no output may be an input or another output), then
/// ``prepare(_:)`` (for a regular file: a temporary file beside it, written and synced) and
/// ``PreparedOutput/commit()`` (the rename) or ``PreparedOutput/rollback()``.
package struct OutputTarget {
    package enum Kind: Equatable {
        case standardOutput
        /// A character device or a FIFO: opened and written, never replaced.
        case direct
        /// A regular file, new or existing: a temporary file in its folder, then a rename.
        case atomic
    }

    /// The path as the user gave it, for messages.
    package let path: String
    package let kind: Kind
    /// The file written: `path` with every symbolic link followed, so a link is kept and its
    /// target replaced.
    package let resolved: String
    /// The mode of the file written: an existing file's own, else a new file's under the umask.
    package let mode: mode_t
    /// The owner of an existing file, kept when the process may keep it.
    package let owner: (uid: uid_t, gid: gid_t)?
    /// The device and inode of an existing file.
    package let identity: FileIdentity?

    /// The target for `path`; `nil` and `-` are standard output.
    /// - Throws: ``ReportedFailure`` after a message naming the path and the reason.
    package static func resolve(_ path: String?) throws -> OutputTarget {
        guard let path, path != "-" else {
            return OutputTarget(
                path: "-", kind: .standardOutput, resolved: "-", mode: 0, owner: nil, identity: nil)
        }
        guard !path.isEmpty else { throw failure(path, "an empty path names no file") }
        var followed = stat()
        if stat(path, &followed) == 0 {
            let type = followed.st_mode & S_IFMT
            // A device, a FIFO, or an open descriptor (/dev/stdout, /dev/fd/N, /proc/self/fd/N)
            // is written through the name given, as any Unix tool does, never replaced.
            if type == S_IFCHR || type == S_IFIFO || (type == S_IFREG && namesDescriptor(path)) {
                return OutputTarget(
                    path: path, kind: .direct, resolved: path, mode: followed.st_mode & 0o7777, owner: nil,
                    identity: FileIdentity(followed))
            }
        }
        let resolved = try followLinks(path)
        var info = stat()
        if lstat(resolved, &info) == 0 {
            let type = info.st_mode & S_IFMT
            let identity = FileIdentity(info)
            switch type {
            case S_IFDIR: throw failure(path, "is a directory")
            case S_IFCHR, S_IFIFO:
                return OutputTarget(
                    path: path, kind: .direct, resolved: resolved, mode: info.st_mode & 0o7777, owner: nil,
                    identity: identity)
            case S_IFREG:
                return OutputTarget(
                    path: path, kind: .atomic, resolved: resolved, mode: info.st_mode & 0o7777,
                    owner: (info.st_uid, info.st_gid), identity: identity)
            default:
                throw failure(path, "is not a regular file, a character device or a FIFO")
            }
        }
        let error = errno
        guard error == ENOENT else { throw failure(path, reason(error)) }
        // A new file: its folder must be there.
        let folder = folder(of: resolved)
        if stat(folder, &info) != 0 {
            throw failure(path, errno == ENOENT ? "no such folder" : reason(errno))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw failure(path, "\(folder) is not a folder") }
        let mask = umask(0)
        umask(mask)
        return OutputTarget(
            path: path, kind: .atomic, resolved: resolved, mode: 0o666 & ~mask, owner: nil, identity: nil)
    }

    /// Whether `path` or a link on the way from it names an open file descriptor through
    /// `/proc` or `/dev/fd`.
    private static func namesDescriptor(_ path: String) -> Bool {
        var current = path
        for _ in 0..<40 {
            if current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") { return true }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return false }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        return false
    }

    /// `path` with every symbolic link followed, as far as the links go (a dangling link gives
    /// the path it names, so the file is made there).
    private static func followLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return current }
                throw failure(path, reason(errno))
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw failure(path, reason(errno)) }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        throw failure(path, reason(ELOOP))
    }

    /// The folder holding `path`: `.` for a bare name.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The same file, however named: the folder's real path and the file's name.
    package var canonicalPath: String {
        guard kind != .standardOutput else { return "-" }
        let folder = Self.folder(of: resolved)
        let name = resolved.lastIndex(of: "/").map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
        guard let real = realpath(folder, nil) else { return resolved }
        defer { free(real) }
        return String(cString: real) + "/" + name
    }

    // MARK: Same files

    /// Refuses an output that is the same file as an input (by device and inode: hard links,
    /// `./a` and symbolic links count) or the same file as another output.
    ///
    /// - Parameters:
    ///   - outputs: the run's outputs.
    ///   - inputs: the files it reads; `-` and names that are no file (built-in rulebook ids)
    ///     are left out.
    /// - Throws: ``ReportedFailure`` after a message, before anything is written.
    package static func refuseSameFiles(_ outputs: [OutputTarget], inputs: [String]) throws {
        for output in outputs where output.kind == .atomic {
            guard let identity = output.identity else { continue }
            for input in inputs where input != "-" {
                var info = stat()
                guard stat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                if FileIdentity(info) == identity {
                    let same = input == output.path ? "" : " '\(input)'"
                    throw refusal(output.path, "the output is the same file as the input\(same); nothing was written")
                }
            }
        }
        let files = outputs.filter { $0.kind == .atomic }
        for (index, output) in files.enumerated() {
            for earlier in files[..<index] {
                let same =
                    output.identity.map { $0 == earlier.identity } ?? false
                    || output.canonicalPath == earlier.canonicalPath
                if same {
                    throw refusal(
                        output.path, "the output is the same file as the output '\(earlier.path)'; nothing was written")
                }
            }
        }
    }

    // MARK: Writing

    /// Writes `bytes` where they go, all or nothing.
    /// - Throws: ``ReportedFailure`` after a message when they cannot be written.
    package func write(_ bytes: [UInt8]) throws {
        var prepared = try prepare(bytes)
        try prepared.commit()
    }

    /// Writes `text` where it goes, all or nothing.
    /// - Throws: ``ReportedFailure`` after a message when it cannot be written.
    package func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Makes the output ready to commit: for a regular file, a synced temporary file beside it.
    /// - Throws: ``ReportedFailure`` after a message when it cannot be made; nothing is left behind.
    package func prepare(_ bytes: [UInt8]) throws -> PreparedOutput {
        try open().finish(bytes)
    }

    /// Opens the output before its contents are made: for a regular file, the temporary file
    /// beside it, removed if the run is interrupted (SIGINT, SIGTERM) or fails.
    /// - Throws: ``ReportedFailure`` after a message when it cannot be made.
    package func open() throws -> OpenedOutput {
        guard kind == .atomic else { return OpenedOutput(target: self, descriptor: -1, temporary: nil) }
        let name = resolved.lastIndex(of: "/").map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
        let folder = Self.folder(of: resolved)
        guard let (descriptor, temporary) = TemporaryFiles.make(folder + "/." + name + ".XXXXXX") else {
            throw Self.failure(path, Self.reason(errno))
        }
        return OpenedOutput(target: self, descriptor: descriptor, temporary: temporary)
    }

    /// Writes all of `bytes` to `descriptor`, again after an interruption.
    /// - Returns: `nil`, or the `errno` of the write that failed (`ENOSPC` for a write that
    ///   wrote nothing).
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return ENOSPC }
                offset += written
            }
            return nil
        }
    }

    // MARK: Messages

    /// `path: error: cannot write the file: reason`, on standard error.
    package static func failure(_ path: String, _ reason: String) -> ReportedFailure {
        FileOutput.standardError("\(path): error: cannot write the file: \(reason)\n")
        return ReportedFailure()
    }

    /// `path: error: why`, on standard error.
    package static func refusal(_ path: String, _ why: String) -> ReportedFailure {
        FileOutput.standardError("\(path): error: \(why)\n")
        return ReportedFailure()
    }

    /// The plain reason for `error`, as a person says it.
    package static func reason(_ error: Int32) -> String {
        switch error {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "no such folder"
        case EISDIR: "is a directory"
        case ENOTDIR: "a part of the path is not a folder"
        case ENOSPC: "no space left on the device"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "read-only file system"
        case EFBIG: "file too large"
        case ELOOP: "too many symbolic links"
        case ENAMETOOLONG: "file name too long"
        case EPIPE: "the reader of the pipe went away"
        case EIO: "input/output error"
        case ENXIO: "no reader on the pipe or no such device"
        default: String(cString: strerror(error)).lowercased()
        }
    }
}

/// A file's device and inode: the same for every name of the file.
package struct FileIdentity: Equatable {
    package let device: UInt64
    package let inode: UInt64

    package init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// An output opened and not yet written: for a regular file, its temporary file.
package struct OpenedOutput {
    package let target: OutputTarget
    package let descriptor: Int32
    package let temporary: String?

    /// Writes `bytes` and syncs them, ready to commit.
    /// - Throws: ``ReportedFailure`` after a message when they cannot be written; nothing is left behind.
    package func finish(_ bytes: [UInt8]) throws -> PreparedOutput {
        guard let temporary else { return PreparedOutput(target: target, bytes: bytes, temporary: nil) }
        func fail(_ error: Int32) -> ReportedFailure {
            rollback()
            return OutputTarget.failure(target.path, OutputTarget.reason(error))
        }
        if let error = OutputTarget.writeAll(bytes, to: descriptor) { throw fail(error) }
        if fchmod(descriptor, target.mode) != 0 { throw fail(errno) }
        if let owner = target.owner, owner.uid != getuid() || owner.gid != getgid() {
            // Keeps another user's file theirs when the process may (as root); else it is ours.
            _ = fchown(descriptor, owner.uid, owner.gid)
        }
        if fsync(descriptor) != 0 { throw fail(errno) }
        if close(descriptor) != 0 {
            let error = errno
            unlink(temporary)
            TemporaryFiles.unregister(temporary)
            throw OutputTarget.failure(target.path, OutputTarget.reason(error))
        }
        return PreparedOutput(target: target, bytes: [], temporary: temporary)
    }

    /// Closes and removes the temporary file, if there is one.
    package func rollback() {
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
        TemporaryFiles.unregister(temporary)
    }
}

/// An output ready to commit.
package struct PreparedOutput {
    package let target: OutputTarget
    /// What a direct or standard-output target writes at commit.
    package let bytes: [UInt8]
    /// The synced temporary file a regular file is renamed from.
    private(set) var temporary: String?

    package init(target: OutputTarget, bytes: [UInt8], temporary: String?) {
        self.target = target
        self.bytes = bytes
        self.temporary = temporary
    }

    /// Puts the output in place: renames the temporary file over the target, or writes the
    /// bytes to the device, FIFO or standard output.
    /// - Throws: ``ReportedFailure`` after a message when it cannot.
    package mutating func commit() throws {
        switch target.kind {
        case .standardOutput:
            FileOutput.standardOutput(bytes: bytes)
        case .direct:
            // Appending: a descriptor named through /proc writes after what its file holds.
            let descriptor = open(target.resolved, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputTarget.failure(target.path, OutputTarget.reason(errno)) }
            let error = OutputTarget.writeAll(bytes, to: descriptor)
            close(descriptor)
            if let error { throw OutputTarget.failure(target.path, OutputTarget.reason(error)) }
        case .atomic:
            guard let temporary else { return }
            if rename(temporary, target.resolved) != 0 {
                let error = errno
                rollback()
                throw OutputTarget.failure(target.path, OutputTarget.reason(error))
            }
            TemporaryFiles.unregister(temporary)
            self.temporary = nil
            let folder = open(OutputTarget.folder(of: target.resolved), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                _ = fsync(folder)
                close(folder)
            }
        }
    }

    /// Removes the temporary file, if there is one.
    package mutating func rollback() {
        guard let temporary else { return }
        unlink(temporary)
        TemporaryFiles.unregister(temporary)
        self.temporary = nil
    }
}

/// The system `write`, out of reach of the overloads named `write`.
package func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
