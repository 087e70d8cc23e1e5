import Foundation
import TestSupport
import Testing

@Suite("orggraph diff")
struct DiffCLITests {
    static let old = """
        orggraph: 1
        rulebook: structural
        nodes:
          - {id: tu, kind: provincial-party-committee, name: Tỉnh ủy}
          - {id: bv, kind: public-service-unit, level: provincial, name: Bệnh viện}
          - {id: du, kind: unit-party-committee, part-of: bv, name: Đảng ủy Bệnh viện}
          - {id: gd, kind: unit-head, part-of: bv, name: Giám đốc}
        relations:
          - {type: leads, from: tu, to: du}
          - {type: reports-to, from: gd, to: du, period: [6-months, 1-year]}
        """

    /// `old` with the unit head removed, a relation added that no kind pair allows, and a period changed.
    static let new = """
        orggraph: 1
        rulebook: structural
        nodes:
          - {id: tu, kind: provincial-party-committee, name: Tỉnh ủy}
          - {id: bv, kind: public-service-unit, level: provincial, name: Bệnh viện}
          - {id: du, kind: unit-party-committee, part-of: bv, name: Đảng ủy Bệnh viện}
        relations:
          - {type: leads, from: tu, to: du}
          - {type: manages, from: du, to: tu}
        """

    static func files(_ old: String = old, _ new: String = new) throws -> (String, String) {
        let folder = try temporaryFolder()
        let (oldPath, newPath) = (folder.appendingPathComponent("old.yaml"), folder.appendingPathComponent("new.yaml"))
        try Data(old.utf8).write(to: oldPath)
        try Data(new.utf8).write(to: newPath)
        return (oldPath.path, newPath.path)
    }

    @Test("Text in English and Vietnamese; exit 1 when a finding was introduced")
    func text() throws {
        let (old, new) = try Self.files()
        let result = try orggraph(["diff", old, new])
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.isEmpty)
        #expect(result.out.contains("Summary\n  Bodies: 1 removed, 0 added, 0 changed\n"))
        #expect(result.out.contains("  Relations: 1 removed, 1 added, 0 changed\n"))
        #expect(
            result.out.contains("Bodies removed (1)\n  \(old):7:5: Giám đốc (gd), unit-head, part of Bệnh viện (bv)\n"))
        #expect(
            result.out.contains(
                "Relations removed (1)\n  \(old):10:5: reports-to: Giám đốc (gd) → Đảng ủy Bệnh viện (du), period: 6-months, 1-year\n"
            ))
        #expect(result.out.contains("Findings introduced (1)\n  \(new):9:5: error: "))
        #expect(result.out.contains("[relation-endpoints]"))
        let vietnamese = try orggraph(["diff", old, new, "--lang", "vi"])
        #expect(vietnamese.status == 1)
        #expect(
            vietnamese.out.contains("Tổ chức, chức danh bị bỏ (1)\n  \(old):7:5: Giám đốc (gd), Thủ trưởng (unit-head)")
        )
        #expect(vietnamese.out.contains("kỳ báo cáo: định kỳ 6 tháng (6-months), định kỳ 1 năm (1-year)"))
        #expect(vietnamese.out.contains("Phát hiện mới phát sinh (1)\n  \(new):9:5: lỗi: "))
    }

    @Test("JSON, and exit 0 when no finding was introduced (the other way round, one is resolved)")
    func json() throws {
        let (old, new) = try Self.files()
        let result = try orggraph(["diff", new, old, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect((summary["bodies"] as? [String: Int]) == ["added": 1, "removed": 0, "changed": 0])
        #expect((summary["findings"] as? [String: Int]) == ["introduced": 0, "resolved": 1])
        let resolved = try #require((object["findings"] as? [String: [[String: Any]]])?["resolved"]?.first)
        #expect(resolved["file"] as? String == new)
        #expect(resolved["rule"] as? String == "relation-endpoints")
        #expect((object["old"] as? [String: Any])?["rulebook"] as? String == "structural")
        let same = try orggraph(["diff", old, old])
        #expect(same.status == 0)
        #expect(same.out.hasSuffix("Rulebook: structural\nNo changes.\n"))
    }

    @Test("A file that cannot be loaded: located diagnostics, the errors in JSON, exit 2")
    func loadError() throws {
        let (old, new) = try Self.files(Self.old, Self.new.replacingOccurrences(of: "to: tu}", with: "to: tuu}"))
        let result = try orggraph(["diff", old, new, "--format", "json"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("\(new):9:35: error: unknown node 'tuu'"), "\(result.err)")
        #expect(result.err.contains("did you mean 'tu'?"))
        let object = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.first?["file"] as? String == new)
        #expect(errors.first?["line"] as? Int == 9)
        let both = try orggraph(["diff", "-", "-"])
        #expect(both.status == 2)
        let missing = try orggraph(["diff", old, old + ".missing"])
        #expect(missing.status == 2)
        #expect(missing.out.isEmpty)
    }

    @Test("When the files name different rulebooks, each is audited under its own, and the text says so")
    func differentRulebooks() throws {
        let (old, new) = try Self.files(
            Self.old, Self.old.replacingOccurrences(of: "rulebook: structural", with: "rulebook: 125-QD/TW"))
        let result = try orggraph(["diff", old, new])
        #expect(result.out.contains("Rulebook: structural for the old file, 125-QD/TW for the new one"))
        #expect(result.out.contains("rulebook: structural → 125-QD/TW"))
        #expect(result.status == 1)
        let one = try orggraph(["diff", old, new, "--rulebook", "structural"])
        #expect(one.out.contains("Rulebook: structural\n"))
        #expect(one.status == 0)
    }
}
