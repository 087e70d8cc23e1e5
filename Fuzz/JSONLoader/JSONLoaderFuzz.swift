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
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for splitting in [Int.max, 0] {
        if let problem = JSONOrganizationScanner.disagreement(bytes, splitting: splitting) { fatalError(problem) }
    }
    let loaded: LoadedOrganization
    do {
        loaded = try OrganizationLoader().load(bytes: bytes, file: "fuzz.json", format: .json)
    } catch {
        _ = error.description
        return 0
    }
    for format in FileFormat.allCases {
        let text = OrganizationWriter.write(loaded.organization, as: format)
        let reloaded: LoadedOrganization
        do {
            reloaded = try OrganizationLoader().load(bytes: Array(text.utf8), file: "fuzz", format: format)
        } catch {
            fatalError("a loaded organization written as \(format) does not load again:\n\(error)\n\(text)")
        }
        if reloaded.organization != loaded.organization {
            fatalError("a loaded organization written as \(format) loads as another:\n\(text)")
        }
    }
    return 0
}
