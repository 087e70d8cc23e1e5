import ArgumentParser

/// The organization file a command reads.
struct OrganizationArgument: ParsableArguments {
    @Argument(help: "An organization file; - reads standard input.")
    var file: String
}
