import Foundation
import OrgGraph

/// The package's root folder, found from this file's place in the tree.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The folder of the golden DOT files.
let goldenFolder = packageRoot.appendingPathComponent("Tests/OrgGraphGraphvizTests/Golden")

/// Loads a file of the package by its path from the package root, naming it by that path.
func loadPackageFile(_ path: String) throws -> LoadedOrganization {
    let bytes = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent(path)))
    return try OrganizationLoader().load(bytes: bytes, file: path)
}

/// Loads organization text written in a test.
func load(_ text: String) throws -> LoadedOrganization {
    try OrganizationLoader().load(bytes: Array(text.utf8), file: "test.yaml")
}

/// Every organization under Examples/ and Examples/broken/, as paths from the package root.
let examplePaths: [String] = ["Examples", "Examples/broken"].flatMap { folder in
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
}

/// One line of `Golden/charts.txt`: a golden file and the `orggraph render` arguments that make it.
struct GoldenChart: Sendable, CustomStringConvertible {
    var file: String
    var arguments: [String]
    var description: String { file }

    /// The lines of the manifest.
    static let all: [GoldenChart] = {
        let text = (try? String(contentsOf: goldenFolder.appendingPathComponent("charts.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let first = words.first, !first.hasPrefix("#") else { return nil }
            return GoldenChart(file: first, arguments: Array(words.dropFirst()))
        }
    }()
}

/// Runs the built `orggraph` with `arguments` from the package root.
func orggraph(_ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("orggraph"),
        Bundle.main.bundleURL.appendingPathComponent("orggraph"),
        packageRoot.appendingPathComponent(".build/debug/orggraph"),
    ]
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw TestFailure("the orggraph binary is not built")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a large output cannot block it.
    let errorData = LockedData()
    let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1_000) }
    return (process.terminationStatus, outData, String(decoding: errorData.value, as: UTF8.self))
}

/// Data written by one thread and read by another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// A test precondition that failed.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A file in a new temporary folder, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
