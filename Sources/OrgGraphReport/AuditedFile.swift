import OrgGraphAudit
import OrgGraphCore

/// One organization file as a report shows it: the file, what was loaded from it, the rulebook
/// it was audited under, and the audit's findings.
public struct AuditedFile: Sendable {
    /// The path as the user gave it.
    public var path: String
    public var loaded: LoadedOrganization
    public var rulebook: Rulebook
    /// The findings, in file order.
    public var findings: [Finding]
    /// The findings the file's suppressions hide.
    public var suppressed: [Finding]

    /// Audits `loaded`, read from `path`, under `rulebook`, the findings' messages in
    /// `language`.
    ///
    /// - Complexity: that of ``Auditor/audit(_:)``.
    public init(path: String, loaded: LoadedOrganization, rulebook: Rulebook, language: Language = .english) {
        let report = Auditor(rulebook: rulebook, language: language).audit(loaded)
        self.init(
            path: path, loaded: loaded, rulebook: rulebook, findings: report.findings, suppressed: report.suppressed)
    }

    /// A file audited beforehand.
    public init(
        path: String, loaded: LoadedOrganization, rulebook: Rulebook, findings: [Finding], suppressed: [Finding]
    ) {
        self.path = path
        self.loaded = loaded
        self.rulebook = rulebook
        self.findings = findings
        self.suppressed = suppressed
    }
}
