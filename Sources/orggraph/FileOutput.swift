import ArgumentParser
import Foundation
import OrgGraph

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing results: to standard output, or atomically to a file (a temporary file in the same
/// folder, then a rename), so a failed run never leaves a half-written file.
enum FileOutput {
    static func standardOutput(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func standardError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Writes `text` to `path`, or to standard output when `path` is `-` or `nil`.
    /// - Throws: `ExitCode(2)` after a message when the file cannot be written.
    static func write(_ text: String, toPath path: String?) throws {
        guard let path, path != "-" else {
            standardOutput(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedDescription
            standardError("\(path): error: cannot write the file: \(reason)\n")
            throw ExitCode(2)
        }
    }
}

/// Loading organization files for a command: diagnostics on standard error, exit status 2.
enum Input {
    /// Loads `path`, or prints its diagnostics and returns `nil`.
    static func loadOrReport(_ path: String, _ options: InputOptions) -> LoadedOrganization? {
        do {
            return try options.organizationLoader.load(contentsOf: path)
        } catch {
            FileOutput.standardError(error.description + "\n")
            return nil
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

    /// Loads `path`.
    /// - Throws: `ExitCode(2)` after printing the diagnostics.
    static func load(_ path: String, _ options: InputOptions) throws -> LoadedOrganization {
        guard let loaded = loadOrReport(path, options) else { throw ExitCode(2) }
        return loaded
    }
}

extension Severity: ExpressibleByArgument {}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
