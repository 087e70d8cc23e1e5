import Foundation
import TestSupport
import Testing

/// `orggraph` on folders of CSV files: `convert --to csv` writes one, every command reads one,
/// and a bad cell is a located error in text and JSON.
@Suite("CSV folders on the command line")
struct CSVFolderCLITests {
    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("convert --to csv writes the four files, and they convert back to the same YAML")
    func convertBothWays() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("hospital").path
        let converted = try orggraph(["convert", "Examples/hospital.yaml", "--to", "csv", "-o", csv])
        #expect(converted.status == 0, "\(converted.err)")
        #expect(converted.out.isEmpty && converted.err.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: csv).sorted()
        #expect(names == ["nodes.csv", "organization.csv", "relations.csv", "suppressions.csv"])
        let nodes = try Data(contentsOf: URL(fileURLWithPath: csv + "/nodes.csv"))
        #expect(nodes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: nodes, as: UTF8.self).contains("\r\nbv-da-khoa,public-service-unit,"))
        let back = try orggraph(["convert", csv, "-o", "-", "--to", "yaml"])
        #expect(back.status == 0)
        #expect(back.out == (try orggraph(["convert", "Examples/hospital.yaml", "-o", "-", "--to", "yaml"])).out)
        // A folder named with a final slash needs no --to.
        let slash = folder.appendingPathComponent("again").path + "/"
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "-o", slash]).status == 0)
        #expect(try Self.text(slash + "nodes.csv") == Self.text(csv + "/nodes.csv"))
    }

    @Test("diff of a file and its CSV folder finds no change; a change in the folder is placed at its row")
    func diffFolder() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("hospital").path
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "--to", "csv", "-o", csv]).status == 0)
        let same = try orggraph(["diff", "Examples/hospital.yaml", csv])
        #expect(same.status == 0, "\(same.err)")
        #expect(same.out.contains("No changes."))
        var nodes = try Self.text(csv + "/nodes.csv")
        nodes = nodes.replacingOccurrences(
            of: "\r\nbv-da-khoa,public-service-unit,", with: "\r\nbv-da-khoa,public-service-unit,X")
        try Data(nodes.utf8).write(to: URL(fileURLWithPath: csv + "/nodes.csv"))
        let changed = try orggraph(["diff", "Examples/hospital.yaml", csv, "--format", "json"])
        #expect(changed.status != 2, "\(changed.err)")
        #expect(changed.out.contains("\"file\": \"\(csv)/nodes.csv\", \"line\": 15, \"column\": 1"), "\(changed.out)")
    }

    @Test("convert --to csv refuses a file or standard output, and keeps other files of the folder")
    func convertTargets() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("org.csv").path
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: file))
        let refused = try orggraph(["convert", "Examples/hospital.yaml", "--to", "csv", "-o", file])
        #expect(refused.status == 2)
        #expect(
            refused.err
                == "\(file): error: exists and is not a folder; --to csv writes a folder of CSV files; nothing was written\n"
        )
        #expect(try Self.text(file) == "keep\n")
        let standard = try orggraph(["convert", "Examples/hospital.yaml", "--to", "csv", "-o", "-"])
        #expect(standard.status == 2)
        #expect(standard.err.contains("a CSV organization is a folder of files; name a folder with -o"))

        // A folder written before, with suppressions and a file of the user's own.
        let csv = folder.appendingPathComponent("org").path
        try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: false)
        try Data("rule,node,reason\nlevel-required,old,stale\n".utf8)
            .write(to: URL(fileURLWithPath: csv + "/suppressions.csv"))
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: csv + "/README.txt"))
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "--to", "csv", "-o", csv]).status == 0)
        let suppressions = try Data(contentsOf: URL(fileURLWithPath: csv + "/suppressions.csv"))
        #expect([UInt8](suppressions) == [0xEF, 0xBB, 0xBF] + Array("rule,node,reason\r\n".utf8))
        #expect(try Self.text(csv + "/README.txt") == "notes\n")
        // The same folder as input and output is refused.
        let same = try orggraph(["convert", csv, "--to", "csv", "-o", csv])
        #expect(same.status == 2)
        #expect(same.err.contains("the output is the same file as the input"))
    }

    @Test("A bad cell: FILE:ROW:COLUMN and the column's header, in text and in JSON, exit 2")
    func badCell() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            "\u{FEFF}id;name;kind\r\ntinh-uy;\"Tỉnh ủy;\r\nLâm Đồng\";provincial-party-committee\r\nbv;Bệnh viện;public-servce-unit\r\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("nodes.csv"))
        try Data("type,from,to\n".utf8).write(to: folder.appendingPathComponent("relations.csv"))
        let path = folder.path
        let text = try orggraph(["validate", path])
        #expect(text.status == 2)
        #expect(
            text.err
                == "\(path)/nodes.csv:3:3: error: unknown kind 'public-servce-unit'; did you mean 'public-service-unit'? "
                + "(column 'kind')\n")
        let json = try orggraph(["validate", path, "--format", "json"])
        #expect(json.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let error = (object?["errors"] as? [[String: Any]])?.first
        #expect(error?["file"] as? String == path + "/nodes.csv")
        #expect(error?["line"] as? Int == 3)
        #expect(error?["column"] as? Int == 3)
        #expect((error?["message"] as? String)?.hasSuffix("(column 'kind')") == true)
        let vietnamese = try orggraph(["validate", path, "--lang", "vi"])
        #expect(vietnamese.err.contains("nodes.csv:3:3: error: loại đơn vị không hợp lệ 'public-servce-unit'"))
        #expect(vietnamese.err.hasSuffix("(cột 'kind')\n"))
        let sarif = try orggraph(["validate", path, "--format", "sarif"])
        #expect(sarif.status == 2)
        #expect(sarif.out.contains("\"executionSuccessful\": false"))
        #expect(sarif.out.contains("nodes.csv"))
    }

    @Test("Every command that reads an organization reads a folder")
    func everyCommand() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("org").path
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "--to", "csv", "-o", csv]).status == 0)
        let commands: [[String]] = [
            ["validate", csv], ["stats", csv], ["query", csv, "tinh-uy", "leads"],
            ["path", csv, "tinh-uy", "dang-uy-bv"],
            ["chain", csv, "dang-uy-bv"], ["common", csv, "dang-uy-bv", "btv-tinh-uy"],
            ["impact", csv, "--remove", "dang-uy-bv"], ["render", csv, "--format", "dot", "-o", "-"],
            ["report", csv, "-o", folder.appendingPathComponent("report.html").path],
        ]
        for command in commands {
            let yaml = command.map { $0 == csv ? "Examples/hospital.yaml" : $0 }
            let fromYAML = try orggraph(yaml)
            let fromCSV = try orggraph(command)
            #expect(fromCSV.status == fromYAML.status, "\(command[0]): \(fromCSV.err)")
            #expect(fromCSV.err.isEmpty, "\(command[0])")
        }
        let limited = try orggraph(["stats", csv, "--max-input-bytes", "1K"])
        #expect(limited.status == 2)
        #expect(
            limited.err
                == "\(csv)/nodes.csv: error: the file is larger than the limit of 1024 bytes (--max-input-bytes)\n")
    }

    @Test("Findings on a folder name its files and rows, in text and SARIF")
    func findings() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("broken").path
        #expect(try orggraph(["convert", "Examples/broken/structural.yaml", "--to", "csv", "-o", csv]).status == 0)
        let text = try orggraph(["validate", csv])
        #expect(text.status == 1)
        #expect(text.out.contains("\(csv)/nodes.csv:2:1: error: leadership runs in a circle"))
        #expect(text.out.contains("\(csv)/relations.csv:2:1: note: "))
        let sarif = try orggraph(["validate", csv, "--format", "sarif"])
        #expect(sarif.out.contains("\"uri\": \"file://\(csv)/nodes.csv\""))
        #expect(sarif.out.contains("\"uri\": \"file://\(csv)/relations.csv\""))
    }

    @Test("organization.csv names a rulebook in the folder; one outside it is refused at its cell")
    func rulebookInFolder() throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("org").path
        #expect(try orggraph(["convert", "Examples/lam-dong-2025.yaml", "--to", "csv", "-o", csv]).status == 0)
        try FileManager.default.copyItem(
            atPath: packageRoot.appendingPathComponent("Examples/rulebooks/two-tier-2025.yaml").path,
            toPath: csv + "/province.yaml")
        let organization = URL(fileURLWithPath: csv + "/organization.csv")
        try Data("field,value\nrulebook,province.yaml\n".utf8).write(to: organization)
        let inside = try orggraph(["validate", csv, "--format", "json"])
        #expect(inside.status != 2, "\(inside.err)")
        #expect(inside.err.isEmpty)
        try Data("field,value\nrulebook,../province.yaml\n".utf8).write(to: organization)
        let outside = try orggraph(["validate", csv])
        #expect(outside.status == 2)
        #expect(outside.err.hasPrefix("\(csv)/organization.csv:2:2: error: the rulebook '../province.yaml' leads out"))
    }

    @Test(
        "generate → CSV → YAML gives back the generated bytes, in both structures",
        arguments: ["three-tier", "two-tier"])
    func generated(_ structure: String) throws {
        let folder = try temporaryFolder("csv-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = folder.appendingPathComponent("org.yaml").path
        let json = folder.appendingPathComponent("org.json").path
        let csv = folder.appendingPathComponent("org").path
        let fromJSON = folder.appendingPathComponent("org-json").path
        let size = [
            "--provinces", "1", "--districts", "2", "--communes", "3", "--provincial-units", "20", "--district-units",
            "5", "--structure", structure,
        ]
        #expect(try orggraph(["generate"] + size + ["--faults", "9", "-o", yaml]).status == 0)
        #expect(try orggraph(["convert", yaml, "--to", "csv", "-o", csv]).status == 0)
        #expect(try orggraph(["convert", yaml, "-o", json]).status == 0)
        #expect(try orggraph(["convert", json, "--to", "csv", "-o", fromJSON]).status == 0)
        for folder in [csv, fromJSON] {
            let back = try orggraph(["convert", folder, "-o", "-", "--to", "yaml"])
            #expect(back.status == 0)
            #expect(back.out == (try Self.text(yaml)))
        }
    }
}
