internal import CGraphviz
import Dispatch

/// The one Graphviz context of the process, and the turn that every call into Graphviz takes.
///
/// libgvc 2.42 is not thread-safe even with one context per thread (its scanner, error state
/// and plugin tables are global; parallel renders crash), so calls are serialized here: a caller
/// takes the turn, its work runs on ``LargeStackThread``, and the turn passes on only after the
/// work's clean-up (freeing the graph and its layout), which runs once the caller has its result.
/// The context is made on first use with the plugins listed explicitly (``GraphvizPlugins``) and
/// kept for the life of the process.
final class GraphvizSession: @unchecked Sendable {
    /// The session of the process.
    static let shared = GraphvizSession()

    /// Held from the start of a piece of work to the end of its clean-up.
    private let turn = DispatchSemaphore(value: 1)
    /// The `GVC_t`, touched only while holding the turn.
    private var context: OpaquePointer?
    /// Why plugins are missing, touched only while holding the turn.
    private var missingPlugins: [String] = []
    /// Whether the plugin of the layouts other than dot was looked for, touched only in turn.
    private var addedOtherLayouts = false
    /// Whether standard error is captured during each piece of work, touched only in turn.
    private var capturesStandardError = false

    private init() {}

    /// Runs `body` with the context: in turn, on the large-stack thread, with Graphviz's
    /// messages captured and its error state reset beforehand.
    ///
    /// - Parameter capturing: whether standard error is captured while `body` runs, once
    ///   ``captureStandardError()`` was called; only for work the caller waits for.
    /// - Parameter body: the calls into Graphviz; it returns its result and, optionally, the
    ///   clean-up to run after the result is handed back (still in turn).
    /// - Returns: the result of `body`.
    /// - Throws: ``GraphvizError`` from `body`, or when the context cannot be made.
    func performThenCleanUp<T>(
        capturing: Bool = true,
        _ body: (OpaquePointer) throws(GraphvizError) -> (result: T, cleanUp: (@Sendable () -> Void)?)
    ) throws(GraphvizError) -> T {
        turn.wait()
        let turn = self.turn
        let outcome: Result<T, GraphvizError>? = LargeStackThread.shared.run(
            {
                do throws(GraphvizError) {
                    let context = try readyContext()
                    GraphvizMessages.reset()
                    let capture = capturing && capturesStandardError ? StandardErrorCapture() : nil
                    defer { if let capture { GraphvizMessages.received(printed: capture.finish()) } }
                    let (result, cleanUp) = try body(context)
                    return (.success(result), cleanUp)
                } catch {
                    return (.failure(error), nil)
                }
            }, finished: { turn.signal() })
        guard let outcome else { throw GraphvizError(stage: .setup, messages: ["the render thread did not run"]) }
        return try outcome.get()
    }

    /// From now on, captures what Graphviz's libraries print to standard error during each piece
    /// of work (``StandardErrorCapture``).
    func captureStandardError() {
        turn.wait()
        capturesStandardError = true
        turn.signal()
    }

    /// Runs `body` with the context, in turn, with nothing left to clean up afterwards.
    ///
    /// - Parameter capturing: whether standard error is captured meanwhile (when it is captured
    ///   at all); work that runs while the caller goes on, such as the warm-up, must not, since
    ///   the caller's own messages would be captured with Graphviz's.
    func perform<T>(capturing: Bool = true, _ body: (OpaquePointer) throws(GraphvizError) -> T) throws(GraphvizError)
        -> T
    {
        try performThenCleanUp(capturing: capturing) { context throws(GraphvizError) in (try body(context), nil) }
    }

    /// The error for a failed `stage`: Graphviz's messages, and missing plugins when Graphviz
    /// did not recognize a layout or format. Call in turn.
    func failure(_ stage: GraphvizError.Stage) -> GraphvizError {
        var messages = GraphvizMessages.collected().errors
        if messages.isEmpty { messages = GraphvizMessages.printed }
        if messages.isEmpty { messages = ["no reason given"] }
        if messages.contains(where: { $0.contains("not recognized") }) { messages += missingPlugins }
        return GraphvizError(stage: stage, messages: messages)
    }

    /// Adds the plugin of the layouts other than dot to the context, the first time one of them
    /// is asked for (it is large, and most charts use dot). Call in turn.
    func prepareLayout(_ engine: String, context: OpaquePointer) {
        guard engine != "dot", !addedOtherLayouts else { return }
        addedOtherLayouts = true
        if let library = GraphvizPlugins.library(GraphvizPlugins.otherLayouts) {
            gvAddLibrary(context, library.assumingMemoryBound(to: gvplugin_library_t.self))
        } else {
            missingPlugins.append(GraphvizPlugins.absence(GraphvizPlugins.otherLayouts))
        }
    }

    private func readyContext() throws(GraphvizError) -> OpaquePointer {
        if let context { return context }
        GraphvizMessages.install()
        GraphvizMessages.reset()
        let plugins = GraphvizPlugins.load()
        missingPlugins = plugins.missing
        guard let made = gvContextPlugins(plugins.table, 0) else {
            throw GraphvizError(stage: .setup, messages: GraphvizMessages.collected().errors + plugins.missing)
        }
        context = made
        return made
    }
}
