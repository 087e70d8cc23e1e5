import Foundation
import TestSupport
import Testing

/// `orggraph rules ID` describes a rule's check with guards, among, not-among, relation
/// conditions and edge filters, in text, JSON and Markdown.
@Suite("orggraph rules: check summaries")
struct RulesSummaryCLITests {
    static let rulebook = """
        rulebook: t
        rules:
          - id: reports-by-level
            title: Reports by level
            severity: warning
            subject: unit-party-committee
            conditions:
              - when: ['part-of[kind=public-service-unit][level=provincial]', {path: ^superior-of, exactly: 1}]
                relation: {type: reports-to, to: '^leads/^part-of[kind=standing-body]', periods: [regular]}
                message: "{subject} misses {periods}"
              - path: ^leads[kind=provincial-party-committee]
                not-among: part-of/^manages/^leads
                max: 0
                message: "{subject}: {found}"
              - path: liaises-with{basis=location}
                among: liaises-with[kind=commune-party-committee]
                min: 1
                message: "{subject} liaises with none"
        """

    @Test("text, JSON and Markdown show the new fields")
    func summaries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.yaml").path
        try Self.rulebook.write(toFile: path, atomically: true, encoding: .utf8)
        let expected = [
            "check: path count", "subject: unit-party-committee", "conditions:",
            "  - when: [part-of[kind=public-service-unit][level=provincial], {path: ^superior-of, exactly: 1}]",
            "    relation:", "      type: reports-to", "      from: the subject",
            "      to: ^leads/^part-of[kind=standing-body]", "      periods: regular", "      each: any",
            "    message: {subject} misses {periods}", "  - path: ^leads[kind=provincial-party-committee]",
            "    not-among: part-of/^manages/^leads", "    max: 0", "    message: {subject}: {found}",
            "  - path: liaises-with{basis=location}", "    among: liaises-with[kind=commune-party-committee]",
            "    min: 1", "    message: {subject} liaises with none",
        ]
        let text = try orggraph(["rules", "reports-by-level", "--rulebook", path])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("\n\n" + expected.joined(separator: "\n") + "\n"))
        let json = try orggraph(["rules", "reports-by-level", "--rulebook", path, "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rules.first?["check"] as? [String] == expected)
        let markdown = try orggraph(["rules", "reports-by-level", "--rulebook", path, "--format", "markdown"])
        #expect(markdown.out.contains("What it checks:\n\n```\n" + expected.joined(separator: "\n") + "\n```\n"))
    }
}
