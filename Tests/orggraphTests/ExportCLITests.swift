import Foundation
import TestSupport
import Testing

/// `orggraph convert --to graphml|node-link|mermaid`: the format from --to or the output's
/// extension, standard output by default, atomic files, usage errors with exit 2.
@Suite("orggraph convert: exports")
struct ExportCLITests {
    @Test("--to without -o writes standard output; each format starts as it should")
    func standardOutput() throws {
        let graphml = try orggraph(["convert", "Examples/hospital.yaml", "--to", "graphml"])
        #expect(graphml.status == 0 && graphml.err.isEmpty)
        #expect(graphml.out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "))
        #expect(!graphml.out.contains("y:ShapeNode"))
        let yed = try orggraph(["convert", "Examples/hospital.yaml", "--to", "graphml", "--yed", "-o", "-"])
        #expect(yed.status == 0 && yed.out.contains("<y:ShapeNode>"))
        let nodeLink = try orggraph(["convert", "Examples/hospital.yaml", "--to", "node-link"])
        let object = try JSONSerialization.jsonObject(with: Data(nodeLink.out.utf8)) as? [String: Any]
        #expect((object?["links"] as? [Any])?.isEmpty == false)
        let mermaid = try orggraph(["convert", "Examples/hospital.yaml", "--to", "mermaid"])
        #expect(mermaid.status == 0 && mermaid.out.hasPrefix("flowchart TB\n"))
    }

    @Test("The format from the extension: .graphml, .mmd, and .md as a fenced Mermaid block")
    func fromExtension() throws {
        let folder = try temporaryFolder("orggraph-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try orggraph(["convert", "Examples/university.yaml", "--to", "mermaid"]).out
        for (name, prefix) in [("u.graphml", "<?xml"), ("u.mmd", "flowchart TB\n"), ("u.md", "```mermaid\n")] {
            let path = folder.appendingPathComponent(name).path
            let result = try orggraph(["convert", "Examples/university.yaml", "-o", path])
            #expect(result.status == 0, "\(name): \(result.err)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix(prefix), "\(name)")
            if name == "u.md" { #expect(text == "```mermaid\n" + plain + "```\n") }
        }
    }

    @Test(
        "Two runs write the same bytes (each process hashes with its own seed)",
        arguments: ["Examples/university.yaml", "Tests/Interchange/hostile-names.yaml"])
    func deterministicAcrossRuns(_ path: String) throws {
        for options in [
            ["--to", "graphml"], ["--to", "graphml", "--yed"], ["--to", "node-link"], ["--to", "mermaid"],
        ] {
            let first = try orggraph(["convert", path] + options)
            let second = try orggraph(["convert", path] + options)
            #expect(first.status == 0 && !first.output.isEmpty, "\(options)")
            #expect(first.output == second.output, "\(options)")
        }
    }

    @Test("Usage errors exit 2: no format to tell, --yed without GraphML, an unknown format")
    func usageErrors() throws {
        let none = try orggraph(["convert", "Examples/hospital.yaml"])
        #expect(none.status == 2 && none.err.contains("Cannot tell the format"))
        let yed = try orggraph(["convert", "Examples/hospital.yaml", "--to", "mermaid", "--yed"])
        #expect(yed.status == 2 && yed.err.contains("--yed styles GraphML"))
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "--to", "dot"]).status == 2)
    }

    @Test("A file that cannot be loaded leaves no export behind, and an existing one as it was")
    func failedLoad() throws {
        let folder = try temporaryFolder("orggraph-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.graphml").path
        try "before\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try orggraph(["convert", "Examples/rulebooks/two-tier-2025.yaml", "-o", path])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "before\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.graphml"])
    }
}
