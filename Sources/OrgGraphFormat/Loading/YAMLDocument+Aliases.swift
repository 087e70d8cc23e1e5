import OrgGraphCore
internal import Yams

extension YAMLDocument {
    /// Resolves every alias under `root` to the node anchored last before it, counting the
    /// values the document expands to.
    ///
    /// - Complexity: O(*n*) in the number of nodes composed (not expanded); iterative, so deep
    ///   nesting costs no stack.
    static func resolveAliases(
        _ root: Yams.Node, marker: Unicode.Scalar, budget: Int, marks: YAMLMarks
    ) throws(SyntaxError) -> [Position: Yams.Node] {
        enum Step {
            case enter(Yams.Node)
            case exit(Yams.Node, start: Int)
        }
        var anchors: [String: (node: Yams.Node, size: Int)] = [:]
        var targets: [Position: Yams.Node] = [:]
        var expanded = 0
        var steps: [Step] = [.enter(root)]
        func place(_ mark: Mark?) -> SourceLocation {
            mark.map { marks.location(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
        }
        while let step = steps.popLast() {
            switch step {
            case .enter(let node):
                let start = expanded
                switch node {
                case .scalar(let scalar)
                where scalar.style == .plain && scalar.string.unicodeScalars.first == marker:
                    let name = String(String.UnicodeScalarView(scalar.string.unicodeScalars.dropFirst()))
                    guard !name.isEmpty, name.unicodeScalars.allSatisfy(isAnchorCharacter) else {
                        throw SyntaxError(
                            message: YAMLWording.malformed(
                                "did not find expected alphabetic or numeric character",
                                context: "while scanning an alias"),
                            location: place(scalar.mark))
                    }
                    guard scalar.anchor == nil else {
                        throw SyntaxError(
                            message: LocalizedText(
                                en: "malformed YAML: an alias cannot have an anchor",
                                vi: "YAML sai cú pháp: bí danh (alias) không được có neo (anchor)"),
                            location: place(scalar.mark))
                    }
                    guard let target = anchors[name] else {
                        throw SyntaxError(
                            message: LocalizedText(
                                en: "malformed YAML: alias '*\(name)' to an undefined anchor",
                                vi: "YAML sai cú pháp: bí danh '*\(name)' trỏ tới một neo (anchor) chưa khai báo"),
                            location: place(scalar.mark))
                    }
                    expanded += target.size
                    if expanded > budget {
                        throw SyntaxError(
                            message: YAMLWording.aliasesExpand(past: budget), location: place(scalar.mark))
                    }
                    if let mark = scalar.mark {
                        targets[Position(line: mark.line, column: mark.column)] = target.node
                    }
                case .scalar, .alias:
                    expanded += 1
                    if let anchor = node.anchor { anchors[anchor.rawValue] = (node, 1) }
                case .sequence(let sequence):
                    expanded += 1
                    steps.append(.exit(node, start: start))
                    for element in sequence.reversed() { steps.append(.enter(element)) }
                case .mapping(let mapping):
                    expanded += 1
                    steps.append(.exit(node, start: start))
                    for pair in mapping.reversed() {
                        steps.append(.enter(pair.value))
                        steps.append(.enter(pair.key))
                    }
                }
            case .exit(let node, let start):
                // As Yams does, an anchor names its node from the end of the node on.
                if let anchor = node.anchor { anchors[anchor.rawValue] = (node, expanded - start) }
            }
        }
        return targets
    }

    /// The characters libyaml accepts in an anchor or alias name.
    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z", "-", "_": true
        default: false
        }
    }

    /// A private-use character that neither occurs in `bytes` nor can come out of an escape in it.
    ///
    /// - Complexity: O(*n*).
    static func unusedMarker(in bytes: [UInt8]) -> Unicode.Scalar? {
        var used = Set<UInt32>()
        let text = String(decoding: bytes, as: UTF8.self)
        for scalar in text.unicodeScalars
        where (0xE000...0xF8FF).contains(scalar.value) || scalar.value >= 0xF0000 {
            used.insert(scalar.value)
        }
        // `\uXXXX` and `\UXXXXXXXX` in double-quoted scalars (counted wherever they appear).
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] | 0x20 == UInt8(ascii: "u") else { continue }
            let count = bytes[index + 1] == UInt8(ascii: "u") ? 4 : 8
            let digits = bytes[(index + 2)...].prefix(count)
            if let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) { used.insert(value) }
        }
        for value in UInt32(0xE000)...0xF8FF where !used.contains(value) { return Unicode.Scalar(value) }
        for value in UInt32(0xF0000)...0xFFFFD where !used.contains(value) { return Unicode.Scalar(value) }
        return nil
    }
}
