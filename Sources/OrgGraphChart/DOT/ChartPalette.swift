import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The colours of a chart. The party side is red and gold, the state side blue: a reader tells
/// them apart before reading a label.
package enum ChartPalette {
    /// Party committees above the grassroots: the strongest party colour.
    static let partyRed = "#B3261E"
    static let partyRedDark = "#7A1712"
    static let partyRose = "#F6C3BC"
    static let partyBlush = "#FCE8E4"
    /// The committees beside the territorial ones: the bloc committee vermilion, the authority
    /// party committee (the party in the state apparatus) crimson-plum, the party agencies
    /// committee apricot.
    static let partyVermilion = "#D4553A"
    static let partyPlum = "#8E1B4D"
    static let partyPlumDark = "#5A0F30"
    static let partyApricot = "#F4A261"
    /// A unit's party organization: gold with a red border.
    static let partyGold = "#FFCF40"
    static let partyGoldLight = "#FFE9A6"
    static let partyCream = "#FFF6D6"

    /// `directs`: from the state side (and its party bodies) to a unit's party organization,
    /// between the party's red and the state's navy.
    static let direction = "#5B2A9E"

    /// People's Committees: the strongest state colour.
    static let stateNavy = "#1F4E79"
    static let stateBlue = "#B9D3EC"
    static let stateSky = "#DDEAF6"
    static let stateMist = "#F3F8FD"

    static let white = "#FFFFFF"
    static let ink = "#1A1A1A"
    static let grey = "#8C8C8C"
    static let legendFrame = "#9E9E9E"
    static let legendFill = "#FAFAFA"

    /// A unit's cluster, and the party organization's inner cluster.
    static let unitFrame = stateNavy
    static let unitFill = "#F4F8FC"
    static let partyFrame = "#C9736B"
    static let partyFill = "#FFF9F2"

    /// The highlighted path: a colour used for nothing else.
    package static let highlight = "#E6007E"

    /// The border of a node with findings, by the highest severity.
    package static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "#E53935"
        case .warning: "#F08C00"
        case .info: "#1E88E5"
        }
    }
}
