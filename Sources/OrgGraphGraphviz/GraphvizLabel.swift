/// A label value as libgvc must be given it to draw the text exactly as written.
///
/// libgvc decodes character references in every plain label before it measures and draws it
/// (`&amp;` becomes `&`, `&#27;` an escape character, `&#xD800;` bytes that are not UTF-8), and
/// its SVG writer copies a decoded `&` that starts a reference unchanged. So each `&` is written
/// `&amp;`: libgvc decodes it back to the `&` of the name, and the SVG writer, seeing no
/// reference left, writes `&amp;`. U+FFFE and U+FFFF, which XML 1.0 cannot hold, are drawn as
/// U+FFFD, as the writer already draws control characters (``LabelText``).
///
/// Only the graph libgvc draws gets this form; the DOT text keeps the names as the writer
/// escapes them.
enum GraphvizLabel {
    /// `value` (a label in escString form) with `&` as `&amp;` and U+FFFE, U+FFFF as U+FFFD.
    ///
    /// - Complexity: O(*n*) in the length of `value`.
    static func drawable(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: needsRewrite) else { return value }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x26: result.append(contentsOf: "&amp;".unicodeScalars)
            case 0xFFFE, 0xFFFF: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsRewrite(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "&" || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
