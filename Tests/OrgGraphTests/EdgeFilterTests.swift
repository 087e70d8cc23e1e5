import Testing

@testable import OrgGraphCore
@testable import OrgGraphQuery

/// Edge filters in path expressions: `liaises-with{basis=location}`, `^reports-to{period=regular}`.
@Suite("Path edge filters")
struct EdgeFilterTests {
    static let text = """
        orggraph: 1
        nodes:
          - {id: bv, kind: public-service-unit, level: commune}
          - {id: dubv, kind: unit-party-committee, part-of: bv}
          - {id: dy, kind: commune-party-committee}
          - {id: dy2, kind: commune-party-committee}
          - {id: ubnd, kind: peoples-committee, level: commune}
          - {id: tv, kind: standing-committee, part-of: dy}
        relations:
          - {type: liaises-with, from: dubv, to: dy, basis: location}
          - {type: liaises-with, from: dubv, to: dy2, basis: residence}
          - {type: liaises-with, from: dubv, to: ubnd}
          - {type: reports-to, from: dubv, to: tv, period: [regular]}
          - {type: reports-to, from: dubv, to: dy, period: [regular, extraordinary]}
          - {type: leads, from: dy, to: dubv}
        """

    /// The ids `expression` reaches from `start`, by the automaton and by the set evaluation.
    static func reached(_ expression: String, from start: String) throws -> [String] {
        let loaded = try load(text)
        let parsed = try PathExpression(parsing: expression)
        var evaluator = PathEvaluator(loaded)
        let index = try #require(loaded.graph.index(of: start))
        let nodes = evaluator.evaluate(parsed, from: index)
        #expect(Set(evaluator.nodeSet(parsed, from: index)) == Set(nodes), "\(expression)")
        #expect(evaluator.reachesAny(parsed, from: index) == !nodes.isEmpty, "\(expression)")
        return nodes.map { loaded.organization.nodes[$0].id }
    }

