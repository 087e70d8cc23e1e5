import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// The JSON fast path gives exactly what the decoder gives, or gives up: on the fixtures, the
/// examples, generated organizations, and thousands of mutations of them.
@Suite("JSON fast path")
struct JSONScannerTests {
    /// What the fast path makes of `bytes`; with `splitting` 0, any list of relations is read
    /// by two threads where a line can be found to split it at.
    static func scanned(_ bytes: [UInt8], splitting: Int = .max) -> DecodedOrganization? {
        bytes.withUnsafeBufferPointer { JSONOrganizationScanner.scan($0, splitting: splitting) }
    }

    /// Checks that the fast path agrees with the decoder on `bytes`, read by one thread and
    /// by two.
    /// - Returns: whether the fast path read them.
    @discardableResult
    static func agree(_ bytes: [UInt8], _ what: @autoclosure () -> String) -> Bool {
        let one = agree(bytes, splitting: .max, what())
        let two = agree(bytes, splitting: 0, what() + " (two threads)")
        if one != two { Issue.record("one thread and two disagree on whether to read \(what())") }
        return one
    }

    static func agree(_ bytes: [UInt8], splitting: Int, _ what: @autoclosure () -> String) -> Bool {
        if let problem = JSONOrganizationScanner.disagreement(bytes, splitting: splitting) {
            Issue.record("\(problem): \(what())")
        }
        return scanned(bytes, splitting: splitting) != nil
    }

    static func fixtureFiles() -> [URL] {
        let folder = fixturesFolder
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
    }

