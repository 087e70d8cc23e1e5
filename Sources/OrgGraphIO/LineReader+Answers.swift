/// What a line read by ``LineReader/answer(_:lineForm:_:)`` gets.
package enum LineAnswer {
    /// Nothing: a blank line or a comment.
    case skipped
    /// A line of output (with its line break), written with those before it.
    case output(String)
    /// An error message about the line, written located (`path:line:1: error: ...`) on
    /// standard error after the answers before it.
    case rejected(String)
}

extension LineReader {
    /// Answers each line of `path` (`-`: standard input) on standard output, as it is read:
    /// the answers are written before each wait for more input, so a program that writes a
    /// line and waits for its answer gets it.
    ///
    /// `lineForm` says what a line holds, in the message for a line past the limit.
    ///
    /// - Returns: whether any line was rejected.
    /// - Throws: ``ReportedFailure`` after a message when the file cannot be read on.
    package static func answer(
        _ path: String, lineForm: String, _ answer: (String) -> LineAnswer
    ) throws -> Bool {
        var lines: LineReader
        do {
            lines = try LineReader(path: path)
        } catch {
            FileOutput.standardError("\(path): error: \(error.message(limit: 0, lineForm: lineForm))\n")
            throw ReportedFailure()
        }
        defer { lines.finish() }
        var pending = BufferedOutput(data: true, lines: 4096)
        var rejected = false
        var number = 0
        while true {
            let bytes: ArraySlice<UInt8>
            do {
                guard let next = try lines.next(waiting: { pending.flush() }) else { break }
                bytes = next
            } catch {
                pending.flush()
                FileOutput.standardError(
                    "\(path):\(number + 1):1: error: \(error.message(limit: lines.limit, lineForm: lineForm))\n")
                throw ReportedFailure()
            }
            number += 1
            switch answer(String(decoding: bytes, as: UTF8.self)) {
            case .skipped: continue
            case .output(let text): pending.append(text)
            case .rejected(let message):
                pending.flush()
                FileOutput.standardError("\(path):\(number):1: error: \(message)\n")
                rejected = true
            }
        }
        pending.flush()
        return rejected
    }
}
