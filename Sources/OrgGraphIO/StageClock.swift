/// How long each stage of a command took, for `--timings`.
package struct StageClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private let start: ContinuousClock.Instant
    private var stages: [(name: String, duration: Duration)] = []

    package init() {
        start = clock.now
        last = start
    }

    /// Ends the stage `name` now.
    package mutating func mark(_ name: String) {
        let now = clock.now
        stages.append((name, now - last))
        last = now
    }

    /// `timings: load 3.1 ms, chart 6.0 ms, ..., total 280.4 ms`.
    package var summary: String {
        let parts = stages.map { "\($0.name) \(Self.milliseconds($0.duration))" }
        return "timings: " + (parts + ["total \(Self.milliseconds(last - start))"]).joined(separator: ", ")
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = (seconds * 10_000 + attoseconds / 100_000_000_000_000)  // in 0.1 ms
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}
