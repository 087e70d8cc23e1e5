import Dispatch
import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of progress on standard error for long work: the stage, how far it is, and the time
/// taken, redrawn in place a few times a second.
///
/// Nothing is shown unless standard error is a terminal, and nothing before the work has lasted
/// ``delay``; the line is cleared when the work ends, so a quick run prints nothing and standard
/// output is never touched. The line is written to a copy of the descriptor standard error had
/// when the progress began, so a library that redirects standard error meanwhile (Graphviz's
/// capture) does not catch it.
///
/// ```swift
/// let progress = ProgressLine("charts", total: 200)
/// for chart in charts { render(chart); progress.advance() }
/// progress.finish()
/// ```
package final class ProgressLine: @unchecked Sendable {
    /// How long work runs before its progress is shown.
    package static let delay = Duration.seconds(1)
    private static let interval = DispatchTimeInterval.milliseconds(200)

    private let lock = Mutex()
    private var stage: String
    private var done = 0
    private var total: Int?
    private var shown = false
    private var finished = false
    private let start = ContinuousClock.now
    /// The copy of standard error written to, or -1 when nothing is shown.
    private let descriptor: Int32
    private let timer: DispatchSourceTimer?
    private let queue = DispatchQueue(label: "orggraph.progress")

    /// Starts the progress of work whose first stage is `stage`, with `total` steps when known.
    /// Shows nothing when standard error is not a terminal. Call ``finish()`` when the work ends.
    package init(_ stage: String, total: Int? = nil) {
        self.stage = stage
        self.total = total
        guard isatty(STDERR_FILENO) == 1 else {
            descriptor = -1
            timer = nil
            return
        }
        descriptor = dup(STDERR_FILENO)
        guard descriptor >= 0 else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        self.timer = timer
        let (seconds, attoseconds) = Self.delay.components
        let first = DispatchTimeInterval.milliseconds(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        timer.schedule(deadline: .now() + first, repeating: Self.interval)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        Self.activeLock.withLock { Self.active = self }
    }

    /// The progress being shown, if any: a diagnostic clears its line before it is written.
    nonisolated(unsafe) private static var active: ProgressLine?
    private static let activeLock = Mutex()

    /// Clears the line of the progress being shown, if one is, so that what is written to
    /// standard error next starts on a line of its own; the progress draws itself again at its
    /// next turn.
    package static func clearActive() {
        guard let progress = activeLock.withLock({ active }) else { return }
        progress.queue.sync {
            guard progress.lock.withLock({ progress.shown && !progress.finished }) else { return }
            progress.write("\r\u{1B}[K")
            progress.lock.withLock { progress.shown = false }
        }
    }

    /// Whether the progress is shown at all (standard error is a terminal).
    package var isActive: Bool { timer != nil }

    /// Moves to the stage `name`, with `total` steps when known.
    package func stage(_ name: String, total: Int? = nil) {
        guard isActive else { return }
        lock.withLock {
            stage = name
            done = 0
            self.total = total
        }
    }

    /// Counts `steps` more steps of the stage done.
    package func advance(by steps: Int = 1) {
        guard isActive else { return }
        lock.withLock { done += steps }
    }

    /// Ends the progress: the line, when one was shown, is cleared. Safe to call more than once.
    package func finish() {
        guard let timer else { return }
        let first = lock.withLock {
            defer { finished = true }
            return !finished
        }
        guard first else { return }
        Self.activeLock.withLock { if Self.active === self { Self.active = nil } }
        timer.cancel()
        // The last draw, if one is running, ends before the line is cleared.
        queue.sync {
            if lock.withLock({ shown }) { write("\r\u{1B}[K") }
            close(descriptor)
        }
    }

    /// The line now: `charts 120/200 (60%) 3.4 s`.
    package var line: String {
        lock.withLock {
            let elapsed = ContinuousClock.now - start
            let tenths = elapsed.components.seconds * 10 + elapsed.components.attoseconds / 100_000_000_000_000_000
            let time = "\(tenths / 10).\(tenths % 10) s"
            guard let total, total > 0 else { return done > 0 ? "\(stage) \(done) \(time)" : "\(stage)… \(time)" }
            return "\(stage) \(min(done, total))/\(total) (\(min(done, total) * 100 / total)%) \(time)"
        }
    }

    private func draw() {
        guard !lock.withLock({ finished }) else { return }
        let text = TerminalText.escaped(line)
        lock.withLock { shown = true }
        write("\r\u{1B}[K" + text)
    }

    private func write(_ text: String) {
        _ = OutputTarget.writeAll(Array(text.utf8), to: descriptor)
    }
}
