import Foundation
import TestSupport

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// Fixtures/ of this target, found from the source tree like Examples/, which is no resource of
/// the test target.
let fixturesFolder = packageRoot.appendingPathComponent("Tests/OrgGraphTests/Fixtures")

/// Loads `text` as an organization file named `file`.
func load(_ text: String, file: String = "test.yaml", format: FileFormat? = nil) throws -> LoadedOrganization {
    try OrganizationLoader().load(bytes: Array(text.utf8), file: file, format: format ?? FileFormat(path: file))
}

/// Loads a file of the package by its path from the package root, naming it by that path.
func loadPackageFile(_ path: String) throws -> LoadedOrganization {
    let bytes = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent(path)))
    return try OrganizationLoader().load(bytes: bytes, file: path)
}

/// Every organization under Examples/, as paths from the package root, sorted.
func examplePaths(broken: Bool) -> [String] {
    let folder = packageRoot.appendingPathComponent(broken ? "Examples/broken" : "Examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
        .map { (broken ? "Examples/broken/" : "Examples/") + $0 }
}
