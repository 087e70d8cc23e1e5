import Foundation
import TestSupport
import Testing

@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat

/// The small organizations of `Scripts/bench/reference-tests/`, each naming in an `# expect:`
/// line the findings docs/SEMANTICS.md gives it (the readings that bind, the silences, the
/// ties), audited here under the rulebook each file names: the Swift audit and the reference
/// implementation are held to the same list.
@Suite("The readings of docs/SEMANTICS.md")
struct ReadingTests {
    static let folder = "Scripts/bench/reference-tests"

    static let files: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: packageRoot.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test("the folder holds the reading files")
    func found() {
        #expect(Self.files.count >= 90)
    }

    @Test("Each file gives exactly the findings its expect line names", arguments: files)
    func reading(_ name: String) throws {
        let path = "\(Self.folder)/\(name)"
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("# expect:") })
        let expected = line.dropFirst("# expect:".count).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
        let loaded = try loadPackageFile(path)
        let rulebook = try #require(
            try RulebookLoader().load(namedIn: loaded.organization) ?? RulebookLoader.regulation125)
        let found = Auditor(rulebook: rulebook).audit(loaded).findings.map { "\($0.rule) \($0.node)" }.sorted()
        #expect(found == expected)
    }
}
