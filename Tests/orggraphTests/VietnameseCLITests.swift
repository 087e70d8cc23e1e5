import Foundation
import TestSupport
import Testing

@Suite("orggraph --lang vi: the text a person reads, in Vietnamese")
struct VietnameseCLITests {
    @Test("stats --lang vi: headings, kinds and relation types by their Vietnamese names; JSON unchanged")
    func stats() throws {
        let result = try orggraph(["stats", "Examples/province.yaml", "--lang", "vi"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "  69 nút, 165 quan hệ")
        #expect(lines.contains("Số nút theo loại"))
        #expect(lines.contains { $0.hasPrefix("  Ban Thường vụ  ") && $0.hasSuffix("  5  standing-committee") })
        #expect(lines.contains { $0.hasPrefix("  cấp ủy cấp trên trực tiếp  ") && $0.hasSuffix("  6  superior-of") })
        #expect(lines.contains("Đơn vị sự nghiệp công lập theo cấp"))
        #expect(lines.contains { $0.hasPrefix("  cấp tỉnh ") && $0.hasSuffix(" 3") })
        #expect(lines.contains { $0.hasPrefix("Số tầng lãnh đạo: 4 (tinh-uy → ") })
        #expect(result.out == result.out.precomposedStringWithCanonicalMapping)
        let english = try orggraph(["stats", "Examples/province.yaml"])
        #expect(english.out.contains("\n  standing-committee  "))
        #expect(english.out.contains("Leadership depth: 4 (tinh-uy → "))
        let json = try orggraph(["stats", "Examples/province.yaml", "--format", "json"])
        let jsonVietnamese = try orggraph(["stats", "Examples/province.yaml", "--format", "json", "--lang", "vi"])
        #expect(json.out == jsonVietnamese.out)
    }

    @Test("path --lang vi: relations by their Vietnamese names with the file's word, the count and no path")
    func path() throws {
        let result = try orggraph(["path", "Examples/hospital.yaml", "chi-bo-khoa-noi", "tinh-uy", "--lang", "vi"])
        #expect(result.status == 0)
        #expect(
            result.out == """
                chi-bo-khoa-noi (Chi bộ Khoa Nội tổng hợp)
                  —trực thuộc (part-of)→ dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng)
                  ←lãnh đạo (leads)— tinh-uy (Tỉnh ủy Lâm Đồng)
                2 bước

                """)
        let listing = try orggraph([
            "path", "Examples/province.yaml", "tinh-uy", "chi-bo-thcs-le-van-thiem", "--all", "--limit", "2",
            "--lang", "vi",
        ])
        #expect(listing.out.hasPrefix("đường đi 1:\n"))
        #expect(listing.out.contains("\n\nđường đi 2:\n"))
        let none = try orggraph([
            "path", "Examples/hospital.yaml", "dang-uy-bv", "ubnd-tinh", "--via", "invites", "--lang", "vi",
        ])
        #expect(none.status == 1)
        #expect(
            none.err == "không có đường đi từ dang-uy-bv (Đảng ủy Bệnh viện Đa khoa tỉnh Lâm Đồng) đến ubnd-tinh "
                + "(Ủy ban nhân dân tỉnh Lâm Đồng) theo các bước invites\n")
        let json = try orggraph(["path", "Examples/hospital.yaml", "chi-bo-khoa-noi", "tinh-uy", "--format", "json"])
        let jsonVietnamese = try orggraph([
            "path", "Examples/hospital.yaml", "chi-bo-khoa-noi", "tinh-uy", "--format", "json", "--lang", "vi",
        ])
        #expect(json.out == jsonVietnamese.out)
    }

    @Test("query and chain --lang vi: kinds and relations by their Vietnamese names")
    func queryAndChain() throws {
        let query = try orggraph(["query", "Examples/university.yaml", "dang-uy-truong", "leads+", "--lang", "vi"])
        let lines = query.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("  [Chi bộ trực thuộc]") })
        #expect(lines.last?.hasSuffix(" nút") == true)
        let english = try orggraph(["query", "Examples/university.yaml", "dang-uy-truong", "leads+"])
        #expect(english.out.split(separator: "\n").contains { $0.hasSuffix("  [subordinate-cell]") })
        let chain = try orggraph(["chain", "Examples/hospital.yaml", "chi-bo-khoa-noi", "--lang", "vi"])
        #expect(chain.out.contains("\n  ←lãnh đạo (leads)— dang-uy-bv "))
    }
}
