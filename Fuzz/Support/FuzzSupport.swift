import OrgGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C signature of libFuzzer's `LLVMFuzzerTestOneInput`.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

// SwiftPM links every executable with its module's entry point as `main`, which hides the one
// libFuzzer brings; so each harness's entry point hands the command line to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runLibFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: FuzzTarget
) -> Int32

/// Runs libFuzzer's driver on the process's command line with `target`, and exits with its status.
public func runLibFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runLibFuzzerDriver(&argc, &argv, target))
}

/// The bytes libFuzzer hands over, copied.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

/// Loads `bytes` as an organization in `format`; a load error renders its diagnostic and gives
/// `nil`. A file that loads must survive `convert`: written back in every format, it loads
/// again as the same organization, or the harness stops with the text that does not.
public func loadSurvivingConvert(_ bytes: [UInt8], format: FileFormat) -> LoadedOrganization? {
    let loaded: LoadedOrganization
    do {
        loaded = try OrganizationLoader().load(bytes: bytes, file: "fuzz.\(format)", format: format)
    } catch {
        _ = error.description
        return nil
    }
    for written in FileFormat.allCases {
        let text = OrganizationWriter.write(loaded.organization, as: written)
        let reloaded: LoadedOrganization
        do {
            reloaded = try OrganizationLoader().load(bytes: Array(text.utf8), file: "fuzz", format: written)
        } catch {
            fatalError("a loaded organization written as \(written) does not load again:\n\(error)\n\(text)")
        }
        if reloaded.organization != loaded.organization {
            fatalError("a loaded organization written as \(written) loads as another:\n\(text)")
        }
    }
    return loaded
}
