/// The output formats of `render`: the DOT text itself, or what Graphviz renders from it.
public enum ChartFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The format a file name's extension names (`.gv` is DOT), or `nil`.
    public init?(path: String) {
        guard path != "-", let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let suffix = path[path.index(after: dot)...].lowercased()
        if suffix == "gv" {
            self = .dot
        } else {
            self.init(rawValue: suffix)
        }
    }

    /// What Graphviz renders, `nil` for DOT.
    public var graphviz: GraphvizFormat? {
        switch self {
        case .svg: .svg
        case .png: .png
        case .pdf: .pdf
        case .dot: nil
        }
    }

    /// Whether the output is binary (not for a terminal).
    public var isBinary: Bool { self == .png || self == .pdf }

    /// Where a chart goes without `-o`: beside the input, its extension replaced by the
    /// format's (`Examples/hospital.yaml` → `Examples/hospital.svg`); standard output for
    /// standard input.
    public static func defaultOutput(for input: String, format: ChartFormat) -> String {
        guard input != "-" else { return "-" }
        var stem = Substring(input)
        if let dot = input.lastIndex(of: "."), !input[dot...].contains("/"), dot != input.startIndex,
            input[input.index(before: dot)] != "/"
        {
            stem = input[..<dot]
        }
        let output = stem + "." + format.rawValue
        return output == input ? input + "." + format.rawValue : String(output)
    }
}
