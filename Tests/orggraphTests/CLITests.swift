import Foundation
import TestSupport
import Testing

@Suite("orggraph command line")
struct CLITests {
    @Test("validate: a clean example exits 0 with a summary")
    func validateClean() throws {
        let result = try orggraph(["validate", "Examples/province.yaml", "Examples/hospital.yaml"])
        #expect(result.status == 0)
        #expect(result.out == "no findings in 2 files\n")
        #expect(result.err.isEmpty)
    }

    @Test("validate: findings exit 1, located, with a summary line")
    func validateBroken() throws {
        let result = try orggraph(["validate", "Examples/broken/structural.yaml"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n")
        #expect(
            lines.first?.hasPrefix("Examples/broken/structural.yaml:10:5: error: leadership runs in a circle") == true)
        #expect(lines.last == "6 errors, 1 warning, 0 info in 1 file")
        #expect(lines.contains { $0.hasSuffix("[duplicate-relation]") })
    }

    @Test("validate --lang vi: messages, notes, severities and the summary in Vietnamese, in the same places")
    func validateVietnamese() throws {
        let english = try orggraph(["validate", "Examples/broken/structural.yaml"])
        let result = try orggraph(["validate", "Examples/broken/structural.yaml", "--lang", "vi"])
        #expect(result.status == 1)
        #expect(result.err.isEmpty)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.hasPrefix("Examples/broken/structural.yaml:10:5: lỗi: quan hệ lãnh đạo tạo thành") == true)
        #expect(lines.contains { $0.hasPrefix("Examples/broken/structural.yaml:79:5: ghi chú: ghi lần đầu ở đây") })
        #expect(lines.contains { $0.contains(": cảnh báo: ") && $0.hasSuffix("[duplicate-relation]") })
        #expect(lines.last == "6 lỗi, 1 cảnh báo, 0 thông tin trong 1 tệp")
        // The same findings at the same places, in the same order.
        func places(_ text: String) -> [String] {
            text.split(separator: "\n").dropLast().map { String($0.prefix { $0 != " " }) }
        }
        #expect(places(result.out) == places(english.out))
        #expect(
            try orggraph(["validate", "Examples/province.yaml", "--lang", "vi"]).out
                == "không có phát hiện nào trong 1 tệp\n")
        #expect(try orggraph(["validate", "Examples/province.yaml", "--lang", "fr"]).status == 2)
    }

    @Test("validate --lang vi --format json: the same ids and fingerprints, messages in Vietnamese, the language named")
    func validateVietnameseJSON() throws {
        func object(_ arguments: [String]) throws -> [String: Any] {
            let result = try orggraph(["validate", "Examples/broken/regulation.yaml", "--format", "json"] + arguments)
            return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        }
        let english = try object([])
        let vietnamese = try object(["--lang", "vi"])
        #expect(english["language"] as? String == "en" && vietnamese["language"] as? String == "vi")
        let (en, vi) = (
            try #require(english["findings"] as? [[String: Any]]),
            try #require(vietnamese["findings"] as? [[String: Any]])
        )
        #expect(en.count == vi.count && !en.isEmpty)
        for (a, b) in zip(en, vi) {
            for key in ["rule", "severity", "node", "fingerprint", "line", "column"] {
                #expect("\(a[key] ?? "")" == "\(b[key] ?? "")", "\(key)")
            }
        }
        #expect(english["summary"] as? [String: Int] == vietnamese["summary"] as? [String: Int])
    }

