import Foundation
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
    /// Runs `orggraph` with standard output on `output` (a path), from the package root.
    static func run(_ arguments: [String], output: FileHandle) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = try orggraphExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let err = Pipe()
        process.standardOutput = output
        process.standardError = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

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
        "A full device on standard output: exit 2 and a message", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
        arguments: writers)
    func fullDevice(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.run(arguments, output: full)
        #expect(result.status == 2)
        #expect(result.err == "error: cannot write to standard output: no space left on the device\n")
    }

    @Test("A reader that went away: the run stops quietly with status 141", arguments: writers)
    func closedPipe(_ arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try Self.run(arguments, output: pipe.fileHandleForWriting)
        #expect(result.status == 141)
        #expect(result.err.isEmpty)
    }

    @Test("Names with terminal controls are escaped in text output and kept in JSON")
    func escapes() throws {
        let name = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{202E}y\u{85}\u{7F}\nz"
        let file = try temporaryFile("""
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
                "\"errors\": [{\"file\": \"\(bad)\", \"line\": 3, \"column\": 19, \"message\": \"unknown kind 'unit-hed'; did you mean 'unit-head'?\"}]"))
        let sarif = try orggraph(["validate", bad, "--format", "sarif"])
        #expect(sarif.status == 2)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect((notification["message"] as? [String: Any])?["text"] as? String == "unknown kind 'unit-hed'; did you mean 'unit-head'?")
        let clean = try orggraph(["validate", "Examples/hospital.yaml", "--format", "sarif"])
        #expect(clean.out.contains("\"invocations\": [{\"executionSuccessful\": true}]"))
    }

    @Test("SIGINT or SIGTERM during a long write leaves no temporary file", arguments: [SIGINT, SIGTERM])
    func interrupted(_ signal: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var caught = false
        let program = try orggraphExecutable().path
        for provinces in [2, 6, 12] where !caught {
            let arguments = [
                program, "generate", "--provinces", "\(provinces)", "--districts", "20", "--communes", "15", "-o",
                folder.appendingPathComponent("big.yaml").path,
            ]
            // The child starts with no signal blocked and every signal at its default action,
            // whatever the test runner's threads have.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGINT)
            sigaddset(&defaults, SIGTERM)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            try #require(posix_spawn(&pid, program, nil, &attributes, argv, environ) == 0)
            // Waits for the temporary file, then interrupts the run while it is there.
            var status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                if names.contains(where: { $0.hasPrefix(".big.yaml.") }) {
                    kill(pid, signal)
                    waitpid(pid, &status, 0)
                    break
                }
                usleep(1_000)
            }
            // Interrupted before the rename: the signal ended it and no big.yaml was put in place.
            caught = status & 0x7F == signal
                && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.yaml").path)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("big.yaml"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "a temporary file was left")
        }
        #expect(caught, "no run was interrupted while it wrote")
    }
}
