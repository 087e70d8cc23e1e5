import Foundation

/// How one run of a program in a child process ended, what it wrote, and, when measured, its
/// wall time and peak resident memory.
public struct Run: Sendable {
    /// The exit status, or `nil` when a signal ended the process.
    public var status: Int32?
    /// The signal that ended the process, if one did.
    public var signal: Int32?
    /// Whether the process was still running at the deadline (it was then killed).
    public var timedOut: Bool
    /// The bytes written to standard output (none when it went to a given file handle).
    public var output: Data
    /// Standard error, as text.
    public var err: String
    /// The wall time from start to exit, in seconds.
    public var seconds: Double
    /// The peak resident set size, in megabytes; 0 unless the run was measured.
    public var megabytes: Double

    /// Standard output, as text.
    public var out: String { String(decoding: output, as: UTF8.self) }

    /// Whether the process crashed: a signal, or the Swift runtime's report of a trap.
    public var crashed: Bool {
        signal != nil || err.contains("Fatal error") || err.contains("Stack dump") || err.contains("Segmentation fault")
    }
}

/// What a child process reads as standard input.
public enum StandardInput: Sendable {
    /// Nothing: `/dev/null`.
    case none
    /// This text, through a pipe closed after it.
    case text(String)
    /// The file at this path.
    case file(String)
    /// A pipe left open: `whileRunning` writes into it and closes it (it is closed at the exit).
    case open
}

/// Why a program could not be run.
public enum RunError: Error, CustomStringConvertible {
    case notBuilt
    case spawn(Int32)
    case wait(Int32)
    case pipe(Int32)

    public var description: String {
        switch self {
        case .notBuilt: "the orggraph binary is not built"
        case .spawn(let code): "cannot start the program: \(String(cString: strerror(code)))"
        case .wait(let code): "cannot wait for the program: \(String(cString: strerror(code)))"
        case .pipe(let code): "cannot make a pipe: \(String(cString: strerror(code)))"
        }
    }
}

/// Runs the built `orggraph` (or `executable`) with `arguments` in a child process and waits for
/// it to end.
///
/// Standard output and error are read as they are written, both at once, so no output is too
/// large for a pipe; standard input is written in the same loop. The child starts in a process
/// group of its own with no signal blocked and the usual signals at their default action, so a
/// run still going at the deadline is killed with every process it started.
///
/// - Parameters:
///   - arguments: the command line, without the program.
///   - input: what the child reads as standard input; by default nothing.
///   - output: a file handle to give the child as standard output instead of a pipe read here
///     (a full device, a pipe with no reader).
///   - environment: the child's whole environment; by default this process's.
///   - directory: the working directory; by default the package root.
///   - measure: whether to measure the peak resident memory (under GNU `time` when the machine
///     has it, else sampled from `/proc`).
///   - deadline: how long the child may run, in seconds, before it is killed.
///   - executable: the program to run instead of `orggraph`.
///   - whileRunning: called every millisecond or so until the child exits, with what it wrote
///     so far and ways to write to it, close its input or signal it.
/// - Returns: how the run ended, what it wrote, its wall time and, when measured, its memory.
/// - Throws: `RunError` when the program is not built or cannot be started or waited for.
@discardableResult
public func orggraph(
    _ arguments: [String], input: StandardInput = .none, output: FileHandle? = nil,
    environment: [String: String]? = nil, directory: URL = packageRoot, measure: Bool = false,
    deadline: Double = 300, executable: URL? = nil, whileRunning: ((RunningProcess) throws -> Void)? = nil
) throws -> Run {
    let program = try (executable ?? orggraphExecutable()).path
    let process = try RunningProcess(
        [program] + arguments, input: input, output: output, environment: environment, directory: directory,
        measure: measure)
    return try process.finish(deadline: deadline, whileRunning: whileRunning)
}
