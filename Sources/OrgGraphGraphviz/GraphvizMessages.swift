internal import CGraphviz
import Foundation

/// Graphviz's error and warning messages, captured instead of printed.
///
/// Graphviz hands messages to the function given to `agseterrf` in pieces (`Error`, `: `, then
/// the text), and `agerrors()` stays set until `agreseterrors()`. Every access happens with
/// ``GraphvizSession``'s lock held, which is what makes the shared buffer safe.
enum GraphvizMessages {
    /// The text received since the last ``reset()``.
    nonisolated(unsafe) private static var received = ""

    /// The function Graphviz calls with each piece of a message.
    static let handler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { piece in
        if let piece { GraphvizMessages.received += String(cString: piece) }
        return 0
    }

    /// Routes Graphviz's messages here from now on.
    static func install() {
        _ = agseterrf(handler)
    }

    /// Lines printed to standard error since the last ``reset()``, when it is captured.
    nonisolated(unsafe) private(set) static var printed: [String] = []

    /// Forgets earlier messages and Graphviz's error state.
    static func reset() {
        received = ""
        printed = []
        _ = agreseterrors()
    }

    /// Keeps `text` printed to standard error as messages, one a line (without GLib's
    /// `(process:N): ` prefix).
    static func received(printed text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(line)
            if line.hasPrefix("(process:"), let end = line.range(of: "): ") { line = line[end.upperBound...] }
            let trimmed = String(line).trimmingSpaces
            if !trimmed.isEmpty { printed.append(trimmed) }
        }
    }

    /// Whether Graphviz reported an error since the last ``reset()``.
    static var hasError: Bool { agerrors() >= Int32(AGERR.rawValue) }

    /// The messages received, split into errors and warnings, without Graphviz's prefixes; the
    /// lines of a message after its first are kept after line breaks.
    static func collected() -> (errors: [String], warnings: [String]) {
        var errors: [String] = []
        var warnings: [String] = []
        var current: (isError: Bool, text: String)?
        func flush() {
            guard let message = current else { return }
            let text = message.text.trimmingSpaces
            if !text.isEmpty {
                if message.isError { errors.append(text) } else { warnings.append(text) }
            }
            current = nil
        }
        for line in received.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") {
                flush()
                current = (true, String(line.dropFirst(7)))
            } else if line.hasPrefix("Warning: ") {
                flush()
                current = (false, String(line.dropFirst(9)))
            } else if current != nil {
                current?.text += "\n" + line
            } else {
                current = (true, String(line))
            }
        }
        flush()
        return (errors, warnings)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
