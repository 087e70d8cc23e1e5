// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "OrgGraph",
    products: [
        .library(name: "OrgGraph", targets: ["OrgGraph"]),
        .executable(name: "orggraph", targets: ["orggraph"]),
    ],
    dependencies: [
        // The command line: subcommands, options, help with examples.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML: libyaml's scanner with line and column marks on every node.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // CSV folders: yaslab/CSV.swift reads one record at a time, so a record's number is its
        // spreadsheet row even when a quoted cell holds line breaks, and it reads Unicode scalars,
        // keeping a cell's spaces as written (SwiftCSV drops a cell's leading spaces and splits
        // on grapheme clusters, so a combining mark after a separator hides it).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The layers, each importing only those listed before it, so the compiler refuses a cycle.
        // The model, the vocabulary table, the graph, the loaded organization, diagnostics.
        .target(name: "OrgGraphCore"),
        // Reading and writing organization files: YAML (through Yams, not re-exported), JSON, and
        // folders of CSV files (through CSV.swift, not re-exported).
        .target(
            name: "OrgGraphFormat",
            dependencies: [
                "OrgGraphCore", .product(name: "Yams", package: "Yams"), .product(name: "CSV", package: "CSV.swift"),
            ]),
        // Path expressions, their evaluators, shortest paths, superiors, statistics.
        .target(name: "OrgGraphQuery", dependencies: ["OrgGraphCore"]),
        // Rulebooks, checks, the auditor, findings and their reports.
        .target(name: "OrgGraphAudit", dependencies: ["OrgGraphCore", "OrgGraphFormat", "OrgGraphQuery"]),
        // What a chart draws, its styles, and the DOT writer.
        .target(name: "OrgGraphChart", dependencies: ["OrgGraphCore", "OrgGraphQuery", "OrgGraphAudit"]),
        // Generated organizations, with seeded faults.
        .target(name: "OrgGraphGenerate", dependencies: ["OrgGraphCore", "OrgGraphFormat", "OrgGraphAudit"]),
        // The HTML audit report: findings unit by unit with their charts, in one self-contained page.
        .target(name: "OrgGraphReport", dependencies: ["OrgGraphCore", "OrgGraphAudit", "OrgGraphChart"]),
        // Exports for other tools: GraphML (yEd's styling on request), node-link JSON, Mermaid.
        .target(name: "OrgGraphExport", dependencies: ["OrgGraphCore", "OrgGraphChart"]),
        // The library as users import it: every layer above, re-exported.
        .target(
            name: "OrgGraph",
            dependencies: [
                "OrgGraphCore", "OrgGraphFormat", "OrgGraphQuery", "OrgGraphAudit", "OrgGraphChart", "OrgGraphGenerate",
                "OrgGraphReport", "OrgGraphExport",
            ]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // cairo's PDF surface: the pages of a paged chart drawn into one PDF, with their links.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]
        ),
        // The only importer of CGraphviz and CCairo: charts rendered in-process through libgvc.
        .target(
            name: "OrgGraphGraphviz",
            dependencies: ["OrgGraphCore", "OrgGraphChart", "CGraphviz", "CCairo"]
        ),
        // The command line's files and streams: outputs written atomically, standard output and
        // error checked, lines read as they arrive (file names through OrgGraphFormat's FileName).
        .target(name: "OrgGraphIO", dependencies: ["OrgGraphCore", "OrgGraphFormat"]),
        // The command line: argument parsing and calls into the library, nothing else.
        .executableTarget(
            name: "orggraph",
            dependencies: [
                "OrgGraph",
                "OrgGraphGraphviz",
                "OrgGraphIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark stays in the manifest: it times the library's own stages (load, graph,
        // audit, queries) in-process, which the CLI cannot show, and Scripts/bench.sh builds it
        // beside `orggraph` in one release build.
        .executableTarget(
            name: "orggraph-bench",
            dependencies: ["OrgGraph"]
        ),
        // What the test targets share: the package root, and one way to run the built binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "OrgGraphTests",
            dependencies: [
                "OrgGraph", "OrgGraphCore", "OrgGraphFormat", "OrgGraphQuery", "OrgGraphAudit", "OrgGraphChart",
                "OrgGraphGenerate", "OrgGraphReport", "OrgGraphExport", "TestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "OrgGraphGraphvizTests",
            dependencies: [
                "OrgGraphGraphviz", "OrgGraph", "OrgGraphCore", "OrgGraphFormat", "OrgGraphQuery", "OrgGraphAudit",
                "OrgGraphChart", "OrgGraphGenerate", "TestSupport",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "orggraphTests",
            dependencies: ["orggraph", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer harnesses (Fuzz/), built only by Scripts/fuzz.sh, which sets ORGGRAPH_FUZZ=1 and
// compiles with -sanitize=fuzzer: without libFuzzer's main they cannot link, so an ordinary
// build never sees them.
if Context.environment["ORGGRAPH_FUZZ"] == "1" {
    // What every harness shares: libFuzzer's driver, and the convert round trip of a loaded file.
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["OrgGraph"], path: "Fuzz/Support"))
    for (name, folder) in [("fuzz-yaml", "YAMLLoader"), ("fuzz-json", "JSONLoader"), ("fuzz-path", "PathExpression")] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport", "OrgGraph", "OrgGraphCore", "OrgGraphFormat", "OrgGraphQuery", "OrgGraphAudit",
                    "OrgGraphChart", "OrgGraphGenerate",
                ],
                path: "Fuzz/\(folder)"))
    }
    package.targets.append(
        .executableTarget(
            name: "fuzz-chart", dependencies: ["FuzzSupport", "OrgGraph", "OrgGraphChart", "OrgGraphGraphviz"],
            path: "Fuzz/ChartRenderer"))
}
