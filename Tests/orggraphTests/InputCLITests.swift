import Foundation
import TestSupport
import Testing

/// Reading inputs from the command line: `--pairs` answered as its lines arrive, the size limit
/// on every command, file names that are not UTF-8.
@Suite("Inputs")
struct InputCLITests {
    static let hospital = "Examples/hospital.yaml"

    @Test("path --pairs answers each line while the input is still open")
    func pairsStream() throws {
        // The next line goes in only once the answer to the one before is out, and the input is
        // closed only after both answers: each answer was written while the input was open.
        var sent = 0
        let run = try orggraph(["path", Self.hospital, "--pairs", "-"], input: .open, deadline: 40) { process in
            let answers = process.output.count(where: { $0 == UInt8(ascii: "\n") })
            if sent == 0 {
                process.write("chi-bo-khoa-noi tinh-uy\n")
                sent = 1
            } else if sent == 1, answers == 1 {
                process.write("tinh-uy tinh-uy\n")
                sent = 2
            } else if sent == 2, answers == 2 {
                process.closeInput()
                sent = 3
            }
        }
        #expect(!run.timedOut, "no answer while the input is open")
        #expect(sent == 3, "no second answer")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix(#"{"from": "chi-bo-khoa-noi", "to": "tinh-uy", "paths": [{"length": 2"#) == true)
        #expect(
            lines.dropFirst().first == #"{"from": "tinh-uy", "to": "tinh-uy", "paths": [{"length": 0, "steps": []}]}"#)
        #expect(lines.count == 3 && lines.last == "", "each answer ends its line")
        #expect(run.status == 0)
    }

    @Test("path --pairs stops at a line longer than 64 KiB, with its line number")
    func pairsLineLimit() throws {
        let zero = try orggraph(["path", Self.hospital, "--pairs", "/dev/zero"])
        #expect(zero.status == 2)
        #expect(zero.out.isEmpty)
        #expect(
            zero.err
                == "/dev/zero:1:1: error: the line is longer than the limit of 65536 bytes; each line is 'FROM TO', two ids\n"
        )

        let long = try orggraph(
            ["path", Self.hospital, "--pairs", "-"],
            input: .text("tinh-uy tinh-uy\n" + String(repeating: "a", count: 70_000) + " b\ntinh-uy tinh-uy\n"))
        #expect(long.status == 2)
        #expect(long.out.split(separator: "\n").count == 1, "the answer before the long line is written")
        #expect(
            long.err
                == "-:2:1: error: the line is longer than the limit of 65536 bytes; each line is 'FROM TO', two ids\n")

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
        let rules = try orggraph([
            "rules", "--rulebook", "Examples/rulebooks/two-tier-2025.yaml", "--max-input-bytes", "1K",
        ])
        #expect(rules.status == 2)
        #expect(
            rules.err
                == "Examples/rulebooks/two-tier-2025.yaml: error: the file is larger than the limit of 1024 bytes (--max-input-bytes)\n"
        )
    }

    @Test("A file name that is not UTF-8 opens the file it names")
    func fileNameBytes() throws {
        let folder = try temporaryFolder("orggraph-names")
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = packageRoot.appendingPathComponent(Self.hospital).path
        // Only the shell can spell the byte 0xFF in a name: Foundation's strings are Unicode.
        let run = try orggraph(
            [
                "-c", #"name=$(printf 'b\377nh-vi\351n.yaml'); cp "$1" "$name" && exec "$2" stats "$name""#, "sh",
                example,
                try orggraphExecutable().path,
            ],
            directory: folder, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("nodes"), "\(run.out)")
    }
}
