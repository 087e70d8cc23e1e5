import Foundation

/// A JSON Schema (draft-04) validator for the keywords the SARIF 2.1.0 schema uses: `$ref` to
/// definitions, `type`, `properties`, `required`, `additionalProperties`, `items`, `minItems`,
/// `uniqueItems`, `minimum`, `maximum`, `enum`, `pattern`, `anyOf`, `oneOf`.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schema data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationFailure(problems: ["the schema is not an object"])
        }
        self.root = root
    }

    struct ValidationFailure: Error, CustomStringConvertible {
        var problems: [String]
        var description: String { problems.prefix(20).joined(separator: "\n") }
    }

    /// Every way `instance` departs from the schema, as `path: problem` lines.
    func problems(_ instance: Any) -> [String] {
        var found: [String] = []
        check(instance, against: root, at: "$", into: &found)
        return found
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/definitions/") else { return schema }
        let name = String(reference.dropFirst("#/definitions/".count))
        let definitions = root["definitions"] as? [String: Any]
        return resolve(definitions?[name] as? [String: Any] ?? [:])
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return "boolean" }
            return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    private func check(_ value: Any, against raw: [String: Any], at path: String, into found: inout [String]) {
        let schema = resolve(raw)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            let actual = typeName(value)
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                found.append("\(path): expected \(allowed.joined(separator: "|")), found \(actual)")
                return
            }
        }
        if let options = schema["enum"] as? [Any] {
            if !options.contains(where: { ($0 as? NSObject)?.isEqual(value) ?? false }) {
                found.append("\(path): \(value) is not one of \(options)")
            }
        }
        if let text = value as? String, let pattern = schema["pattern"] as? String,
            let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            found.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let number = value as? NSNumber, typeName(value) != "boolean" {
            if let minimum = schema["minimum"] as? NSNumber, number.doubleValue < minimum.doubleValue {
                found.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"] as? NSNumber, number.doubleValue > maximum.doubleValue {
                found.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                found.append("\(path): \(array.count) items, fewer than \(minimum)")
            }
            if schema["uniqueItems"] as? Bool == true {
                let texts = array.map {
                    (try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]))
                        ?? Data()
                }
                if Set(texts).count != texts.count { found.append("\(path): items are not unique") }
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() {
                    check(item, against: items, at: "\(path)[\(index)]", into: &found)
                }
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): missing required property '\(name)'")
            }
            for (name, item) in object {
                if let property = properties[name] as? [String: Any] {
                    check(item, against: property, at: "\(path).\(name)", into: &found)
                } else if let additional = schema["additionalProperties"] as? Bool, !additional {
                    found.append("\(path): property '\(name)' is not allowed")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(item, against: additional, at: "\(path).\(name)", into: &found)
                }
            }
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            let passing = options.filter { option in
                var sub: [String] = []
                check(value, against: option, at: path, into: &sub)
                return sub.isEmpty
            }
            if passing.isEmpty { found.append("\(path): matches none of anyOf") }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { option in
                var sub: [String] = []
                check(value, against: option, at: path, into: &sub)
                return sub.isEmpty
            }
            if passing.count != 1 { found.append("\(path): matches \(passing.count) of oneOf, not exactly one") }
        }
    }
}
