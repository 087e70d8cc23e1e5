import ArgumentParser
import OrgGraph
import OrgGraphGraphviz
import OrgGraphIO

/// What commands read from the command line: organization files, node ids, path expressions
/// and rulebooks, each with its diagnostics on standard error and exit status 2 when it fails.
enum Input {
    /// Loads `path`.
    /// - Throws: `ExitCode(2)` after printing the diagnostics.
    static func load(_ path: String, _ options: InputOptions) throws -> LoadedOrganization {
        do {
            return try options.organizationLoader.load(contentsOf: path)
        } catch {
            FileOutput.standardError(error.description + "\n")
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

    /// The index of the node `id` in the organization loaded from `file`.
    /// - Throws: `ExitCode(2)` after an error with the closest id suggested.
    static func node(_ id: String, in loaded: LoadedOrganization, file: String) throws -> Int {
        if let index = loaded.graph.index(of: id) { return index }
        let hint = loaded.closestID(to: id).map { "; did you mean '\($0)'?" } ?? ""
        FileOutput.standardError("\(file): error: no node has the id '\(id)'\(hint)\n")
        throw ExitCode(2)
    }

    /// The path expression `text`, given by the option or argument `source`.
    /// - Throws: `ExitCode(2)` after a located error.
    static func expression(_ text: String, source: String) throws -> PathExpression {
        do {
            return try PathExpression(parsing: text)
        } catch {
            FileOutput.standardError(error.diagnostic(source: source).description + "\n")
            throw ExitCode(2)
        }
    }

    /// The rulebook of `loaded`: the one `option` names, else the file's own, else the default
    /// (``RulebookLoader/rulebook(option:for:)``).
    /// - Throws: `ExitCode(2)` after the rulebook's diagnostics.
    static func rulebook(_ option: String?, for loaded: LoadedOrganization, _ options: InputOptions) throws -> Rulebook
    {
        do {
            return try options.rulebookLoader.rulebook(option: option, for: loaded.organization)
        } catch {
            FileOutput.standardError(error.description + "\n")
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
