import ArgumentParser
import OrgGraph

/// What `orggraph convert` writes: an organization file or a folder of CSV files (both load back
/// to an equal organization), or an export for another tool.
enum ConvertFormat: Equatable, ExpressibleByArgument {
    case organization(FileFormat)
    case export(ExportFormat)
    case csv

    init?(argument: String) {
        if argument == "csv" {
            self = .csv
        } else if let format = FileFormat(rawValue: argument) {
            self = .organization(format)
        } else if let format = ExportFormat(rawValue: argument) {
            self = .export(format)
        } else {
            return nil
        }
    }

    /// The format a path names by its extension, if any.
    init?(path: String) {
        if let format = FileFormat(path: path) {
            self = .organization(format)
        } else if let format = ExportFormat(path: path) {
            self = .export(format)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] {
        FileFormat.allCases.map(\.rawValue) + ["csv"] + ExportFormat.allCases.map(\.rawValue)
    }
}
