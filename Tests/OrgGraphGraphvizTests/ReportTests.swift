import Foundation
import OrgGraph
import OrgGraphGraphviz
import TestSupport
import Testing

@testable import OrgGraphReport

/// The HTML report: what it shows, what it escapes, its scope and its charts.
@Suite("HTML report")
struct ReportTests {
    static func audited(
        _ loaded: LoadedOrganization, path: String = "test.yaml", language: Language = .english
    ) throws -> AuditedFile {
        let rulebook = try RulebookLoader().rulebook(option: nil, for: loaded.organization)
        return AuditedFile(path: path, loaded: loaded, rulebook: rulebook, language: language)
    }

    static func page(_ files: [AuditedFile], _ options: HTMLReport.Options) throws -> String {
        try HTMLReport(files: files, options: options).html { chart in
            try GraphvizRenderer().render(chart, layout: .dot, format: .svg)
        }
    }

    static let date = ReportDate(year: 2026, month: 3, day: 12)

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("names, ids and titles that hold markup are shown as written, never read as markup")
    func escaping() throws {
        let loaded = try load(
            """
            orggraph: 1
            title: "</title><script>alert('title')</script>"
            nodes:
              - {id: tinh-uy, kind: provincial-party-committee, name: "Tỉnh ủy <script>alert(1)</script>"}
              - {id: bv, kind: public-service-unit, level: provincial, name: "Bệnh viện \\"<img src=x onerror=alert(2)>\\" & co"}
              - {id: du, kind: unit-party-committee, part-of: bv, name: "<b>Đảng ủy</b></svg><script>alert(3)</script>"}
            relations:
              - {type: leads, from: tinh-uy, to: du}
            """)
        let html = try Self.page([try Self.audited(loaded, path: "<evil>.yaml")], .init(date: Self.date))
        // The page's own script is its only one, and nothing from the file opens a tag.
        #expect(Self.occurrences(of: "<script", in: html) == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<evil>"))
        #expect(html.contains("Tỉnh ủy &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        // The chart is in the page, and draws the names as text too.
        #expect(html.contains("<figure class=\"chart\""))
        #expect(Self.occurrences(of: "</svg>", in: html) == Self.occurrences(of: "<figure class=\"chart\"", in: html))
    }

    @Test(
        "every finding of validate is shown once, in the section of its unit",
        arguments: examplePaths.filter { $0.hasPrefix("Examples/broken/") })
    func everyFinding(path: String) throws {
        let file = try Self.audited(try loadPackageFile(path), path: path)
        for language in Language.allCases {
            let html = try Self.page([file], .init(language: language, date: Self.date))
            #expect(Self.occurrences(of: "<li class=\"finding ", in: html) == file.findings.count)
            for finding in file.findings {
                #expect(html.contains("data-node=\"\(HTMLText.escaped(finding.node))\" data-rule=\"\(finding.rule)\""))
            }
            // The report's own words are precomposed Vietnamese (NFC), as the file's are.
            #expect(html == html.precomposedStringWithCanonicalMapping)
        }
    }

    @Test(
        "in Vietnamese, the citations and the document of the built-in rulebooks are named in Vietnamese",
        arguments: examplePaths.filter { $0.hasPrefix("Examples/broken/") })
    func vietnameseCitations(path: String) throws {
        let file = try Self.audited(try loadPackageFile(path), path: path, language: .vietnamese)
        let html = try Self.page([file], .init(language: .vietnamese, date: Self.date))
        let rulebook = file.rulebook
        #expect(html.contains("<dt>Văn bản căn cứ</dt><dd>Quy định 125-QĐ/TW</dd>"))
        // What the rules cite, as written in English: no word of it is on the page.
        var written = Set<String>()
        for rule in rulebook.withAuditorRules.rules {
            guard let citation = rule.description.citation else { continue }
            written.insert(citation.document)
            for part in citation.section.map(Rulebook.parts) ?? [] where !part.hasPrefix("§") {
                written.insert(part)
            }
        }
        #expect(written.contains("structure") && written.contains("Regulation 125-QD/TW"))
        for words in written.sorted() {
            #expect(!html.contains(words), "'\(words)' in the Vietnamese report of \(path)")
        }
        // Each rule's citation is there by its Vietnamese name, in the table and beside its findings.
        for rule in rulebook.rules {
            guard let citation = rule.description.citation else { continue }
            let shown = HTMLText.escaped(rulebook.sectionText(citation, in: .vietnamese))
            #expect(html.contains("</code></th><td>\(shown)</td>"), "\(rule.id): \(shown)")
        }
        for finding in file.findings {
            guard let citation = rulebook.rule(finding.rule)?.description.citation else { continue }
            let shown = HTMLText.escaped(rulebook.sectionText(citation, in: .vietnamese))
            #expect(html.contains("<span class=\"section\">\(shown)</span>"), "\(finding.rule): \(shown)")
        }
    }

