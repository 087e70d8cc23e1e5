import Foundation
import TestSupport
import Testing

@testable import OrgGraphCore
@testable import OrgGraphFormat

/// ``YAMLTree`` and its reader against Yams' nodes and ``YAMLReader``: the same values, kinds
/// and places on every plain document, and no tree for the documents Yams must read.
@Suite("YAML tree")
struct YAMLTreeTests {
    /// Everything a reader hands out, in order, one line a value.
    static func trace<Reader: StructuredReader>(_ reader: inout Reader) throws -> [String] {
        var lines: [String] = []
        func value(_ reader: inout Reader) throws {
            let location = try reader.location()
            switch try reader.peekKind() {
            case .mapping:
                lines.append("mapping \(location)")
                try reader.beginMapping()
                while let key = try reader.nextKey() {
                    lines.append("key \(key.text) \(key.location)")
                    try value(&reader)
                }
            case .sequence:
                lines.append("list \(location)")
                try reader.beginSequence()
                while try reader.nextElement() { try value(&reader) }
            case let kind:
                let scalar = try reader.readScalar()
                lines.append("\(kind) \(scalar.kind) \(scalar.text.debugDescription) \(scalar.location)")
            }
        }
        try value(&reader)
        return lines
    }

    static func traces(_ text: String) throws -> (tree: [String]?, yams: [String]) {
        let source = SourceText(file: "t.yaml", bytes: Array(text.utf8))
        let document = try #require(try YAMLDocument.compose(source, budget: 1_000_000, limit: 20))
        var yams = YAMLReader(document: document, budget: 1_000_000)
        var tree: [String]?
        if let composed = YAMLTree.compose(source) {
            var reader = YAMLTreeReader(tree: composed)
            tree = try trace(&reader)
        }
        return (tree, try trace(&yams))
    }

    @Test("A rulebook and the example organizations read alike through the tree and through Yams")
    func sameValues() throws {
        for path in [
            "Rulebooks/125-QD-TW.yaml", "Rulebooks/125-QD-TW-2025.yaml", "Examples/hospital.yaml",
            "Examples/province.yaml", "Examples/lam-dong-2025.yaml", "Examples/broken/regulation.yaml",
        ] {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            let (tree, yams) = try Self.traces(text)
            let read = try #require(tree, "\(path) is read through Yams")
            #expect(read == yams, "\(path)")
            #expect(read.count > 100)
        }
    }

    @Test("Scalars of every style and kind, on lines of every break, read alike")
    func scalars() throws {
        let text = """
            a: plain text
            b: "quoted: text"
            c: 'single ''quoted'''
            d: |
              literal
              block
            e: >-
              folded
              block
            f: [1, -2.5e3, 0x1F, 0o17, true, False, null, ~, .inf, "12", '']
            g: {x: y, "z": [{}, []]}
            h:
            i: Trường Tiểu học Ái Nghĩa\r\nj: 1\rk: ế\u{85}l: "over
              two lines"
            """
        let (tree, yams) = try Self.traces(text)
        #expect(try #require(tree) == yams)
    }

    @Test(
        "Documents with aliases, anchors, tags, keys written twice or errors get no tree",
        arguments: [
            "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a: {b: 1, b: 2}\n", "? [a]\n: 1\n", "a: [1\n",
            "a: 1\n---\nb: 2\n", "a: \"\\uFEFFb\"\n", "# only a comment\n", "\u{FEFF}a: 1\n",
        ])
    func noTree(_ text: String) {
        #expect(YAMLTree.compose(SourceText(file: "t.yaml", bytes: Array(text.utf8))) == nil)
    }
}
