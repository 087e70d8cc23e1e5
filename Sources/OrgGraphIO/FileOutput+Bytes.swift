#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileOutput {
    /// Writes `bytes` to `target`: atomically to a regular file, directly to a character device
    /// or FIFO, or to standard output.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - target: where they go.
    ///   - binary: whether the bytes are not text; binary output is not written to a terminal.
    /// - Throws: ``ReportedFailure`` after a message when the file cannot be written.
    package static func write(bytes: [UInt8], to target: OutputTarget, binary: Bool) throws {
        if target.kind == .standardOutput, binary, isatty(STDOUT_FILENO) != 0 {
            standardError("error: not writing a binary chart to a terminal; give -o FILE or redirect standard output\n")
            throw ReportedFailure()
        }
        try target.write(bytes)
    }
}
