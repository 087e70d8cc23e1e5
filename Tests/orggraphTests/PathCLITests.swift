import Foundation
import TestSupport
import Testing

/// `query`, `path`, `chain` and `common` run as a user runs them: stdout, stderr, exit status.
@Suite("orggraph path commands")
struct PathCLITests {
    static let hospital = "Examples/hospital.yaml"
    static let province = "Examples/province.yaml"

    static func object(_ text: some StringProtocol) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// The steps of a JSON path or chain as `from -relation-> to` / `from <-relation- to`.
    static func steps(_ value: Any?) throws -> [String] {
        let steps = try #require(value as? [[String: Any]])
        return try steps.map { step in
            let from = try #require(step["from"] as? String)
            let relation = try #require(step["relation"] as? String)
            let to = try #require(step["to"] as? String)
            let inverse = try #require(step["inverse"] as? Bool)
            return inverse ? "\(from) <-\(relation)- \(to)" : "\(from) -\(relation)-> \(to)"
        }
    }

    // MARK: query

    @Test("query: text lists each node with its kind, then a count")
    func queryText() throws {
        let result = try orggraph(["query", Self.hospital, "dang-uy-bv", "^superior-of+|^leads"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(
            result.out == """
                dang-uy-khoi (Đảng ủy Khối các cơ quan tỉnh Lâm Đồng)  [bloc-party-committee]
                tinh-uy (Tỉnh ủy Lâm Đồng)  [provincial-party-committee]
                2 nodes

                """)
        let none = try orggraph(["query", Self.hospital, "tinh-uy", "^leads"])
        #expect(none.status == 0)
        #expect(none.out == "0 nodes\n")
    }

    @Test("query: JSON has start, expression and the nodes in breadth-first order")
    func queryJSON() throws {
        let result = try orggraph(["query", "Examples/university.yaml", "dang-uy-truong", "leads+", "--format", "json"])
        #expect(result.status == 0)
        let object = try Self.object(result.out)
        #expect(object["start"] as? String == "dang-uy-truong")
        #expect(object["expression"] as? String == "leads+")
        let nodes = try #require(object["nodes"] as? [String])
        #expect(nodes.count == 11)
        #expect(nodes.first == "dubp-ky-thuat")
        #expect(
            Array(nodes.suffix(3)) == [
                "chi-bo-cong-nghe-thong-tin", "chi-bo-ky-thuat-cong-trinh", "chi-bo-sinh-vien-ky-thuat",
            ])
    }

    @Test("query: reads the organization from standard input")
    func queryStandardInput() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(Self.hospital), encoding: .utf8)
        let result = try orggraph(["query", "-", "thanh-uy-da-lat", "leads", "--format", "json"], input: .text(text))
        #expect(result.status == 0)
        #expect(try Self.object(result.out)["nodes"] as? [String] == ["dang-uy-phuong-6", "dang-uy-phuong-9"])
    }

    @Test("query: a bad expression exits 2 with the located error on stderr, nothing on stdout")
    func queryBadExpression() throws {
        let result = try orggraph(["query", Self.hospital, "tinh-uy", "^leads*/lead"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.err == "query:1:9: error: unknown relation 'lead'; did you mean 'leads'?\n^leads*/lead\n        ^\n")
    }

    @Test("query: an unknown start exits 2 with the closest id")
    func queryUnknownStart() throws {
        let result = try orggraph(["query", Self.hospital, "tinh-uy-x", "leads"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.err == "Examples/hospital.yaml: error: no node has the id 'tinh-uy-x'; did you mean 'tinh-uy'?\n")
    }

    // MARK: path

    @Test("path: text shows each step with its relation and direction")
    func pathText() throws {
        let result = try orggraph(["path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(
            result.out == """
                chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp)
                  —part-of→ dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng)
                  ←leads— tinh-uy (Tỉnh ủy Lâm Đồng)
                2 steps

                """)
    }

    @Test("path: JSON has from, to and paths of length and steps")
    func pathJSON() throws {
        let result = try orggraph(["path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--format", "json"])
        #expect(result.status == 0)
        let object = try Self.object(result.out)
        #expect(object["from"] as? String == "chi-bo-khoa-noi")
        #expect(object["to"] as? String == "tinh-uy")
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.count == 1)
        #expect(paths.first?["length"] as? Int == 2)
        #expect(
            try Self.steps(paths.first?["steps"]) == [
                "chi-bo-khoa-noi -part-of-> dang-uy-bv", "dang-uy-bv <-leads- tinh-uy",
            ])
    }

    @Test("path: --via restricts the steps; no path exits 1 with \"paths\": []")
    func pathVia() throws {
        let reporting = try orggraph([
            "path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--via", "reports-to|part-of", "--format", "json",
        ])
        #expect(reporting.status == 0)
        let paths = try #require(try Self.object(reporting.out)["paths"] as? [[String: Any]])
        #expect(
            try Self.steps(paths.first?["steps"]) == [
                "chi-bo-khoa-noi -part-of-> dang-uy-bv", "dang-uy-bv -reports-to-> btv-tinh-uy",
                "btv-tinh-uy -part-of-> tinh-uy",
            ])
        let backwards = try orggraph([
            "path", Self.hospital, "tinh-uy", "chi-bo-khoa-noi", "--via", "^reports-to|^part-of", "--format", "json",
        ])
        #expect(backwards.status == 0)
        #expect(
            try Self.object(backwards.out)["paths"].flatMap { ($0 as? [[String: Any]])?.first?["length"] as? Int } == 3)

        let none = try orggraph([
            "path", Self.hospital, "tinh-uy", "chi-bo-khoa-noi", "--via", "reports-to", "--format", "json",
        ])
        #expect(none.status == 1)
        let object = try Self.object(none.out)
        #expect((object["paths"] as? [Any])?.isEmpty == true)
        #expect(object["from"] as? String == "tinh-uy")

        let text = try orggraph(["path", Self.hospital, "tinh-uy", "chi-bo-khoa-noi", "--via", "reports-to"])
        #expect(text.status == 1)
        #expect(text.out.isEmpty)
        #expect(
            text.err
                == "no path from tinh-uy (Tỉnh ủy Lâm Đồng) to chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp) with steps reports-to\n"
        )
    }

    @Test("path: --via takes only relations and inverses joined by '|'")
    func pathBadVia() throws {
        let closure = try orggraph(["path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--via", "leads+"])
        #expect(closure.status == 2)
        #expect(closure.out.isEmpty)
        #expect(closure.err.contains("--via takes relation types and inverses joined by '|'"))
        let misspelt = try orggraph(["path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--via", "part-of|lead"])
        #expect(misspelt.status == 2)
        #expect(
            misspelt.err == "via:1:9: error: unknown relation 'lead'; did you mean 'leads'?\npart-of|lead\n        ^\n")
    }

    @Test("path: an unknown id exits 2 with a did-you-mean")
    func pathUnknownID() throws {
        let result = try orggraph(["path", Self.hospital, "chi-bo-khoa-noj", "tinh-uy"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.err
                == "Examples/hospital.yaml: error: no node has the id 'chi-bo-khoa-noj'; did you mean 'chi-bo-khoa-noi'?\n"
        )
        #expect(
            try orggraph(["path", Self.hospital, "tinh-uy", "dang-uy-b"]).err.contains("did you mean 'dang-uy-bv'?"))
    }

    @Test("path --all --limit 3: the first three simple paths, shortest first")
    func pathAll() throws {
        let result = try orggraph([
            "path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--all", "--limit", "3", "--format", "json",
        ])
        #expect(result.status == 0)
        let paths = try #require(try Self.object(result.out)["paths"] as? [[String: Any]])
        #expect(paths.count == 3)
        #expect(paths.map { $0["length"] as? Int } == [2, 2, 2])
        #expect(
            try paths.map { try Self.steps($0["steps"]) } == [
                ["chi-bo-khoa-noi -part-of-> dang-uy-bv", "dang-uy-bv <-leads- tinh-uy"],
                ["chi-bo-khoa-noi -part-of-> dang-uy-bv", "dang-uy-bv <-sends-documents- tinh-uy"],
                ["chi-bo-khoa-noi <-leads- dang-uy-bv", "dang-uy-bv <-leads- tinh-uy"],
            ])
        // Six paths of two steps (three edges to the committee, two from it to the top), then longer ones.
        let more = try orggraph([
            "path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--all", "--limit", "8", "--format", "json",
        ])
        let lengths = try #require(try Self.object(more.out)["paths"] as? [[String: Any]]).map {
            $0["length"] as? Int ?? 0
        }
        try #require(lengths.count == 8)
        #expect(Array(lengths.prefix(6)) == [2, 2, 2, 2, 2, 2])
        #expect(lengths[6] > 2 && lengths == lengths.sorted())

        let text = try orggraph(["path", Self.hospital, "chi-bo-khoa-noi", "dang-uy-bv", "--all", "--limit", "3"])
        #expect(
            text.out == """
                path 1:
                chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp)
                  —part-of→ dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng)
                1 step

                path 2:
                chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp)
                  ←leads— dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng)
                1 step

                path 3:
                chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp)
                  —reports-to→ dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng)
                1 step

                """)
        #expect(
            try orggraph(["path", Self.hospital, "chi-bo-khoa-noi", "tinh-uy", "--all", "--limit", "0"]).status == 2)
    }

    @Test("path --pairs: one JSON line per pair, comments and blank lines skipped")
    func pathPairs() throws {
        let pairs = try temporaryFile(
            """
            # cell to the top, and back down by leadership
            chi-bo-khoa-noi tinh-uy

            tinh-uy chi-bo-khoa-noi
            tinh-uy tinh-uy
            """, name: "pairs.txt")
        let result = try orggraph(["path", Self.hospital, "--pairs", pairs])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        let lines = try result.out.split(separator: "\n").map { try Self.object($0) }
        #expect(lines.count == 3)
        #expect(lines.map { $0["from"] as? String } == ["chi-bo-khoa-noi", "tinh-uy", "tinh-uy"])
        #expect(lines.map { ($0["paths"] as? [[String: Any]])?.first?["length"] as? Int } == [2, 2, 0])

        // With --via, a pair with no path answers "paths": [] and makes the status 1.
        let restricted = try orggraph(["path", Self.hospital, "--pairs", pairs, "--via", "leads"])
        #expect(restricted.status == 1)
        let answers = try restricted.out.split(separator: "\n").map { try Self.object($0) }
        try #require(answers.count == 3)
        #expect(answers.map { ($0["paths"] as? [Any])?.count } == [0, 1, 1])
        #expect(
            try Self.steps((answers[1]["paths"] as? [[String: Any]])?.first?["steps"]) == [
                "tinh-uy -leads-> dang-uy-bv", "dang-uy-bv -leads-> chi-bo-khoa-noi",
            ])

        // Pairs from standard input; an unknown id is an error line and status 2.
        let bad = try orggraph(
            ["path", Self.hospital, "--pairs", "-"],
            input: .text("chi-bo-khoa-noj tinh-uy\nchi-bo-khoa-noi dang-uy-bv\na b c\n"))
        #expect(bad.status == 2)
        let badLines = try bad.out.split(separator: "\n").map { try Self.object($0) }
        #expect(badLines.count == 2)
        #expect(
            badLines.first?["error"] as? String
                == "no node has the id 'chi-bo-khoa-noj'; did you mean 'chi-bo-khoa-noi'?")
        #expect((badLines.last?["paths"] as? [[String: Any]])?.first?["length"] as? Int == 1)
        #expect(bad.err == "-:3:1: error: expected 'FROM TO', two ids\n")

        #expect(try orggraph(["path", Self.hospital, "a", "b", "--pairs", pairs]).status == 2)
        #expect(try orggraph(["path", Self.hospital, "--pairs", pairs, "--all"]).status == 2)
    }

    // MARK: chain and common

    @Test("chain: text and JSON from a cell to the top")
    func chain() throws {
        let text = try orggraph(["chain", Self.hospital, "chi-bo-khoa-noi"])
        #expect(text.status == 0)
        #expect(
            text.out == """
                chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp)
                  ←leads— dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng)
                  ←superior-of— dang-uy-khoi (Đảng ủy Khối các cơ quan tỉnh Lâm Đồng)
                  ←leads— tinh-uy (Tỉnh ủy Lâm Đồng)
                3 steps to the top

                """)
        let json = try orggraph(["chain", Self.province, "chi-bo-thcs-le-van-thiem", "--format", "json"])
        #expect(json.status == 0)
        let object = try Self.object(json.out)
        #expect(object["node"] as? String == "chi-bo-thcs-le-van-thiem")
        #expect(
            try Self.steps(object["steps"]) == [
                "chi-bo-thcs-le-van-thiem <-superior-of- thanh-uy-ha-tinh", "thanh-uy-ha-tinh <-leads- tinh-uy",
            ])
        let reporting = try orggraph([
            "chain", Self.hospital, "chi-bo-khoa-noi", "--relation", "reports-to", "--format", "json",
        ])
        #expect(
            try Self.steps(try Self.object(reporting.out)["steps"]) == [
                "chi-bo-khoa-noi -reports-to-> dang-uy-bv", "dang-uy-bv -reports-to-> btv-tinh-uy",
            ])
        let top = try orggraph(["chain", Self.hospital, "tinh-uy"])
        #expect(top.status == 0)
        #expect(top.out == "tinh-uy (Tỉnh ủy Lâm Đồng)\nno superior\n")
        #expect(try orggraph(["chain", Self.hospital, "tinh_uy"]).status == 2)
    }

    @Test("common: the lowest common superior with both paths; none exits 1")
    func common() throws {
        let text = try orggraph(["common", Self.province, "chi-bo-thcs-le-van-thiem", "dang-uy-bv-da-khoa"])
        #expect(text.status == 0)
        #expect(
            text.out == """
                lowest common superior: tinh-uy (Tỉnh ủy Hà Tĩnh)

                chi-bo-thcs-le-van-thiem (Chi bộ Trường THCS Lê Văn Thiêm)
                  ←superior-of— thanh-uy-ha-tinh (Thành ủy Hà Tĩnh)
                  ←leads— tinh-uy (Tỉnh ủy Hà Tĩnh)

                dang-uy-bv-da-khoa (Đảng ủy Bệnh viện Đa khoa tỉnh Hà Tĩnh)
                  ←leads— tinh-uy (Tỉnh ủy Hà Tĩnh)

                """)
        let json = try orggraph(["common", Self.hospital, "chi-bo-khoa-noi", "chi-bo-khoa-ngoai", "--format", "json"])
        #expect(json.status == 0)
        let object = try Self.object(json.out)
        #expect(object["common"] as? String == "dang-uy-bv")
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.map { $0["from"] as? String } == ["chi-bo-khoa-noi", "chi-bo-khoa-ngoai"])
        #expect(try Self.steps(paths.last?["steps"]) == ["chi-bo-khoa-ngoai <-leads- dang-uy-bv"])

        let none = try orggraph(["common", Self.hospital, "bv-da-khoa", "ubnd-tinh", "--format", "json"])
        #expect(none.status == 1)
        let noneObject = try Self.object(none.out)
        #expect(noneObject["common"] is NSNull)
        #expect((noneObject["paths"] as? [Any])?.isEmpty == true)
        let noneText = try orggraph(["common", Self.hospital, "bv-da-khoa", "ubnd-tinh"])
        #expect(noneText.status == 1)
        #expect(noneText.out.isEmpty)
        #expect(noneText.err.hasSuffix("have no common superior\n"))
    }
}
