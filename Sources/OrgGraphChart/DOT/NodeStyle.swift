import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// How a node of one kind is drawn. Party bodies have rounded corners and red or gold fills;
/// state bodies square corners and blue fills; people (secretaries, heads, chairs) are ellipses.
struct NodeStyle: Sendable, Hashable {
    var shape: String
    var style: String
    var fill: String
    var border: String
    var font: String
    var penwidth: String
    /// Characters per line before a name wraps.
    var wrapWidth: Int

    /// The style of `kind`.
    static func of(_ kind: NodeKind) -> NodeStyle {
        typealias P = ChartPalette
        switch kind {
        case .provincialPartyCommittee, .districtPartyCommittee, .communePartyCommittee, .superiorPartyCommittee:
            return party(fill: P.partyRed, border: P.partyRedDark, font: P.white, penwidth: "1.6")
        case .blocPartyCommittee:
            return party(fill: P.partyVermilion, border: P.partyRedDark, font: P.white, penwidth: "1.6")
        case .authorityPartyCommittee:
            return party(fill: P.partyPlum, border: P.partyPlumDark, font: P.white, penwidth: "1.6")
        case .partyAgenciesCommittee:
            return party(fill: P.partyApricot, border: P.partyRedDark, penwidth: "1.6")
        case .standingCommittee, .standingBoard:
            return party(fill: P.partyRose, border: P.partyRed, penwidth: "1.2")
        case .advisoryAgency, .partyCadresCommittee:
            return party(fill: P.partyBlush, border: P.partyRed, penwidth: "1.0")
        case .unitPartyCommittee, .grassrootsCell:
            return party(fill: P.partyGold, border: P.partyRed, penwidth: "1.8")
        case .partialPartyCommittee:
            return party(fill: P.partyGoldLight, border: P.partyRed, penwidth: "1.2")
        case .subordinateCell:
            return party(fill: P.partyCream, border: P.partyRed, penwidth: "1.0")
        case .partySecretary:
            return person(border: P.partyRed, fill: P.white)
        case .peoplesCommittee:
            return state(fill: P.stateNavy, border: P.stateNavy, font: P.white, penwidth: "1.6")
        case .managingAgency:
            return state(fill: P.stateBlue, border: P.stateNavy, penwidth: "1.2")
        case .publicServiceUnit:
            var style = state(fill: P.stateSky, border: P.stateNavy, penwidth: "1.6")
            style.wrapWidth = 26
            return style
        case .managementBoard, .schoolCouncil:
            return state(fill: P.stateMist, border: P.stateNavy, penwidth: "1.0")
        case .unitHead, .boardChair:
            return person(border: P.stateNavy, fill: P.white)
        }
    }

    private static func party(fill: String, border: String, font: String = ChartPalette.ink, penwidth: String)
        -> NodeStyle
    {
        NodeStyle(
            shape: "box", style: "rounded,filled", fill: fill, border: border, font: font, penwidth: penwidth,
            wrapWidth: 20)
    }

    private static func state(fill: String, border: String, font: String = ChartPalette.ink, penwidth: String)
        -> NodeStyle
    {
        NodeStyle(
            shape: "box", style: "filled", fill: fill, border: border, font: font, penwidth: penwidth, wrapWidth: 20)
    }

    private static func person(border: String, fill: String) -> NodeStyle {
        NodeStyle(
            shape: "ellipse", style: "filled", fill: fill, border: border, font: ChartPalette.ink, penwidth: "1.2",
            wrapWidth: 20)
    }
}
