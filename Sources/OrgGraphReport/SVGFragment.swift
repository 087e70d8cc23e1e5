/// A chart's SVG, as Graphviz writes it, made ready to sit inside an HTML page: the XML
/// declaration, the document type and the comments left out; every `id` given a prefix, so the
/// charts of one page do not share ids; each node a keyboard-focusable button that names its
/// node (`data-node`) and says what it is (`aria-label`).
///
/// Graphviz escapes `<`, `>`, `&` and quotes in every text and attribute it writes, so a `<`
/// always opens a tag and a `>` always closes one: the fragment is read tag by tag.
struct SVGFragment {
    /// The markup to put in the page.
    private(set) var markup = ""

    /// - Parameters:
    ///   - svg: the SVG file Graphviz wrote.
    ///   - prefix: put before every `id`.
    ///   - label: what the chart is, for assistive technology.
    ///   - node: for the DOT name of a node (its `<title>`), the node's id, its name, and a label
    ///     saying what it is; `nil` for a name that is no node.
    /// - Complexity: O(*n*) in the length of `svg`.
    init(_ svg: [UInt8], prefix: String, label: String, node: (String) -> (id: String, name: String, label: String)?) {
        var pieces: [String] = []
        var position = 0
        var pendingNode: Int?
        var inNodeTitle = false
        let count = svg.count
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= count else { return nil }
            var index = start
            while index + needle.count <= count {
                if svg[index] == needle[0], svg[index..<index + needle.count].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
        guard let start = find(Array("<svg".utf8), from: 0) else { return }
        position = start
        while position < count {
            guard svg[position] == UInt8(ascii: "<") else {
                // Text up to the next tag, as Graphviz escaped it.
                let end = svg[position...].firstIndex(of: UInt8(ascii: "<")) ?? count
                let content = String(decoding: svg[position..<end], as: UTF8.self)
                if inNodeTitle, let open = pendingNode, let found = node(Self.unescaped(content)) {
                    pieces[open] +=
                        " tabindex=\"0\" role=\"button\" data-node=\"" + HTMLText.escaped(found.id)
                        + "\" data-name=\"" + HTMLText.escaped(found.name) + "\" aria-label=\""
                        + HTMLText.escaped(found.label) + "\""
                }
                pieces.append(content)
                position = end
                continue
            }
            if svg[position..<min(count, position + 4)].elementsEqual("<!--".utf8) {
                position = (find(Array("-->".utf8), from: position + 4).map { $0 + 3 }) ?? count
                continue
            }
            guard let end = svg[position...].firstIndex(of: UInt8(ascii: ">")) else { break }
            var tag = String(decoding: svg[position..<end], as: UTF8.self)
            let selfClosing = tag.hasSuffix("/")
            if selfClosing { tag.removeLast() }
            position = end + 1
            let name = tag.dropFirst().prefix { $0 != " " && $0 != "\n" }
            switch name {
            case "svg":
                tag += " class=\"chart-svg\" role=\"group\" aria-label=\"" + HTMLText.escaped(label) + "\""
            case "title":
                inNodeTitle = pendingNode != nil
            case "/title":
                inNodeTitle = false
                pendingNode = nil
            case "g":
                tag = tag.replacing(" id=\"", with: " id=\"" + prefix)
                if tag.contains("class=\"node\"") {
                    // The attributes of the node are added once its title names it.
                    pieces.append(tag)
                    pendingNode = pieces.count - 1
                    pieces.append(selfClosing ? "/>" : ">")
                    continue
                }
            default:
                break
            }
            pieces.append(tag + (selfClosing ? "/>" : ">"))
        }
        markup = pieces.joined() + "\n"
    }

    /// Text with the character references Graphviz writes (`&amp;`, `&lt;`, `&#45;`, `&#x2d;`)
    /// read back.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let scalar: Unicode.Scalar? =
                switch entity {
                case "amp": "&"
                case "lt": "<"
                case "gt": ">"
                case "quot": "\""
                case "apos": "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if entity.hasPrefix("#") {
                        UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                    } else {
                        nil
                    }
                }
            if let scalar {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
