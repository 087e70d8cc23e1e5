import OrgGraphCore

/// The formats other tools read that `orggraph convert` writes an organization in.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// GraphML, for yEd, Gephi, networkx and igraph (``GraphMLWriter``).
    case graphml
    /// node-link JSON, for networkx and d3 (``NodeLinkWriter``).
    case nodeLink = "node-link"
    /// A Mermaid flowchart, for Markdown (``MermaidWriter``).
    case mermaid

    /// The format a path names by its extension (`.graphml`; `.mmd`, `.mermaid` or `.md` for
    /// Mermaid), if any. node-link JSON has no extension of its own: `.json` is an organization
    /// file.
    public init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".graphml") {
            self = .graphml
        } else if lower.hasSuffix(".mmd") || lower.hasSuffix(".mermaid") || lower.hasSuffix(".md") {
            self = .mermaid
        } else {
            return nil
        }
    }

    /// What to add to a format's plain output.
    public struct Options: Sendable, Hashable {
        /// GraphML: add yEd's shapes, colours and labels.
        public var yed: Bool
        /// Mermaid: wrap the flowchart in a fenced ```` ```mermaid ```` block for a Markdown file.
        public var markdown: Bool

        public init(yed: Bool = false, markdown: Bool = false) {
            self.yed = yed
            self.markdown = markdown
        }
    }

    /// `loaded` in this format, the same bytes for the same organization, with a warning when
    /// a reader will refuse it (a Mermaid flowchart too large to draw).
    ///
    /// - Complexity: O(size of the organization).
    public func write(_ loaded: LoadedOrganization, options: Options = Options()) -> (text: String, warning: String?) {
        switch self {
        case .graphml: (GraphMLWriter.write(loaded.organization, yed: options.yed), nil)
        case .nodeLink: (NodeLinkWriter.write(loaded.organization), nil)
        case .mermaid: MermaidWriter.write(loaded, markdown: options.markdown)
        }
    }
}
