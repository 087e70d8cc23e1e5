import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output: every write checked, a reader that goes away answered quietly, and text
/// for a person with its control characters shown as escapes. Reports after a load error.
@Suite("Standard output and reports", .serialized)
struct StandardStreamTests {
    static let writers: [[String]] = [
        ["stats", "Examples/hospital.yaml"],
        ["stats", "Examples/hospital.yaml", "--format", "json"],
        ["validate", "Examples/hospital.yaml"],
        ["validate", "Examples/hospital.yaml", "--format", "sarif"],
        ["convert", "Examples/hospital.yaml", "--to", "json", "-o", "-"],
        ["render", "Examples/hospital.yaml", "--format", "dot", "-o", "-"],
        ["query", "Examples/province.yaml", "tinh-uy", "leads+"],
    ]

    @Test(
        "A full device on standard output: exit 2 and a message",
        .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
        arguments: writers)
    func fullDevice(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try orggraph(arguments, output: full)
        #expect(result.status == 2)
        #expect(result.err == "error: cannot write to standard output: no space left on the device\n")
    }

    @Test("A reader that went away: the run stops quietly with status 141", arguments: writers)
    func closedPipe(_ arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try orggraph(arguments, output: pipe.fileHandleForWriting)
        #expect(result.status == 141)
        #expect(result.err.isEmpty)
    }

    @Test("Names with terminal controls are escaped in text output and kept in JSON")
    func escapes() throws {
        let name = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{202E}y\u{85}\u{7F}\nz"
        let file = try temporaryFile(
            """
            {"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-head", "name": \(Self.jsonString(name))}]}
            """, name: "controls.json")
        let text = try orggraph(["query", file, "a", "leads*"])
        #expect(text.status == 0)
        #expect(text.out == "a (x\\e]0;pwned\\x07\\e[2J\\r\\u{202E}y\\u{0085}\\x7F\\nz)  [unit-head]\n1 node\n")
        let json = try orggraph(["convert", file, "-o", "-", "--to", "json"])
        #expect(json.out.contains(Self.jsonString(name)))
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast()
            .description
    }

    @Test("A load error gives an errors list in JSON and an unsuccessful invocation in SARIF")
    func loadErrorReports() throws {
        let bad = try temporaryFile("orggraph: 1\nnodes:\n  - {id: a, kind: unit-hed}\n", name: "bad.yaml")
        let json = try orggraph(["validate", bad, "--format", "json"])
        #expect(json.status == 2)
        #expect(
            json.out.contains(
                "\"errors\": [{\"file\": \"\(bad)\", \"line\": 3, \"column\": 19, \"message\": \"unknown kind 'unit-hed'; did you mean 'unit-head'?\"}]"
            ))
        let sarif = try orggraph(["validate", bad, "--format", "sarif"])
        #expect(sarif.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(
            (notification["message"] as? [String: Any])?["text"] as? String
                == "unknown kind 'unit-hed'; did you mean 'unit-head'?")
        let clean = try orggraph(["validate", "Examples/hospital.yaml", "--format", "sarif"])
        #expect(clean.out.contains("\"invocations\": [{\"executionSuccessful\": true}]"))
    }

    @Test("SIGINT or SIGTERM during a long write leaves no temporary file", arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) throws {
        let folder = try temporaryFolder("orggraph-signal")
        defer { try? FileManager.default.removeItem(at: folder) }
        var caught = false
        for provinces in [2, 6, 12] where !caught {
            let arguments = [
                "generate", "--provinces", "\(provinces)", "--districts", "20", "--communes", "15", "-o",
                folder.appendingPathComponent("big.yaml").path,
            ]
            // Waits for the temporary file, then interrupts the run while it is there. The child
            // starts with no signal blocked and SIGINT and SIGTERM at their default action,
            // whatever the test runner's threads have.
            var sent = false
            let run = try orggraph(arguments) { process in
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                if !sent, names.contains(where: { $0.hasPrefix(".big.yaml.") }) {
                    process.signal(signal)
                    sent = true
                }
            }
            // Interrupted before the rename: the signal ended it and no big.yaml was put in place.
            caught =
                sent && run.signal == signal
                && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.yaml").path)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("big.yaml"))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "a temporary file was left")
        }
        #expect(caught, "no run was interrupted while it wrote")
    }
}
