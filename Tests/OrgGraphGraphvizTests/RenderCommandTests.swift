import Foundation
import TestSupport
import Testing

/// `orggraph render` as a user runs it: output files, formats, errors and exit statuses.
@Suite("orggraph render")
struct RenderCommandTests {
    @Test("without -o the chart goes beside the input, with the format's extension")
    func defaultOutput() throws {
        let folder = try temporaryFolder("orggraph-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("hospital.yaml")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Examples/hospital.yaml"), to: input)
        let result = try orggraph(["render", input.path, "--format", "png"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        let png = try Data(contentsOf: folder.appendingPathComponent("hospital.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "hospital.png", "hospital.yaml",
            ])
    }

    @Test("the format follows the extension of -o; -o - writes standard output")
    func formats() throws {
        let folder = try temporaryFolder("orggraph-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, prefix) in [("a.svg", "<?xml"), ("a.pdf", "%PDF-"), ("a.gv", "digraph")] {
            let path = folder.appendingPathComponent(name).path
            let result = try orggraph(["render", "Examples/district-school.yaml", "-o", path])
            #expect(result.status == 0, "\(result.err)")
            #expect(
                String(
                    decoding: try Data(contentsOf: URL(fileURLWithPath: path)).prefix(prefix.utf8.count), as: UTF8.self)
                    == prefix)
        }
        let svg = try orggraph(["render", "Examples/district-school.yaml", "-o", "-"])
        #expect(svg.status == 0)
        #expect(String(decoding: svg.output.prefix(5), as: UTF8.self) == "<?xml")
    }

    @Test("an unknown layout is bad usage: exit status 2, a clear message, nothing from Graphviz")
    func unknownLayout() throws {
        let result = try orggraph(["render", "Examples/hospital.yaml", "--layout", "spring", "-o", "-"])
        #expect(result.status == 2)
        #expect(result.err.contains("'spring'"))
        #expect(!result.err.contains("Layout type"))
        #expect(result.out.isEmpty)
    }

    @Test("unknown ids and relation types exit 2 with a suggestion")
    func badOptions() throws {
        let focus = try orggraph(["render", "Examples/hospital.yaml", "--focus", "tinh-u", "-o", "-"])
        #expect(focus.status == 2)
        #expect(
            focus.err
                == "Examples/hospital.yaml: error: --focus: no node has the id 'tinh-u'; did you mean 'tinh-uy'?\n")
        let relations = try orggraph(["render", "Examples/hospital.yaml", "--relations", "leads,report-to", "-o", "-"])
        #expect(relations.status == 2)
        #expect(
            relations.err
                == "relations:1:7: error: unknown relation 'report-to'; did you mean 'reports-to'?\nleads,report-to\n      ^\n"
        )
        let depth = try orggraph(["render", "Examples/hospital.yaml", "--depth", "2", "-o", "-"])
        #expect(depth.status == 2)
        #expect(depth.err.contains("--depth goes with --focus"))
    }

    @Test(
        "--relations names the relation as typed, never the internal form",
        arguments: [
            (
                "leads,nope",
                "relations:1:7: error: unknown relation 'nope'; relations are part-of, leads, superior-of, directs, sends-documents, invites, reports-to, manages, coordinates-with, informs, escalates-to, accountable-to, liaises-with\nleads,nope\n      ^\n"
            ),
            (
                "leads, lead",
                "relations:1:8: error: unknown relation 'lead'; did you mean 'leads'?\nleads, lead\n       ^\n"
            ),
            (
                "leads|part-of",
                "relations:1:1: error: unknown relation 'leads|part-of'; relations are part-of, leads, superior-of, directs, sends-documents, invites, reports-to, manages, coordinates-with, informs, escalates-to, accountable-to, liaises-with\nleads|part-of\n^\n"
            ),
            (
                "leads,,part-of",
                "relations:1:7: error: --relations takes relation types joined by commas, such as 'leads,reports-to'\nleads,,part-of\n      ^\n"
            ),
        ])
    func relationsAsTyped(_ list: String, _ expected: String) throws {
        let result = try orggraph(["render", "Examples/hospital.yaml", "--relations", list, "-o", "-"])
        #expect(result.status == 2)
        #expect(result.err == expected)
        #expect(result.out.isEmpty)
    }

    @Test(
        "hostile names render to PNG and PDF with exit status 0 and nothing on standard error",
        arguments: ["png", "pdf", "svg"])
    func hostileNamesBinary(_ format: String) throws {
        let folder = try temporaryFolder("orggraph-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("hostile.yaml")
        let names = HostileNameTests.names.map(\.name).map { name in
            "\""
                + name.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || scalar.value > 0x7E || scalar == "\"" || scalar == "\\"
                        ? String(format: "\\U%08X", scalar.value) : String(scalar)
                }.joined() + "\""
        }
        var text = "orggraph: 1\ntitle: \"&#x1; &amp;\"\nnodes:\n"
        for (index, name) in names.enumerated() {
            text += "  - {id: n\(index), kind: unit-head, name: \(name)}\n"
        }
        try text.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("chart.\(format)")
        let result = try orggraph(["render", input.path, "-o", output.path])
        #expect(result.status == 0)
        #expect(result.err == "")
        let bytes = try [UInt8](Data(contentsOf: output))
        #expect(bytes.count > 1_000)
        if format == "svg" { _ = try SVGDocument(bytes) }
    }

    @Test("--highlight with ids that contain ':' is split where both sides are ids; no path exits 1")
    func highlight() throws {
        let found = try orggraph([
            "render", "Examples/hospital.yaml", "--highlight", "chi-bo-khoa-noi:tinh-uy", "--format", "dot", "-o", "-",
        ])
        #expect(found.status == 0)
        #expect(found.out.contains("color=\"#E6007E\""))
        let none = try orggraph([
            "render", "Examples/hospital.yaml", "--highlight", "chi-bo-khoa-noi:tinh-uy", "--relations", "invites",
            "--format", "dot", "-o", "-",
        ])
        #expect(none.status == 1)
        #expect(none.err.contains("no path from 'chi-bo-khoa-noi' to 'tinh-uy'"))
        #expect(!none.out.isEmpty)
    }

    @Test("a chart too large for a readable dot layout is refused at once, with advice")
    func tooLarge() throws {
        let folder = try temporaryFolder("orggraph-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "orggraph: 1\nnodes:\n  - {id: p, kind: provincial-party-committee}\n"
        for index in 0..<1_600 { text += "  - {id: c\(index), kind: commune-party-committee}\n" }
        text += "relations:\n"
        for index in 0..<1_600 { text += "  - {type: leads, from: p, to: c\(index)}\n" }
        let input = folder.appendingPathComponent("big.yaml")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try orggraph(["render", input.path, "-o", folder.appendingPathComponent("big.svg").path])
        #expect(result.status == 2)
        #expect(result.err.contains("1601 nodes"))
        #expect(result.err.contains("--focus"))
        #expect(result.err.contains("sfdp"))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("big.svg").path))
        let dot = try orggraph(["render", input.path, "--format", "dot", "-o", "-"])
        #expect(dot.status == 0)
    }

    @Test("--findings marks findings; the exit status stays 0")
    func findings() throws {
        let result = try orggraph([
            "render", "Examples/broken/regulation.yaml", "--findings", "--format", "dot", "-o", "-",
        ])
        #expect(result.status == 0)
        #expect(result.out.contains("⚠ unit-has-one-head"))
    }
}
