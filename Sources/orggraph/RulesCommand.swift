import ArgumentParser
import OrgGraph
import OrgGraphIO

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules of a rulebook, or describe one rule with its rationale and examples.",
        discussion: """
            Examples:
              orggraph rules
              orggraph rules single-immediate-superior
              orggraph rules --rulebook Examples/rulebooks/two-tier-2025.yaml
              orggraph rules --format markdown > docs/RULES.md
              orggraph rules leaders-report-to-party --lang vi
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "The id of one rule to describe.")
    var id: String?

    @Option(help: "The rulebook: a built-in id (125-QD/TW, 125-QD/TW-2025, structural) or a rulebook file.")
    var rulebook: String = RulebookLoader.defaultID

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(help: "Language of titles, rationales, citations and the captions around them: en or vi.")
    var lang: Language = .english

    @OptionGroup var input: InputOptions

    func run() throws {
        let book: Rulebook
        do {
            book = try input.rulebookLoader.load(rulebook).withAuditorRules
        } catch {
            FileOutput.standardError(error.rendered(in: lang) + "\n")
            throw ExitCode(2)
        }
        if let id {
            guard let rule = book.rule(id) else {
                let hint = book.closestRuleID(to: id).map { "; did you mean '\($0)'?" } ?? ""
                FileOutput.standardError("error: \(book.id) has no rule '\(id)'\(hint)\n")
                throw ExitCode(2)
            }
            switch format {
            case .text: FileOutput.standardOutput(RulebookDocument.text(rule, in: book, language: lang))
            case .json: FileOutput.standardOutput(data: RulebookDocument.json([rule], language: lang))
            case .markdown:
                var one = book
                one.rules = [rule]
                FileOutput.standardOutput(data: RulebookDocument.markdown(one, language: lang))
            }
            return
        }
        switch format {
        case .text: FileOutput.standardOutput(RulebookDocument.text(book, language: lang))
        case .json: FileOutput.standardOutput(data: RulebookDocument.json(book.rules, language: lang))
        case .markdown: FileOutput.standardOutput(data: RulebookDocument.markdown(book, language: lang))
        }
    }
}
