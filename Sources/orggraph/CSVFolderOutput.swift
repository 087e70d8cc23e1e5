import ArgumentParser
import OrgGraph
import OrgGraphIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `convert --to csv -o FOLDER`: the four files of a folder of CSV files, each written
/// atomically, all of them every time, so a folder written again never keeps a stale file.
enum CSVFolderOutput {
    /// Whether `path` names a folder, or ends with `/` (a folder to make).
    static func namesFolder(_ path: String) -> Bool {
        if path.hasSuffix("/") { return true }
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The files of the folder `path`, for an input that is one; none for a file.
    static func files(in path: String) -> [String] {
        guard path != "-", namesFolder(path) else { return [] }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        return CSVFolderWriter.fileNames.map { folder + "/" + $0 }
    }

    /// Loads `file` and writes it as a folder of CSV files at `output`, making the folder when
    /// it is not there (its parent must be). Other files in the folder are left alone.
    ///
    /// - Throws: `ExitCode(2)` or ``ReportedFailure`` after a message: `output` is standard
    ///   output or an existing file that is not a folder, a file cannot be written, or `file`
    ///   cannot be loaded.
    static func write(_ file: String, _ input: InputOptions, to output: String) throws {
        guard output != "-" else {
            throw OutputTarget.refusal(
                output, "a CSV organization is a folder of files; name a folder with -o, not standard output")
        }
        var folder = output
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw OutputTarget.refusal(
                    output, "exists and is not a folder; --to csv writes a folder of CSV files; nothing was written")
            }
        }
        let loaded = try Input.load(file, input)
        if stat(folder, &info) != 0 {
            let mask = umask(0)
            umask(mask)
            guard mkdir(folder, 0o777 & ~mask) == 0 || errno == EEXIST else {
                throw OutputTarget.refusal(output, "cannot make the folder: \(OutputTarget.reason(errno))")
            }
        }
        let targets = try CSVFolderWriter.fileNames.map { try OutputTarget.resolve(folder + "/" + $0) }
        try OutputTarget.refuseSameFiles(targets, inputs: [file] + files(in: file))
        try OutputTarget.write(targets) { CSVFolderWriter.files(loaded.organization) }
    }
}
