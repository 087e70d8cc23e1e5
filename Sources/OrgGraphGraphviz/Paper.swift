/// A sheet of paper a chart's pages are fitted to.
public struct Paper: Sendable, Hashable, CustomStringConvertible {
    /// The ISO 216 sizes offered.
    public enum Size: String, CaseIterable, Sendable {
        case a4, a3
    }

    public var size: Size
    /// Whether the sheet lies on its long side.
    public var landscape: Bool

    public init(_ size: Size, landscape: Bool = false) {
        self.size = size
        self.landscape = landscape
    }

    /// The width and height in points (1/72 inch): 210 × 297 mm for A4, 297 × 420 mm for A3.
    public var points: (width: Double, height: Double) {
        let (short, long) = size == .a4 ? (210.0, 297.0) : (297.0, 420.0)
        let (width, height) = landscape ? (long, short) : (short, long)
        return (width * Self.pointsPerMillimetre, height * Self.pointsPerMillimetre)
    }

    /// `A4`, `A3 landscape`.
    public var description: String { size.rawValue.uppercased() + (landscape ? " landscape" : "") }

    static let pointsPerMillimetre = 72.0 / 25.4
}
