/// Graphviz could not parse, lay out or render a chart; carries what Graphviz said.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step that failed.
    public enum Stage: String, Sendable, Hashable {
        /// Loading the Graphviz plugins and making the context.
        case setup
        /// Reading the DOT text.
        case parse
        /// Laying the graph out.
        case layout
        /// Rendering to the output format.
        case render
    }

    public var stage: Stage
    /// Graphviz's error messages, one a line, without its `Error: ` prefix.
    public var messages: [String]

    public init(stage: Stage, messages: [String]) {
        self.stage = stage
        self.messages = messages
    }

    public var description: String {
        let what: String
        switch stage {
        case .setup: what = "Graphviz could not be set up"
        case .parse: what = "Graphviz could not read the chart"
        case .layout: what = "Graphviz could not lay out the chart"
        case .render: what = "Graphviz could not render the chart"
        }
        return messages.isEmpty ? what : what + ": " + messages.joined(separator: "; ")
    }
}
