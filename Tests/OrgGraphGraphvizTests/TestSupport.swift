import Foundation
import OrgGraph
import TestSupport

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
    let names =
        (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(folder).path)) ?? []
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

/// A test precondition that failed.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
