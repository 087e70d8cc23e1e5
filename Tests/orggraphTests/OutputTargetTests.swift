import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where outputs go: a device or FIFO written directly, a symlink kept and its target replaced,
/// a file's mode kept, an output that is an input refused, write errors named; for every
/// command that writes a file.
@Suite("Output targets", .serialized)
struct OutputTargetTests {
    /// A command that writes, given an organization file and an output path.
    struct Writer: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: @Sendable (_ input: String, _ output: String) -> [String]
        var testDescription: String { name }
    }

    static let writers = [
        Writer(name: "validate -o") { ["validate", $0, "--format", "json", "-o", $1] },
        Writer(name: "convert -o") { ["convert", $0, "--to", "json", "-o", $1] },
        Writer(name: "render -o") { ["render", $0, "--format", "dot", "-o", $1] },
        Writer(name: "generate -o") { _, output in
            ["generate", "--provinces", "1", "--districts", "1", "--communes", "1", "--to", "yaml", "-o", output]
        },
        Writer(name: "generate --manifest") { _, output in
            [
                "generate", "--provinces", "1", "--districts", "1", "--communes", "1", "--faults", "2",
                "--manifest", output, "--to", "yaml", "-o", "-",
            ]
        },
    ]

    /// The organization every writer reads, copied into `folder`.
    static func input(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("org.yaml").path
        try FileManager.default.copyItem(
            atPath: packageRoot.appendingPathComponent("Examples/hospital.yaml").path, toPath: path)
        return path
    }

    static func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test("A symlink is kept and its target replaced; a mode-600 file keeps its mode", arguments: writers)
    func symlinkAndMode(_ writer: Writer) throws {
        let folder = try temporaryFolder("orggraph-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.input(in: folder)
        let target = folder.appendingPathComponent("target.out").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        let link = folder.appendingPathComponent("link.out").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.out")

        let run = try orggraph(writer.arguments(input, link))
        #expect(run.status == 0 || run.status == 1, "\(run.err)")
        #expect(Self.type(link) == S_IFLNK, "the link was replaced")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.out")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written != "old\n" && !written.isEmpty)
        #expect(Self.mode(target) == 0o600)
        #expect(
            try Set(FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                "org.yaml", "target.out", "link.out",
            ],
            "a temporary file was left")
    }

    @Test("A FIFO is written directly and stays a FIFO, read while it is written", arguments: writers)
    func fifo(_ writer: Writer) throws {
        let folder = try temporaryFolder("orggraph-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.input(in: folder)
        let fifo = folder.appendingPathComponent("pipe.out").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = Thread.detachNewThreadWithResult {
            FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        let run = try orggraph(writer.arguments(input, fifo))
        #expect(run.status == 0 || run.status == 1, "\(run.err)")
        // A run that never opened the FIFO leaves the reader waiting: this open lets it go.
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        let read = reader.wait()
        #expect(read.count > 10, "read \(read.count) bytes from the FIFO")
        #expect(Self.type(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["org.yaml", "pipe.out"])
    }

    @Test(
        "A character device is written directly and stays a device", .enabled(if: getuid() == 0, "mknod needs root"),
        arguments: writers)
    func characterDevice(_ writer: Writer) throws {
        let folder = try temporaryFolder("orggraph-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.input(in: folder)
        let device = folder.appendingPathComponent("null.out").path
        // The device /dev/null is.
        var null = stat()
        try #require(stat("/dev/null", &null) == 0)
        try #require(mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0)
        let run = try orggraph(writer.arguments(input, device))
        #expect(run.status == 0 || run.status == 1, "\(run.err)")
        #expect(Self.type(device) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["null.out", "org.yaml"])
    }

    @Test("A hard link to the input, the input itself, ./input or a symlink to it is refused; nothing is written")
    func sameFile() throws {
        let folder = try temporaryFolder("orggraph-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.input(in: folder)
        let original = try Data(contentsOf: URL(fileURLWithPath: input))
        let hard = folder.appendingPathComponent("hard.yaml").path
        #expect(link(input, hard) == 0)
        let soft = folder.appendingPathComponent("soft.yaml").path
        try FileManager.default.createSymbolicLink(atPath: soft, withDestinationPath: "org.yaml")
        let dotted = folder.path + "/./org.yaml"
        let cases: [([String], String)] = [
            (
                ["convert", input, "-o", input],
                "\(input): error: the output is the same file as the input; nothing was written\n"
            ),
            (
                ["convert", input, "-o", hard],
                "\(hard): error: the output is the same file as the input '\(input)'; nothing was written\n"
            ),
            (
                ["render", input, "-o", soft, "--format", "svg"],
                "\(soft): error: the output is the same file as the input '\(input)'; nothing was written\n"
            ),
            (
                ["render", soft, "-o", input, "--format", "svg"],
                "\(input): error: the output is the same file as the input '\(soft)'; nothing was written\n"
            ),
            (
                ["validate", input, "--output", dotted],
                "\(dotted): error: the output is the same file as the input '\(input)'; nothing was written\n"
            ),
            (
                ["validate", input, "--rulebook", hard, "-o", soft],
                "\(soft): error: the output is the same file as the input '\(input)'; nothing was written\n"
            ),
        ]
        for (arguments, message) in cases {
            let run = try orggraph(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.err == message)
            #expect(run.out.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original, "\(arguments) changed the input")
        }
        let manifest = folder.appendingPathComponent("x.json").path
        let run = try orggraph([
            "generate", "--provinces", "1", "--faults", "1", "--manifest", manifest, "-o", manifest,
        ])
        #expect(run.status == 2)
        #expect(
            run.err
                == "\(manifest): error: the output is the same file as the output '\(manifest)'; nothing was written\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "hard.yaml", "org.yaml", "soft.yaml",
            ])
    }

    @Test("A write error names the path and the plain reason")
    func writeErrors() throws {
        let folder = try temporaryFolder("orggraph-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.input(in: folder)
        let missing = folder.appendingPathComponent("no/such/chart.dot").path
        let cases: [(String, String)] = [
            (folder.path, "\(folder.path): error: cannot write the file: is a directory\n"),
            (missing, "\(missing): error: cannot write the file: no such folder\n"),
        ]
        for (output, message) in cases {
            for arguments in [
                ["render", input, "--format", "dot", "-o", output], ["convert", input, "--to", "json", "-o", output],
            ] {
                let run = try orggraph(arguments)
                #expect(run.status == 2)
                #expect(run.err == message)
            }
        }
        if getuid() != 0 {
            let locked = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            chmod(locked.path, 0o500)
            let output = locked.appendingPathComponent("x.json").path
            let run = try orggraph(["convert", input, "-o", output])
            #expect(run.err == "\(output): error: cannot write the file: permission denied\n")
        }
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    static func detachNewThreadWithResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> ThreadResult<T> {
        let result = ThreadResult<T>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

final class ThreadResult<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: T?

    func set(_ value: T) {
        self.value = value
        done.signal()
    }

    func wait() -> T {
        done.wait()
        return value!
    }
}