    @Test("rules --lang vi: titles, rationales, citations and captions in Vietnamese; ids and examples as written")
    func rulesVietnamese() throws {
        let list = try orggraph(["rules", "--rulebook", "structural", "--lang", "vi"])
        #expect(list.status == 0)
        #expect(list.out.hasPrefix("Các quy tắc về cơ cấu (structural), 8 quy tắc\n"))
        #expect(
            list.out.contains(
                "acyclic-leadership     lỗi        Quan hệ lãnh đạo chỉ theo một chiều  [Quy định 125-QĐ/TW §1, §3]"))
        let one = try orggraph(["rules", "duplicate-relation", "--lang", "vi"])
        #expect(
            one.out.hasPrefix("duplicate-relation: Mỗi quan hệ chỉ ghi một lần\nmức độ: cảnh báo\ncăn cứ: quan hệ\n"))
        #expect(one.out.contains("\nVí dụ vi phạm, phát hiện tại "))
        #expect(one.out.contains("\nVí dụ không vi phạm:\n"))
        let markdown = try orggraph(["rules", "--rulebook", "structural", "--lang", "vi", "--format", "markdown"])
        #expect(markdown.out.hasPrefix("# Các quy tắc về cơ cấu\n"))
        #expect(markdown.out.contains("| mã | mức độ | tên quy tắc | căn cứ |"))
        #expect(markdown.out.contains("`orggraph rules --rulebook structural --lang vi --format markdown`"))
        #expect(markdown.out.contains("| cảnh báo | Mỗi quan hệ chỉ ghi một lần | quan hệ |"))
        #expect(markdown.out.contains("**Quan hệ lãnh đạo chỉ theo một chiều**: lỗi, Quy định 125-QĐ/TW §1, §3."))
        let json = try orggraph(["rules", "level-required", "--lang", "vi", "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(items.first?["id"] as? String == "level-required")
        #expect(items.first?["title"] as? String == "Các tổ chức ghi đúng cấp cần có")
        #expect(items.first?["severity"] as? String == "error")
        // JSON keeps the citation as written.
        #expect(
            items.first?["citation"] as? [String: String]
                == ["document": "OrgGraph vocabulary", "section": "levels"])
    }

    @Test("impact, chain and common --lang vi: their own words in Vietnamese, ids and names as written")
    func queriesVietnamese() throws {
        let impact = try orggraph(["impact", "Examples/province.yaml", "--remove", "thanh-uy-ha-tinh", "--lang", "vi"])
        #expect(impact.status == 1)
        let lines = impact.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("bỏ 'thanh-uy-ha-tinh' sẽ tạo ra ") == true)
        #expect(lines.contains { $0.contains(": lỗi: Ban Thường vụ 'btv-thanh-uy-ha-tinh'") })
        let chain = try orggraph(["chain", "Examples/hospital.yaml", "dang-uy-bv", "--lang", "vi"])
        #expect(chain.out.hasSuffix("\n2 bước lên cấp cao nhất\n"))
        let common = try orggraph(["common", "Examples/hospital.yaml", "dang-uy-bv", "dang-uy-khoi", "--lang", "vi"])
        #expect(common.out.hasPrefix("cấp trên chung thấp nhất: "))
    }

    @Test("validate: --fail-level and --strict decide the exit status")
    func failLevel() throws {
        let file = try temporaryFile(
            """
            orggraph: 1
            nodes:
              - {id: tu, kind: provincial-party-committee}
              - {id: hu, kind: district-party-committee}
            relations:
              - {type: leads, from: tu, to: hu}
              - {type: leads, from: tu, to: hu}
            """)
        #expect(try orggraph(["validate", file]).status == 0)
        #expect(try orggraph(["validate", file, "--strict"]).status == 1)
        #expect(try orggraph(["validate", file, "--fail-level", "warning"]).status == 1)
        #expect(try orggraph(["validate", file, "--fail-level", "info"]).status == 1)
        #expect(try orggraph(["validate", file, "--fail-level", "loud"]).status == 2)
    }

    @Test("validate: JSON on stdout, and --output writes the file")
    func validateJSON() throws {
        let result = try orggraph(["validate", "Examples/broken/structural.yaml", "--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect((object?["findings"] as? [Any])?.count == 7)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("report.json").path
        let written = try orggraph(["validate", "Examples/hospital.yaml", "--format", "json", "--output", path])
        #expect(written.status == 0)
        #expect(written.out.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"summary\": {\"error\": 0, \"warning\": 0, \"info\": 0, \"suppressed\": 0}"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test(
        "validate --output: a file that cannot be loaded leaves the report file as it was",
        arguments: ["json", "sarif"])
    func validateOutputOnLoadError(format: String) throws {
        let bad = try temporaryFile("orggraph: 1\nnodes:\n  - {id: a, kind: unit-hed}\n", name: "bad.yaml")
        let report = URL(fileURLWithPath: bad).deletingLastPathComponent().appendingPathComponent("report").path
        let result = try orggraph(["validate", "Examples/hospital.yaml", bad, "--format", format, "-o", report])
        #expect(result.status == 2)
        #expect(result.err.hasSuffix("note: \(report) was not written, since a file could not be loaded\n"))
        #expect(!FileManager.default.fileExists(atPath: report))
        try Data("an earlier report\n".utf8).write(to: URL(fileURLWithPath: report))
        #expect(try orggraph(["validate", bad, "--format", format, "-o", report]).status == 2)
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "an earlier report\n")
    }

    @Test("A file that cannot be loaded: exit 2, a located diagnostic on stderr, nothing on stdout")
    func loadErrorExitsTwo() throws {
        let file = try temporaryFile("orggraph: 1\nnodes:\n  - {id: a, kind: unit-hed}\n", name: "bad.yaml")
        let result = try orggraph(["validate", file])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.err == """
                \(file):3:19: error: unknown kind 'unit-hed'; did you mean 'unit-head'?
                  - {id: a, kind: unit-hed}
                                  ^

                """)
    }

    @Test("Standard input is read with -")
    func standardInput() throws {
        let result = try orggraph(
            ["stats", "-"],
            input: .text("{\"orggraph\": 1, \"nodes\": [{\"id\": \"tu\", \"kind\": \"provincial-party-committee\"}]}"))
        #expect(result.status == 0)
        #expect(result.out.contains("1 nodes, 0 relations"))
    }

    @Test("Bad usage exits 2 with the usage on stderr")
    func badUsage() throws {
        let result = try orggraph(["validate"])
        #expect(result.status == 2)
        #expect(result.err.contains("Missing expected argument"))
        #expect(try orggraph(["frobnicate"]).status == 2)
        #expect(try orggraph(["validate", "no-such-file.yaml"]).status == 2)
    }

    @Test("stats: kinds, relation types, units by level and sector, leadership depth")
    func stats() throws {
        let result = try orggraph(["stats", "Examples/province.yaml"])
        #expect(result.status == 0)
        for heading in [
            "Nodes by kind", "Relations by type", "Public service units by level",
            "Public service units by sector", "Leadership depth: ",
        ] {
            #expect(result.out.contains(heading))
        }
        let json = try orggraph(["stats", "Examples/province.yaml", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((object?["leadershipDepth"] as? Int ?? 0) >= 3)
    }

    @Test("convert: YAML to JSON and back gives the same validation and stats")
    func convert() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orggraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let json = folder.appendingPathComponent("hospital.json").path
        let yaml = folder.appendingPathComponent("hospital.yaml").path
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "-o", json]).status == 0)
        #expect(try orggraph(["convert", json, "-o", yaml]).status == 0)
        let original = try orggraph(["stats", "Examples/hospital.yaml", "--format", "json"]).out
        let again = try orggraph(["stats", yaml, "--format", "json"]).out
        #expect(original.replacingOccurrences(of: "Examples/hospital.yaml", with: yaml) == again)
        #expect(try orggraph(["convert", "Examples/hospital.yaml", "-o", "out.txt"]).status == 2)
    }

    @Test("Every command's --help shows an example", arguments: ["validate", "stats", "convert"])
    func helpShowsExamples(command: String) throws {
        let result = try orggraph([command, "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("Examples:"))
        #expect(result.out.contains("orggraph \(command) "))
    }
}

func temporaryFile(_ text: String, name: String = "org.yaml") throws -> String {
    let folder = try temporaryFolder()
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

@Suite("orggraph rules")
struct RulesCommandTests {
    @Test(
        "docs/RULES.md and docs/RULES-2025.md are what 'orggraph rules --format markdown' writes for each built-in rulebook"
    )
    func rulesDocumentIsCurrent() throws {
        for (rulebook, path, rule) in [
            ("125-QD/TW", "docs/RULES.md", "commune-not-superior"),
            ("125-QD/TW-2025", "docs/RULES-2025.md", "superior-at-unit-level"),
        ] {
            let result = try orggraph(["rules", "--rulebook", rulebook, "--format", "markdown"])
            #expect(result.status == 0)
            let file = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            #expect(
                result.out == file,
                "\(path) is stale: run orggraph rules --rulebook \(rulebook) --format markdown > \(path)")
            #expect(file.contains("## single-immediate-superior"))
            #expect(file.contains("## \(rule)"))
        }
    }

    @Test("One rule in full; an unknown rule gets a suggestion and exit 2")
    func oneRule() throws {
        let result = try orggraph(["rules", "local-liaison"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("local-liaison: The unit's party organization keeps a relationship"))
        #expect(result.out.contains("citation: Regulation 125-QD/TW §5"))
        let unknown = try orggraph(["rules", "local-liasion"])
        #expect(unknown.status == 2)
        #expect(unknown.err == "error: 125-QD/TW has no rule 'local-liasion'; did you mean 'local-liaison'?\n")
        let json = try orggraph(["rules", "--format", "json"])
        let rules = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect(rules?.count == 28)
        #expect(rules?.first?["id"] as? String == "relation-endpoints")
        #expect(rules?.last?["id"] as? String == "unused-baseline-entry")
    }

    /// The lines of `rules ID` between the rationale and the examples.
    static func checkLines(_ id: String, rulebook: String = "125-QD/TW") throws -> String {
        let result = try orggraph(["rules", id, "--rulebook", rulebook])
        #expect(result.status == 0, "\(result.err)")
        let blocks = result.out.components(separatedBy: "\n\n")
        let block = try #require(blocks.first { $0.hasPrefix("check: ") }, "no check in:\n\(result.out)")
        return block.hasSuffix("\n") ? String(block.dropLast()) : block
    }

    @Test("rules ID shows the check after the rationale: a path count, its bounds and message")
    func pathCountCheck() throws {
        let result = try orggraph(["rules", "single-immediate-superior"])
        #expect(result.out.contains("receives conflicting direction and reports twice.\n\ncheck: path count\n"))
        #expect(
            try Self.checkLines("single-immediate-superior") == """
                check: path count
                subject: unit-party-organization
                path: ^superior-of
                exactly: 1
                message: {subject} has {count} immediate superiors ({found}); it must have exactly one (superior-of)
                """)
        #expect(
            try Self.checkLines("local-liaison") == """
                check: path count
                subject: unit-party-organization
                conditions:
                  - path: liaises-with{basis=location}[kind=territorial-committee]
                    min: 1
                    message: {subject} keeps no relationship with the party committee of the place where its unit \
                stands (liaises-with, basis: location)
                  - path: liaises-with{basis=location}[kind=peoples-committee]
                    min: 1
                    message: {subject} keeps no relationship with the People's Committee of the place where its unit \
                stands (liaises-with, basis: location)
                  - when: [liaises-with{basis=location}[kind=territorial-committee]/leads[kind=peoples-committee], \
                liaises-with{basis=location}[kind=peoples-committee]]
                    path: liaises-with{basis=location}[kind=peoples-committee]
                    among: liaises-with{basis=location}[kind=territorial-committee]/leads[kind=peoples-committee]
                    min: 1
                    message: {subject} liaises by location with {found}, not with the People's Committee that its \
                local party committee leads
                """)
    }

    @Test("rules ID shows a relation check, an acyclic check and a forbidden check")
    func otherChecks() throws {
        let relation = try Self.checkLines("periodic-report-to-superior")
        #expect(relation.hasPrefix("check: relation\nsubject: unit-party-organization\n"))
        #expect(relation.contains("\ntype: reports-to\n"))
        #expect(relation.contains("\nperiods: 6-months, 1-year\n"))
        #expect(try Self.checkLines("acyclic-leadership") == "check: acyclic\nsteps: leads, superior-of, ^part-of")
        let rulebook = try temporaryFile(
            """
            rulebook: no-ministries
            title: No ministries
            extends: 125-QD/TW-2025
            rules:
              - id: no-ministry
                title: No ministry
                severity: info
                subject: managing-agency
                forbidden: true
                message: "{subject} is not written here"
            """, name: "rulebook.yaml")
        #expect(
            try Self.checkLines("no-ministry", rulebook: rulebook) == """
                check: forbidden
                subject: managing-agency
                message: {subject} is not written here
                """)
        #expect(try Self.checkLines("relation-endpoints").hasPrefix("check: builtin relation-endpoints\n"))
    }

    @Test("rules ID shows an attribute check of a user's rulebook, with its subject as written")
    func attributeCheck() throws {
        let file = try temporaryFile(
            """
            rulebook: sectors
            title: Sectors
            rules:
              - id: unit-has-sector
                title: A unit names its sector
                severity: info
                rationale: The sector decides which ministry guides the unit.
                subject: [unit-party-organization, public-service-unit]
                attribute: {key: sector, values: [health, education], required: true}
            """, name: "sectors.yaml")
        #expect(
            try Self.checkLines("unit-has-sector", rulebook: file) == """
                check: attribute
                subject: unit-party-organization, public-service-unit
                key: sector
                values: health, education
                required: yes
                message: {subject} does not satisfy unit-has-sector
                """)
    }

    @Test("unused-suppression and unused-baseline-entry are listed and described with every rulebook")
    func unusedSuppressionRule() throws {
        for rulebook in ["125-QD/TW", "structural"] {
            let list = try orggraph(["rules", "--rulebook", rulebook])
            let lines = list.out.split(separator: "\n")
            #expect(lines.dropLast().last?.hasPrefix("unused-suppression  ") == true, "\(list.out)")
            #expect(lines.last?.hasPrefix("unused-baseline-entry  ") == true, "\(list.out)")
        }
        let entry = try orggraph(["rules", "unused-baseline-entry", "--lang", "vi"])
        #expect(entry.status == 0)
        #expect(entry.out.hasPrefix("unused-baseline-entry: Mỗi mục của baseline phải khớp với một phát hiện\n"))
        let one = try orggraph(["rules", "unused-suppression"])
        #expect(one.status == 0)
        #expect(one.out.hasPrefix("unused-suppression: A suppression hides a finding\nseverity: warning\n"))
        #expect(
            one.out.hasSuffix(
                "\n\ncheck: unused suppressions (applied by the auditor after every other rule, on their findings)\n"))
    }

    @Test("validate --format sarif writes SARIF 2.1.0")
    func sarif() throws {
        let result = try orggraph(["validate", "Examples/broken/regulation.yaml", "--format", "sarif"])
        #expect(result.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let runs = log?["runs"] as? [[String: Any]]
        #expect((runs?.first?["results"] as? [Any])?.count == 20)
    }
}

