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

/// Every load error of SPEC §1, each in a fixture of Fixtures/load-errors/ (in YAML and in JSON
/// where the error exists in both), with the whole diagnostic it must produce: place, message,
/// source line, caret and notes, as Yams' `YamlErrorTests` assert them.
///
/// Every place below was counted by hand: lines and columns are 1-based, columns in Unicode
/// scalars, so `Tỉnh ủy` before a column counts 7.
@Suite("Loader diagnostics")
struct LoaderDiagnosticTests {
    /// A fixture and the text of the error its load throws.
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var expected: String

        init(_ fixture: String, _ expected: String) {
            self.fixture = fixture
            self.expected = expected
        }

        var testDescription: String { fixture }
    }

    // MARK: Fixtures

    static let fixtures = fixturesFolder

    static func bytes(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(path)))
    }

    /// Loads `bytes` under the short name `file`, in the format its extension names.
    static func load(_ bytes: [UInt8], file: String) throws(LoadError) -> LoadedOrganization {
        try OrganizationLoader().load(bytes: bytes, file: file, format: FileFormat(path: file))
    }

    /// Loads a fixture by its path under Fixtures/, naming it by its file name alone.
    static func loadFixture(_ path: String) throws -> LoadedOrganization {
        try load(bytes(path), file: URL(fileURLWithPath: path).lastPathComponent)
    }

    // MARK: Every load error

    @Test("A file that cannot be loaded fails with exactly its diagnostic", arguments: cases)
    func diagnostic(_ test: Case) throws {
        let bytes = try Self.bytes("load-errors/" + test.fixture)
        let error = try #require(throws: LoadError.self) { try Self.load(bytes, file: test.fixture) }
        let text = String(describing: error)
        #expect(text == test.expected)
        // String equality is canonical equivalence; the scalars must be the same too (NFD stays NFD).
        #expect(!(text == test.expected) || text.unicodeScalars.elementsEqual(test.expected.unicodeScalars))
    }

    @Test("Every fixture in load-errors/ has its expected diagnostic, and every case its fixture")
    func everyFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.fixtures.appendingPathComponent("load-errors").path)
        let names = Set(files.filter { !$0.hasPrefix(".") })
        #expect(names == Set((Self.cases + Self.hostileCases).map(\.fixture)))
        #expect(names.count == Self.cases.count + Self.hostileCases.count)
    }

    /// Alias bombs and deep nesting: each load runs on a thread of its own, so a load that never
    /// ends fails this test after 5 s instead of hanging the run.
    @Test("Alias bombs and deep nesting fail fast, with their diagnostic", arguments: hostileCases)
    func hostile(_ test: Case) throws {
        let bytes = try Self.bytes("load-errors/" + test.fixture)
        let limit = Duration.seconds(5)
        let outcome = try #require(
            Self.loadOnThread(bytes, file: test.fixture, within: limit), "the load was still running after \(limit)")
        #expect(outcome.duration < limit)
        #expect(outcome.error.map(String.init(describing:)) == test.expected)
    }

    /// The time a load took and the error it threw, or `nil` when it did not end within `limit`.
    static func loadOnThread(
        _ bytes: [UInt8], file: String, within limit: Duration
    ) -> (duration: Duration, error: LoadError?)? {
        final class Outcome: @unchecked Sendable {
            let lock = NSLock()
            var value: (duration: Duration, error: LoadError?)?
        }
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            let clock = ContinuousClock()
            let start = clock.now
            var thrown: LoadError?
            do throws(LoadError) {
                _ = try load(bytes, file: file)
            } catch {
                thrown = error
            }
            let duration = clock.now - start
            outcome.lock.withLock { outcome.value = (duration, thrown) }
            finished.signal()
        }.start()
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
        return outcome.lock.withLock { outcome.value }
    }

    // MARK: Generated input

    /// An id of 100,000 characters: refused at its place, and the source line shown is a window of
    /// 100 characters around the column, not the whole line.
    @Test("A 100,000-character id is refused, showing a window of its line", arguments: [FileFormat.yaml, .json])
    func longID(_ format: FileFormat) throws {
        let id = String(repeating: "a", count: 100_000)
        let (file, text, line, column): (String, String, Int, Int)
        switch format {
        case .yaml:
            file = "long-id.yaml"
            text = "orggraph: 1\nnodes:\n  - id: \(id)\n    kind: provincial-party-committee\nrelations: []\n"
            (line, column) = (3, 9)
        case .json:
            file = "long-id.json"
            text = """
                {"orggraph": 1, "nodes": [
                  {"id": "\(id)", "kind": "provincial-party-committee"}
                ]}

                """
            (line, column) = (2, 10)
        }
        let error = try #require(throws: LoadError.self) { try Self.load(Array(text.utf8), file: file) }
        // The window starts at the line's start (the column is within its first 50 characters)
        // and is 100 characters wide, so it ends with an ellipsis.
        let sourceLine = text.split(separator: "\n")[line - 1]
        let window = String(sourceLine.prefix(100)) + "…"
        let caret = String(repeating: " ", count: column - 1) + "^"
        #expect(
            String(describing: error) == """
                \(file):\(line):\(column): error: invalid id in 'id': an id is at most 256 characters; this one has 100000
                \(window)
                \(caret)
                """)
    }

    /// A message names a 100,000-character word by its first 60 characters; the source line
    /// shows where it is.
    @Test("A message quotes a 100,000-character word by its start")
    func longWordQuoted() throws {
        let word = String(repeating: "k", count: 100_000)
        let text = "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"\(word)\"}], \"\(word)\": 1}"
        let error = try #require(throws: LoadError.self) { try Self.load(Array(text.utf8), file: "long.json") }
        let quoted = "'" + String(repeating: "k", count: 60) + "…'"
        #expect(
            error.diagnostics.map(\.message) == [
                "unknown kind \(quoted); expected one of: " + NodeKind.allCases.map(\.rawValue).joined(separator: ", "),
                "unknown field \(quoted) at the top level",
            ])
        #expect(String(describing: error).utf8.count < 2_000)
    }

    /// A long line (a minified file) is kept in a diagnostic only around the column, and shows
    /// exactly as the whole line would: the same window, ellipses and caret.
    @Test("A long line is kept around its column and shown as the whole line would be")
    func longLineWindow() throws {
        let line = (0..<1_000).map { "\"Tỉnh ủy \($0)\"" }.joined(separator: ", ")
        let bytes = Array("[\n\(line)\n]\n".utf8)
        let source = SourceText(file: "long.json", bytes: bytes)
        let count = line.unicodeScalars.count
        #expect(line.utf8.count > SourceText.longLine)
        for column in [1, 2, 50, 51, 52, 101, 5_000, count - 60, count - 50, count - 1, count, count + 1] {
            let location = SourceLocation(line: 2, column: column)
            let kept = source.diagnostic("here", at: location)
            let whole = Diagnostic(file: "long.json", location: location, message: "here", sourceLine: line)
            #expect((kept.sourceLine?.unicodeScalars.count ?? 0) <= Diagnostic.snippetWidth)
            #expect(kept.description == whole.description, "column \(column)")
        }
    }

    /// A file of thousands of errors lists the first `maximumDiagnostics` and stops reading at
    /// the next, saying where.
    @Test("Reading stops after the most errors a load lists, at the next one", arguments: [FileFormat.yaml, .json])
    func tooManyErrors(_ format: FileFormat) throws {
        var loader = OrganizationLoader()
        loader.maximumDiagnostics = 2
        let (file, text, expected): (String, String, String)
        switch format {
        case .yaml:
            file = "many.yaml"
            text = "orggraph: 1\nnodes: [1, 2, 3, 4]\n"
            expected = """
                many.yaml:2:9: error: 'nodes' must be a list of mappings, found a number
                nodes: [1, 2, 3, 4]
                        ^
                many.yaml:2:12: error: 'nodes' must be a list of mappings, found a number
                nodes: [1, 2, 3, 4]
                           ^
                many.yaml:2:15: error: too many errors; reading stopped here, after the first 2
                nodes: [1, 2, 3, 4]
                              ^
                """
        case .json:
            file = "many.json"
            text = "{\"orggraph\": 1, \"nodes\": [1, 2, 3, 4]}"
            expected = """
                many.json:1:27: error: 'nodes' must be a list of mappings, found a number
                {"orggraph": 1, "nodes": [1, 2, 3, 4]}
                                          ^
                many.json:1:30: error: 'nodes' must be a list of mappings, found a number
                {"orggraph": 1, "nodes": [1, 2, 3, 4]}
                                             ^
                many.json:1:33: error: too many errors; reading stopped here, after the first 2
                {"orggraph": 1, "nodes": [1, 2, 3, 4]}
                                                ^
                """
        }
        let error = try #require(throws: LoadError.self) {
            try loader.load(bytes: Array(text.utf8), file: file, format: format)
        }
        #expect(String(describing: error) == expected)
    }

    // MARK: Duplicate keys

    @Test(
        "100,000 duplicate keys in one mapping, or one in each of 100,000 nodes, stop at the limit at once",
        arguments: ["keys.yaml", "keys.json", "nodes.yaml", "nodes.json"])
    func manyDuplicateKeys(_ file: String) throws {
        let count = 100_000
        let text: String
        let lines: [(place: String, quoted: String)]
        switch file {
        case "keys.yaml":
            text =
                "orggraph: 1\nnodes:\n  - id: a\n    kind: standing-committee\n    attributes:\n"
                + String(repeating: "      k: v\n", count: count + 1)
            lines = [("7:7", "      k: v"), ("6:7", "      k: v"), ("8:7", "      k: v"), ("9:7", "      k: v")]
        case "keys.json":
            text =
                "{\"orggraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"standing-committee\", \"attributes\": {\n"
                + Array(repeating: "\"k\": \"v\"", count: count + 1).joined(separator: ",\n") + "}}]}\n"
            lines = [
                ("3:1", "\"k\": \"v\","), ("2:1", "\"k\": \"v\","), ("4:1", "\"k\": \"v\","), ("5:1", "\"k\": \"v\","),
            ]
        case "nodes.yaml":
            text =
                "orggraph: 1\nnodes:\n"
                + (0..<count).map { "  - {id: n\($0), id: m\($0), kind: standing-committee}\n" }.joined()
            lines = [
                ("3:14", "  - {id: n0, id: m0, kind: standing-committee}"),
                ("3:6", "  - {id: n0, id: m0, kind: standing-committee}"),
                ("4:14", "  - {id: n1, id: m1, kind: standing-committee}"),
                ("4:6", "  - {id: n1, id: m1, kind: standing-committee}"),
            ]
        default:
            text =
                "{\"orggraph\": 1, \"nodes\": [\n"
                + (0..<count).map { "{\"id\": \"n\($0)\", \"id\": \"m\($0)\", \"kind\": \"standing-committee\"}" }
                .joined(separator: ",\n") + "]}\n"
            lines = [
                ("2:14", "{\"id\": \"n0\", \"id\": \"m0\", \"kind\": \"standing-committee\"},"),
                ("2:2", "{\"id\": \"n0\", \"id\": \"m0\", \"kind\": \"standing-committee\"},"),
                ("3:14", "{\"id\": \"n1\", \"id\": \"m1\", \"kind\": \"standing-committee\"},"),
                ("3:2", "{\"id\": \"n1\", \"id\": \"m1\", \"kind\": \"standing-committee\"},"),
            ]
        }
        let key = file.hasPrefix("keys") ? "k" : "id"
        let format = FileFormat(path: file)
        func shown(_ line: (place: String, quoted: String), _ kind: String, _ message: String) -> String {
            let column = Int(line.place.split(separator: ":")[1]) ?? 0
            return "\(file):\(line.place): \(kind): \(message)\n\(line.quoted)\n"
                + String(repeating: " ", count: column - 1) + "^"
        }
        let expected = [
            shown(lines[0], "error", "duplicate key '\(key)'"),
            shown(lines[1], "note", "'\(key)' is first written here"),
            shown(lines[2], "error", "duplicate key '\(key)'"),
            shown(lines[3], "note", "'\(key)' is first written here"),
        ]
        var loader = OrganizationLoader()
        loader.maximumDiagnostics = 1
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: LoadError.self) { try loader.load(bytes: bytes, file: file, format: format) }
        let elapsed = clock.now - start
        let rendered = String(describing: error)
        #expect(
            rendered
                == expected[0] + "\n" + expected[1] + "\n"
                + expected[2].replacingOccurrences(
                    of: "error: duplicate key '\(key)'",
                    with: "error: too many errors; reading stopped here, after the first 1"))
        // About 0.5 s in a debug build for a 1 to 5 MB file; a pass per duplicate would take minutes.
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("Every duplicate key of a rulebook is reported, at every level", arguments: ["book.yaml", "book.json"])
    func rulebookDuplicateKeys(_ file: String) throws {
        let text: String
        let expected: String
        if file == "book.yaml" {
            text = """
                rulebook: two-tier
                extends: 125-QD/TW
                rules:
                  - {id: r, title: t, title: u, severity: warning, subject: unit-head, forbidden: true}
                rulebook: again

                """
            expected = """
                book.yaml:4:23: error: duplicate key 'title'
                  - {id: r, title: t, title: u, severity: warning, subject: unit-head, forbidden: true}
                                      ^
                book.yaml:4:13: note: 'title' is first written here
                  - {id: r, title: t, title: u, severity: warning, subject: unit-head, forbidden: true}
                            ^
                book.yaml:5:1: error: duplicate key 'rulebook'
                rulebook: again
                ^
                book.yaml:1:1: note: 'rulebook' is first written here
                rulebook: two-tier
                ^
                """
        } else {
            text = """
                {"rulebook": "two-tier", "extends": "125-QD/TW",
                 "rules": [{"id": "r", "title": "t", "title": "u"}], "rulebook": "again"}

                """
            expected = """
                book.json:2:38: error: duplicate key 'title'
                 "rules": [{"id": "r", "title": "t", "title": "u"}], "rulebook": "again"}
                                                     ^
                book.json:2:24: note: 'title' is first written here
                 "rules": [{"id": "r", "title": "t", "title": "u"}], "rulebook": "again"}
                                       ^
                book.json:2:54: error: duplicate key 'rulebook'
                 "rules": [{"id": "r", "title": "t", "title": "u"}], "rulebook": "again"}
                                                                     ^
                book.json:1:2: note: 'rulebook' is first written here
                {"rulebook": "two-tier", "extends": "125-QD/TW",
                 ^
                """
        }
        let error = try #require(throws: LoadError.self) {
            try RulebookLoader().load(bytes: Array(text.utf8), file: file)
        }
        #expect(String(describing: error) == expected)
    }

    // MARK: Deliberate handling that loads

    @Test("A byte order mark is ignored, and places count from after it", arguments: ["bom.yaml", "bom.json"])
    func byteOrderMark(_ fixture: String) throws {
        let bytes = try Self.bytes("load-ok/" + fixture)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let withMark = try Self.load(bytes, file: fixture).organization
        let without = try Self.load(Array(bytes.dropFirst(3)), file: fixture).organization
        #expect(withMark == without)
        #expect(withMark.sourceMap.nodes == without.sourceMap.nodes)
        #expect(withMark.sourceMap.partOf == without.sourceMap.partOf)
        #expect(withMark.title == "Bệnh viện Đa khoa tỉnh Lâm Đồng")
    }

    @Test(
        "CRLF line ends load as LF ones: same organization, same lines and columns",
        arguments: ["crlf.yaml", "crlf.json"])
    func crlf(_ fixture: String) throws {
        let bytes = try Self.bytes("load-ok/" + fixture)
        #expect(bytes.contains(0x0D))
        let lf = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let crlf = try Self.load(bytes, file: fixture).organization
        let plain = try Self.load(lf, file: fixture).organization
        #expect(crlf == plain)
        #expect(crlf.sourceMap.nodes == plain.sourceMap.nodes)
        #expect(crlf.sourceMap.relations == plain.sourceMap.relations)
        // The block scalar's line breaks are read as "\n", without '\r'.
        let note = try #require(crlf.nodes.first { $0.id == "bv-da-khoa" }?.note)
        #expect(Array(note.utf8) == Array("Hai dòng,\ngiữ nguyên.\n".utf8))
    }

    /// Every node's place used to be worked out by a walk from the start of the file (with a
    /// U+2028 in it, which libyaml takes for a line break) or of its line (with a U+FEFF, which
    /// Yams drops from scalars): 2,000 nodes took 78 s and 21 s. Each place is now found in O(1)
    /// from the start of libyaml's line, or from the last place.
    @Test(
        "2,000 nodes load at once with a U+2028 in the file, or a \\uFEFF escape on one long line",
        arguments: ["line-separator", "escaped-byte-order-mark"])
    func placesInLinearTime(_ variant: String) throws {
        let count = 2_000
        let nodes = (0..<count).map { "{id: n\($0), kind: grassroots-cell, name: Chi bộ \($0)}" }
        let text: String
        switch variant {
        case "line-separator":
            text = "orggraph: 1\ntitle: \"a\u{2028}b\"\nnodes:\n" + nodes.map { "  - \($0)\n" }.joined()
        default:
            text = #"{orggraph: 1, title: "\uFEFFx", nodes: ["# + nodes.joined(separator: ", ") + "]}\n"
        }
        let limit = Duration.seconds(5)
        let outcome = Self.loadOnThread(Array(text.utf8), file: "\(variant).yaml", within: limit)
        let finished = try #require(outcome, "the load was still running after \(limit)")
        #expect(finished.error == nil)
        let organization = try Self.load(Array(text.utf8), file: "\(variant).yaml").organization
        #expect(organization.nodes.count == count)
        let last = try #require(organization.sourceMap.nodes.last)
        switch variant {
        case "line-separator":
            // The title's U+2028 breaks no line of the file: the last node is on line 3 + 2,000.
            #expect(last == SourceLocation(line: 3 + count, column: 5))
            #expect(organization.title == "a\u{2028}b")
        default:
            let column = text.unicodeScalars.count - nodes[count - 1].unicodeScalars.count - 2
            #expect(last == SourceLocation(line: 1, column: column))
            #expect(organization.title == "\u{FEFF}x")
        }
    }

    @Test("Vietnamese names written in NFD are kept byte for byte: NFD stays NFD")
    func namesInNFD() throws {
        let organization = try Self.loadFixture("load-ok/vietnamese-nfd.yaml").organization
        let expected = ["Tỉnh ủy Lâm Đồng", "Ban Thường vụ Tỉnh ủy", "Bệnh viện Đa khoa tỉnh", "Đảng ủy Bệnh viện"]
        #expect(organization.nodes.count == expected.count)
        for (node, name) in zip(organization.nodes, expected) {
            let decomposed = Array(name.decomposedStringWithCanonicalMapping.utf8)
            // The test can tell NFC from NFD: the two spellings differ in bytes.
            #expect(decomposed != Array(name.precomposedStringWithCanonicalMapping.utf8))
            #expect(node.name.map { Array($0.utf8) } == decomposed)
        }
        let title = try #require(organization.title)
        #expect(Array(title.utf8) == Array("Bệnh viện Đa khoa tỉnh Lâm Đồng".decomposedStringWithCanonicalMapping.utf8))
    }

    @Test("A reference written in NFD resolves to an id written in NFC: Swift String equality is canonical equivalence")
    func referenceInNFD() throws {
        let loaded = try Self.loadFixture("load-ok/nfd-reference.yaml")
        let organization = loaded.organization
        let committee = try #require(organization.nodes.first)
        let relation = try #require(organization.relations.first)
        // Different bytes, as written...
        #expect(Array(committee.id.utf8) == Array("tỉnh-ủy".precomposedStringWithCanonicalMapping.utf8))
        #expect(Array(relation.from.utf8) == Array("tỉnh-ủy".decomposedStringWithCanonicalMapping.utf8))
        #expect(Array(relation.from.utf8) != Array(committee.id.utf8))
        // ...the same id: the relation and the part-of edge both reach the NFC node.
        #expect(relation.from == committee.id)
        #expect(loaded.graph.nodeCount == 4)
        #expect(loaded.graph.edgeFrom.count == 3)
        #expect(loaded.graph.edgeTypes.filter { $0 == .leads }.count == 1)
    }

    @Test("YAML anchors and aliases load as the nodes they name, and '*' in text stays text")
    func aliases() throws {
        let organization = try Self.loadFixture("load-ok/aliases.yaml").organization
        #expect(organization.title == "Bệnh viện * Đa khoa")
        #expect(organization.nodes.map(\.name) == ["Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng", nil, nil, nil])
        #expect(organization.nodes[0].note == "a * b *c")
        let scale = [Attribute(key: "giuong", value: "800"), Attribute(key: "khoa", value: "32")]
        #expect(organization.nodes[2].attributes == scale)
        #expect(organization.nodes[3].attributes == scale)
        // An anchored key, and aliases as a key and as its value.
        #expect(
            organization.nodes[4].attributes == [
                Attribute(key: "khoa", value: "32"), Attribute(key: "32", value: "khoa"),
            ])
        #expect(organization.relations.map(\.period) == [[.sixMonths, .oneYear], [.sixMonths, .oneYear]])
    }

    // MARK: Cases

    static let cases: [Case] = [
        Case(
            "attribute-value-a-mapping.json",
            """
            attribute-value-a-mapping.json:7:137: error: attribute 'beds' must be a string, found a mapping
            …h", "level": "provincial", "attributes": {"beds": {"total": "800"}}},
                                                               ^
            """),
        Case(
            "attribute-value-a-mapping.yaml",
            """
            attribute-value-a-mapping.yaml:16:13: error: attribute 'beds' must be a string, found a mapping
                  beds: {total: 800}
                        ^
            """),
        Case(
            "attributes-a-list.json",
            """
            attributes-a-list.json:7:128: error: 'attributes' must be a mapping of strings, found a list
            … khoa tỉnh", "level": "provincial", "attributes": ["beds", "800"]},
                                                               ^
            """),
        Case(
            "attributes-a-list.yaml",
            """
            attributes-a-list.yaml:15:17: error: 'attributes' must be a mapping of strings, found a list
                attributes: [beds, "800"]
                            ^
            """),
        Case(
            "basis-on-reports-to.json",
            """
            basis-on-reports-to.json:12:111: error: 'basis' belongs on liaises-with relations, not on reports-to
            …tinh-uy", "period": ["regular", "extraordinary"], "basis": "location"}
                                                               ^
            """),
        Case(
            "basis-on-reports-to.yaml",
            """
            basis-on-reports-to.yaml:21:93: error: 'basis' belongs on liaises-with relations, not on reports-to
            …o: btv-tinh-uy, period: [regular, extraordinary], basis: location}
                                                               ^
            """),
        Case(
            "bom-error-line-1.json",
            """
            bom-error-line-1.json:1:17: error: unknown field 'titel' at the top level; did you mean 'title'?
            {"orggraph": 1, "titel": "Bệnh viện", "nodes": [], "relations": []}
                            ^
            """),
        Case(
            "bom-error-line-1.yaml",
            """
            bom-error-line-1.yaml:1:15: error: unknown field 'titel' at the top level; did you mean 'title'?
            {orggraph: 1, titel: Bệnh viện, nodes: [], relations: []}
                          ^
            """),
        Case(
            "control-character.yaml",
            """
            control-character.yaml:6:27: error: malformed YAML: control characters are not allowed (U+0007)
                name: Tỉnh ủy Lâm Đồng\\x07
                                      ^
            """),
        Case(
            "crlf-error-line-4.json",
            """
            crlf-error-line-4.json:4:31: error: unknown kind 'provincial-party-commitee'; did you mean 'provincial-party-committee'?
                {"id": "tinh-uy", "kind": "provincial-party-commitee", "name": "Tỉnh ủy Lâm Đồng"},
                                          ^
            """),
        Case(
            "crlf-error-line-4.yaml",
            """
            crlf-error-line-4.yaml:4:25: error: unknown kind 'provincial-party-commitee'; did you mean 'provincial-party-committee'?
              - {id: tinh-uy, kind: provincial-party-commitee, name: Tỉnh ủy}
                                    ^
            """),
        Case(
            "duplicate-id.json",
            """
            duplicate-id.json:9:5: error: duplicate id 'btv-tinh-uy'
                {"id": "btv-tinh-uy", "kind": "standing-board", "name": "Thường trực Tỉnh ủy", "part-of": "tinh-…
                ^
            duplicate-id.json:6:5: note: 'btv-tinh-uy' is first defined here
                {"id": "btv-tinh-uy", "kind": "standing-committee", "name": "Ban Thường vụ Tỉnh ủy", "part-of": …
                ^
            """),
        Case(
            "duplicate-id.yaml",
            """
            duplicate-id.yaml:19:5: error: duplicate id 'btv-tinh-uy'
              - id: btv-tinh-uy
                ^
            duplicate-id.yaml:7:5: note: 'btv-tinh-uy' is first defined here
              - id: btv-tinh-uy
                ^
            """),
        Case(
            "duplicate-key-in-unknown-field.json",
            """
            duplicate-key-in-unknown-field.json:1:44: error: duplicate key 'a'
            {"orggraph": 1, "extra": {"deep": {"a": 1, "a": 2}}, "nodes": []}
                                                       ^
            duplicate-key-in-unknown-field.json:1:36: note: 'a' is first written here
            {"orggraph": 1, "extra": {"deep": {"a": 1, "a": 2}}, "nodes": []}
                                               ^
            """),
        Case(
            "duplicate-key-in-unknown-field.yaml",
            """
            duplicate-key-in-unknown-field.yaml:3:16: error: duplicate key 'a'
              deep: {a: 1, a: 2}
                           ^
            duplicate-key-in-unknown-field.yaml:3:10: note: 'a' is first written here
              deep: {a: 1, a: 2}
                     ^
            """),
        Case(
            "duplicate-key-spellings.json",
            """
            duplicate-key-spellings.json:1:69: error: duplicate key 'id'
            …odes": [{"id": "a", "kind": "standing-committee", "\\u0069d": "b"}], "relations": []}
                                                               ^
            duplicate-key-spellings.json:1:28: note: 'id' is first written here
            {"orggraph": 1, "nodes": [{"id": "a", "kind": "standing-committee", "\\u0069d": "b"}], "relations": […
                                       ^
            """),
        Case(
            "duplicate-key-spellings.yaml",
            """
            duplicate-key-spellings.yaml:5:5: error: duplicate key 'id'
                *field : tinh-uy-2
                ^
            duplicate-key-spellings.yaml:3:5: note: 'id' is first written here
              - &field id: tinh-uy
                ^
            duplicate-key-spellings.yaml:6:43: error: duplicate key 'kind'
              - {"id": a, 'kind': standing-committee, kind: standing-committee, !!str id: b}
                                                      ^
            duplicate-key-spellings.yaml:6:15: note: 'kind' is first written here
              - {"id": a, 'kind': standing-committee, kind: standing-committee, !!str id: b}
                          ^
            duplicate-key-spellings.yaml:6:69: error: duplicate key 'id'
              - {"id": a, 'kind': standing-committee, kind: standing-committee, !!str id: b}
                                                                                ^
            duplicate-key-spellings.yaml:6:6: note: 'id' is first written here
              - {"id": a, 'kind': standing-committee, kind: standing-committee, !!str id: b}
                 ^
            """),
        Case(
            "duplicate-key-then-malformed.json",
            """
            duplicate-key-then-malformed.json:1:17: error: duplicate key 'orggraph'
            {"orggraph": 1, "orggraph": 1, "nodes": [}
                            ^
            duplicate-key-then-malformed.json:1:2: note: 'orggraph' is first written here
            {"orggraph": 1, "orggraph": 1, "nodes": [}
             ^
            duplicate-key-then-malformed.json:1:42: error: malformed JSON: expected a value, found '}'
            {"orggraph": 1, "orggraph": 1, "nodes": [}
                                                     ^
            """),
        Case(
            "duplicate-key-then-malformed.yaml",
            """
            duplicate-key-then-malformed.yaml:2:1: error: duplicate key 'orggraph'
            orggraph: 1
            ^
            duplicate-key-then-malformed.yaml:1:1: note: 'orggraph' is first written here
            orggraph: 1
            ^
            duplicate-key-then-malformed.yaml:5:1: error: malformed YAML: did not find expected node content (while parsing a flow node)

            ^
            """),
        Case(
            "duplicate-keys.json",
            """
            duplicate-keys.json:4:61: error: duplicate key 'id'
                {"id": "tinh-uy", "kind": "provincial-party-committee", "id": "tinh-uy-2",
                                                                        ^
            duplicate-keys.json:4:6: note: 'id' is first written here
                {"id": "tinh-uy", "kind": "provincial-party-committee", "id": "tinh-uy-2",
                 ^
            duplicate-keys.json:5:40: error: duplicate key 'founded'
                 "attributes": {"founded": "1930", "founded": "1945"}},
                                                   ^
            duplicate-keys.json:5:21: note: 'founded' is first written here
                 "attributes": {"founded": "1930", "founded": "1945"}},
                                ^
            duplicate-keys.json:6:59: error: duplicate key 'kind'
                {"id": "dang-uy", "kind": "superior-party-committee", "kind": "standing-committee"}
                                                                      ^
            duplicate-keys.json:6:23: note: 'kind' is first written here
                {"id": "dang-uy", "kind": "superior-party-committee", "kind": "standing-committee"}
                                  ^
            duplicate-keys.json:9:42: error: duplicate key 'from'
                {"type": "leads", "from": "tinh-uy", "from": "dang-uy", "to": "dang-uy"}
                                                     ^
            duplicate-keys.json:9:23: note: 'from' is first written here
                {"type": "leads", "from": "tinh-uy", "from": "dang-uy", "to": "dang-uy"}
                                  ^
            duplicate-keys.json:12:70: error: duplicate key 'reason'
                {"rule": "local-liaison", "node": "tinh-uy", "reason": "merged", "reason": "again"}
                                                                                 ^
            duplicate-keys.json:12:50: note: 'reason' is first written here
                {"rule": "local-liaison", "node": "tinh-uy", "reason": "merged", "reason": "again"}
                                                             ^
            duplicate-keys.json:14:3: error: duplicate key 'nodes'
              "nodes": []
              ^
            duplicate-keys.json:3:3: note: 'nodes' is first written here
              "nodes": [
              ^
            """),
        Case(
            "duplicate-keys.yaml",
            """
            duplicate-keys.yaml:5:5: error: duplicate key 'id'
                id: tinh-uy-2
                ^
            duplicate-keys.yaml:3:5: note: 'id' is first written here
              - id: tinh-uy
                ^
            duplicate-keys.yaml:8:7: error: duplicate key 'founded'
                  founded: "1945"
                  ^
            duplicate-keys.yaml:7:7: note: 'founded' is first written here
                  founded: "1930"
                  ^
            duplicate-keys.yaml:9:51: error: duplicate key 'kind'
              - {id: dang-uy, kind: superior-party-committee, kind: standing-committee}
                                                              ^
            duplicate-keys.yaml:9:19: note: 'kind' is first written here
              - {id: dang-uy, kind: superior-party-committee, kind: standing-committee}
                              ^
            duplicate-keys.yaml:13:5: error: duplicate key 'from'
                from: dang-uy
                ^
            duplicate-keys.yaml:12:5: note: 'from' is first written here
                from: tinh-uy
                ^
            duplicate-keys.yaml:16:58: error: duplicate key 'reason'
              - {rule: local-liaison, node: tinh-uy, reason: merged, reason: again}
                                                                     ^
            duplicate-keys.yaml:16:42: note: 'reason' is first written here
              - {rule: local-liaison, node: tinh-uy, reason: merged, reason: again}
                                                     ^
            duplicate-keys.yaml:17:1: error: duplicate key 'nodes'
            nodes: []
            ^
            duplicate-keys.yaml:2:1: note: 'nodes' is first written here
            nodes:
            ^
            """),
        Case(
            "empty.json",
            """
            empty.json:1:1: error: the file is empty; an organization file starts with 'orggraph: 1'
            """),
        Case(
            "empty.yaml",
            """
            empty.yaml:1:1: error: the file is empty; an organization file starts with 'orggraph: 1'
            """),
        Case(
            "invalid-id-space.json",
            """
            invalid-id-space.json:7:12: error: invalid id in 'id': 'bv da-khoa' has U+0020; an id is letters, digits, '-', '_', '.' and ':'
                {"id": "bv da-khoa", "kind": "public-service-unit", "name": "Bệnh viện Đa khoa tỉnh", "level": "…
                       ^
            """),
        Case(
            "invalid-id-space.yaml",
            """
            invalid-id-space.yaml:11:9: error: invalid id in 'id': 'bv da-khoa' has U+0020; an id is letters, digits, '-', '_', '.' and ':'
              - id: bv da-khoa
                    ^
            """),
        Case(
            "invalid-utf8.json",
            """
            invalid-utf8.json:3:23: error: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8
            """),
        Case(
            "invalid-utf8.yaml",
            """
            invalid-utf8.yaml:3:20: error: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8
            """),
        Case(
            "line-separator-in-name.yaml",
            """
            line-separator-in-name.yaml:16:11: error: unknown kind 'unit-party-comittee'; did you mean 'unit-party-committee'?
                kind: unit-party-comittee
                      ^
            """),
        Case(
            "malformed-bad-escape.json",
            """
            malformed-bad-escape.json:8:74: error: malformed JSON: invalid escape '\\x'
            …, "kind": "unit-party-committee", "name": "Đảng ủy\\x20Bệnh viện", "part-of": "bv-da-khoa"}
                                                               ^
            """),
        Case(
            "malformed-indentation.yaml",
            """
            malformed-indentation.yaml:9:10: error: malformed YAML: mapping values are not allowed in this context
                 name: Ban Thường vụ Tỉnh ủy
                     ^
            """),
        Case(
            "malformed-missing-comma.json",
            """
            malformed-missing-comma.json:6:5: error: malformed JSON: expected ',' or ']' after a list element, found '{'
                {"id": "btv-tinh-uy", "kind": "standing-committee", "name": "Ban Thường vụ Tỉnh ủy", "part-of": …
                ^
            """),
        Case(
            "malformed-trailing-comma.json",
            """
            malformed-trailing-comma.json:12:108: error: malformed JSON: trailing ',' before ']'
            …tv-tinh-uy", "period": ["regular", "extraordinary",]}
                                                               ^
            """),
        Case(
            "malformed-unclosed-flow.yaml",
            """
            malformed-unclosed-flow.yaml:21:90: error: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence)
              - {type: reports-to, from: dang-uy-bv, to: btv-tinh-uy, period: [regular, extraordinary}
                                                                                                     ^
            """),
        Case(
            "malformed-unterminated-string-at-end.json",
            """
            malformed-unterminated-string-at-end.json:1:26: error: malformed JSON: unterminated string
            {"orggraph": 1, "title": "Bệnh viện Đa khoa
                                     ^
            """),
        Case(
            "malformed-unterminated-string.json",
            """
            malformed-unterminated-string.json:5:69: error: malformed JSON: unterminated string: the line ends before the closing '"'
                {"id": "tinh-uy", "kind": "provincial-party-committee", "name": "Tỉnh ủy Lâm Đồng},
                                                                                ^
            """),
        Case(
            "missing-node-id.json",
            """
            missing-node-id.json:7:5: error: missing required field 'id' in a node
                {"kind": "public-service-unit", "name": "Bệnh viện Đa khoa tỉnh", "level": "provincial"},
                ^
            """),
        Case(
            "missing-node-id.yaml",
            """
            missing-node-id.yaml:11:5: error: missing required field 'id' in a node
              - kind: public-service-unit
                ^
            """),
        Case(
            "missing-node-kind.json",
            """
            missing-node-kind.json:6:5: error: missing required field 'kind' in a node
                {"id": "btv-tinh-uy", "name": "Ban Thường vụ Tỉnh ủy", "part-of": "tinh-uy"},
                ^
            """),
        Case(
            "missing-node-kind.yaml",
            """
            missing-node-kind.yaml:7:5: error: missing required field 'kind' in a node
              - id: btv-tinh-uy
                ^
            """),
        Case(
            "missing-orggraph.json",
            """
            missing-orggraph.json:1:1: error: missing required field 'orggraph' (the format version, 1)
            {
            ^
            """),
        Case(
            "missing-orggraph.yaml",
            """
            missing-orggraph.yaml:1:1: error: missing required field 'orggraph' (the format version, 1)
            title: Bệnh viện Đa khoa tỉnh Lâm Đồng
            ^
            """),
        Case(
            "missing-relation-from.json",
            """
            missing-relation-from.json:11:5: error: missing required field 'from' in a relation
                {"type": "leads", "to": "dang-uy-bv"},
                ^
            """),
        Case(
            "missing-relation-from.yaml",
            """
            missing-relation-from.yaml:20:5: error: missing required field 'from' in a relation
              - {type: leads, to: dang-uy-bv}
                ^
            """),
        Case(
            "missing-relation-to.json",
            """
            missing-relation-to.json:12:5: error: missing required field 'to' in a relation
                {"type": "reports-to", "from": "dang-uy-bv", "period": ["regular", "extraordinary"]}
                ^
            """),
        Case(
            "missing-relation-to.yaml",
            """
            missing-relation-to.yaml:21:5: error: missing required field 'to' in a relation
              - {type: reports-to, from: dang-uy-bv, period: [regular, extraordinary]}
                ^
            """),
        Case(
            "missing-relation-type.json",
            """
            missing-relation-type.json:11:5: error: missing required field 'type' in a relation
                {"from": "tinh-uy", "to": "dang-uy-bv"},
                ^
            """),
        Case(
            "missing-relation-type.yaml",
            """
            missing-relation-type.yaml:20:5: error: missing required field 'type' in a relation
              - {from: tinh-uy, to: dang-uy-bv}
                ^
            """),
        Case(
            "missing-suppression-reason.json",
            """
            missing-suppression-reason.json:15:5: error: missing required field 'reason' in a suppression
                {"rule": "local-liaison", "node": "dang-uy-bv"}
                ^
            """),
        Case(
            "missing-suppression-reason.yaml",
            """
            missing-suppression-reason.yaml:23:5: error: missing required field 'reason' in a suppression
              - rule: local-liaison
                ^
            """),
        Case(
            "multiple-documents.yaml",
            """
            multiple-documents.yaml:23:1: error: malformed YAML: the file holds more than one document; an organization is one document
            ---
            ^
            """),
        Case(
            "name-a-list.json",
            """
            name-a-list.json:8:66: error: 'name' must be a string, found a list
            …g-uy-bv", "kind": "unit-party-committee", "name": ["Đảng ủy", "Bệnh viện"], "part-of": "bv-da-khoa"}
                                                               ^
            """),
        Case(
            "name-a-list.yaml",
            """
            name-a-list.yaml:17:11: error: 'name' must be a string, found a list
                name: [Đảng ủy, Bệnh viện]
                      ^
            """),
        Case(
            "nfd-before-error.yaml",
            // Columns count Unicode scalars: each combining mark of the NFD text is one; the caret
            // skips them, so it stands under the value on screen.
            """
            nfd-before-error.yaml:3:42: error: unknown level 'ti\u{309}nh'; expected one of: central, provincial, district, commune
              - {name: Be\u{323}\u{302}nh vie\u{323}\u{302}n Đa khoa, level: ti\u{309}nh, id: bv-da-khoa, kind: public-service-unit}
                                                 ^
            """),
        Case(
            "nodes-not-a-list.json",
            """
            nodes-not-a-list.json:3:12: error: 'nodes' must be a list, found a mapping
              "nodes": {"id": "tinh-uy", "kind": "provincial-party-committee"},
                       ^
            """),
        Case(
            "nodes-not-a-list.yaml",
            """
            nodes-not-a-list.yaml:3:3: error: 'nodes' must be a list, found a mapping
              id: tinh-uy
              ^
            """),
        Case(
            "nul-in-name.json",
            """
            nul-in-name.json:5:69: error: 'name' contains a NUL character
                {"id": "tinh-uy", "kind": "provincial-party-committee", "name": "Tỉnh ủy\\u0000Lâm Đồng"},
                                                                                ^
            """),
        Case(
            "nul-in-name.yaml",
            """
            nul-in-name.yaml:6:11: error: 'name' contains a NUL character
                name: "Tỉnh ủy\\0Lâm Đồng"
                      ^
            """),
        Case(
            "number-for-string.json",
            """
            number-for-string.json:7:65: error: 'name' must be a string, found a number
                {"id": "bv-da-khoa", "kind": "public-service-unit", "name": 115, "level": "provincial"},
                                                                            ^
            """),
        Case(
            "period-on-leads.json",
            """
            period-on-leads.json:11:62: error: 'period' belongs on reports-to relations, not on leads
                {"type": "leads", "from": "tinh-uy", "to": "dang-uy-bv", "period": ["1-year"]},
                                                                         ^
            """),
        Case(
            "period-on-leads.yaml",
            """
            period-on-leads.yaml:20:50: error: 'period' belongs on reports-to relations, not on leads
              - {type: leads, from: tinh-uy, to: dang-uy-bv, period: [1-year]}
                                                             ^
            """),
        Case(
            "tab-before-error.json",
            """
            tab-before-error.json:11:46: error: unknown node 'dang-uy-bvv' in 'to'; did you mean 'dang-uy-bv'?
            \t\t{"type": "leads",\t"from": "tinh-uy",\t"to": "dang-uy-bvv"},
            \t\t                 \t                  \t      ^
            """),
        Case(
            "tab-before-error.yaml",
            """
            tab-before-error.yaml:20:38: error: unknown node 'dang-uy-bvv' in 'to'; did you mean 'dang-uy-bv'?
              - {type: leads,\tfrom: tinh-uy,\tto: dang-uy-bvv}
                             \t              \t    ^
            """),
        Case(
            "truncated-after-brace.json",
            """
            truncated-after-brace.json:1:2: error: malformed JSON: unexpected end of file; expected a field name or '}'
            {
             ^
            """),
        Case(
            "truncated-flow-mapping.yaml",
            """
            truncated-flow-mapping.yaml:3:29: error: malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping)
              - {id: tinh-uy, kind: prov
                                        ^
            """),
        Case(
            "undefined-alias.yaml",
            """
            undefined-alias.yaml:15:17: error: malformed YAML: alias '*giuong-benh' to an undefined anchor
                attributes: *giuong-benh
                            ^
            """),
        Case(
            "unknown-basis.json",
            """
            unknown-basis.json:14:85: error: unknown basis 'residance'; did you mean 'residence'?
                {"type": "liaises-with", "from": "dang-uy-bv", "to": "dang-uy-phuong", "basis": "residance"}
                                                                                                ^
            """),
        Case(
            "unknown-basis.yaml",
            """
            unknown-basis.yaml:25:71: error: unknown basis 'residance'; did you mean 'residence'?
              - {type: liaises-with, from: dang-uy-bv, to: dang-uy-phuong, basis: residance}
                                                                                  ^
            """),
        Case(
            "unknown-field.json",
            """
            unknown-field.json:8:87: error: unknown field 'partof' in a node; did you mean 'part-of'?
            …it-party-committee", "name": "Đảng ủy Bệnh viện", "partof": "bv-da-khoa"}
                                                               ^
            """),
        Case(
            "unknown-field.yaml",
            """
            unknown-field.yaml:18:5: error: unknown field 'partof' in a node; did you mean 'part-of'?
                partof: bv-da-khoa
                ^
            """),
        Case(
            "unknown-kind.json",
            """
            unknown-kind.json:8:34: error: unknown kind 'unit-party-comittee'; did you mean 'unit-party-committee'?
                {"id": "dang-uy-bv", "kind": "unit-party-comittee", "name": "Đảng ủy Bệnh viện", "part-of": "bv-…
                                             ^
            """),
        Case(
            "unknown-kind.yaml",
            """
            unknown-kind.yaml:16:11: error: unknown kind 'unit-party-comittee'; did you mean 'unit-party-committee'?
                kind: unit-party-comittee
                      ^
            """),
        Case(
            "unknown-level.json",
            """
            unknown-level.json:7:100: error: unknown level 'province'; did you mean 'provincial'?
            …unit", "name": "Bệnh viện Đa khoa tỉnh", "level": "province"},
                                                               ^
            """),
        Case(
            "unknown-level.yaml",
            """
            unknown-level.yaml:14:12: error: unknown level 'province'; did you mean 'provincial'?
                level: province
                       ^
            """),
        Case(
            "unknown-period.json",
            """
            unknown-period.json:12:93: error: unknown period '6-month'; did you mean '6-months'?
            …y-bv", "to": "btv-tinh-uy", "period": ["regular", "6-month"]}
                                                               ^
            """),
        Case(
            "unknown-period.yaml",
            """
            unknown-period.yaml:21:77: error: unknown period '6-month'; did you mean '6-months'?
              - {type: reports-to, from: dang-uy-bv, to: btv-tinh-uy, period: [regular, 6-month]}
                                                                                        ^
            """),
        Case(
            "unknown-reference-from.json",
            """
            unknown-reference-from.json:11:31: error: unknown node 'tinh-uyy' in 'from'; did you mean 'tinh-uy'?
                {"type": "leads", "from": "tinh-uyy", "to": "dang-uy-bv"},
                                          ^
            """),
        Case(
            "unknown-reference-from.yaml",
            """
            unknown-reference-from.yaml:20:25: error: unknown node 'tinh-uyy' in 'from'; did you mean 'tinh-uy'?
              - {type: leads, from: tinh-uyy, to: dang-uy-bv}
                                    ^
            """),
        Case(
            "unknown-reference-part-of.json",
            """
            unknown-reference-part-of.json:8:98: error: unknown node 'bv-dakhoa' in 'part-of'; did you mean 'bv-da-khoa'?
            …mmittee", "name": "Đảng ủy Bệnh viện", "part-of": "bv-dakhoa"}
                                                               ^
            """),
        Case(
            "unknown-reference-part-of.yaml",
            """
            unknown-reference-part-of.yaml:18:14: error: unknown node 'bv-dakhoa' in 'part-of'; did you mean 'bv-da-khoa'?
                part-of: bv-dakhoa
                         ^
            """),
        Case(
            "unknown-reference-suppression.json",
            """
            unknown-reference-suppression.json:15:39: error: unknown node 'dang-uy-vb' in 'node'; did you mean 'dang-uy-bv'?
                {"rule": "local-liaison", "node": "dang-uy-vb", "reason": "phường sáp nhập 2025; liaison being r…
                                                  ^
            """),
        Case(
            "unknown-reference-suppression.yaml",
            """
            unknown-reference-suppression.yaml:24:11: error: unknown node 'dang-uy-vb' in 'node'; did you mean 'dang-uy-bv'?
                node: dang-uy-vb
                      ^
            """),
        Case(
            "unknown-reference-to.json",
            """
            unknown-reference-to.json:12:56: error: unknown node 'btv-tinh-ui' in 'to'; did you mean 'btv-tinh-uy'?
            …"type": "reports-to", "from": "dang-uy-bv", "to": "btv-tinh-ui", "period": ["regular", "extraordinar…
                                                               ^
            """),
        Case(
            "unknown-reference-to.yaml",
            """
            unknown-reference-to.yaml:21:46: error: unknown node 'btv-tinh-ui' in 'to'; did you mean 'btv-tinh-uy'?
              - {type: reports-to, from: dang-uy-bv, to: btv-tinh-ui, period: [regular, extraordinary]}
                                                         ^
            """),
        Case(
            "unknown-relation-type.json",
            """
            unknown-relation-type.json:11:14: error: unknown relation type 'lead-by'; did you mean 'leads'?
                {"type": "lead-by", "from": "tinh-uy", "to": "dang-uy-bv"},
                         ^
            """),
        Case(
            "unknown-relation-type.yaml",
            """
            unknown-relation-type.yaml:20:12: error: unknown relation type 'lead-by'; did you mean 'leads'?
              - {type: lead-by, from: tinh-uy, to: dang-uy-bv}
                       ^
            """),
        Case(
            "unsupported-version-float.yaml",
            """
            unsupported-version-float.yaml:1:11: error: unsupported format version 1.0; this orggraph reads version 1
            orggraph: 1.0
                      ^
            """),
        Case(
            "unsupported-version.json",
            """
            unsupported-version.json:2:15: error: unsupported format version 2; this orggraph reads version 1
              "orggraph": 2,
                          ^
            """),
        Case(
            "unsupported-version.yaml",
            """
            unsupported-version.yaml:1:11: error: unsupported format version 2; this orggraph reads version 1
            orggraph: 2
                      ^
            """),
        Case(
            "utf16-bom.yaml",
            """
            utf16-bom.yaml:1:1: error: the file is UTF-16 (little-endian, by its byte order mark), not UTF-8; save it as UTF-8
            """),
        Case(
            "utf16-no-bom.json",
            """
            utf16-no-bom.json:1:1: error: the file is UTF-16 (big-endian: a NUL byte before each letter), not UTF-8; save it as UTF-8
            """),
        Case(
            "whitespace-only.json",
            """
            whitespace-only.json:1:1: error: the file is empty; an organization file starts with 'orggraph: 1'
            """),
        Case(
            "whitespace-only.yaml",
            """
            whitespace-only.yaml:1:1: error: the file is empty; an organization file starts with 'orggraph: 1'
            """),
    ]

    /// Inputs built to exhaust time or memory; loaded on a thread with a deadline.
    static let hostileCases: [Case] = [
        Case(
            "alias-bomb-key.yaml",
            """
            alias-bomb-key.yaml:7:12: error: YAML aliases expand this document past 10938 values; aliases may not multiply the document
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                       ^
            """),
        Case(
            "alias-bomb.yaml",
            """
            alias-bomb.yaml:9:10: error: YAML aliases expand this document past 10934 values; aliases may not multiply the document
              e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                     ^
            """),
        Case(
            "deep-nesting.json",
            """
            deep-nesting.json:1:27: error: 'nodes' must be a list of mappings, found a list
            {"orggraph": 1, "nodes": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…
                                      ^
            deep-nesting.json:1:281: error: malformed JSON: nesting deeper than 256 levels
            …[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…
                                                               ^
            """),
        Case(
            "deep-nesting.yaml",
            """
            deep-nesting.yaml:2:9: error: malformed YAML: the lists and mappings opened here nest deeper than 1000 levels
            nodes: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…
                    ^
            """),
    ]
}
