import ArgumentParser
import OrgGraph

struct ImpactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "The findings that removing bodies (and their relations) would create.",
        discussion: """
            For restructuring: dissolving a district committee, merging communes, closing a \
            unit. The organization is audited as it is and without the removed nodes; the \
            findings only the second audit has are listed, and the count of those it resolves.

            Examples:
              orggraph impact Examples/province.yaml --remove thanh-uy-ha-tinh
              orggraph impact Examples/hospital.yaml --remove dang-uy-khoi --format json

            Exit status: 0 when the removal creates no finding at or above the fail level \
            (error by default), 1 when it does, 2 for bad usage or input.
            """)

    @Argument(help: "An organization file; - reads standard input.")
    var file: String

    @Option(name: .long, parsing: .upToNextOption, help: "The ids of the nodes to remove.")
    var remove: [String]

    @Option(help: "The rulebook: a built-in id or a rulebook file (by default the file's own, else 125-QD/TW).")
    var rulebook: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "The lowest severity of a created finding that makes the exit status 1.")
    var failLevel: Severity = .error


    @OptionGroup var input: InputOptions
    func validate() throws {
        guard !remove.isEmpty else { throw ValidationError("Name at least one node to --remove.") }
    }

    func run() throws {
        let loaded = try Input.load(file, input)
        let output = PathOutput(loaded: loaded)
        for id in remove { _ = try output.resolve(id, file: file) }
        var rulebooks = RulebookCache(input)
        guard let book = rulebooks.rulebook(rulebook, for: loaded, file: file) else { throw ExitCode(2) }
        let impact = Impact(removing: remove, from: loaded, auditor: Auditor(rulebook: book))
        switch format {
        case .json:
            var report = ValidationReport()
            report.add(AuditReport(findings: impact.created), file: file, rulebook: book)
            let json = report.json()
            let extra = ",\n  \"removed\": " + JSONText.array(impact.removed.map(JSONText.quote))
                + ",\n  \"resolved\": " + JSONText.array(impact.resolved.map { JSONText.quote($0.fingerprint) }) + "\n}\n"
            FileOutput.standardOutput(data: String(json.dropLast(3)) + extra)
        case .text:
            var lines: [String] = []
            let names = impact.removed.map { "'\($0)'" }.joined(separator: ", ")
            if impact.created.isEmpty {
                lines.append("removing \(names) creates no finding")
            } else {
                var report = ValidationReport()
                report.add(AuditReport(findings: impact.created), file: file)
                lines.append("removing \(names) would create \(impact.created.count) finding\(impact.created.count == 1 ? "" : "s"):")
                lines += report.text().split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).map(String.init)
            }
            if !impact.resolved.isEmpty {
                lines.append("and resolve \(impact.resolved.count) finding\(impact.resolved.count == 1 ? "" : "s") it has now")
            }
            FileOutput.standardOutput(lines.joined(separator: "\n") + "\n")
        }
        if impact.created.contains(where: { $0.severity >= failLevel }) { throw ExitCode(1) }
    }
}
