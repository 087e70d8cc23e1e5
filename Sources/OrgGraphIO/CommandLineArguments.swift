import OrgGraphFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line's arguments as the system passed them, the program's name left out: a file
/// name that is not UTF-8 keeps its bytes (`CommandLine.arguments` would put U+FFFD in their
/// place, and name no file).
package func commandLineArguments() -> [String] {
    (1..<Int(CommandLine.argc)).map { index in
        CommandLine.unsafeArgv[index].map {
            FileName.decode(UnsafeBufferPointer(start: $0, count: strlen($0)).map { UInt8(bitPattern: $0) })
        } ?? ""
    }
}
