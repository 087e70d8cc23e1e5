import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the built `orggraph` in a child process, with how it ended, its wall time and its
/// peak resident memory.
///
/// The peak memory of a process the test process starts itself cannot be read from `wait4`:
/// Linux counts the memory of the process that spawned it (the whole test runner, 100 MB and
/// more) in a child's peak, from before it replaced its image. So `orggraph` runs under GNU
/// `/usr/bin/time`, a small process whose own child's peak is its own; without it, the peak is
/// sampled from `/proc` every 2 ms while `orggraph` runs (`VmHWM`, the high-water mark of the
/// image it runs). Standard output and error go to files, so no pipe can fill up; a run still
/// going at the deadline is killed with its process group.
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

    /// GNU time, when the machine has it: it writes its child's peak memory with `-f %M`.
    static let timer: String? = {
        let path = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: path),
            let folder = try? temporaryFolder(),
            let probe = try? spawn(
                [path, "-f", "%M", "-o", folder.appendingPathComponent("peak").path, "/bin/sh", "-c", "exit 0"],
                in: folder)
        else { return nil }
        defer { try? FileManager.default.removeItem(at: folder) }
        var wait: Int32 = 0
        var usage = rusage()
        guard wait4(probe, &wait, 0, &usage) == probe, wait == 0,
            peak(in: folder.appendingPathComponent("peak")).kilobytes != nil
        else { return nil }
        return path
    }()

    /// Runs `orggraph` with `arguments`.
    ///
    /// - Parameters:
    ///   - arguments: the command line, without the program.
    ///   - standardInput: a file to read as standard input; by default none (`/dev/null`).
    ///   - deadline: how long the process may run, in seconds, before it is killed.
    static func orggraph(_ arguments: [String], standardInput: String? = nil, deadline: Double) throws -> MeasuredRun {
        let program = try orggraphExecutable().path
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let peakFile = folder.appendingPathComponent("peak")
        let command =
            timer.map { [$0, "-f", "%M", "-o", peakFile.path, program] + arguments } ?? [program] + arguments

        let clock = ContinuousClock()
        let start = clock.now
        let pid = try spawn(command, standardInput: standardInput, in: folder)
        var wait: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var sampled = 0
        while true {
            let reaped = wait4(pid, &wait, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw RunError.wait(errno) }
            if timer == nil { sampled = max(sampled, highWaterMark(of: pid) ?? 0) }
            if !timedOut, clock.now - start > .seconds(deadline) {
                kill(-pid, SIGKILL)
                timedOut = true
            }
            usleep(2_000)
        }
        let elapsed = clock.now - start

        // The wait status, as WIFEXITED, WEXITSTATUS and WTERMSIG read it.
        let low = wait & 0x7F
        var status: Int32? = low == 0 ? (wait >> 8) & 0xFF : nil
        var signal: Int32? = low != 0 && low != 0x7F ? low : nil
        var kilobytes = sampled
        if timer != nil {
            let timed = peak(in: peakFile)
            kilobytes = timed.kilobytes ?? 0
            if let ended = timed.signal {
                // GNU time exits with 128 + the signal that ended its command.
                status = nil
                signal = ended
            }
        }
        return MeasuredRun(
            status: status, signal: signal, timedOut: timedOut,
            out: String(
                decoding: (try? Data(contentsOf: folder.appendingPathComponent("out"))) ?? Data(), as: UTF8.self),
            err: String(
                decoding: (try? Data(contentsOf: folder.appendingPathComponent("err"))) ?? Data(), as: UTF8.self),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            megabytes: Double(kilobytes) / 1024)
    }

    enum RunError: Error {
        case spawn(Int32)
        case wait(Int32)
    }

    /// Whether the process crashed: a signal, or the Swift runtime's report of a trap.
    var crashed: Bool {
        signal != nil || err.contains("Fatal error") || err.contains("Stack dump") || err.contains("Segmentation fault")
    }

    // MARK: Processes

    private static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Starts `command` in a process group of its own, standard output and error to `out` and
    /// `err` in `folder`.
    private static func spawn(_ command: [String], standardInput: String? = nil, in folder: URL) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, folder.appendingPathComponent("out").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(
            &actions, 2, folder.appendingPathComponent("err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw RunError.spawn(spawned) }
        return pid
    }

    /// GNU time's report: the peak in kilobytes (its last line), and the signal that ended the
    /// command, if one did (`Command terminated by signal 11`).
    private static func peak(in file: URL) -> (kilobytes: Int?, signal: Int32?) {
        let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        let signal = lines.lazy.compactMap { line -> Int32? in
            guard line.hasPrefix("Command terminated by signal ") else { return nil }
            return Int32(line.dropFirst("Command terminated by signal ".count))
        }.first
        return (lines.last.flatMap { Int($0) }, signal)
    }

    /// The high-water mark of the resident memory of the image process `pid` runs, in
    /// kilobytes (`VmHWM` in `/proc/PID/status`), while it runs.
    private static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}
