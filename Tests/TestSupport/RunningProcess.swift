import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process that `orggraph(_:input:output:environment:directory:deadline:measure:executable:whileRunning:)`
/// started: what it wrote so far, and ways to write to it and signal it while it runs.
public final class RunningProcess {
    /// The child's process id, also the id of its process group.
    public private(set) var pid: pid_t = 0
    /// What the child wrote to standard output so far.
    public private(set) var output = Data()
    private var errors = Data()
    /// Bytes not yet written to the child's standard input, and whether to close it after them.
    private var pending: [UInt8] = []
    private var closing = false
    /// The parent's ends of the pipes, -1 once closed or when there is none.
    private var inputEnd: Int32 = -1
    private var outputEnd: Int32 = -1
    private var errorEnd: Int32 = -1
    /// Where GNU time writes the peak memory, in a folder removed at the end, when measured by it.
    private let peakFile: URL?
    /// Whether the peak memory is sampled from `/proc` instead.
    private let sampling: Bool
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(
        _ command: [String], input: StandardInput, output: FileHandle?, environment: [String: String]?,
        directory: URL, measure: Bool
    ) throws {
        _ = brokenPipesIgnored
        var command = command
        var peakFile: URL?
        if measure, let timer = peakTimer {
            let peak = try temporaryFolder("orggraph-run").appendingPathComponent("peak")
            command = [timer, "-f", "%M", "-o", peak.path] + command
            peakFile = peak
        }
        self.peakFile = peakFile
        sampling = measure && peakTimer == nil
        start = clock.now

        // Pipes are made close-on-exec in two steps: one lock around them and the spawn keeps
        // another run's child from inheriting this run's ends in between.
        spawning.lock()
        defer { spawning.unlock() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        defer { childEnds.forEach { closeDescriptor($0) } }
        switch input {
        case .none:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .text(let text):
            pending = Array(text.utf8)
            closing = true
        case .open:
            break
        }
        if case .text = input { try pipe(into: 0, &actions, &childEnds, parent: &inputEnd, parentReads: false) }
        if case .open = input { try pipe(into: 0, &actions, &childEnds, parent: &inputEnd, parentReads: false) }
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output.fileDescriptor, 1)
        } else {
            try pipe(into: 1, &actions, &childEnds, parent: &outputEnd, parentReads: true)
        }
        try pipe(into: 2, &actions, &childEnds, parent: &errorEnd, parentReads: true)
        guard let changeDirectory = spawnChangeDirectory else { throw RunError.spawn(ENOSYS) }
        _ = changeDirectory(&actions, directory.path)

