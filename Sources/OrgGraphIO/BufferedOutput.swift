/// Output to standard output gathered into bounded pieces: written when it holds `bytes`
/// bytes or `lines` appended pieces, and at ``flush()``, so a long answer costs bounded memory
/// and few writes.
package struct BufferedOutput {
    /// Whether the text is data written byte for byte (JSON), or text for a person, escaped.
    package let isData: Bool
    private let byteLimit: Int
    private let pieceLimit: Int
    private var pieces: [String] = []
    private var count = 0

    package init(data: Bool, bytes: Int = .max, lines: Int = .max) {
        isData = data
        byteLimit = bytes
        pieceLimit = lines
    }

    /// Adds `text`, writing what is gathered when a limit is reached.
    package mutating func append(_ text: String) {
        pieces.append(text)
        count += text.utf8.count
        if count >= byteLimit || pieces.count >= pieceLimit { flush() }
    }

    /// Writes what is gathered.
    package mutating func flush() {
        guard !pieces.isEmpty else { return }
        let text = pieces.joined()
        if isData { FileOutput.standardOutput(data: text) } else { FileOutput.standardOutput(text) }
        pieces.removeAll(keepingCapacity: true)
        count = 0
    }
}
