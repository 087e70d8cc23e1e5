import ArgumentParser
import OrgGraph
import OrgGraphIO

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract:
            "Convert an organization between YAML, JSON and a folder of CSV files, losing nothing, or export it for other tools.",
        discussion: """
            Every field is carried over; the result loads back to an equal organization. \
            Comments are not data and are not carried over.

            Examples:
              orggraph convert Examples/hospital.yaml -o hospital.json
              orggraph convert org.json -o org.yaml
              orggraph convert org.yaml --to json -o -
              orggraph convert Examples/hospital.yaml --to csv -o hospital-csv
              orggraph convert hospital-csv -o hospital.yaml
              orggraph convert org.yaml --to graphml --yed -o org.graphml
              orggraph convert org.yaml --to node-link -o org-graph.json
              orggraph convert org.yaml -o chart.md        # a Mermaid flowchart in Markdown
            """)

    @Argument(help: "The organization file or folder of CSV files to convert; - reads standard input.")
    var file: String

    @Option(
        name: [.short, .long],
        help: "The file to write (.yaml, .yml, .json, .graphml, .mmd or .md); - or none writes standard output.")
    var output: String?

    @Option(
        help:
            "The format to write: yaml, json, csv (a folder), graphml, node-link or mermaid (by default from the output's extension)."
    )
    var to: ConvertFormat?

    @Flag(
        help: "With --to graphml: add yEd's shapes, colours and labels (networkx reads them as more node attributes).")
    var yed = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if to == nil, ConvertFormat(path: output ?? "") == nil, !CSVFolderOutput.namesFolder(output ?? "-") {
            throw ValidationError(
                "Cannot tell the format from '\(output ?? "-")'; name a .yaml, .yml, .json, .graphml, .mmd or .md file, "
                    + "a folder (an existing one, or a name ending in /), or give --to.")
        }
        if yed, (to ?? ConvertFormat(path: output ?? "")) != .export(.graphml) {
            throw ValidationError("--yed styles GraphML; give it with --to graphml.")
        }
    }

    func run() throws {
        // With no --to and no known extension, `validate()` has made sure the output names a folder.
        let format = to ?? ConvertFormat(path: output ?? "") ?? .csv
        guard format != .csv else {
            try CSVFolderOutput.write(file, input, to: output ?? "-")
            return
        }
        let target = try OutputTarget.resolve(output)
        try OutputTarget.refuseSameFiles([target], inputs: [file] + CSVFolderOutput.files(in: file))
        let loaded = try Input.load(file, input)
        switch format {
        case .organization(let format):
            try target.write(OrganizationWriter.write(loaded.organization, as: format))
        case .export(let format):
            let markdown = output?.lowercased().hasSuffix(".md") == true
            let export = format.write(loaded, options: ExportFormat.Options(yed: yed, markdown: markdown))
            if let warning = export.warning { FileOutput.standardError("warning: \(warning)\n") }
            try target.write(export.text)
        case .csv:
            break  // written above
        }
    }
}
