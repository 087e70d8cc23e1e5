import FuzzSupport

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

/// libFuzzer's entry: the bytes load as a JSON organization, or fail with a ``LoadError`` whose
/// diagnostic renders. Anything else (a trap, a hang, runaway memory) is a finding.
///
/// A file that loads must survive `convert`: written back as JSON and as YAML, it loads again as
/// the same organization. The fast path must give what the decoder gives, read by one thread
/// and by two.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    for splitting in [Int.max, 0] {
        if let problem = JSONOrganizationScanner.disagreement(bytes, splitting: splitting) { fatalError(problem) }
    }
    _ = loadSurvivingConvert(bytes, format: .json)
    return 0
}