    @Test("An edge filter keeps the relations whose basis is the value, or whose periods hold it")
    func filters() throws {
        #expect(try Self.reached("liaises-with", from: "dubv") == ["dy", "dy2", "ubnd"])
        #expect(try Self.reached("liaises-with{basis=location}", from: "dubv") == ["dy"])
        #expect(try Self.reached("liaises-with{basis=residence}", from: "dubv") == ["dy2"])
        #expect(try Self.reached("liaises-with{basis=location,basis=residence}", from: "dubv") == [])
        #expect(try Self.reached("reports-to{period=regular}", from: "dubv") == ["tv", "dy"])
        #expect(try Self.reached("reports-to{period=regular, period=extraordinary}", from: "dubv") == ["dy"])
        #expect(try Self.reached("reports-to{period=regular}{period=extraordinary}", from: "dubv") == ["dy"])
        #expect(try Self.reached("reports-to{period=6-months}", from: "dubv") == [])
        #expect(try Self.reached("^liaises-with{basis=location}", from: "dy") == ["dubv"])
        #expect(try Self.reached("^liaises-with{basis=location}", from: "dy2") == [])
        #expect(try Self.reached("^reports-to{period=regular}/part-of", from: "tv") == ["bv"])
        #expect(
            try Self.reached("liaises-with{basis=location}/leads|^leads/^liaises-with{basis=residence}", from: "dubv")
                == ["dubv"])
        #expect(try Self.reached("(liaises-with{basis=location}|^liaises-with)+", from: "dubv") == ["dy", "dubv"])
        #expect(try Self.reached("liaises-with{basis=location}[kind=commune-party-committee]", from: "dubv") == ["dy"])
    }

    @Test("'{' then a digit stays a repetition, after an edge filter too")
    func repetition() throws {
        #expect(try Self.reached("^leads{1}", from: "dubv") == ["dy"])
        #expect(try Self.reached("(liaises-with{basis=location}/leads){2}", from: "dubv") == ["dubv"])
        #expect(try Self.reached("reports-to{period=regular}{0,1}", from: "dubv") == ["dubv", "tv", "dy"])
        let parsed = try PathExpression(parsing: "liaises-with{basis=location}{2,3}")
        guard case .repetition(.filteredStep(.liaisesWith, false, let filter), 2, 3) = parsed.root else {
            Issue.record("parsed as \(parsed.root)")
            return
        }
        #expect(filter.tests == [.basis(.location)])
        #expect(PathExpression.positions(parsed.root) == 3)
    }

    @Test(
        "A bad edge filter is a located error with a suggestion",
        arguments: [
            (
                "liaises-with{bsis=location}",
                "query:1:14: error: unknown edge filter 'bsis'; did you mean 'basis'?; edge filters are basis and period"
            ),
            (
                "liaises-with{basis=locaton}",
                "query:1:20: error: unknown basis 'locaton'; did you mean 'location'?; bases are location, residence"
            ),
            (
                "^reports-to{period=regulr}",
                "query:1:20: error: unknown period 'regulr'; did you mean 'regular'?; periods are "
                    + "6-months, 1-year, congress, regular, extraordinary, ad-hoc"
            ),
            (
                "leads{basis=location}",
                "query:1:7: error: 'leads' relations carry no basis, so a 'leads' step takes no edge filter"
            ),
            ("reports-to{basis=location}", "query:1:12: error: 'reports-to' relations carry no basis, only period"),
            ("liaises-with{period=regular}", "query:1:14: error: 'liaises-with' relations carry no period, only basis"),
            ("reports-to{period=regular", "query:1:26: error: expected '}' to close the edge filter at column 11"),
            ("reports-to{period}", "query:1:18: error: expected '=' after 'period' in the edge filter"),
            (
                "(leads|reports-to){period=regular}",
                "query:1:19: error: an edge filter follows a relation's name, as in 'liaises-with{basis=location}'"
            ),
        ])
    func errors(expression: String, message: String) {
        do {
            let parsed = try PathExpression(parsing: expression)
            Issue.record("'\(expression)' parsed as \(parsed.root)")
        } catch {
            #expect(error.description.split(separator: "\n").first.map(String.init) == message)
        }
    }

    @Test("Paths take, with --via, only the steps whose relations pass their edge filters")
    func finder() throws {
        let loaded = try load(Self.text)
        let graph = loaded.graph
        func id(_ name: String) throws -> Int { try #require(graph.index(of: name)) }
        var finder = PathFinder(graph)
        func path(_ via: String, _ from: String, _ to: String) throws -> [String]? {
            let allowed = try #require(StepSet(try PathExpression(parsing: via)))
            let found = finder.shortestPath(from: try id(from), to: try id(to), allowed: allowed)
            let all = finder.simplePaths(from: try id(from), to: try id(to), allowed: allowed, limit: 10).paths
            #expect((found == nil) == all.isEmpty, "\(via)")
            return found.map { $0.map { loaded.organization.nodes[$0.to].id } }
        }
        #expect(try path("liaises-with{basis=location}", "dubv", "dy") == ["dy"])
        #expect(try path("liaises-with{basis=location}", "dubv", "dy2") == nil)
        #expect(try path("liaises-with{basis=residence}", "dubv", "dy2") == ["dy2"])
        #expect(try path("^liaises-with{basis=residence}", "dy2", "dubv") == ["dubv"])
        #expect(try path("liaises-with|liaises-with{basis=location}", "dubv", "ubnd") == ["ubnd"])
        #expect(try path("reports-to{period=extraordinary}|part-of", "dubv", "bv") == ["bv"])
        #expect(try path("reports-to{period=extraordinary}|part-of|^liaises-with", "dy2", "tv") == nil)
        #expect(try path("reports-to{period=regular}|^liaises-with", "dy2", "tv") == ["dubv", "tv"])
        #expect(StepSet(try PathExpression(parsing: "leads/leads")) == nil)
        #expect(try PathExpression(parsing: "reports-to{period=regular}|leads").unionOfSteps == nil)
    }
}
