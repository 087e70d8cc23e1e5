import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileOutput {
    /// Writes `bytes` to `path` atomically (a temporary file, then a rename), or to standard
    /// output when `path` is `-`.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file, or `-`.
    ///   - binary: whether the bytes are not text; binary output is not written to a terminal.
    /// - Throws: `ExitCode(2)` after a message when the file cannot be written.
    static func write(bytes: [UInt8], toPath path: String, binary: Bool) throws {
        guard path != "-" else {
            if binary, isatty(STDOUT_FILENO) != 0 {
                standardError("error: not writing a binary chart to a terminal; give -o FILE or redirect standard output\n")
                throw ExitCode(2)
            }
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = writeBytes(STDOUT_FILENO, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            standardError("\(path): error: cannot write the file: \((error as NSError).localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}

/// The system `write`, out of reach of `FileOutput.write`'s overloads.
private func writeBytes(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
