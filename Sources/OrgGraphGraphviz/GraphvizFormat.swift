/// A format Graphviz renders a laid-out chart to.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    case svg
    case png
    case pdf

    /// The Graphviz output format: SVG from the core plugin (as `dot -Tsvg`), PNG and PDF
    /// through cairo.
    var device: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        }
    }

    /// The resolution of bitmap output, in dots per inch; `nil` keeps Graphviz's default.
    var dpi: String? {
        self == .png ? "110" : nil
    }
}
