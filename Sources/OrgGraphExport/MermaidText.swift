/// Text from an organization file made into a quoted Mermaid label that cannot break out.
///
/// A label is written between double quotes, and every character outside a small safe set is
/// written as a Mermaid entity code: `#quot;` for `"`, `#NNN;` (the decimal code point) for
/// the rest. The safe set is letters and combining marks of any script, decimal digits, the
/// space, and `-` `.` `,` `_` `(` `)`; so quotes, brackets, braces, pipes, `<` `>` `&` (HTML),
/// `#` and `;` (entities, statement ends), `%` (comments, directives), `:` (styles), backticks
/// (Markdown strings), line breaks and every control character are codes. Nothing left in a
/// label can end the string, open a comment or a directive, or be read as HTML or Markdown;
/// Mermaid turns the codes back into the characters when it draws the label.
package enum MermaidText {
    /// `text` as a quoted label, quotes included.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        let scalars = text.unicodeScalars
        let last = scalars.count - 1
        for (offset, scalar) in scalars.enumerated() {
            // Spaces at the ends as codes too, or Mermaid would trim them.
            let end = offset == 0 || offset == last
            if isSafe(scalar), !(end && scalar == " ") {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\"" {
                result += "#quot;"
            } else {
                result += "#\(scalar.value);"
            }
        }
        return result + "\""
    }

    /// Whether `scalar` is written as itself in a label.
    package static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "-", ".", ",", "_", "(", ")": return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
