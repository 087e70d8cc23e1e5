/// A Graphviz layout engine.
public enum GraphvizLayout: String, CaseIterable, Sendable {
    /// Hierarchical, top-down: the org chart.
    case dot
    /// Spring model, for small charts.
    case neato
    /// Force-directed, keeps clusters.
    case fdp
    /// Scalable force-directed, for large charts.
    case sfdp
    /// Circular.
    case circo
    /// Radial, around the first node.
    case twopi
}
