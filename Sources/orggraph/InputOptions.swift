import ArgumentParser
import OrgGraph
import OrgGraphIO

/// The options of every command that reads an organization or rulebook file.
struct InputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The most bytes an organization or rulebook file may have: a number, or one with K, M or G (64K, 10M, 2G).",
            valueName: "size"))
    var maxInputBytes = ByteCount(defaultMaximumInputBytes)

    /// An organization loader with these limits.
    var organizationLoader: OrganizationLoader {
        var loader = OrganizationLoader()
        loader.maximumInputBytes = maxInputBytes.value
        return loader
    }

    /// A rulebook loader with these limits.
    var rulebookLoader: RulebookLoader {
        var loader = RulebookLoader()
        loader.maximumInputBytes = maxInputBytes.value
        return loader
    }
}

extension ByteCount: ExpressibleByArgument {
    package init?(argument: String) { self.init(parsing: argument) }

    package static var defaultCompletionKind: CompletionKind { .default }
}
