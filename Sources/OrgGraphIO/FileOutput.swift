import OrgGraphCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing results: standard output and standard error, each through one checked place, and
/// files through ``OutputTarget``.
///
/// Text for a person (every command's text output, every diagnostic) goes out through
/// ``TerminalText``: control and bidirectional characters are shown as escapes, line breaks
/// kept. Data (JSON, YAML, SARIF, Markdown, charts) is written byte for byte.
package enum FileOutput {
    /// Writes text for a person to standard output.
    package static func standardOutput(_ text: String) {
        standardOutput(bytes: Array(TerminalText.escaped(text, lineBreaks: .kept).utf8))
    }

    /// Writes data (JSON, Markdown, a chart) to standard output, byte for byte.
    package static func standardOutput(data text: String) {
        standardOutput(bytes: Array(text.utf8))
    }

    /// Writes `bytes` to standard output, checking every write. A failed or short write ends
    /// the run with exit status 2 and a message; a reader that went away (EPIPE: `| head -1`)
    /// ends it quietly with status 141, as a Unix tool killed by SIGPIPE.
    package static func standardOutput(bytes: [UInt8]) {
        guard let error = OutputTarget.writeAll(bytes, to: STDOUT_FILENO) else { return }
        TemporaryFiles.removeAll()
        if error == EPIPE { exit(128 + SIGPIPE) }
        standardError("error: cannot write to standard output: \(OutputTarget.reason(error))\n")
        exit(2)
    }

    /// Writes a diagnostic for a person to standard error; a failure there has nowhere to be told.
    package static func standardError(_ text: String) {
        ProgressLine.clearActive()
        _ = OutputTarget.writeAll(Array(TerminalText.escaped(text, lineBreaks: .kept).utf8), to: STDERR_FILENO)
    }
}