    /// The examples and a generated organization with faults, written as JSON.
    static func organizationsAsJSON() throws -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = []
        for path in examplePaths(broken: false) {
            let organization = try loadPackageFile(path).organization
            result.append((path, Array(OrganizationWriter.write(organization, as: .json).utf8)))
        }
        for seed in UInt64(1)...3 {
            let generated = try OrganizationGenerator(size: GeneratorTests.small, seed: seed).generate(faults: 20)
            result.append(
                ("generated seed \(seed)", Array(OrganizationWriter.write(generated.organization, as: .json).utf8)))
        }
        return result
    }

    @Test("Agrees with the decoder on every JSON fixture")
    func fixtures() throws {
        let files = Self.fixtureFiles()
        #expect(files.count > 30)
        for file in files {
            var bytes = try [UInt8](Data(contentsOf: file))
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            Self.agree(bytes, file.lastPathComponent)
        }
    }

    @Test("Reads the examples and generated organizations itself, as the decoder does")
    func organizations() throws {
        for (name, bytes) in try Self.organizationsAsJSON() {
            #expect(Self.agree(bytes, name), "the fast path gave up on \(name)")
        }
    }

    @Test("Two threads read a long list of relations as one does, references left to resolve included")
    func twoThreads() throws {
        let generated = try OrganizationGenerator(size: GeneratorTests.small, seed: 5).generate(faults: 0)
        let text = OrganizationWriter.write(generated.organization, as: .json)
        #expect(Self.agree(Array(text.utf8), "a generated organization"))
        // Relations before nodes: every reference is resolved after reading, from its place.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let nodesStart = try #require(lines.firstIndex(of: "  \"nodes\": ["))
        let relationsStart = try #require(lines.firstIndex(of: "  \"relations\": ["))
        let relationsEnd = try #require(lines.lastIndex(of: "  ]"))
        var nodes = Array(lines[nodesStart..<relationsStart])
        nodes[nodes.count - 1] = "  ]"
        let relations = lines[relationsStart...relationsEnd].map { $0 } + []
        let reordered =
            Array(lines[..<nodesStart]) + relations.dropLast() + ["  ],"] + nodes + Array(lines[(relationsEnd + 1)...])
        let bytes = Array(reordered.joined(separator: "\n").utf8)
        #expect(Self.agree(bytes, "relations before nodes"))
        let split = try #require(Self.scanned(bytes, splitting: 0))
        #expect(split.relationFrom.count == generated.organization.relations.count)
    }

    @Test("Reads what it must not lose: Unicode, CRLF, one line, attributes, suppressions, forward references")
    func variants() throws {
        let text = """
            {"orggraph": 1, "title": "Bệnh viện", "nodes": [\r
              {"id": "cell", "kind": "subordinate-cell", "part-of": "upo", "attributes": {"số": "1", "b": ""}},\r
              {"id": "upo", "kind": "unit-party-committee", "name": "Đảng ủy Bệnh viện", "level": null, "note": null},\r
              {"id": "Đ-1", "kind": "unit-head", "level": "provincial", "sector": "health"}\r
            ], "relations": [\r
              {"type": "reports-to", "from": "cell", "to": "upo", "period": ["6-months", null, "1-year"]},\r
              {"type": "leads", "from": "upo", "to": "later"}, {"type": "liaises-with", "from": "upo", "to": "Đ-1", "basis": "residence"}\r
            ], "suppressions": [{"rule": "r", "node": "upo", "reason": "accepted"}], "rulebook": null}
            """
        #expect(Self.agree(Array(text.utf8), "variants"))
        let oneLine = text.replacingOccurrences(of: "\r\n", with: " ")
        #expect(Self.agree(Array(oneLine.utf8), "variants on one line"))
        // NFD spelling of a reference to an NFC id: not the same bytes, resolved as Strings are.
        let nfd = text.replacingOccurrences(
            of: "\"to\": \"Đ-1\"", with: "\"to\": \"Đ-1\"".decomposedStringWithCanonicalMapping)
        #expect(Self.agree(Array(nfd.utf8), "an NFD reference"))
    }

    @Test("Reads many attributes, and gives up on a key written twice however far apart")
    func manyAttributes() {
        func file(_ keys: [String]) -> [UInt8] {
            let attributes = keys.map { "\"\($0)\": \"v\"" }.joined(separator: ", ")
            return Array(
                #"{"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-head", "attributes": {\#(attributes)}}]}"#.utf8)
        }
        let keys = (0..<50).map { "k\($0)" }
        #expect(Self.agree(file(keys), "50 attributes"))
        #expect(Self.scanned(file(keys + ["k30"])) == nil)
        #expect(Self.scanned(file(keys + ["k3"])) == nil)
    }

    @Test("Gives up where the decoder must speak: escapes, errors, unknown or repeated fields")
    func givesUp() {
        let cases = [
            #"{"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-head", "name": "\"A\""}]}"#,
            #"{"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-hed"}]}"#,
            #"{"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-head", "id": "b"}]}"#,
            #"{"orggraph": 1, "nodes": [{"id": "a", "kind": "unit-head", "colour": "red"}]}"#,
            #"{"orggraph": 1, "nodes": [{"id": "a b", "kind": "unit-head"}]}"#,
            #"{"orggraph": 2, "nodes": []}"#,
            #"{"orggraph": 1, "nodes": [],}"#,
            #"{"orggraph": 1, "relations": [{"type": "leads", "from": "a", "to": "b", "basis": "residence"}]}"#,
            #"{"nodes": []}"#,
            #"{"orggraph": 1} {"#,
        ]
        for text in cases {
            #expect(Self.scanned(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test("Agrees with the decoder on mutations of a small organization")
    func mutations() throws {
        let example = try loadPackageFile("Examples/district-school.yaml").organization
        let bytes = Array(OrganizationWriter.write(example, as: .json).utf8)
        #expect(Self.agree(bytes, "the district school"))
        var random = SplitMix64(seed: 7)
        let replacements: [UInt8] = Array("\"\\,:{}[]n1 \n\r-ax".utf8) + [0x00, 0x7F, 0xC3, 0xA1, 0xE1, 0xBB, 0xFF]
        var read = 0
        for _ in 0..<3_000 {
            var mutated = bytes
            let position = Int(random.next() % UInt64(mutated.count))
            switch random.next() % 4 {
            case 0: mutated.remove(at: position)
            case 1: mutated.insert(replacements[Int(random.next() % UInt64(replacements.count))], at: position)
            case 2: mutated[position] = replacements[Int(random.next() % UInt64(replacements.count))]
            default:
                let end = min(mutated.count, position + Int(random.next() % 40))
                mutated.insert(contentsOf: Array(mutated[position..<end]), at: position)
            }
            if Self.agree(mutated, "a mutation at byte \(position)") { read += 1 }
        }
        // Some mutations leave a valid file (a space, a repeated list element...).
        #expect(read > 0)
    }

    @Test("The vocabulary's dense indices are the positions in the tables")
    func vocabularyIndices() {
        #expect(Period.allCases.indices.allSatisfy { Period.allCases[$0].index == $0 })
        #expect(RelationType.allCases.indices.allSatisfy { RelationType.allCases[$0].index == $0 })
        #expect(NodeKind.allCases.indices.allSatisfy { NodeKind.allCases[$0].index == $0 })
    }
}
