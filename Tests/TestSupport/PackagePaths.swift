import Foundation

/// The package's root folder, found from this file's place in the tree: the folder commands run
/// from, and the one paths such as `Examples/hospital.yaml` are relative to.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `orggraph`, beside the test bundle.
///
/// - Throws: `RunError.notBuilt` when no candidate is an executable file.
public func orggraphExecutable() throws -> URL {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("orggraph"),
        Bundle.main.bundleURL.appendingPathComponent("orggraph"),
        packageRoot.appendingPathComponent(".build/debug/orggraph"),
    ]
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw RunError.notBuilt
    }
    return binary
}

/// A new, empty folder in the temporary directory, removed by the caller.
///
/// - Parameter prefix: the start of the folder's name, saying which test made it.
public func temporaryFolder(_ prefix: String = "orggraph") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
