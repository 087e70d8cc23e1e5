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
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(
            name: "OrgGraph",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The only importer of CGraphviz: charts rendered in-process through libgvc.
        .target(
            name: "OrgGraphGraphviz",
            dependencies: ["OrgGraph", "CGraphviz"]
        ),
        .executableTarget(
            name: "orggraph",
            dependencies: [
                "OrgGraph",
                "OrgGraphGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "orggraph-bench",
            dependencies: ["OrgGraph"]
        ),
        .testTarget(
            name: "OrgGraphTests",
            dependencies: ["OrgGraph"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "OrgGraphGraphvizTests",
            dependencies: ["OrgGraphGraphviz", "OrgGraph"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "orggraphTests",
            dependencies: ["orggraph"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer harnesses (Fuzz/), built only by Scripts/fuzz.sh, which sets ORGGRAPH_FUZZ=1 and
// compiles with -sanitize=fuzzer: without libFuzzer's main they cannot link, so an ordinary
// build never sees them.
if Context.environment["ORGGRAPH_FUZZ"] == "1" {
    for (name, folder) in [("fuzz-yaml", "YAMLLoader"), ("fuzz-json", "JSONLoader"), ("fuzz-path", "PathExpression")] {
        package.targets.append(.executableTarget(name: name, dependencies: ["OrgGraph"], path: "Fuzz/\(folder)"))
    }
    package.targets.append(
        .executableTarget(name: "fuzz-chart", dependencies: ["OrgGraph", "OrgGraphGraphviz"], path: "Fuzz/ChartRenderer"))
}
