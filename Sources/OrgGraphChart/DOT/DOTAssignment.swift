import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// One attribute of a statement: a name from the allowlist and its value as Graphviz stores it
/// (not quoted; a label in escString form).
public struct DOTAssignment: Sendable, Hashable {
    public let attribute: DOTAttribute
    /// The value: written in code, or a label escaped for escString (``DOTText``).
    public let value: String

    /// A value written in code (a shape, a colour, a number).
    static func code(_ attribute: DOTAttribute, _ value: String) -> DOTAssignment {
        DOTAssignment(attribute: attribute, value: value)
    }

    /// A label of lines, each shown literally, joined by centred line breaks.
    static func label(_ lines: [String]) -> DOTAssignment {
        DOTAssignment(attribute: .label, value: DOTText.escStringValue(lines: lines))
    }
}
