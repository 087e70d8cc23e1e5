import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate

/// Folders of CSV files as organizations (SPEC §1, §5): written by ``CSVFolderWriter``, they load
/// back to an equal organization; what Excel and LibreOffice save loads; a bad cell is a located
/// error naming its row, column and header; findings point at rows.
@Suite("CSV folders")
struct CSVFolderTests {
    // MARK: Helpers

    /// Writes `organization` as a folder of CSV files in a new temporary folder.
    static func write(_ organization: Organization) throws -> URL {
        let folder = try temporaryFolder("csv")
        for (name, bytes) in zip(CSVFolderWriter.fileNames, CSVFolderWriter.files(organization)) {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// A new folder holding `files` (name → text, written as UTF-8).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try temporaryFolder("csv")
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func load(_ folder: URL) throws -> LoadedOrganization {
        try OrganizationLoader().load(contentsOf: folder.path)
    }

    /// The load error of `folder`, rendered as the command line prints it.
    static func loadError(_ folder: URL) -> String? {
        do {
            _ = try OrganizationLoader().load(contentsOf: folder.path)
            return nil
        } catch {
            return error.rendered(in: .english).replacingOccurrences(of: folder.path, with: "F")
        }
    }

    /// The organization through CSV and back, checked equal to `original`, string for string.
    static func expectRoundTrip(_ original: Organization, _ label: String) throws {
        let folder = try write(original)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reloaded = try load(folder).organization
        #expect(reloaded == original, "\(label)")
        #expect(ConvertRoundTripTests.strings(of: reloaded) == ConvertRoundTripTests.strings(of: original), "\(label)")
        #expect(
            OrganizationWriter.write(reloaded, as: .yaml) == OrganizationWriter.write(original, as: .yaml), "\(label)")
    }

    // MARK: Round trips

    @Test(
        "YAML → CSV → YAML loses nothing, on every example and load-ok fixture", arguments: ConvertRoundTripTests.files)
    func roundTrip(_ path: String) throws {
        try Self.expectRoundTrip(try ConvertRoundTripTests.load(path), path)
    }

    @Test("YAML → JSON → CSV → YAML loses nothing", arguments: ConvertRoundTripTests.files)
    func roundTripThroughJSON(_ path: String) throws {
        let original = try ConvertRoundTripTests.load(path)
        let json = try ConvertRoundTripTests.reload(OrganizationWriter.write(original, as: .json), as: .json)
        try Self.expectRoundTrip(json, path)
        let folder = try Self.write(json)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            OrganizationWriter.write(try Self.load(folder).organization, as: .yaml)
                == OrganizationWriter.write(original, as: .yaml))
    }

    @Test(
        "A generated organization, with faults, goes through CSV and back",
        arguments: OrganizationGenerator.Structure.allCases)
    func generated(_ structure: OrganizationGenerator.Structure) throws {
        let size = OrganizationGenerator.Size(
            provinces: 1, districtsPerProvince: 2, communesPerDistrict: 3, provincialUnitsPerProvince: 12,
            districtUnitsPerDistrict: 4)
        let organization = try OrganizationGenerator(size: size, seed: 7, structure: structure).generate(faults: 9)
            .organization
        #expect(organization.nodes.count > 50)
        try Self.expectRoundTrip(organization, structure.rawValue)
    }

    @Test("Empty texts, lone and doubled quotes, empty period lists and attribute orders survive")
    func emptyTexts() throws {
        var relations = RelationList()
        relations.append(Relation(type: .reportsTo, from: "a", to: "b", period: []))
        relations.append(Relation(type: .reportsTo, from: "b", to: "a", period: [.sixMonths, .oneYear], note: ""))
        relations.append(
            Relation(type: .leads, from: "a", to: "b", note: "\"\"", attributes: [.init(key: "", value: "")]))
        let organization = Organization(
            title: "", rulebook: nil,
            nodes: [
                Node(
                    id: "a", kind: .publicServiceUnit, name: "", sector: "\"", note: "\"\"\"",
                    attributes: [.init(key: "x", value: ""), .init(key: "y", value: "\"\"")]),
                Node(
                    id: "b", kind: .unitPartyCommittee, name: "  b, \"quoted\"\r\nline ", partOf: "a",
                    attributes: [.init(key: "z", value: "1"), .init(key: "x", value: "2")]),
            ],
            relations: relations,
            suppressions: [Suppression(rule: "r", node: "a", reason: "line\nbreak; \"why\"")])
        try Self.expectRoundTrip(organization, "empty texts")
    }