        // A process group of its own, no signal blocked, the usual signals at their default
        // action, whatever the test runner's threads have.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        start = clock.now
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            closeAll()
            throw RunError.spawn(spawned)
        }
        self.pid = pid
    }

    deinit {
        closeAll()
        if let peakFile { try? FileManager.default.removeItem(at: peakFile.deletingLastPathComponent()) }
    }

    /// Writes `text` to the child's standard input (of a run with `input: .open`).
    public func write(_ text: String) {
        pending += Array(text.utf8)
    }

    /// Closes the child's standard input once what was written before has gone.
    public func closeInput() {
        closing = true
    }

    /// Sends `signal` to the child.
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the child to end, reading its outputs and writing its input meanwhile.
    func finish(deadline: Double, whileRunning: ((RunningProcess) throws -> Void)?) throws -> Run {
        var wait: Int32 = 0
        var usage = rusage()
        var reaped = false
        defer {
            if !reaped {
                kill(-pid, SIGKILL)
                waitpid(pid, &wait, 0)
            }
        }
        var timedOut = false
        var sampled = 0
        while true {
            let found = wait4(pid, &wait, WNOHANG, &usage)
            if found == pid { break }
            if found < 0, errno != EINTR { throw RunError.wait(errno) }
            if sampling { sampled = max(sampled, highWaterMark(of: pid) ?? 0) }
            if !timedOut, clock.now - start > .seconds(deadline) {
                kill(-pid, SIGKILL)
                timedOut = true
            }
            if let whileRunning, !timedOut { try whileRunning(self) }
            exchange(waiting: whileRunning != nil || sampling ? 1 : 10)
        }
        reaped = true
        let elapsed = clock.now - start
        // Whatever the child wrote before it ended is in the pipes now.
        closeEnd(&inputEnd)
        while outputEnd >= 0 || errorEnd >= 0, exchange(waiting: 0) {}

        // The wait status, as WIFEXITED, WEXITSTATUS and WTERMSIG read it.
        let low = wait & 0x7F
        var status: Int32? = low == 0 ? (wait >> 8) & 0xFF : nil
        var signal: Int32? = low != 0 && low != 0x7F ? low : nil
        var kilobytes = sampled
        if let peakFile {
            let timed = peak(in: peakFile)
            kilobytes = timed.kilobytes ?? 0
            if let ended = timed.signal {
                // GNU time exits with 128 + the signal that ended its command.
                status = nil
                signal = ended
            }
        }
        return Run(
            status: status, signal: signal, timedOut: timedOut, output: output,
            err: String(decoding: errors, as: UTF8.self),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            megabytes: Double(kilobytes) / 1024)
    }

    // MARK: Pipes

    /// Makes a pipe whose one end becomes the child's descriptor `target`; the other end is the
    /// parent's, non-blocking when the parent writes to it.
    private func pipe(
        into target: Int32, _ actions: inout posix_spawn_file_actions_t, _ childEnds: inout [Int32],
        parent: inout Int32, parentReads: Bool
    ) throws {
        var ends: [Int32] = [-1, -1]
        guard makePipe(&ends) == 0 else { throw RunError.pipe(errno) }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        let (mine, theirs) = parentReads ? (ends[0], ends[1]) : (ends[1], ends[0])
        if !parentReads { _ = fcntl(mine, F_SETFL, fcntl(mine, F_GETFL) | O_NONBLOCK) }
        posix_spawn_file_actions_adddup2(&actions, theirs, target)
        childEnds.append(theirs)
        parent = mine
    }

    /// Reads what the child wrote and writes what it is to read, waiting at most `waiting`
    /// milliseconds for either; returns whether anything moved.
    @discardableResult
    private func exchange(waiting: Int32) -> Bool {
        if inputEnd >= 0, pending.isEmpty, closing { closeEnd(&inputEnd) }
        var watched: [pollfd] = []
        if outputEnd >= 0 { watched.append(pollfd(fd: outputEnd, events: Int16(POLLIN), revents: 0)) }
        if errorEnd >= 0 { watched.append(pollfd(fd: errorEnd, events: Int16(POLLIN), revents: 0)) }
        if inputEnd >= 0, !pending.isEmpty { watched.append(pollfd(fd: inputEnd, events: Int16(POLLOUT), revents: 0)) }
        guard !watched.isEmpty else {
            if waiting > 0 { usleep(useconds_t(waiting) * 1_000) }
            return false
        }
        guard poll(&watched, nfds_t(watched.count), waiting) > 0 else { return false }
        var moved = false
        for entry in watched where entry.revents != 0 {
            if entry.fd == inputEnd {
                let written = pending.withUnsafeBytes { writeDescriptor(inputEnd, $0.baseAddress, $0.count) }
                if written > 0 {
                    pending.removeFirst(written)
                    moved = true
                } else if written < 0, errno != EAGAIN, errno != EINTR {
                    // The child closed its input: what it did not read is dropped.
                    pending = []
                    closeEnd(&inputEnd)
                }
                continue
            }
            let count = read(entry.fd, &buffer, buffer.count)
            if count > 0 {
                if entry.fd == outputEnd {
                    output.append(contentsOf: buffer[..<count])
                } else {
                    errors.append(contentsOf: buffer[..<count])
                }
                moved = true
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                if entry.fd == outputEnd { closeEnd(&outputEnd) } else { closeEnd(&errorEnd) }
                moved = true
            }
        }
        return moved
    }

    private func closeEnd(_ end: inout Int32) {
        if end >= 0 { closeDescriptor(end) }
        end = -1
    }

    private func closeAll() {
        closeEnd(&inputEnd)
        closeEnd(&outputEnd)
        closeEnd(&errorEnd)
    }
}

/// Ignores SIGPIPE in the test process, so a write to a child that stopped reading fails with
/// EPIPE instead of ending the tests; children get the default action back.
private let brokenPipesIgnored: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
}()

/// Held from making a run's pipes to its spawn.
private let spawning = NSLock()

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15), which the C headers declare
/// only for `_GNU_SOURCE`, so Swift sees it only through the dynamic linker.
private let spawnChangeDirectory:
    (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return nil
        }
        return unsafeBitCast(
            symbol,
            to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

private func makePipe(_ ends: inout [Int32]) -> Int32 {
    pipe(&ends)
}

private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
