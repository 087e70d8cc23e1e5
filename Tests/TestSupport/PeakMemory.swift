import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The peak memory of a process the test process starts itself cannot be read from `wait4`:
// Linux counts the memory of the process that spawned it (the whole test runner, 100 MB and
// more) in a child's peak, from before it replaced its image. So a measured run goes under GNU
// `/usr/bin/time`, a small process whose own child's peak is its own; without it, the peak is
// sampled from `/proc` every millisecond or so while the child runs (`VmHWM`, the high-water
// mark of the image it runs).

/// GNU time, when the machine has it: it writes its child's peak memory with `-f %M`.
let peakTimer: String? = {
    let path = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: path), let folder = try? temporaryFolder("orggraph-run")
    else { return nil }
    defer { try? FileManager.default.removeItem(at: folder) }
    let peakFile = folder.appendingPathComponent("peak")
    guard
        let probe = try? RunningProcess(
            [path, "-f", "%M", "-o", peakFile.path, "/bin/sh", "-c", "exit 0"], input: .none, output: nil,
            environment: nil, directory: folder, measure: false),
        let run = try? probe.finish(deadline: 30, whileRunning: nil), run.status == 0,
        peak(in: peakFile).kilobytes != nil
    else { return nil }
    return path
}()

/// GNU time's report: the peak in kilobytes (its last line), and the signal that ended the
/// command, if one did (`Command terminated by signal 11`).
func peak(in file: URL) -> (kilobytes: Int?, signal: Int32?) {
    let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
    let lines = text.split(separator: "\n")
    let signal = lines.lazy.compactMap { line -> Int32? in
        guard line.hasPrefix("Command terminated by signal ") else { return nil }
        return Int32(line.dropFirst("Command terminated by signal ".count))
    }.first
    return (lines.last.flatMap { Int($0) }, signal)
}

/// The high-water mark of the resident memory of the image process `pid` runs, in kilobytes
/// (`VmHWM` in `/proc/PID/status`), while it runs.
func highWaterMark(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
}
