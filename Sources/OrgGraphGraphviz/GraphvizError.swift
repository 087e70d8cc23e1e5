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
        guard let first = messages.first else { return what }
        var text = what + ": " + Self.oneLine(first)
        if messages.count > 1 { text += " (and \(messages.count - 1) more)" }
        if stage == .layout || stage == .render {
            text += "; draw part of it with --focus ID --depth N or --relations, or try another --layout"
        }
        return text
    }

    /// The most characters of one message that the description shows.
    static let messageLimit = 160

    /// The first line of `message`, with runs of white space and control characters as one
    /// space, cut after ``messageLimit`` characters (dot's `trouble in init_rank` lists every
    /// node on the lines after it).
    static func oneLine(_ message: String) -> String {
        let message = message.split(separator: "\n").first.map(String.init) ?? ""
        var result = ""
        var count = 0
        var pendingSpace = false
        for character in message {
            if character.isWhitespace
                || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                pendingSpace = !result.isEmpty
                continue
            }
            if count == messageLimit {
                result += " …"
                break
            }
            if pendingSpace {
                result += " "
                count += 1
                pendingSpace = false
            }
            result.append(character)
            count += 1
        }
        return result
    }
}
