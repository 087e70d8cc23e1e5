import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The chart's look for writers that draw the same organization in another format (the yEd
/// GraphML and the Mermaid exports): how a node of each kind and a line of each type are drawn,
/// and which unit's frame each node stands in. One home for the palette; the exports never
/// repeat a colour.
package enum ChartLook {
    /// The outline of a node.
    package enum Shape: Sendable {
        /// Party bodies: rounded corners.
        case roundedBox
        /// State bodies: square corners.
        case box
        /// People: secretaries, heads, chairs.
        case ellipse
    }

    /// How a node of one kind is drawn.
    package struct NodeLook: Sendable, Hashable {
        package var shape: Shape
        /// Colours as `#RRGGBB`.
        package var fill: String
        package var border: String
        package var font: String
        /// The border's width in points, as text (`1.6`).
        package var borderWidth: String
        /// Characters per line before a name wraps.
        package var wrapWidth: Int
    }

    /// The dashes of a line.
    package enum Dash: Sendable {
        case solid, dashed, dotted
    }

    /// How a line of one relation type is drawn.
    package struct LineLook: Sendable, Hashable {
        /// `#RRGGBB`, without the chart's transparency.
        package var color: String
        package var dash: Dash
        package var width: String
        /// Graphviz's name of the arrowhead at the line's `to` end (`none` for none).
        package var head: String
        /// Graphviz's name of the mark at the line's `to` end when the chart draws the line
        /// backwards (`part-of`: the container's diamond), else `nil`.
        package var containerMark: String?
        /// Whether the relation is symmetric and drawn without arrows.
        package var symmetric: Bool
        /// Whether the line is one of the lines of command that rank the chart.
        package var ranks: Bool
    }

    /// The look of a node of `kind`.
    package static func node(_ kind: NodeKind) -> NodeLook {
        let style = NodeStyle.of(kind)
        let shape: Shape =
            style.shape == "ellipse" ? .ellipse : style.style.contains("rounded") ? .roundedBox : .box
        return NodeLook(
            shape: shape, fill: opaque(style.fill), border: opaque(style.border), font: opaque(style.font),
            borderWidth: style.penwidth, wrapWidth: style.wrapWidth)
    }

    /// The look of a line of `type`.
    package static func line(_ type: RelationType) -> LineLook {
        let style = LineStyle.of(type)
        let dash: Dash =
            switch style.style {
            case "dashed": .dashed
            case "dotted": .dotted
            default: .solid
            }
        return LineLook(
            color: opaque(style.color), dash: dash, width: style.penwidth, head: style.arrowhead,
            containerMark: style.dir == "back" ? style.arrowtail : nil, symmetric: style.dir == "none",
            ranks: style.ranks)
    }

    /// A name as the chart shows it: one clean line wrapped at the kind's width.
    ///
    /// - Complexity: O(*n*) in the length of `name`.
    package static func label(_ name: String, kind: NodeKind) -> [String] {
        LabelText.wrap(LabelText.clean(name), width: NodeStyle.of(kind).wrapWidth)
    }

    /// For each node, the public service unit whose frame it is drawn in (itself for a unit),
    /// or -1: the first unit up its `part-of` chain, as the chart finds it.
    ///
    /// - Complexity: O(*n* · *h*) for *n* nodes and containment height *h*.
    package static func unitFrames(_ graph: Graph) -> [Int32] {
        Chart.units(graph)
    }

    /// `#RRGGBB` from the chart's `#RRGGBB` or `#RRGGBBAA`.
    private static func opaque(_ color: String) -> String {
        String(color.prefix(7))
    }
}
