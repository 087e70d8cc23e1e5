import Foundation
import OrgGraph
import Testing

@testable import OrgGraphGraphviz

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Graphviz's errors become Swift errors (nothing printed), calls are serialized, and a render
/// loop does not grow memory.
@Suite("Graphviz session", .serialized)
struct GraphvizSessionTests {
    static let small = "digraph { a -> b }"

    @Test("an unknown layout is a layout error with Graphviz's message, and nothing is printed")
    func unknownLayout() throws {
        var caught: GraphvizError?
        let printed = try capturingStandardError {
            do throws(GraphvizError) {
                _ = try GraphvizRenderer().render(Self.small, engine: "no-such-layout", format: .svg)
            } catch {
                caught = error
            }
        }
        let error = try #require(caught)
        #expect(error.stage == .layout)
        #expect(error.messages.first?.hasPrefix("Layout type: \"no-such-layout\" not recognized. Use one of:") == true)
        #expect(error.description.hasPrefix("Graphviz could not lay out the chart: Layout type: \"no-such-layout\""))
        #expect(!printed.contains("Layout type"), "Graphviz printed: \(printed)")
        #expect(!printed.contains("Error"), "Graphviz printed: \(printed)")
    }

    @Test("a DOT syntax error is a parse error, and the next render works")
    func syntaxError() throws {
        var caught: GraphvizError?
        let printed = try capturingStandardError {
            do throws(GraphvizError) {
                _ = try GraphvizRenderer().render("digraph { a -> ; ] }", format: .svg)
            } catch {
                caught = error
            }
        }
        let error = try #require(caught)
        #expect(error.stage == .parse)
        #expect(error.messages.joined().contains("syntax error"))
        #expect(!printed.contains("syntax error"), "Graphviz printed: \(printed)")
        let svg = try GraphvizRenderer().render(Self.small, format: .svg)
        #expect(try SVGDocument(svg).nodeTitles == ["a", "b"])
    }

    @Test("parallel renders are serialized and all succeed")
    func parallel() async throws {
        let dot = DOTWriter().write(try Chart(try loadPackageFile("Examples/hospital.yaml")))
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try GraphvizRenderer().render(dot, format: index.isMultiple(of: 2) ? .svg : .png).count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 8)
        #expect(sizes.allSatisfy { $0 > 10_000 })
    }

    @Test("a deep chain lays out on the large stack")
    func deepChain() throws {
        let chain = (0..<3_000).map { "n\($0) -> n\($0 + 1)" }.joined(separator: "\n")
        let svg = try GraphvizRenderer().render("digraph {\n\(chain)\n}", format: .svg)
        #expect(try SVGDocument(svg).nodeTitles.count == 3_001)
    }

    #if os(Linux)
        @Test("a render loop does not grow memory")
        func renderLoopMemory() throws {
            let dot = DOTWriter().write(try Chart(try loadPackageFile("Examples/hospital.yaml")))
            for _ in 0..<5 { _ = try GraphvizRenderer().render(dot, format: .png) }
            // The other suites run in this process at the same time, so one window of 60 renders can
            // see their memory too; a leak shows in every window, so the smallest growth of three counts.
            var growths: [Int] = []
            for _ in 0..<3 {
                let before = try residentBytes()
                for index in 0..<60 {
                    _ = try GraphvizRenderer().render(dot, format: index.isMultiple(of: 2) ? .svg : .png)
                }
                let window = try residentBytes() - before
                growths.append(window)
                if window < 6 << 20 { break }
            }
            let growth = growths.min() ?? 0
            // A leaked graph, layout or render buffer costs more than 100 kB a render here.
            #expect(growth < 6 << 20, "resident memory grew by \(growths) bytes over windows of 60 renders")
        }

        /// The resident set size of this process.
        private func residentBytes() throws -> Int {
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    #endif

    /// Runs `body` with standard error sent to a pipe, and returns what was written there.
    private func capturingStandardError(_ body: () throws -> Void) throws -> String {
        fflush(nil)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw TestFailure("pipe failed") }
        let saved = dup(STDERR_FILENO)
        dup2(ends[1], STDERR_FILENO)
        close(ends[1])
        defer {
            fflush(nil)
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        try body()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        var text = Data()
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count <= 0 { break }
            text.append(contentsOf: buffer[0..<count])
        }
        close(ends[0])
        return String(decoding: text, as: UTF8.self)
    }
}
