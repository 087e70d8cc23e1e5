/// A located message about a file that could not be loaded, rendered the way compilers do:
/// `file:line:col: error: message`, then the source line and a caret under the column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case error
        case note
    }

    public var kind: Kind
    public var file: String
    public var location: SourceLocation
    public var message: String
    /// The text of the source line the location points into, without its line break.
    public var sourceLine: String?
    /// Further places that explain this one (the first definition of a duplicate id, say).
    public var notes: [Diagnostic]

    public init(
        _ kind: Kind = .error, file: String, location: SourceLocation, message: String,
        sourceLine: String? = nil, notes: [Diagnostic] = []
    ) {
        self.kind = kind
        self.file = file
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// The diagnostic and its notes as text, each with its source line and caret.
    public var description: String {
        var lines: [String] = []
        render(into: &lines)
        return lines.joined(separator: "\n")
    }

    private func render(into lines: inout [String]) {
        let place = location.isKnown ? "\(file):\(location.line):\(location.column)" : file
        lines.append("\(place): \(kind.rawValue): \(message)")
        if let sourceLine, location.isKnown {
            let (text, caret) = Self.snippet(sourceLine, column: Int(location.column))
            lines.append(text)
            lines.append(caret)
        }
        for note in notes { note.render(into: &lines) }
    }

    /// The widest part of a source line shown around the column.
    static let snippetWidth = 100

    /// A window of `line` around `column` (1-based, in Unicode scalars) and the caret line under it.
    static func snippet(_ line: String, column: Int) -> (text: String, caret: String) {
        let scalars = Array(line.unicodeScalars)
        let target = max(0, min(column - 1, scalars.count))
        var start = 0
        var end = scalars.count
        var prefix = ""
        var suffix = ""
        if scalars.count > snippetWidth {
            start = max(0, target - snippetWidth / 2)
            end = min(scalars.count, start + snippetWidth)
            if start > 0 { prefix = "…" }
            if end < scalars.count { suffix = "…" }
        }
        var text = String.UnicodeScalarView()
        var caret = String.UnicodeScalarView()
        for scalar in prefix.unicodeScalars {
            text.append(scalar)
            caret.append(" ")
        }
        for index in start..<end {
            let scalar = scalars[index]
            let printable = scalar.value < 0x20 && scalar != "\t" ? " " : scalar
            text.append(printable)
            if index < target {
                // Combining marks take no column on screen; tabs keep the caret aligned.
                if scalar.properties.canonicalCombiningClass != .notReordered { continue }
                caret.append(scalar == "\t" ? "\t" : " ")
            }
        }
        for scalar in suffix.unicodeScalars { text.append(scalar) }
        caret.append("^")
        return (String(text), String(caret))
    }
}

/// The error that stops a load: one or more located diagnostics.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// How many further errors were found and not listed.
    public var omitted: Int

    public init(_ diagnostics: [Diagnostic], omitted: Int = 0) {
        self.diagnostics = diagnostics
        self.omitted = omitted
    }

    public var description: String {
        var text = diagnostics.map(\.description).joined(separator: "\n")
        if omitted > 0 {
            text += "\n(\(omitted) more error\(omitted == 1 ? "" : "s") not shown)"
        }
        return text
    }
}
