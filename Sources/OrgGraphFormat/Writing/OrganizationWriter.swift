import OrgGraphCore

/// Writes an organization as YAML or JSON in the SPEC §1 format: fields in a fixed order,
/// every field that was read written back, so a conversion loads back to an equal organization.
public enum OrganizationWriter {
    /// The organization as text in `format`.
    ///
    /// - Complexity: O(size of the organization).
    public static func write(_ organization: Organization, as format: FileFormat) -> String {
        switch format {
        case .json: json(organization)
        case .yaml: yaml(organization)
        }
    }

    // MARK: JSON

    static func json(_ organization: Organization) -> String {
        var out = "{\n  \"\(TopField.orggraph.rawValue)\": \(organization.formatVersion)"
        if let title = organization.title { out += ",\n  \"\(TopField.title.rawValue)\": " + JSONText.quote(title) }
        if let rulebook = organization.rulebook {
            out += ",\n  \"\(TopField.rulebook.rawValue)\": " + JSONText.quote(rulebook)
        }
        func list(_ field: TopField, _ items: [String]) {
            out += ",\n  \"\(field.rawValue)\": ["
            if items.isEmpty {
                out += "]"
                return
            }
            out += "\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        }
        list(.nodes, organization.nodes.map { JSONText.object(fields(of: $0).map { ($0, jsonValue($1)) }) })
        list(
            .relations, organization.relations.map { JSONText.object(fields(of: $0).map { ($0, jsonValue($1)) }) })
        if !organization.suppressions.isEmpty {
            list(
                .suppressions,
                organization.suppressions.map { JSONText.object(fields(of: $0).map { ($0, jsonValue($1)) }) })
        }
        out += "\n}\n"
        return out
    }

    private static func jsonValue(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): JSONText.quote(text)
        case .list(let items): JSONText.array(items.map(JSONText.quote))
        case .map(let pairs): JSONText.object(pairs.map { ($0.key, JSONText.quote($0.value)) })
        }
    }

    // MARK: YAML

    static func yaml(_ organization: Organization) -> String {
        var out = "\(TopField.orggraph.rawValue): \(organization.formatVersion)\n"
        if let title = organization.title { out += "\(TopField.title.rawValue): " + YAMLText.scalar(title) + "\n" }
        if let rulebook = organization.rulebook {
            out += "\(TopField.rulebook.rawValue): " + YAMLText.scalar(rulebook) + "\n"
        }
        out += TopField.nodes.rawValue + (organization.nodes.isEmpty ? ": []\n" : ":\n")
        for node in organization.nodes { out += blockMapping(fields(of: node)) }
        out += TopField.relations.rawValue + (organization.relations.isEmpty ? ": []\n" : ":\n")
        for relation in organization.relations {
            out += "  - {" + fields(of: relation).map { $0 + ": " + yamlValue($1) }.joined(separator: ", ") + "}\n"
        }
        if !organization.suppressions.isEmpty {
            out += TopField.suppressions.rawValue + ":\n"
            for suppression in organization.suppressions { out += blockMapping(fields(of: suppression)) }
        }
        return out
    }

    /// A list element that is a block mapping, one field a line.
    private static func blockMapping(_ fields: [(String, FieldValue)]) -> String {
        var out = ""
        for (position, (key, value)) in fields.enumerated() {
            out += (position == 0 ? "  - " : "    ") + key + ": " + yamlValue(value) + "\n"
        }
        return out
    }

    private static func yamlValue(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): YAMLText.scalar(text)
        case .list(let items): "[" + items.map(YAMLText.scalar).joined(separator: ", ") + "]"
        case .map(let pairs):
            "{" + pairs.map { YAMLText.scalar($0.key) + ": " + YAMLText.scalar($0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    // MARK: Fields

    private enum FieldValue {
        case text(String)
        case list([String])
        case map([Attribute])
    }

    /// The fields of a node that have a value, in the schema's order.
    private static func fields(of node: Node) -> [(String, FieldValue)] {
        NodeField.fields.compactMap { field -> (String, FieldValue)? in
            let value: FieldValue? =
                switch field {
                case .id: .text(node.id)
                case .kind: .text(node.kind.rawValue)
                case .name: node.name.map(FieldValue.text)
                case .level: node.level.map { .text($0.rawValue) }
                case .sector: node.sector.map(FieldValue.text)
                case .partOf: node.partOf.map(FieldValue.text)
                case .note: node.note.map(FieldValue.text)
                case .attributes: node.attributes.isEmpty ? nil : .map(node.attributes)
                }
            return value.map { (field.rawValue, $0) }
        }
    }

    /// The fields of a relation that have a value, in the schema's order.
    private static func fields(of relation: Relation) -> [(String, FieldValue)] {
        RelationField.fields.compactMap { field -> (String, FieldValue)? in
            let value: FieldValue? =
                switch field {
                case .type: .text(relation.type.rawValue)
                case .from: .text(relation.from)
                case .to: .text(relation.to)
                case .period: relation.period.map { .list($0.map(\.rawValue)) }
                case .basis: relation.basis.map { .text($0.rawValue) }
                case .note: relation.note.map(FieldValue.text)
                case .attributes: relation.attributes.isEmpty ? nil : .map(relation.attributes)
                }
            return value.map { (field.rawValue, $0) }
        }
    }

    /// The fields of a suppression, in the schema's order.
    private static func fields(of suppression: Suppression) -> [(String, FieldValue)] {
        SuppressionField.fields.map { field in
            switch field {
            case .rule: (field.rawValue, .text(suppression.rule))
            case .node: (field.rawValue, .text(suppression.node))
            case .reason: (field.rawValue, .text(suppression.reason))
            }
        }
    }
}

/// YAML scalars that read back as the same text, in flow and block context alike.
package enum YAMLText {
    /// `text` plain when that is safe, else double-quoted with escapes.
    package static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " { return false }
        for scalar in text.unicodeScalars {
            if ",[]{}#:\"'\\".unicodeScalars.contains(scalar) { return false }
            if !isPrintable(scalar) || scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
            if scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 { return false }
        }
        // Words and numbers another YAML reader would take for something else than text
        // (`<<` is YAML 1.1's merge key, `=` its value key).
        let lower = text.lowercased()
        if [
            "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
            "<<", "=",
        ].contains(lower) {
            return false
        }
        // Numbers, dates, times and sexagesimals: only digits and number punctuation.
        let numeric = "0123456789.-+_:eE".unicodeScalars
        if text.unicodeScalars.allSatisfy({ numeric.contains($0) }) { return false }
        // Hexadecimal, octal and binary integers: 0x1F, 0o17, 0b101 (and signed).
        let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? lower.dropFirst() : Substring(lower)
        if unsigned.hasPrefix("0x") || unsigned.hasPrefix("0o") || unsigned.hasPrefix("0b") { return false }
        return true
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            scalar.value != 0xFEFF
        default: false
        }
    }

    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isPrintable(scalar) && scalar.value != 0x85 && scalar.value != 0x2028 && scalar.value != 0x2029 {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return result + "\""
    }
}
