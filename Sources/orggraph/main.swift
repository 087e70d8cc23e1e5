import ArgumentParser
import OrgGraph
import OrgGraphIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A reader of standard output that goes away is told by EPIPE, which FileOutput answers.
signal(SIGPIPE, SIG_IGN)

// Bad usage exits with status 2, as every other input error does (SPEC §5).
do {
    var command = try Orggraph.parseAsRoot(commandLineArguments())
    try command.run()
} catch let failure as ReportedFailure {
    // Its message is already on standard error.
    exit(failure.status)
} catch {
    let code = Orggraph.exitCode(for: error)
    if code == .success {
        Orggraph.exit(withError: error)
    }
    let message = Orggraph.fullMessage(for: error)
    if !message.isEmpty {
        FileOutput.standardError(message + "\n")
    }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
