#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files a run has open, removed when SIGINT or SIGTERM (or SIGHUP) ends it, so
/// an interrupted write leaves nothing behind.
///
/// The handler may only do what is safe in a signal handler: it unlinks the paths kept here as
/// C strings, puts the signal's default action back and raises it again, so the process still
/// ends by the signal.
package enum TemporaryFiles {
    /// How many temporary files a run can have at once (`generate` has two).
    private static let capacity = 8

    /// The paths, as C strings made before they are published; `nil` for a free slot.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    nonisolated(unsafe) private static var installed = false

    /// Makes a temporary file from `template` (`mkstemp`), kept to be removed if the run is
    /// interrupted; the signals wait while it is made, so none falls between the two.
    /// - Returns: the open descriptor and the path, or `nil` with `errno` set.
    package static func make(_ template: String) -> (descriptor: Int32, path: String)? {
        installHandlers()
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var buffer = Array(template.utf8CString)
        let descriptor = buffer.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        let path = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        register(path)
        return (descriptor, path)
    }

    /// Keeps `path` to be removed if the run is interrupted.
    package static func register(_ path: String) {
        installHandlers()
        guard let copy = strdup(path) else { return }
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = copy
            return
        }
        free(copy)
    }

    /// Forgets `path`: it was renamed into place or removed.
    package static func unregister(_ path: String) {
        for index in 0..<capacity {
            guard let slot = slots[index], String(cString: slot) == path else { continue }
            slots[index] = nil
            free(slot)
        }
    }

    /// Removes every temporary file still kept (before an early exit).
    package static func removeAll() {
        for index in 0..<capacity {
            guard let slot = slots[index] else { continue }
            slots[index] = nil
            unlink(slot)
            free(slot)
        }
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the run was started to ignore (nohup, a background job) stays ignored.
            var current = sigaction()
            sigaction(signal, nil, &current)
            #if canImport(Glibc)
                if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
                    == unsafeBitCast(SIG_IGN, to: Int.self)
                {
                    continue
                }
            #else
                if unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self)
                    == unsafeBitCast(SIG_IGN, to: Int.self)
                {
                    continue
                }
            #endif
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = onSignal
            #else
                action.__sigaction_u.__sa_handler = onSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }
}

/// Unlinks the kept temporary files, then ends the process by `signal` as it would have ended.
private func onSignal(_ signal: Int32) {
    TemporaryFiles.unlinkKept()
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

extension TemporaryFiles {
    /// Unlinks every kept path; safe in a signal handler (no allocation, no locks).
    fileprivate static func unlinkKept() {
        for index in 0..<capacity {
            if let slot = slots[index] { unlink(slot) }
        }
    }
}
