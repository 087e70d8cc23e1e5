import Foundation
import TestSupport
import Testing

/// The bad-input catalog, end to end: every kind of broken or hostile organization file run
/// through the built `orggraph`, as a user meets it. Each file either loads (exit 0) or stops
/// with exit status 2 and a located diagnostic on standard error, within a bounded time and
/// memory, never with a crash, a hang or a half-written output file.
///
/// The cases run one at a time, so that the large ones never hold their memory together and
/// each one's time is its own. `LoaderDiagnosticTests` asserts the diagnostics whole.
@Suite("Bad-input catalog", .serialized)
struct BadInputCatalogTests {

    @Test(
        "Each file loads, or stops with exit 2 and a located message, within bounded time and memory",
        arguments: CatalogCase.all)
    func catalog(_ test: CatalogCase) throws {
        let folder = try temporaryFolder("orggraph-catalog")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try test.write(in: folder)
        let file = test.standardInput ? "-" : written
        let run = try orggraph(
            ["validate"] + test.options + [file], input: test.standardInput ? .file(written) : .none,
            measure: true, deadline: max(30, 3 * test.bounds.seconds))

        #expect(!run.timedOut, "still running after \(run.seconds) s")
        #expect(!run.crashed, "crashed: signal \(run.signal.map(String.init) ?? "none")\n\(run.err)")
        #expect(run.status == test.status, "\(run.err)")
        #expect(run.seconds < test.bounds.seconds, "took \(run.seconds) s")
        #expect(run.megabytes < test.bounds.megabytes, "peak memory \(run.megabytes) MB")
        // Twenty diagnostics, each with a window of its line: never the file back.
        #expect(run.err.utf8.count < 16_384, "\(run.err.utf8.count) bytes on standard error")
        if test.status == 0 {
            #expect(run.out == "no findings in 1 file\n")
            #expect(run.err.isEmpty)
        } else {
            #expect(run.out.isEmpty, "a file that cannot be loaded gives no partial result")
        }
        Self.expectLines(test.expected, in: run.err, file: file)
        for secret in test.forbidden {
            #expect(!run.err.contains(secret), "standard error quotes \(secret):\n\(run.err)")
        }
        // A quoted line is one line, a window of at most 100 characters and the ellipses.
        for line in run.err.split(separator: "\n") where !line.contains(": error: ") && !line.contains(": note: ") {
            #expect(line.unicodeScalars.count <= 200, "a quoted line of \(line.unicodeScalars.count) characters")
        }
    }

    /// Expects each of `expected` on its own line of `err`, in order.
    static func expectLines(_ expected: [CatalogCase.Expected], in err: String, file: String) {
        let lines = err.split(separator: "\n", omittingEmptySubsequences: false)
        var from = 0
        for item in expected {
            let prefix = item.place.map { $0.isEmpty ? "\(file): error: " : "\(file):\($0): error: " } ?? ""
            let found = lines[from...].firstIndex { $0.hasPrefix(prefix) && $0.contains(item.message) }
            #expect(found != nil, "no line \(prefix)…\(item.message)… in order in:\n\(err)")
            if let found { from = found + 1 }
        }
    }

    // MARK: Output files

    /// A command that writes a file, and the extension of the file.
    struct WritingCommand: Sendable, CustomTestStringConvertible {
        var name: String
        var pathExtension: String
        /// The command line for an input file and an output file.
        var arguments: @Sendable (_ input: String, _ output: String) -> [String]

        var testDescription: String { name }
    }

    static let writingCommands = [
        WritingCommand(name: "convert", pathExtension: "json") { ["convert", $0, "-o", $1] },
        WritingCommand(name: "validate --format sarif", pathExtension: "sarif") {
            ["validate", $0, "--format", "sarif", "-o", $1]
        },
        WritingCommand(name: "render", pathExtension: "svg") { ["render", $0, "-o", $1] },
    ]

    /// Bad files of every family, small ones: what is written is decided before size matters.
    static let outputCases = CatalogCase.all.filter { test in
        let files = [
            "empty.json", "cut-mapping.yaml", "cut-string.json", "wrong-types.yaml", "wrong-everywhere.json",
            "laughs.yaml", "deep-lists.json", "nul-token.json", "utf16.yaml", "crlf-error.yaml", "nfd-error.json",
            "long-id.yaml",
        ]
        return files.contains(test.file) && !test.standardInput && test.options.isEmpty
    }

    @Test(
        "A command that writes a file writes none for a bad input, and leaves one already there as it was",
        arguments: outputCases, writingCommands)
    func noHalfWrittenOutput(_ test: CatalogCase, command: WritingCommand) throws {
        let (name, pathExtension, arguments) = (command.name, command.pathExtension, command.arguments)
        let folder = try temporaryFolder("orggraph-catalog")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try test.write(in: folder)
        let output = folder.appendingPathComponent("out.\(pathExtension)")

        let first = try orggraph(arguments(input, output.path), measure: true, deadline: 30)
        #expect(first.status == 2, "\(name): \(first.err)")
        #expect(!first.crashed)
        Self.expectLines(Array(test.expected.prefix(1)), in: first.err, file: input)
        #expect(!FileManager.default.fileExists(atPath: output.path), "\(name) wrote \(output.lastPathComponent)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == [test.file],
            "\(name) left a file behind")

        let earlier = Data("an earlier \(pathExtension) file, not to be touched\n".utf8)
        try earlier.write(to: output)
        let second = try orggraph(arguments(input, output.path), measure: true, deadline: 30)
        #expect(second.status == 2, "\(name): \(second.err)")
        #expect(try Data(contentsOf: output) == earlier, "\(name) changed \(output.lastPathComponent)")
        #expect(
            try Set(FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                test.file, output.lastPathComponent,
            ])
    }
}
