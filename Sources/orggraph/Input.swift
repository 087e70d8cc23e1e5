import ArgumentParser
import OrgGraph
import OrgGraphGraphviz
import OrgGraphIO

/// What commands read from the command line: organization files, node ids, path expressions
/// and rulebooks, each with its diagnostics on standard error and exit status 2 when it fails.
/// The diagnostics' messages are in the command's `--lang`; their `file:line:col: error:`
/// prefix is the same in every language.
enum Input {
    /// Loads `path`.
    /// - Throws: `ExitCode(2)` after printing the diagnostics, in `language`.
    static func load(
        _ path: String, _ options: InputOptions, language: Language = .english
    ) throws -> LoadedOrganization {
        do {
            return try options.organizationLoader.load(contentsOf: path)
        } catch {
            FileOutput.standardError(error.rendered(in: language) + "\n")
            throw ExitCode(2)
        }
    }

    /// Keeps `loaded` to the end of the process, which hands its memory back at once: freeing
    /// a nationwide organization string by string takes longer than anything after it.
    static func keepUntilExit(_ loaded: LoadedOrganization) {
        _ = Unmanaged.passRetained(Kept(loaded))
    }

    private final class Kept {
        let loaded: LoadedOrganization
        init(_ loaded: LoadedOrganization) { self.loaded = loaded }
    }

    /// Said when a report file was not written because an input could not be loaded.
    static func notWritten(_ output: String, language: Language) -> String {
        language.text(
            en: "\(output) was not written, since a file could not be loaded",
            vi: "không ghi \(output), vì có tệp không nạp được")
    }

    /// The index of the node `id` in the organization loaded from `file`.
    /// - Throws: `ExitCode(2)` after an error with the closest id suggested.
    static func node(
        _ id: String, in loaded: LoadedOrganization, file: String, language: Language = .english
    ) throws -> Int {
        if let index = loaded.graph.index(of: id) { return index }
        let hint = Suggestion.hint(loaded.closestID(to: id))
        let message = LocalizedText(
            en: "no node has the id '\(id)'\(hint.en)", vi: "không có nút nào mang mã '\(id)'\(hint.vi)")
        FileOutput.standardError("\(file): error: \(message.text(in: language))\n")
        throw ExitCode(2)
    }

    /// The path expression `text`, given by the option or argument `source`.
    /// - Throws: `ExitCode(2)` after a located error.
    static func expression(_ text: String, source: String, language: Language = .english) throws -> PathExpression {
        do {
            return try PathExpression(parsing: text)
        } catch {
            FileOutput.standardError(error.diagnostic(source: source).rendered(in: language) + "\n")
            throw ExitCode(2)
        }
    }

    /// The rulebook of `loaded`: the one `option` names, else the file's own, else the default
    /// (``RulebookLoader/rulebook(option:for:)``).
    /// - Throws: `ExitCode(2)` after the rulebook's diagnostics.
    static func rulebook(
        _ option: String?, for loaded: LoadedOrganization, _ options: InputOptions, language: Language = .english
    ) throws -> Rulebook {
        do {
            return try options.rulebookLoader.rulebook(option: option, for: loaded.organization)
        } catch {
            FileOutput.standardError(error.rendered(in: language) + "\n")
            throw ExitCode(2)
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension RelationType: ExpressibleByArgument {}
extension FileFormat: ExpressibleByArgument {}
extension GraphvizLayout: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension ChartFormat: ExpressibleByArgument {}

/// `--format` of the commands that write text or JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// Writes a report to standard output: its text for a person, or its JSON byte for byte.
    func write(text: () -> String, json: () -> String) {
        switch self {
        case .text: FileOutput.standardOutput(text())
        case .json: FileOutput.standardOutput(data: json())
        }
    }
}
