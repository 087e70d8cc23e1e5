import FuzzSupport

/// libFuzzer's entry: the bytes load as a YAML organization, or fail with a ``LoadError`` whose
/// diagnostic renders. Anything else (a trap, a hang, runaway memory) is a finding.
///
/// A file that loads must survive `convert`: written back as YAML and as JSON, it loads again as
/// the same organization.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = loadSurvivingConvert(fuzzBytes(data, size), format: .yaml)
    return 0
}
