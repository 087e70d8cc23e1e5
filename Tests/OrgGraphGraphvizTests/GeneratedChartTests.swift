import Foundation
import TestSupport
import Testing

/// Every organization the generator makes under the chart limit renders, through the command:
/// exit status 0, a whole SVG file, and at most one note on standard error when the layout fell
/// back.
@Suite("Charts of generated organizations", .serialized)
struct GeneratedChartTests {
    /// Sizes from small to the 'dot' limit (1,500 nodes), each with its seed; the largest is the
    /// one whose layout trips dot's ranking (`trouble in init_rank`).
    static let sizes: [[String]] = [
        [
            "--provinces", "1", "--districts", "1", "--communes", "2", "--provincial-units", "2", "--district-units",
            "1", "--seed", "7",
        ],
        [
            "--provinces", "1", "--districts", "3", "--communes", "4", "--provincial-units", "10", "--district-units",
            "3", "--seed", "2",
        ],
        [
            "--provinces", "1", "--districts", "6", "--communes", "10", "--provincial-units", "60", "--district-units",
            "10", "--seed", "3",
        ],
        [
            "--provinces", "1", "--districts", "6", "--communes", "10", "--provincial-units", "60", "--district-units",
            "10", "--seed", "1",
        ],
    ]

    @Test("renders as SVG", arguments: sizes)
    func renders(_ size: [String]) throws {
        let folder = try temporaryFolder("orggraph-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("generated.yaml").path
        let generated = try orggraph(["generate"] + size + ["-o", input])
        try #require(generated.status == 0, "\(generated.err)")
        let output = folder.appendingPathComponent("chart.svg").path
        let rendered = try orggraph(["render", input, "-o", output])
        #expect(rendered.status == 0, "\(rendered.err)")
        let lines = rendered.err.split(separator: "\n")
        #expect(lines.count <= 1, "\(rendered.err)")
        #expect(
            lines.allSatisfy { $0.hasPrefix("\(input): note: 'dot' could not lay out the chart") }, "\(rendered.err)")
        // The end of the file, not the whole: a chart of a thousand nodes read and parsed here
        // would grow this process while the render-loop test measures its memory.
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: output))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        #expect(size > 100_000)
        try handle.seek(toOffset: size - 16)
        let end = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        #expect(end.hasSuffix("</svg>\n"))
    }
}
