import ArgumentParser
import OrgGraph
import OrgGraphIO

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an organization file between YAML and JSON, losing nothing.",
        discussion: """
            Every field is carried over; the result loads back to an equal organization. \
            Comments are not data and are not carried over.

            Examples:
              orggraph convert Examples/hospital.yaml -o hospital.json
              orggraph convert org.json -o org.yaml
              orggraph convert org.yaml --to json -o -
            """)

    @Argument(help: "The organization file to convert; - reads standard input.")
    var file: String

    @Option(name: [.short, .long], help: "The file to write (.yaml, .yml or .json); - writes standard output.")
    var output: String

    @Option(help: "The format to write: yaml or json (by default from the output file's extension).")
    var to: FileFormat?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if to == nil, FileFormat(path: output) == nil {
            throw ValidationError(
                "Cannot tell the format from '\(output)'; name a .yaml, .yml or .json file, or give --to.")
        }
    }

    func run() throws {
        let target = try OutputTarget.resolve(output)
        try OutputTarget.refuseSameFiles([target], inputs: [file])
        let loaded = try Input.load(file, input)
        let format = to ?? FileFormat(path: output) ?? .yaml
        try target.write(OrganizationWriter.write(loaded.organization, as: format))
    }
}
