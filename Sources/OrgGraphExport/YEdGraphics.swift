import OrgGraphChart
import OrgGraphCore

/// yEd's graphics for a node and an edge of the GraphML export: the chart's look
/// (``ChartLook``) in yEd's `ShapeNode` and `PolyLineEdge`.
enum YEdGraphics {
    /// Where the nodes stand when the file is opened, before a layout is run in yEd: a square
    /// grid in the order of the file, so no node hides another.
    struct Grid {
        let columns: Int

        init(count: Int) {
            var columns = 1
            while columns * columns < count { columns += 1 }
            self.columns = columns
        }

        func place(_ position: Int) -> (x: Int, y: Int) {
            ((position % columns) * 240, (position / columns) * 120)
        }
    }

    /// The `data` element with a node's shape, colours and label.
    static func node(_ node: Node, at place: (x: Int, y: Int)) -> String {
        let look = ChartLook.node(node.kind)
        let name = node.name.flatMap { $0.isEmpty ? nil : $0 } ?? node.id
        let lines = ChartLook.label(name, kind: node.kind)
        let longest = lines.map(\.count).max() ?? 0
        let width = max(60, longest * 7 + 20)
        let height = max(30, lines.count * 16 + 14)
        let shape =
            switch look.shape {
            case .roundedBox: "roundrectangle"
            case .box: "rectangle"
            case .ellipse: "ellipse"
            }
        var out = "      <data key=\"yn\"><y:ShapeNode>"
        out += "<y:Geometry height=\"\(height)\" width=\"\(width)\" x=\"\(place.x)\" y=\"\(place.y)\"/>"
        out += "<y:Fill color=\"\(look.fill)\" transparent=\"false\"/>"
        out += "<y:BorderStyle color=\"\(look.border)\" type=\"line\" width=\"\(look.borderWidth)\"/>"
        out += "<y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontFamily=\"Dialog\" fontSize=\"12\""
        out += " fontStyle=\"plain\" textColor=\"\(look.font)\" visible=\"true\">"
        out += XMLText.escape(lines.joined(separator: "\n")) + "</y:NodeLabel>"
        out += "<y:Shape type=\"\(shape)\"/></y:ShapeNode></data>\n"
        return out
    }

    /// The `data` element with an edge's colour, dashes and arrows.
    static func edge(_ type: RelationType) -> String {
        let look = ChartLook.line(type)
        let dash =
            switch look.dash {
            case .solid: "line"
            case .dashed: "dashed"
            case .dotted: "dotted"
            }
        let target = look.symmetric ? "none" : arrow(look.containerMark ?? look.head)
        var out = "      <data key=\"ye\"><y:PolyLineEdge>"
        out += "<y:LineStyle color=\"\(look.color)\" type=\"\(dash)\" width=\"\(look.width)\"/>"
        out += "<y:Arrows source=\"none\" target=\"\(target)\"/><y:BendStyle smoothed=\"false\"/>"
        out += "</y:PolyLineEdge></data>\n"
        return out
    }

    /// yEd's arrow for Graphviz's arrowhead name.
    private static func arrow(_ graphviz: String) -> String {
        switch graphviz {
        case "none": "none"
        case "vee", "veevee": "short"
        case "onormal", "empty": "white_delta"
        case "odot": "transparent_circle"
        case "odiamond": "white_diamond"
        default: "standard"
        }
    }
}