    @Test("the charts go to the units with the most findings; the others get the command that draws theirs")
    func chartLimit() throws {
        let file = try Self.audited(try loadPackageFile("Examples/broken/regulation.yaml"), path: "regulation.yaml")
        let report = try HTMLReport(files: [file], options: .init(charts: 1, date: Self.date))
        var rendered = 0
        let html = report.html { chart in
            rendered += 1
            return try GraphvizRenderer().render(chart, layout: .dot, format: .svg)
        }
        #expect(rendered == 1)
        #expect(Self.occurrences(of: "<figure class=\"chart\"", in: html) == 1)
        let first = try #require(report.subjects.first)
        #expect(html.contains("<article class=\"subject\" id=\"subject-0\""))
        let commands = Self.occurrences(of: "orggraph render regulation.yaml --focus ", in: html)
        #expect(commands == report.subjects.count { $0.node != nil } - 1)
        #expect(first.total >= report.subjects.dropFirst().map(\.total).max() ?? 0)
        // Each node of the chart names its node and can take the focus.
        let chart = try #require(html.range(of: "<figure class=\"chart\"").map { html[$0.lowerBound...] })
        let nodes = Self.occurrences(
            of: "class=\"node\" tabindex=\"0\" role=\"button\" data-node=\"", in: String(chart))
        #expect(nodes > 3)
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<!DOCTYPE svg"))
        #expect(html.contains("id=\"c0-graph0\""))
    }

    @Test("--scope covers the body and what is under it, each unit with its whole frame")
    func scope() throws {
        let generated = try OrganizationGenerator(
            size: .init(
                provinces: 2, districtsPerProvince: 2, communesPerDistrict: 3, provincialUnitsPerProvince: 10,
                districtUnitsPerDistrict: 3),
            seed: 3
        ).generate(faults: 30)
        let loaded = try LoadedOrganization(generated.organization)
        let file = try Self.audited(loaded)
        let frames = ChartFrames(loaded)
        func findings(_ scope: String) throws -> [Finding] {
            try HTMLReport(files: [file], options: .init(scope: scope, date: Self.date)).findings[0]
        }
        // A unit: the findings on its frame, exactly.
        let unitFinding = try #require(
            file.findings.first { loaded.graph.index(of: $0.node).map { frames.unit[$0] >= 0 } ?? false })
        let unit = Int(frames.unit[try #require(loaded.graph.index(of: unitFinding.node))])
        let unitID = loaded.organization.nodes[unit].id
        let inUnit = file.findings.filter {
            loaded.graph.index(of: $0.node).map { Int(frames.unit[$0]) == unit } ?? false
        }
        #expect(try findings(unitID) == inUnit)
        // A province: its own findings and none of the other province's.
        let provinces = loaded.organization.nodes.filter { $0.kind == .provincialPartyCommittee }.map(\.id)
        #expect(provinces.count == 2)
        let first = try findings(provinces[0])
        let second = try findings(provinces[1])
        #expect(!first.isEmpty && !second.isEmpty)
        #expect(Set(first.map(\.fingerprint)).isDisjoint(with: second.map(\.fingerprint)))
        #expect(first.count + second.count <= file.findings.count)
        #expect(first.contains(unitFinding) || second.contains(unitFinding))
        #expect(throws: ReportError.unknownScope(id: "tinh-uyy", suggestion: nil)) {
            _ = try HTMLReport(files: [file], options: .init(scope: "tinh-uyy"))
        }
    }

    @Test("shell words are quoted only when a shell would read them otherwise")
    func shellWords() {
        #expect(ShellWord.quoted("Examples/broken/regulation.yaml") == "Examples/broken/regulation.yaml")
        #expect(ShellWord.quoted("trường-thpt") == "trường-thpt")
        #expect(ShellWord.quoted("my file.yaml") == "'my file.yaml'")
        #expect(ShellWord.quoted("it's;rm") == "'it'\\''s;rm'")
        #expect(ShellWord.quoted("") == "''")
    }

