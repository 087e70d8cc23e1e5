import Foundation
import TestSupport
import Testing

/// Edge filters on the command line: `query` and `path --via`.
@Suite("orggraph edge filters")
struct EdgeFilterCLITests {
    static let hospital = "Examples/hospital.yaml"

    @Test("query: an edge filter keeps the relations with that basis or period")
    func query() throws {
        let location = try orggraph(["query", Self.hospital, "dang-uy-bv", "liaises-with{basis=location}"])
        #expect(location.status == 0)
        #expect(location.out.hasPrefix("dang-uy-phuong-6 "))
        #expect(location.out.hasSuffix("2 nodes\n"))
        #expect(!location.out.contains("phuong-9"))
        let adHoc = try orggraph(["query", Self.hospital, "dang-uy-bv", "reports-to{period=ad-hoc}"])
        #expect(adHoc.out.hasPrefix("dang-uy-khoi "))
        #expect(adHoc.out.hasSuffix("1 node\n"))
        let bad = try orggraph(["query", Self.hospital, "dang-uy-bv", "leads{basis=location}"])
        #expect(bad.status == 2)
        #expect(bad.out.isEmpty)
        #expect(
            bad.err == """
                query:1:7: error: 'leads' relations carry no basis, so a 'leads' step takes no edge filter
                leads{basis=location}
                      ^

                """)
    }

    @Test("path --via: a filtered step walks only the relations that pass")
    func via() throws {
        let none = try orggraph([
            "path", Self.hospital, "dang-uy-bv", "dang-uy-khoi", "--via", "reports-to{period=regular}",
        ])
        #expect(none.status == 1)
        #expect(none.err.contains("with steps reports-to{period=regular}"))
        let found = try orggraph([
            "path", Self.hospital, "dang-uy-bv", "dang-uy-khoi", "--via", "reports-to{period=ad-hoc}|^leads",
        ])
        #expect(found.status == 0)
        #expect(found.out.contains("—reports-to→ dang-uy-khoi"))
        #expect(found.out.hasSuffix("1 step\n"))
    }
}
