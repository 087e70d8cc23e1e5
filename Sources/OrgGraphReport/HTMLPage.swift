/// HTML text built element by element: tag and attribute names come from code, every value and
/// every text is escaped (``HTMLText``), and markup from elsewhere goes in only through
/// ``raw(_:)``.
struct HTMLPage {
    private(set) var text = ""

    init() {
        text.reserveCapacity(1 << 20)
    }

    /// `<tag a="v" ...>`.
    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(tag, attributes: attributes.map { ($0.key, $0.value) })
    }

    /// `<tag a="v" ...>`, the attributes in order.
    mutating func open(_ tag: String, attributes: [(String, String)]) {
        text += "<" + tag
        for (name, value) in attributes {
            text += " " + name + "=\"" + HTMLText.escaped(value) + "\""
        }
        text += ">"
    }

    /// `</tag>`.
    mutating func close(_ tag: String) {
        text += "</" + tag + ">"
        if [
            "section", "article", "header", "footer", "main", "nav", "table", "tr", "ul", "li", "figure", "html",
            "head", "body", "dl", "div", "details",
        ].contains(tag) {
            text += "\n"
        }
    }

    /// `<tag ...>text</tag>`, the text escaped.
    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: String) {
        open(tag, attributes)
        self.text(content)
        close(tag)
    }

    /// `<tag>text</tag>`, the text escaped.
    mutating func element(_ tag: String, _ content: String) {
        element(tag, [:], content)
    }

    /// Text, escaped.
    mutating func text(_ content: String) {
        text += HTMLText.escaped(content)
    }

    /// Markup written by this module (the stylesheet, the script, a chart's SVG as
    /// ``SVGFragment`` made it).
    mutating func raw(_ markup: String) {
        text += markup
    }
}
