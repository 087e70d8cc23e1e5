import Foundation
import TestSupport
import Testing

/// Load errors with `--lang vi`: the message in Vietnamese, the place, the quoted line and the
/// caret as in English, and the words `error` and `note` of the prefix kept for tools.
@Suite("Load errors in Vietnamese")
struct VietnameseLoadErrorTests {
    /// Runs `arguments` (with `FILE` for the written file) in English and in Vietnamese.
    private func both(
        _ text: String, named name: String, _ arguments: [String], rulebook: String? = nil
    ) throws -> (english: Run, vietnamese: Run, file: String) {
        let folder = try temporaryFolder("orggraph-vi")
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        if let rulebook { try Data(rulebook.utf8).write(to: folder.appendingPathComponent("rulebook.yaml")) }
        let filled = arguments.map { $0 == "FILE" ? url.path : $0 }
        let english = try orggraph(filled)
        let vietnamese = try orggraph(filled + ["--lang", "vi"])
        try? FileManager.default.removeItem(at: folder)
        return (english, vietnamese, url.path)
    }

    /// The lines of a diagnostic with the message after `error:`/`note:` taken out: the places,
    /// quoted lines and carets, which are the same in both languages.
    private func shape(_ err: String) -> [String] {
        err.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for word in [": error: ", ": note: "] {
                if let range = line.range(of: word) { return String(line[..<range.upperBound]) }
            }
            return String(line)
        }
    }

    @Test("A YAML syntax error")
    func yamlSyntax() throws {
        let run = try both("orggraph: 1\nnodes:\n  - id: a\n    kind: [x\n", named: "org.yaml", ["validate", "FILE"])
        #expect(run.vietnamese.status == 2)
        #expect(
            run.vietnamese.err == """
                \(run.file):5:1: error: YAML sai cú pháp: không tìm thấy dấu ',' hoặc ']' cần có \
                (khi phân tích một danh sách trong ngoặc vuông)

                ^

                """)
        #expect(run.english.err.contains(": error: malformed YAML: did not find expected ',' or ']'"))
        #expect(shape(run.english.err) == shape(run.vietnamese.err))
    }

    @Test("An unknown kind with its suggestion, and an unknown field")
    func unknownKind() throws {
        let text = "orggraph: 1\nnodes:\n  - id: a\n    kind: grasroots-cell\n    nmae: A\nrelations: []\n"
        let run = try both(text, named: "org.yaml", ["validate", "FILE"])
        #expect(run.vietnamese.status == 2)
        #expect(
            run.vietnamese.err == """
                \(run.file):4:11: error: loại đơn vị không hợp lệ 'grasroots-cell'; có phải là 'grassroots-cell'?
                    kind: grasroots-cell
                          ^
                \(run.file):5:5: error: trường không hợp lệ 'nmae' trong một nút; có phải là 'name'?
                    nmae: A
                    ^

                """)
        #expect(run.english.err.contains(": error: unknown kind 'grasroots-cell'; did you mean 'grassroots-cell'?"))
        #expect(shape(run.english.err) == shape(run.vietnamese.err))
    }

    @Test("A duplicate id, with the note at its first definition")
    func duplicateID() throws {
        let text = "orggraph: 1\nnodes:\n  - id: a\n    kind: unit-head\n  - id: a\n    kind: unit-head\n"
        let run = try both(text, named: "org.yaml", ["stats", "FILE"])
        #expect(run.vietnamese.status == 2)
        #expect(
            run.vietnamese.err == """
                \(run.file):5:5: error: mã 'a' bị trùng
                  - id: a
                    ^
                \(run.file):3:5: note: mã 'a' được khai báo lần đầu ở đây
                  - id: a
                    ^

                """)
        #expect(shape(run.english.err) == shape(run.vietnamese.err))
    }

    @Test("An unknown relation in a path expression")
    func unknownRelation() throws {
        let run = try both(
            "", named: "unused", ["query", "Examples/hospital.yaml", "dang-uy-bv", "leads/reprts-to"])
        #expect(run.vietnamese.status == 2)
        #expect(
            run.vietnamese.err == """
                query:1:7: error: quan hệ không hợp lệ 'reprts-to'; có phải là 'reports-to'?
                leads/reprts-to
                      ^

                """)
        #expect(run.english.err.hasPrefix("query:1:7: error: unknown relation 'reprts-to'; did you mean 'reports-to'?"))
        #expect(shape(run.english.err) == shape(run.vietnamese.err))
    }

    @Test("A bad field and a bad severity in a rulebook, in JSON too")
    func rulebook() throws {
        let rulebook = """
            rulebook: mine
            title: Mine
            rules:
              - id: r
                title: R
                severity: eror
                forbidden: true
                subjet: [unit-head]

            """
        let run = try both(rulebook, named: "rb.yaml", ["validate", "Examples/hospital.yaml", "--rulebook", "FILE"])
        #expect(run.vietnamese.status == 2)
        #expect(
            run.vietnamese.err == """
                \(run.file):6:15: error: mức độ không hợp lệ 'eror'; giá trị hợp lệ: error, warning hoặc info
                    severity: eror
                              ^
                \(run.file):8:5: error: trường không hợp lệ 'subjet' trong một quy tắc; có phải là 'subject'?
                    subjet: [unit-head]
                    ^

                """)
        #expect(shape(run.english.err) == shape(run.vietnamese.err))
        let json = try orggraph([
            "validate", "Examples/hospital.yaml", "--rulebook", "Examples/broken/no-such-rulebook.yaml", "--format",
            "json", "--lang", "vi",
        ])
        #expect(json.out.contains(#""message": "không đọc được tệp: "#))
    }

    @Test(
        "Every small case of the bad-input catalog reads in Vietnamese, at the same places",
        arguments: CatalogCase.all.filter {
            guard $0.status == 2, $0.bounds.seconds <= CatalogCase.Bounds.small.seconds else { return false }
            switch $0.input {
            case .text, .bytes: return true
            case .generated, .existing: return false
            }
        })
    func catalog(_ test: CatalogCase) throws {
        let folder = try temporaryFolder("orggraph-catalog-vi")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try test.write(in: folder)
        let file = test.standardInput ? "-" : written
        let input: StandardInput = test.standardInput ? .file(written) : .none
        let english = try orggraph(["validate"] + test.options + [file], input: input)
        let vietnamese = try orggraph(["validate"] + test.options + [file, "--lang", "vi"], input: input)
        #expect(vietnamese.status == english.status)
        #expect(shape(english.err) == shape(vietnamese.err), "\(vietnamese.err)")
        #expect(vietnamese.err == vietnamese.err.precomposedStringWithCanonicalMapping)
        let messages = { (err: String) in
            err.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: ": error: ") ?? line.range(of: ": note: ") else { return nil }
                return String(line[range.upperBound...])
            }
        }
        let (inEnglish, inVietnamese) = (messages(english.err), messages(vietnamese.err))
        #expect(!inVietnamese.isEmpty, "\(vietnamese.err)")
        for (one, other) in zip(inEnglish, inVietnamese) {
            #expect(one != other, "a message left in English: \(other)")
        }
    }
}
