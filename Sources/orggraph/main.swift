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
// The arguments as the system passed them: a file name that is not UTF-8 keeps its bytes
// (`CommandLine.arguments` would put U+FFFD in their place, and name no file).
let arguments = (1..<Int(CommandLine.argc)).map { index in
    CommandLine.unsafeArgv[index].map { FileName.decode(UnsafeBufferPointer(start: $0, count: strlen($0)).map { UInt8(bitPattern: $0) }) } ?? ""
}

do {
    var command = try Orggraph.parseAsRoot(arguments)
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
