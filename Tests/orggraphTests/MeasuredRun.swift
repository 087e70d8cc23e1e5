import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the built `orggraph` in a child process, with what the kernel counted for it:
/// how it ended, its wall time and its peak resident memory.
///
/// The child is started with `posix_spawn` and reaped with `wait4`, whose resource usage is that
/// child's alone, however many other tests run processes at the same time. Standard output and
/// error go to files, so no pipe can fill up; a child still running at the deadline is killed.
struct MeasuredRun {
    /// The exit status, or `nil` when a signal ended the process.
    var status: Int32?
    /// The signal that ended the process, if one did.
    var signal: Int32?
    /// Whether the process was still running at the deadline (it was then killed).
    var timedOut: Bool
    var out: String
    var err: String
    var seconds: Double
    /// The peak resident set size, in megabytes.
    var megabytes: Double

    /// Runs `orggraph` with `arguments`.
    ///
    /// - Parameters:
    ///   - arguments: the command line, without the program.
    ///   - standardInput: a file to read as standard input; by default none (`/dev/null`).
    ///   - deadline: how long the process may run before it is killed.
    static func orggraph(_ arguments: [String], standardInput: String? = nil, deadline: Double) throws -> MeasuredRun {
        let program = try orggraphExecutable().path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path
        let errPath = folder.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw RunError.spawn(spawned) }
        var wait: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let reaped = wait4(pid, &wait, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw RunError.wait(errno) }
            if !timedOut, clock.now - start > .seconds(deadline) {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(2_000)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The wait status, as WIFEXITED, WEXITSTATUS and WTERMSIG read it.
        let low = wait & 0x7F
        #if os(Linux)
            let megabytes = Double(usage.ru_maxrss) / 1024
        #else
            let megabytes = Double(usage.ru_maxrss) / 1024 / 1024
        #endif
        return MeasuredRun(
            status: low == 0 ? (wait >> 8) & 0xFF : nil,
            signal: low != 0 && low != 0x7F ? low : nil,
            timedOut: timedOut,
            out: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
            err: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
            seconds: seconds,
            megabytes: megabytes)
    }

    enum RunError: Error {
        case spawn(Int32)
        case wait(Int32)
    }

    /// Whether the process crashed: a signal, or the Swift runtime's report of a trap.
    var crashed: Bool {
        signal != nil || err.contains("Fatal error") || err.contains("Stack dump") || err.contains("Segmentation fault")
    }
}
