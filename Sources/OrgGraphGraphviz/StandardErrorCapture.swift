#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard error (file descriptor 2) sent to an unnamed temporary file while Graphviz works,
/// then put back: what Graphviz's libraries print themselves instead of through its error
/// function (libpath's `triangulation failed`, cairo's `out of memory`, Pango's warnings through
/// GLib) is kept as a message and never reaches the terminal raw.
///
/// The descriptor is the process's, so this is for a program where no other thread writes to
/// standard error while a render runs, such as the command line; ``GraphvizRenderer`` turns it on
/// with ``GraphvizRenderer/capturesStandardError``. A file, not a pipe: nothing has to read while
/// Graphviz writes, so no amount of output can block it. When the file cannot be made, nothing is
/// redirected.
struct StandardErrorCapture {
    private let saved: Int32
    private let file: UnsafeMutablePointer<FILE>

    /// Starts capturing; `nil` when standard error cannot be redirected.
    init?() {
        guard let file = tmpfile() else { return nil }
        fflush(nil)
        let saved = dup(2)
        guard saved >= 0, dup2(fileno(file), 2) >= 0 else {
            if saved >= 0 { close(saved) }
            fclose(file)
            return nil
        }
        self.saved = saved
        self.file = file
    }

    /// Puts standard error back and returns what was written meanwhile (at most 64 KB of it).
    func finish() -> String {
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        defer { fclose(file) }
        let descriptor = fileno(file)
        let size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0 else { return "" }
        var bytes = [UInt8](repeating: 0, count: min(size, 64 << 10))
        let read = pread(descriptor, &bytes, bytes.count, 0)
        return String(decoding: bytes.prefix(max(read, 0)), as: UTF8.self)
    }
}
