import Foundation
import Testing

/// Reading inputs from the command line: `--pairs` answered as its lines arrive, the size limit
/// on every command, file names that are not UTF-8.
@Suite("Inputs")
struct InputCLITests {
    static let hospital = "Examples/hospital.yaml"

    /// Reads what `handle` has next, or `nil` after `seconds` with nothing.
    static func next(_ handle: FileHandle, within seconds: Double) -> Data? {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.data = handle.availableData
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.data : nil
    }

    private final class Box: @unchecked Sendable {
        var data: Data?
    }

    @Test("path --pairs answers each line while the input is still open")
    func pairsStream() throws {
        let process = Process()
        process.executableURL = try orggraphExecutable()
        process.arguments = ["path", Self.hospital, "--pairs", "-"]
        process.currentDirectoryURL = packageRoot
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        input.fileHandleForWriting.write(Data("chi-bo-khoa-noi tinh-uy\n".utf8))
        let first = try #require(Self.next(output.fileHandleForReading, within: 20), "no answer while the input is open")
        #expect(String(decoding: first, as: UTF8.self).hasPrefix(#"{"from": "chi-bo-khoa-noi", "to": "tinh-uy", "paths": [{"length": 2"#))
        #expect(first.last == UInt8(ascii: "\n"))

        input.fileHandleForWriting.write(Data("tinh-uy tinh-uy\n".utf8))
        let second = try #require(Self.next(output.fileHandleForReading, within: 20), "no second answer")
        #expect(
            String(decoding: second, as: UTF8.self)
                == #"{"from": "tinh-uy", "to": "tinh-uy", "paths": [{"length": 0, "steps": []}]}"# + "\n")
        #expect(process.isRunning)

        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("path --pairs stops at a line longer than 64 KiB, with its line number")
    func pairsLineLimit() throws {
        let zero = try orggraph(["path", Self.hospital, "--pairs", "/dev/zero"])
        #expect(zero.status == 2)
        #expect(zero.out.isEmpty)
        #expect(zero.err == "/dev/zero:1:1: error: the line is longer than the limit of 65536 bytes; each line is 'FROM TO', two ids\n")

        let long = try orggraph(
            ["path", Self.hospital, "--pairs", "-"],
            input: "tinh-uy tinh-uy\n" + String(repeating: "a", count: 70_000) + " b\ntinh-uy tinh-uy\n")
        #expect(long.status == 2)
        #expect(long.out.split(separator: "\n").count == 1, "the answer before the long line is written")
        #expect(long.err == "-:2:1: error: the line is longer than the limit of 65536 bytes; each line is 'FROM TO', two ids\n")

        let folder = try orggraph(["path", Self.hospital, "--pairs", "Examples"])
        #expect(folder.status == 2)
        #expect(folder.err == "Examples: error: cannot read the file: it is a directory\n")
    }

    @Test("--max-input-bytes is on every command that reads, with K, M and G")
    func maximumInputBytes() throws {
        let size = try Data(contentsOf: packageRoot.appendingPathComponent(Self.hospital)).count
        let message = "\(Self.hospital): error: the file is larger than the limit of 1024 bytes (--max-input-bytes)\n"
        let commands: [[String]] = [
            ["validate", Self.hospital], ["stats", Self.hospital], ["query", Self.hospital, "tinh-uy", "leads"],
            ["path", Self.hospital, "tinh-uy", "tinh-uy"], ["chain", Self.hospital, "tinh-uy"],
            ["common", Self.hospital, "tinh-uy", "tinh-uy"], ["convert", Self.hospital, "-o", "-", "--to", "json"],
            ["render", Self.hospital, "-o", "-", "--format", "dot"], ["impact", Self.hospital, "--remove", "tinh-uy"],
        ]
        for command in commands {
            let run = try orggraph(command + ["--max-input-bytes", "1K"])
            #expect(run.status == 2, "\(command[0])")
            #expect(run.err == message, "\(command[0])")
            #expect(run.out.isEmpty, "\(command[0])")
        }
        #expect(try orggraph(["stats", Self.hospital, "--max-input-bytes", "\(size)"]).status == 0)
        #expect(try orggraph(["stats", Self.hospital, "--max-input-bytes", "\(size - 1)"]).status == 2)
        #expect(try orggraph(["stats", Self.hospital, "--max-input-bytes", "10M"]).status == 0)
        #expect(try orggraph(["stats", Self.hospital, "--max-input-bytes", "2G"]).status == 0)
        for bad in ["0", "-1", "1X", "K", "99999999999999999999G"] {
            #expect(try orggraph(["stats", Self.hospital, "--max-input-bytes", bad]).status == 2, "\(bad)")
        }
        let rules = try orggraph(["rules", "--rulebook", "Examples/rulebooks/two-tier-2025.yaml", "--max-input-bytes", "1K"])
        #expect(rules.status == 2)
        #expect(
            rules.err
                == "Examples/rulebooks/two-tier-2025.yaml: error: the file is larger than the limit of 1024 bytes (--max-input-bytes)\n")
    }

    @Test("A file name that is not UTF-8 opens the file it names")
    func fileNameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = packageRoot.appendingPathComponent(Self.hospital).path
        // Only the shell can spell the byte 0xFF in a name: Foundation's strings are Unicode.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", #"name=$(printf 'b\377nh-vi\351n.yaml'); cp "$1" "$name" && exec "$2" stats "$name""#, "sh", example,
            try orggraphExecutable().path,
        ]
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        #expect(text.contains("nodes"), "\(text)")
    }
}