@Suite("orggraph impact")
struct ImpactCommandTests {
    @Test("Removing a district committee lists what it leaves without leadership, and exits 1")
    func dissolvingADistrict() throws {
        let result = try orggraph(["impact", "Examples/province.yaml", "--remove", "thanh-uy-ha-tinh"])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n")
        #expect(lines.first == "removing 'thanh-uy-ha-tinh' would create 6 findings:")
        #expect(
            lines.contains { $0.contains("[single-immediate-superior]") && $0.contains("chi-bo-thcs-le-van-thiem") })
        #expect(lines.filter { $0.hasSuffix("[territorial-nesting]") }.count == 3)
    }

    @Test("JSON lists the created findings, the removed ids and the resolved fingerprints")
    func json() throws {
        let result = try orggraph(["impact", "Examples/hospital.yaml", "--remove", "dang-uy-khoi", "--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(object?["removed"] as? [String] == ["dang-uy-khoi"])
        let rules = (object?["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules?.contains("single-immediate-superior") == true)
        #expect(object?["resolved"] as? [String] == [])
    }

    @Test("Removing a node no rule depends on creates nothing; an unknown id exits 2")
    func harmless() throws {
        let result = try orggraph(["impact", "Examples/hospital.yaml", "--remove", "ban-to-chuc-tinh-uy"])
        #expect(result.status == 0)
        #expect(result.out == "removing 'ban-to-chuc-tinh-uy' creates no finding\n")
        let unknown = try orggraph(["impact", "Examples/hospital.yaml", "--remove", "dang-uy-khoii"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("did you mean 'dang-uy-khoi'?"))
    }
}
