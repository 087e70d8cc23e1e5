import Foundation
import Testing

/// One entry of the bad-input catalog: a file, how it is made, and what `orggraph validate`
/// must do with it.
struct CatalogCase: Sendable, CustomTestStringConvertible {
    /// A line stderr must have: a diagnostic at `place` (`line:column`) whose message contains
    /// `message`; without a place, any line containing `message`.
    struct Expected: Sendable {
        var place: String?
        var message: String

        init(_ place: String?, _ message: String) {
            self.place = place
            self.message = message
        }
    }

    /// The most one run may take, for a debug build on a busy two-core machine.
    struct Bounds: Sendable {
        var seconds: Double
        var megabytes: Double

        /// A small file: the process's own start-up is most of it (about 25 MB, 0.1 s).
        static let small = Bounds(seconds: 5, megabytes: 64)
    }

    /// How the file is made.
    enum Input: Sendable {
        case text(String)
        case bytes([UInt8])
        /// Written at test time into the case's folder: files too large to keep in the repository.
        case generated(@Sendable (inout CatalogWriter) -> Void)
        /// A file that is already there (`/dev/zero`), given by its absolute path: nothing is written.
        case existing
    }

    var name: String
    /// The file's name; its extension selects the format.
    var file: String
    var input: Input
    /// The exit status of `orggraph validate`: 2 for a file that cannot be loaded, 0 for one
    /// that loads (and is clean under 125-QD/TW).
    var status: Int32 = 2
    /// What stderr must say, in this order.
    var expected: [Expected] = []
    var bounds = Bounds.small
    /// Whether the file is given on standard input (`orggraph validate -`).
    var standardInput = false
    /// Options given to `orggraph validate` before the file.
    var options: [String] = []
    /// Other files the case needs (a rulebook, a secret beside the folder, a symlink), made in
    /// the case's folder before its file is written.
    var setup: (@Sendable (URL) throws -> Void)?
    /// Texts that must not reach standard error: the content of a file the run must not quote.
    var forbidden: [String] = []
    /// The text of `rulebook.yaml`, written beside the file for its `rulebook:` to name.
    var rulebook: String?

    init(
        _ name: String, _ file: String, _ input: Input, status: Int32 = 2, _ expected: [Expected] = [],
        bounds: Bounds = .small, standardInput: Bool = false, options: [String] = [],
        forbidden: [String] = [], rulebook: String? = nil, setup: (@Sendable (URL) throws -> Void)? = nil
    ) {
        self.name = name
        self.file = file
        self.input = input
        self.status = status
        self.expected = expected
        self.bounds = bounds
        self.standardInput = standardInput
        self.options = options
        self.forbidden = forbidden
        self.setup = setup
        self.rulebook = rulebook
    }

    var testDescription: String { "\(name): \(file)" }

    /// Writes the case's file into `folder`.
    /// - Returns: its path.
    func write(in folder: URL) throws -> String {
        try setup?(folder)
        if case .existing = input { return file }
        let url = folder.appendingPathComponent(file)
        if let rulebook { try Data(rulebook.utf8).write(to: folder.appendingPathComponent("rulebook.yaml")) }
        switch input {
        case .existing: break
        case .text(let text): try Data(text.utf8).write(to: url)
        case .bytes(let bytes): try Data(bytes).write(to: url)
        case .generated(let make):
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: url.path)
            else { throw CocoaError(.fileWriteUnknown) }
            var writer = CatalogWriter(handle)
            make(&writer)
            try writer.close()
        }
        return url.path
    }
}

/// Writes a large file in chunks of a megabyte.
struct CatalogWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 21)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes `element` `count` times, with `separator` between.
    mutating func write(_ element: String, times count: Int, separator: String) {
        let batch = 1 << 14
        let chunk = Array(repeating: element, count: batch).joined(separator: separator)
        var left = count
        while left >= batch {
            write(chunk)
            left -= batch
            if left > 0 { write(separator) }
        }
        if left > 0 { write(Array(repeating: element, count: left).joined(separator: separator)) }
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        flush()
        try handle.close()
    }
}
