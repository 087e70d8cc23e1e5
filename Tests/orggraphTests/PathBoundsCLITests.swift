import Foundation
import TestSupport
import Testing

/// The cost bounds of the path engine, run through the built binary on large inputs: path
/// expressions on a generated province, `path --all` with a large `--limit`, a rulebook of many
/// rules, a long leadership cycle. Bounds are for a debug build on a busy two-core machine.
@Suite("orggraph path bounds", .serialized)
struct PathBoundsCLITests {
    /// A generated province (about 3,000 nodes), made once.
    static let province: String? = {
        guard let folder = try? temporaryFile("", name: "unused").replacingOccurrences(of: "/unused", with: ""),
            let run = try? orggraph(
                ["generate", "--provinces", "1", "--seed", "3", "-o", folder + "/province.json"], measure: true,
                deadline: 60),
            run.status == 0
        else { return nil }
        return folder + "/province.json"
    }()

    @Test(
        "Expressions that unrolled to minutes of work finish in seconds on a province",
        arguments: [
            "(((leads|^leads|part-of|^part-of)*){0,50}){0,5}", "(leads*){0,81}", "((leads|^part-of)+)*",
            "((leads|^leads|part-of|^part-of|reports-to|^reports-to){0,6}){0,7}",
            // Found by the fuzzer: a nullable body repeated, whose moves grew with the square of its copies.
            "(((leads|^leads*)?){2}){054}", "(((leads|^leads|part-of|^part-of)+){8,10}){5,5\t}",
        ])
    func boundedQuery(_ expression: String) throws {
        let province = try #require(Self.province)
        let run = try orggraph(["query", province, "p01", expression], measure: true, deadline: 60)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.seconds < 25, "took \(run.seconds) s")
        #expect(run.out.hasSuffix(" nodes\n") || run.out.hasSuffix(" node\n"))
    }

    @Test("A rulebook that runs a costly-looking expression from every subject validates a province in seconds")
    func boundedRulebook() throws {
        let province = try #require(Self.province)
        let rulebook = try temporaryFile(
            """
            rulebook: wide
            title: Wide
            extends: 125-QD/TW
            rules:
              - id: everything-reachable
                title: Every unit party organization reaches at most a million nodes
                severity: info
                subject: unit-party-organization
                path: ((((leads|^leads|part-of|^part-of|superior-of|^superior-of)*){0,50}){0,5})[kind=unit-head]
                max: 1000000

            """, name: "wide.yaml")
        // About 8 s alone, for some 400 subjects; without the normalisation, hours.
        let run = try orggraph(["validate", province, "--rulebook", rulebook], measure: true, deadline: 120)
        #expect(run.status == 0 || run.status == 1, "\(run.err)")
        #expect(!run.out.contains("everything-reachable"))
        #expect(run.seconds < 120, "took \(run.seconds) s")
    }

    /// `source` → 2 nodes → 2 nodes → ... (`depth` layers, each node leading both of the
    /// next) → `target`: 2^depth simple paths, all of the same length.
    static func layered(depth: Int) throws -> String {
        var nodes = [
            #"{"id": "source", "kind": "district-party-committee"}"#,
            #"{"id": "target", "kind": "district-party-committee"}"#,
        ]
        var relations: [String] = []
        func edge(_ from: String, _ to: String) {
            relations.append(#"{"type": "leads", "from": "\#(from)", "to": "\#(to)"}"#)
        }
        for layer in 0..<depth {
            for side in ["a", "b"] {
                nodes.append(#"{"id": "l\#(layer)\#(side)", "kind": "district-party-committee"}"#)
                if layer == 0 {
                    edge("source", "l0\(side)")
                } else {
                    edge("l\(layer - 1)a", "l\(layer)\(side)")
                    edge("l\(layer - 1)b", "l\(layer)\(side)")
                }
                if layer == depth - 1 { edge("l\(layer)\(side)", "target") }
            }
        }
        return try temporaryFile(
            #"{"orggraph": 1, "nodes": [\#(nodes.joined(separator: ", "))], "relations": [\#(relations.joined(separator: ", "))]}"#,
            name: "layered.json")
    }

    @Test("path --all writes paths as it finds them: peak memory does not grow with --limit")
    func allPathsBoundedMemory() throws {
        let file = try Self.layered(depth: 60)
        let small = try orggraph(
            ["path", file, "source", "target", "--all", "--limit", "1000"], measure: true, deadline: 60)
        let large = try orggraph(
            ["path", file, "source", "target", "--all", "--limit", "30000"], measure: true, deadline: 120)
        #expect(small.status == 0 && large.status == 0, "\(large.err)")
        #expect(large.out.components(separatedBy: "\n\npath ").count == 30_000)
        #expect(large.out.hasPrefix("path 1:\nsource\n  —leads→ l0a\n  —leads→ l1a\n"))
        #expect(large.out.hasSuffix("  —leads→ target\n61 steps\n"))
        // 30,000 paths of 61 steps held at once took over 150 MB.
        #expect(large.megabytes < small.megabytes + 20, "\(small.megabytes) MB, then \(large.megabytes) MB")
        let json = try orggraph(
            ["path", file, "source", "target", "--all", "--limit", "3", "--format", "json"], measure: true, deadline: 60
        )
        let object = try PathCLITests.object(json.out)
        let paths = try #require(object["paths"] as? [[String: Any]])
        #expect(paths.map { $0["length"] as? Int } == [61, 61, 61])
        #expect(object["from"] as? String == "source" && object["to"] as? String == "target")
    }

    @Test("path --all --limit has a maximum, given in --help")
    func limitMaximum() throws {
        let file = try Self.layered(depth: 2)
        let over = try orggraph(["path", file, "source", "target", "--all", "--limit", "1000001"])
        #expect(over.status == 64 || over.status == 2)
        #expect(over.out.isEmpty)
        #expect(over.err.contains("--limit takes a number of paths, from 1 to 1,000,000."))
        let help = try orggraph(["path", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            help.contains(
                "--limit <limit> With --all, the most paths to list (at most 1,000,000; each is written as it is found)."
            ))
        let none = try orggraph(["path", file, "target", "source", "--all", "--via", "leads", "--format", "json"])
        #expect(none.status == 1)
        #expect(none.out == "{\"from\": \"target\", \"to\": \"source\", \"paths\": []}\n")
    }

    /// A rulebook of `count` rules extending 125-QD/TW, two of them turned off and one with its
    /// severity changed.
    static func manyRules(_ count: Int) throws -> String {
        var text = "rulebook: many\ntitle: Many\nextends: 125-QD/TW\nrules:\n"
        for i in 0..<count {
            text +=
                "  - id: rule-\(i)\n    title: Rule \(i)\n    severity: info\n    subject: unit-party-organization\n"
                + "    path: ^superior-of\n    max: 5\n"
        }
        text += "disable: [rule-7, rule-\(count - 1)]\nseverity:\n  rule-8: warning\n"
        return try temporaryFile(text, name: "many-\(count).yaml")
    }

    @Test("A rulebook of 20,000 rules loads in seconds, in time linear in its rules")
    func manyRules() throws {
        // Quadratic loading took 54 s for 20,000 rules and 9 times as long for 4 times the rules.
        let small = try orggraph(["rules", "--rulebook", try Self.manyRules(5_000)], measure: true, deadline: 120)
        let run = try orggraph(["rules", "--rulebook", try Self.manyRules(20_000)], measure: true, deadline: 120)
        #expect(small.status == 0 && run.status == 0, "\(run.err)")
        #expect(run.seconds < 40, "took \(run.seconds) s")
        #expect(run.seconds < 10 * small.seconds, "\(small.seconds) s for 5,000 rules, \(run.seconds) s for 20,000")
        let lines = run.out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("rule-") }.count == 19_998)
        #expect(!lines.contains { $0.hasPrefix("rule-7 ") || $0.hasPrefix("rule-19999 ") })
        #expect(lines.contains { $0.hasPrefix("rule-8 ") && $0.contains("warning") })
    }

    @Test("A leadership cycle of 300,000 nodes gives a message of a few lines")
    func longCycle() throws {
        let count = 300_000
        var text = "{\"orggraph\": 1, \"nodes\": ["
        text += (0..<count).map { #"{"id": "c\#($0)", "kind": "district-party-committee"}"# }.joined(separator: ", ")
        text += "], \"relations\": ["
        text += (0..<count).map { #"{"type": "leads", "from": "c\#($0)", "to": "c\#(($0 + 1) % count)"}"# }
            .joined(separator: ", ")
        text += "]}"
        let file = try temporaryFile(text, name: "cycle.json")
        let run = try orggraph(["validate", file, "--rulebook", "structural"], measure: true, deadline: 120)
        #expect(run.status == 1, "\(run.err)")
        let cycle = try #require(run.out.split(separator: "\n").first { $0.contains("[acyclic-leadership]") })
        #expect(
            cycle.hasSuffix(
                "error: leadership runs in a circle of 300000 steps through 'c0': 'c0' leads 'c1', 'c1' leads 'c2', "
                    + "'c2' leads 'c3', 'c3' leads 'c4', … 299992 more steps …, 'c299996' leads 'c299997', "
                    + "'c299997' leads 'c299998', 'c299998' leads 'c299999', 'c299999' leads 'c0'; "
                    + "leadership must run one way [acyclic-leadership]"))
        #expect(run.out.utf8.count < 4_096, "\(run.out.utf8.count) bytes")
    }
}
