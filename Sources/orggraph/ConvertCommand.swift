import ArgumentParser
import OrgGraph
import OrgGraphIO

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an organization between YAML, JSON and a folder of CSV files, losing nothing.",
        discussion: """
            Every field is carried over; the result loads back to an equal organization. \
            Comments are not data and are not carried over.

            Examples:
              orggraph convert Examples/hospital.yaml -o hospital.json
              orggraph convert org.json -o org.yaml
              orggraph convert org.yaml --to json -o -
              orggraph convert Examples/hospital.yaml --to csv -o hospital-csv
              orggraph convert hospital-csv -o hospital.yaml
            """)

    @Argument(help: "The organization file or folder of CSV files to convert; - reads standard input.")
    var file: String

    @Option(name: [.short, .long], help: "The file to write (.yaml, .yml or .json); - writes standard output.")
    var output: String

    @Option(
        help: "The format to write: yaml, json or csv (a folder; by default from the output file's extension).")
    var to: ConvertFormat?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if to == nil, FileFormat(path: output) == nil, !CSVFolderOutput.namesFolder(output) {
            throw ValidationError(
                "Cannot tell the format from '\(output)'; name a .yaml, .yml or .json file, or give --to.")
        }
    }

    func run() throws {
        if to == .csv || (to == nil && FileFormat(path: output) == nil) {
            try CSVFolderOutput.write(file, input, to: output)
            return
        }
        let target = try OutputTarget.resolve(output)
        try OutputTarget.refuseSameFiles([target], inputs: [file] + CSVFolderOutput.files(in: file))
        let loaded = try Input.load(file, input)
        let format = to?.fileFormat ?? FileFormat(path: output) ?? .yaml
        try target.write(OrganizationWriter.write(loaded.organization, as: format))
    }
}

/// What `convert --to` writes: a file format, or a folder of CSV files.
enum ConvertFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json, csv

    /// The file format, for the formats that are one file.
    var fileFormat: FileFormat? { FileFormat(rawValue: rawValue) }
}
