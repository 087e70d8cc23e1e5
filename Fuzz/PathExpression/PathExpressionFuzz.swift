import FuzzSupport

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// libFuzzer's entry: the bytes, read as UTF-8, parse as a path expression or fail with a
/// ``PathSyntaxError`` whose diagnostic renders. An expression that parses runs from every node
/// of a small organization, through the automaton and through the chains the checks use, and
/// the two must reach the same nodes; then from the top of a generated province, where an
/// expression's cost shows (Scripts/fuzz.sh gives each input a time limit). Anything else (a
/// trap, a hang, runaway memory) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPathExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let expression: PathExpression
    do {
        expression = try PathExpression(parsing: text)
    } catch {
        _ = error.description
        return 0
    }
    var evaluator = PathEvaluator(organization)
    var finder = PathFinder(organization.graph)
    let allowed = StepSet(expression)
    for start in 0..<organization.graph.nodeCount {
        let reached = evaluator.evaluate(expression, from: start)
        let set = evaluator.nodeSet(expression, from: start)
        if Set(reached).count != reached.count || Set(set).count != set.count || Set(reached) != Set(set) {
            fatalError("'\(text)' from node \(start): the automaton reaches \(reached), the chains \(set)")
        }
        if evaluator.reachesAny(expression, from: start) == reached.isEmpty {
            fatalError("'\(text)' from node \(start): reachesAny disagrees with \(reached)")
        }
        if let allowed, let target = reached.last {
            _ = finder.shortestPath(from: start, to: target, allowed: allowed)
            _ = finder.simplePaths(from: start, to: target, allowed: allowed, limit: 3, budget: 10_000)
        }
    }
    var large = PathEvaluator(province)
    for start in provinceStarts {
        let reached = large.evaluate(expression, from: start)
        let set = large.nodeSet(expression, from: start)
        if Set(reached) != Set(set) {
            fatalError("'\(text)' from province node \(start): the automaton and the chains disagree")
        }
    }
    return 0
}

/// One generated province of a few thousand nodes: large enough that an expression whose
/// cost grows with its repetitions runs past the fuzzer's time limit for one input.
let province: LoadedOrganization = {
    do {
        let generated = try OrganizationGenerator(size: .init(provinces: 1), seed: 7).generate()
        return try LoadedOrganization(generated.organization)
    } catch {
        fatalError("the fuzzer's province does not generate: \(error)")
    }
}()

/// The provincial committee, from which most expressions reach most of the province. The
/// largest automaton takes about a second from it with AddressSanitizer; an expression whose
/// cost grew with its nesting took minutes.
let provinceStarts = [0]

/// Eleven bodies with every relation type, cycles of leadership and reporting, levels, sectors,
/// attributes and Vietnamese names.
let organization: LoadedOrganization = {
    let text = """
        orggraph: 1
        nodes:
          - {id: tinh-uy, kind: provincial-party-committee, name: Tỉnh ủy Lâm Đồng, level: provincial}
          - {id: btv, kind: standing-committee, name: Ban Thường vụ, part-of: tinh-uy}
          - {id: khoi, kind: superior-party-committee, level: provincial}
          - {id: ubnd, kind: peoples-committee, level: provincial}
          - {id: so-y-te, kind: managing-agency, sector: health, part-of: ubnd}
          - {id: bv, kind: public-service-unit, level: provincial, sector: health, attributes: {beds: "800", grade: I}}
          - {id: dang-uy-bv, kind: unit-party-committee, name: "Đảng ủy Bệnh viện", part-of: bv}
          - {id: chi-bo, kind: subordinate-cell, name: "Chi bộ Khoa Nội", part-of: dang-uy-bv}
          - {id: giam-doc, kind: unit-head, part-of: bv}
          - {id: phuong, kind: commune-party-committee, name: "Đảng ủy Phường 6", level: commune}
          - {id: huyen-uy, kind: district-party-committee, level: district}
        relations:
          - {type: leads, from: tinh-uy, to: dang-uy-bv}
          - {type: leads, from: dang-uy-bv, to: chi-bo}
          - {type: leads, from: tinh-uy, to: huyen-uy}
          - {type: leads, from: huyen-uy, to: tinh-uy}
          - {type: superior-of, from: khoi, to: dang-uy-bv}
          - {type: sends-documents, from: khoi, to: dang-uy-bv}
          - {type: invites, from: tinh-uy, to: dang-uy-bv}
          - {type: reports-to, from: dang-uy-bv, to: btv, period: [regular]}
          - {type: reports-to, from: chi-bo, to: dang-uy-bv}
          - {type: reports-to, from: btv, to: chi-bo}
          - {type: manages, from: so-y-te, to: bv}
          - {type: coordinates-with, from: dang-uy-bv, to: giam-doc}
          - {type: informs, from: giam-doc, to: dang-uy-bv}
          - {type: escalates-to, from: dang-uy-bv, to: khoi}
          - {type: accountable-to, from: giam-doc, to: so-y-te}
          - {type: liaises-with, from: dang-uy-bv, to: phuong, basis: location}
          - {type: leads, from: chi-bo, to: chi-bo}
        """
    do {
        return try OrganizationLoader().load(bytes: Array(text.utf8), file: "fixed.yaml", format: .yaml)
    } catch {
        fatalError("the fuzzer's organization does not load:\n\(error)")
    }
}()