    @Test("Attribute columns keep every row's order when one order fits them all")
    func attributeColumns() {
        func list(_ keys: String...) -> [Attribute] { keys.map { Attribute(key: $0, value: "v") } }
        #expect(
            CSVFolderWriter.attributeColumns([list("b", "c"), list("a", "b"), list("c", "d")]) == ["a", "b", "c", "d"])
        #expect(CSVFolderWriter.attributeColumns([list("x"), list("z", "y"), list("y", "x")]) == ["z", "y", "x"])
        // Two rows that disagree: every name still gets a column.
        #expect(Set(CSVFolderWriter.attributeColumns([list("p", "q"), list("q", "p")])) == ["p", "q"])
    }

    @Test("The written files: a byte order mark, CRLF, all four files, header rows alone when empty")
    func writtenFiles() throws {
        let organization = try loadPackageFile("Examples/hospital.yaml").organization
        let files = CSVFolderWriter.files(organization)
        #expect(CSVFolderWriter.fileNames == ["organization.csv", "nodes.csv", "relations.csv", "suppressions.csv"])
        for bytes in files {
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(bytes.suffix(2) == [0x0D, 0x0A])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") || text.contains("\""))
        }
        #expect(String(decoding: files[3].dropFirst(3), as: UTF8.self) == "rule,node,reason\r\n")
        let header = String(decoding: files[1].dropFirst(3), as: UTF8.self).prefix { $0 != "\r\n" }
        #expect(header.hasPrefix("id,kind,name,level,sector,part-of,note,attr:"))
    }

    // MARK: What Excel and LibreOffice save

    static let plainNodes = "id,kind,name\r\ntinh-uy,provincial-party-committee,Tỉnh ủy\r\n"

    @Test("Semicolons, a byte order mark, CRLF, quoted separators, quotes and line breaks, empty trailing columns")
    func spreadsheetForms() throws {
        let folder = try Self.folder([
            "nodes.csv": "\u{FEFF}id;kind;name;note;attr:beds;;\r\n"
                + "tinh-uy;provincial-party-committee;\"Tỉnh ủy; Lâm Đồng\";\"says \"\"hi\"\"\r\nover two lines\";;;\r\n"
                + "bv;public-service-unit;Bệnh viện, tỉnh;;800;;\r\n"
                + ";;;;;;\r\n",
            "relations.csv": "type,from,to,period\nleads,tinh-uy,bv,\n",
            "organization.csv": "\u{FEFF}field,value\r\ntitle,\"Lâm Đồng, y tế\"\r\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let organization = try Self.load(folder).organization
        #expect(organization.title == "Lâm Đồng, y tế")
        #expect(organization.formatVersion == 1)
        #expect(organization.nodes.map(\.id) == ["tinh-uy", "bv"])
        #expect(organization.nodes[0].name == "Tỉnh ủy; Lâm Đồng")
        #expect(organization.nodes[0].note == "says \"hi\"\r\nover two lines")
        #expect(organization.nodes[0].attributes.isEmpty)
        #expect(organization.nodes[1].name == "Bệnh viện, tỉnh")
        #expect(organization.nodes[1].attributes == [Attribute(key: "beds", value: "800")])
        #expect(organization.relations.count == 1)
        #expect(organization.suppressions.isEmpty)
        // Row 3 is the spreadsheet's row, though the record before it spans two lines.
        #expect(
            organization.sourceMap.nodes == [SourceLocation(line: 2, column: 1), SourceLocation(line: 3, column: 1)])
        #expect(organization.sourceMap.nodeFile == folder.path + "/nodes.csv")
    }

    @Test("The separator is told from the header row, quotes and all")
    func separatorDetection() {
        #expect(CSVTable.separator(ofHeaderIn: "id,kind,name\n") == ",")
        #expect(CSVTable.separator(ofHeaderIn: "id;kind;name\r\na,b,c,d,e\n") == ";")
        #expect(CSVTable.separator(ofHeaderIn: "\"attr:a;b;c\",id,kind\n") == ",")
        #expect(CSVTable.separator(ofHeaderIn: "rule;node;\"reason, why\"") == ";")
    }

    /// LibreOffice fixtures (Fixtures/csv-libreoffice/, see its README): for a source, one .ods
    /// per file of the folder `orggraph convert` wrote, and the folders LibreOffice saved from
    /// them, with commas and with semicolons.
    static let libreOfficeFolders = [
        ("hospital/comma", "Examples/hospital.yaml"), ("hospital/semicolon", "Examples/hospital.yaml"),
        ("tricky-scalars/comma", ConvertRoundTripTests.trickyPath),
        ("tricky-scalars/semicolon", ConvertRoundTripTests.trickyPath),
    ]

    @Test("CSV folders saved by LibreOffice load equal to the file they were made from", arguments: libreOfficeFolders)
    func libreOffice(_ variant: String, _ source: String) throws {
        let folder = fixturesFolder.appendingPathComponent("csv-libreoffice/\(variant)")
        let loaded = OrganizationWriter.write(try Self.load(folder).organization, as: .yaml)
        // LibreOffice drops the tabs inside cells; nothing else changes.
        let original = OrganizationWriter.write(try loadPackageFile(source).organization, as: .yaml)
            .replacingOccurrences(of: "\"tab\\there\"", with: "tabhere")
        #expect(Array(loaded.utf8) == Array(original.utf8))
        let nodes = try Data(contentsOf: folder.appendingPathComponent("nodes.csv"))
        let separator = UInt8(ascii: variant.hasSuffix("comma") ? "," : ";")
        #expect(nodes.prefix { $0 != 0x0A }.filter { $0 == separator }.count >= 6)
        let ods = folder.deletingLastPathComponent().appendingPathComponent("ods/nodes.ods")
        #expect(FileManager.default.fileExists(atPath: ods.path))
    }

    // MARK: Errors

    @Test("A bad cell names FILE:ROW:COLUMN, the column's header and the closest word")
    func badCell() throws {
        let folder = try Self.folder([
            "nodes.csv":
                "name,id,kind\nTỉnh ủy,tinh-uy,provincial-party-comittee\n\"two\nlines\",bv,public-service-unit\n",
            "relations.csv": "type,from,to,period\nreports-to,bv,tinh-uy,6-months|1-yaer\nleads,tinh-uy,bv-x,\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Self.loadError(folder) == """
                F/nodes.csv:2:3: error: unknown kind 'provincial-party-comittee'; did you mean \
                'provincial-party-committee'? (column 'kind')
                F/relations.csv:2:4: error: unknown period '1-yaer'; did you mean '1-year'? (column 'period')
                """)
        try Data("name,id,kind\nTỉnh ủy,tinh-uy,provincial-party-committee\n\"two\nlines\",bv,\n".utf8)
            .write(to: folder.appendingPathComponent("nodes.csv"))
        try Data("type,from,to,period\nleads,tinh-uy,bv-x,\n".utf8).write(
            to: folder.appendingPathComponent("relations.csv"))
        #expect(Self.loadError(folder) == "F/nodes.csv:3:3: error: 'kind' needs a value (column 'kind')")
        try Data("name,id,kind\nTỉnh ủy,tinh-uy,provincial-party-committee\n".utf8)
            .write(to: folder.appendingPathComponent("nodes.csv"))
        #expect(Self.loadError(folder) == "F/relations.csv:2:3: error: unknown node 'bv-x' in 'to' (column 'to')")
    }

    @Test("A duplicate id names both rows")
    func duplicateID() throws {
        let folder = try Self.folder([
            "nodes.csv": "id,kind\na,public-service-unit\nb,public-service-unit\na,unit-party-committee\n",
            "relations.csv": "type,from,to\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Self.loadError(folder) == """
                F/nodes.csv:4:1: error: duplicate id 'a' (column 'id')
                F/nodes.csv:2:1: note: 'a' is first defined here (column 'id')
                """)
    }

    @Test(
        "Header rows: unknown, repeated, unnamed and missing columns",
        arguments: [
            (
                "id,knd,name\n",
                "F/nodes.csv:1:2: error: unknown column 'knd'; did you mean 'kind'? (an attribute's column "
                    + "is named attr:KEY); the columns are id, kind, name, level, sector, part-of, note\n"
                    + "F/nodes.csv:1:1: error: no 'kind' column; a node needs 'id' and 'kind'"
            ),
            (
                "id,kind,id\n",
                "F/nodes.csv:1:3: error: duplicate column 'id'\nF/nodes.csv:1:1: note: 'id' is first named here"
            ),
            ("id,,kind\n", "F/nodes.csv:1:2: error: column 2 has no name in the header row"),
            (
                "id,kind\na,public-service-unit,x\n",
                "F/nodes.csv:2:3: error: a value in column 3, past the last column with a name in the header row"
            ),
            (
                "id,kind\n\"a,public-service-unit\n",
                "F/nodes.csv:2:1: error: a quoted cell is not closed: it runs to the end of the file; add the closing \""
            ),
            ("", "F/nodes.csv:1:1: error: the file has no header row; its first row names the columns"),
        ])
    func headers(_ nodes: String, _ expected: String) throws {
        let folder = try Self.folder(["nodes.csv": nodes, "relations.csv": "type,from,to\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.loadError(folder) == expected)
    }

    @Test("organization.csv: the format version, title and rulebook; an unknown field is located")
    func organizationFile() throws {
        let folder = try Self.folder([
            "nodes.csv": Self.plainNodes, "relations.csv": "type,from,to\n",
            "organization.csv": "value,field\n2,orggraph\nx,titel\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            Self.loadError(folder)
                == "F/organization.csv:3:2: error: unknown field 'titel'; did you mean 'title'?; organization.csv names "
                + "orggraph, title, rulebook")
        try Data("field,value\norggraph,2\n".utf8).write(to: folder.appendingPathComponent("organization.csv"))
        #expect(
            Self.loadError(folder)
                == "F/organization.csv:2:2: error: unsupported format version 2; this orggraph reads version 1 "
                + "(column 'value')")
        try Data("field,value\nrulebook,125-QD/TW-2025\norggraph,1\n".utf8)
            .write(to: folder.appendingPathComponent("organization.csv"))
        #expect(try Self.load(folder).organization.rulebook == "125-QD/TW-2025")
    }

    @Test("A folder without nodes.csv, a link out of the folder, a file over the size limit")
    func folderFiles() throws {
        let folder = try Self.folder(["relations.csv": "type,from,to\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.loadError(folder)?.hasPrefix("F: error: the folder has no nodes.csv; ") == true)
        let outside = try Self.folder(["secret.csv": Self.plainNodes])
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("nodes.csv").path,
            withDestinationPath: outside.appendingPathComponent("secret.csv").path)
        #expect(
            Self.loadError(folder)
                == "F/nodes.csv: error: a symbolic link that leads out of the folder; it is not followed")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("nodes.csv"))
        try Data(Self.plainNodes.utf8).write(to: folder.appendingPathComponent("real.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("nodes.csv").path, withDestinationPath: "real.csv")
        #expect(try Self.load(folder).organization.nodes.count == 1)
        var small = OrganizationLoader()
        small.maximumInputBytes = 20
        #expect(throws: LoadError.self) { try small.load(contentsOf: folder.path) }
    }

    // MARK: Findings

    @Test("Findings on a folder point at the rows of nodes.csv, relations.csv and suppressions.csv")
    func findingsPointAtRows() throws {
        var original = try loadPackageFile("Examples/broken/structural.yaml").organization
        // A suppression that hides nothing: its finding is on its row of suppressions.csv.
        original.suppressions.append(Suppression(rule: "no-such-rule", node: original.nodes[0].id, reason: "test"))
        let folder = try Self.write(original)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try Self.load(folder)
        let report = Auditor(rulebook: try RulebookLoader().rulebook(option: nil, for: loaded.organization))
            .audit(loaded)
        #expect(!report.findings.isEmpty)
        let organization = loaded.organization
        var sawRelation = false
        var sawSuppression = false
        for finding in report.findings {
            if finding.rule == "unused-suppression" {
                sawSuppression = true
                #expect(finding.file == folder.path + "/suppressions.csv")
                #expect(finding.location == SourceLocation(line: 2, column: 1))
            } else if let index = finding.relation?.index {
                sawRelation = true
                #expect(finding.file == folder.path + "/relations.csv")
                // Row 1 is the header: relation i is on row i + 2.
                #expect(finding.location.line == Int32(index + 2))
            } else if let node = organization.nodes.firstIndex(where: { $0.id == finding.node }) {
                #expect(finding.file == folder.path + "/nodes.csv")
                #expect(finding.location.line == Int32(node + 2))
            }
        }
        #expect(sawRelation)
        #expect(sawSuppression)
    }
}
