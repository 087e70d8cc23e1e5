import ArgumentParser

/// The organization file a command reads.
struct OrganizationArgument: ParsableArguments {
    @Argument(help: "An organization file, or a folder of CSV files; - reads standard input.")
    var file: String
}
