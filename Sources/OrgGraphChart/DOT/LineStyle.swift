import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// How a line of one relation type is drawn: colour, dashes, arrowheads, and whether it takes
/// part in ranking.
///
/// Only containment and the lines of command (`part-of`, `leads`, `superior-of`, `manages`)
/// set the ranks, so the chart reads top-down as the regulation's hierarchy; reporting,
/// documents, invitations and the other working relationships are drawn with
/// `constraint=false` and never pull the ranks apart; they are drawn slightly transparent, so
/// the lines of command stand out where many lines cross.
struct LineStyle: Sendable, Hashable {
    var color: String
    var style: String
    var penwidth: String
    var arrowhead: String
    /// `back` draws the line from the second node to the first (used by `part-of`, drawn from
    /// the container down to the part); `none` draws a symmetric line.
    var dir: String?
    var arrowtail: String?
    /// Whether the line sets ranks.
    var ranks: Bool
    /// How strongly a ranking line is kept short and straight.
    var weight: String?

    /// The style of `type`.
    static func of(_ type: RelationType) -> LineStyle {
        switch type {
        case .partOf:
            LineStyle(
                color: ChartPalette.grey, style: "solid", penwidth: "1.0", arrowhead: "none", dir: "back",
                arrowtail: "odiamond", ranks: true, weight: "2")
        case .leads:
            LineStyle(color: "#B3261E", style: "solid", penwidth: "2.2", arrowhead: "normal", ranks: true, weight: "4")
        case .superiorOf:
            LineStyle(color: "#E07B00", style: "solid", penwidth: "2.2", arrowhead: "vee", ranks: true, weight: "3")
        case .directs:
            LineStyle(
                color: ChartPalette.direction + "D0", style: "solid", penwidth: "1.8", arrowhead: "onormal",
                ranks: false)
        case .manages:
            LineStyle(color: "#1F4E79", style: "solid", penwidth: "2.2", arrowhead: "normal", ranks: true, weight: "3")
        case .sendsDocuments:
            LineStyle(color: "#2E7D32C0", style: "dashed", penwidth: "1.2", arrowhead: "normal", ranks: false)
        case .invites:
            LineStyle(color: "#8E24AAC0", style: "dotted", penwidth: "1.6", arrowhead: "normal", ranks: false)
        case .reportsTo:
            LineStyle(color: "#00838FC0", style: "dashed", penwidth: "1.4", arrowhead: "normal", ranks: false)
        case .coordinatesWith:
            LineStyle(
                color: "#C77C02C0", style: "dashed", penwidth: "1.6", arrowhead: "none", dir: "none", ranks: false)
        case .informs:
            LineStyle(color: "#6D8B00C0", style: "dotted", penwidth: "1.6", arrowhead: "vee", ranks: false)
        case .escalatesTo:
            LineStyle(color: "#C2185BC0", style: "dashed", penwidth: "1.6", arrowhead: "veevee", ranks: false)
        case .accountableTo:
            LineStyle(color: "#6D4C41C0", style: "dotted", penwidth: "1.4", arrowhead: "empty", ranks: false)
        case .liaisesWith:
            LineStyle(color: "#546E7AC0", style: "dashed", penwidth: "1.2", arrowhead: "odot", ranks: false)
        }
    }
}