    @Test("a chart's SVG loses its prolog and comments, its ids get a prefix, and each node asks for its node once")
    func svgFragment() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
             "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="10pt" height="10pt"
             viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg">
            <g id="graph0" class="graph"><title>orggraph</title>
            <!-- a&#45;b -->
            <g id="node1" class="node"><title>a&#45;b</title><text>A &amp; B</text></g>
            <g id="edge1" class="edge"><title>a&#45;b&#45;&gt;c</title><path d="M0,0"/></g>
            </g>
            </svg>
            """
        var asked: [String] = []
        let fragment = SVGFragment(Array(svg.utf8), prefix: "c7-", label: "Chart <1>") { name in
            asked.append(name)
            return (name, "Name \"x\"", "Name (kind): 1 finding")
        }
        #expect(asked == ["a-b"])
        #expect(
            fragment.markup == """
                <svg width="10pt" height="10pt"
                 viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="group" aria-label="Chart &lt;1&gt;">
                <g id="c7-graph0" class="graph"><title>orggraph</title>

                <g id="c7-node1" class="node" tabindex="0" role="button" data-node="a-b" data-name="Name &quot;x&quot;" aria-label="Name (kind): 1 finding"><title>a&#45;b</title><text>A &amp; B</text></g>
                <g id="c7-edge1" class="edge"><title>a&#45;b&#45;&gt;c</title><path d="M0,0"/></g>
                </g>
                </svg>

                """)
    }

    @Test("Graphviz's character references are read back in node titles")
    func unescaping() {
        #expect(SVGFragment.unescaped("a&amp;b&#45;c&#x41;&lt;&gt;&quot;") == "a&b-cA<>\"")
        #expect(SVGFragment.unescaped("no & entity; here") == "no & entity; here")
    }
}

/// `orggraph report` as a user runs it: the file, and the exit statuses of validate.
@Suite("orggraph report")
struct ReportCommandTests {
    @Test("exit status 1 with errors, 0 without, the page written either way")
    func exitStatus() throws {
        let folder = try temporaryFolder("orggraph-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.html").path
        let result = try orggraph(["report", "Examples/broken/regulation.yaml", "-o", broken, "--lang", "vi"])
        #expect(result.status == 1, "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(result.err.isEmpty)
        let page = try String(contentsOfFile: broken, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(page.contains("Báo cáo rà soát"))
        let clean = folder.appendingPathComponent("clean.html").path
        let cleanRun = try orggraph(["report", "Examples/hospital.yaml", "-o", clean])
        #expect(cleanRun.status == 0, "\(cleanRun.err)")
        #expect(try String(contentsOfFile: clean, encoding: .utf8).contains("No findings."))
    }

    @Test("a file that cannot be loaded, an unknown scope or an output that is an input: exit 2, nothing written")
    func failures() throws {
        let folder = try temporaryFolder("orggraph-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html").path
        let missing = try orggraph(["report", "Examples/broken/regulation.yaml", "no-such.yaml", "-o", output])
        #expect(missing.status == 2)
        #expect(missing.err.contains("no-such.yaml"))
        #expect(missing.err.contains("was not written"))
        let scope = try orggraph(["report", "Examples/broken/regulation.yaml", "--scope", "tinh-uyy", "-o", output])
        #expect(scope.status == 2)
        #expect(scope.err == "error: --scope: no node has the id 'tinh-uyy'; did you mean 'tinh-uy'?\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        let copy = folder.appendingPathComponent("org.yaml").path
        try FileManager.default.copyItem(
            atPath: packageRoot.appendingPathComponent("Examples/hospital.yaml").path, toPath: copy)
        let same = try orggraph(["report", copy, "-o", copy])
        #expect(same.status == 2)
        let charts = try orggraph(["report", copy, "-o", output, "--charts", "-1"])
        #expect(charts.status == 2)
    }

    @Test("--scope on a unit reports its findings alone")
    func scopeOnUnit() throws {
        let folder = try temporaryFolder("orggraph-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html").path
        let result = try orggraph(["report", "Examples/broken/regulation.yaml", "--scope", "bv-yhct", "-o", output])
        #expect(result.status == 1, "\(result.err)")
        let page = try String(contentsOfFile: output, encoding: .utf8)
        #expect(page.components(separatedBy: "<article class=\"subject\"").count == 2)
    }
}
