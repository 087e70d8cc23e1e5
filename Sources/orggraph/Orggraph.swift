import ArgumentParser

struct Orggraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orggraph",
        abstract: "Audit, query and draw the organization of public service units and their party organizations.",
        discussion: """
            Organizations are described in YAML or JSON files (see the README). Regulation \
            125-QD/TW of 2023 sets the working relationships the audit checks.

            Exit status: 0 clean, 1 findings at or above the fail level, 2 bad usage or a file \
            that could not be loaded.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, RulesCommand.self, StatsCommand.self, ConvertCommand.self, QueryCommand.self,
            PathCommand.self, ChainCommand.self, CommonSuperiorCommand.self, RenderCommand.self, GenerateCommand.self,
            ImpactCommand.self, ReportCommand.self,
            DiffCommand.self,
        ]
    )
}
