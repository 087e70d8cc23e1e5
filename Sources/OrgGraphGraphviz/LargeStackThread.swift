import Foundation

/// One long-lived thread with a large stack that runs Graphviz work handed to it, one piece at
/// a time, while the caller waits.
///
/// dot's layout recurses once per rank and node in several passes; on a large chart that goes
/// deeper than the 8 MB of the main thread (or the 512 KB of a secondary thread) allows. The
/// stack is reserved address space: only the pages used are ever touched. The thread lives as
/// long as the process, so every render reuses its stack and its malloc arena, and a render
/// loop keeps a steady footprint (a new thread per render would spread freed images over many
/// arenas).
final class LargeStackThread: @unchecked Sendable {
    /// The thread of the process.
    static let shared = LargeStackThread()

    /// The stack size of the thread: 512 MB.
    static let stackSize = 512 << 20

    private let condition = NSCondition()
    /// The work waiting to run, guarded by `condition`.
    private var pending: (() -> Void)?
    private var started = false

    private init() {}

    /// Runs `body` on the thread and returns its result as soon as it is ready; then, while the
    /// caller goes on, runs the clean-up `body` returned (freeing what the result was made
    /// from), and last calls `finished`.
    ///
    /// - Parameters:
    ///   - body: the work and its clean-up; it runs once, on the thread, while the caller waits.
    ///   - finished: called on the thread after the clean-up, or at once if `body` never ran.
    /// - Returns: what `body` returned; `nil` only if it did not run.
    func run<Result>(
        _ body: () -> (result: Result, cleanUp: (@Sendable () -> Void)?), finished: @escaping @Sendable () -> Void
    ) -> Result? {
        withoutActuallyEscaping(body) { body in
            let box = Box(body)
            let done = DispatchSemaphore(value: 0)
            condition.lock()
            while pending != nil { condition.wait() }
            pending = {
                let cleanUp = box.run()
                done.signal()
                cleanUp?()
                finished()
            }
            if !started {
                started = true
                let thread = Thread { [self] in loop() }
                thread.stackSize = Self.stackSize
                thread.name = "graphviz"
                thread.start()
            }
            condition.broadcast()
            condition.unlock()
            done.wait()
            // The semaphore orders the write in `run()` before this read.
            return box.result
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while pending == nil { condition.wait() }
            let work = pending
            pending = nil
            condition.broadcast()
            condition.unlock()
            work?()
        }
    }

    /// The work and its result, handed between the two threads; the semaphore orders access.
    /// The box lets go of the work once it has run, before the caller resumes: the work must
    /// not outlive the call (its clean-up may).
    private final class Box<Result>: @unchecked Sendable {
        var body: (() -> (result: Result, cleanUp: (@Sendable () -> Void)?))?
        var result: Result?

        init(_ body: @escaping () -> (result: Result, cleanUp: (@Sendable () -> Void)?)) { self.body = body }

        func run() -> (@Sendable () -> Void)? {
            let outcome = body?()
            body = nil
            result = outcome?.result
            return outcome?.cleanUp
        }
    }
}
