import OrgGraphCore

extension ValidationReport {
    /// Keeps only the findings beyond `baseline` (by fingerprint, as multisets), sets the
    /// others aside as ``baselined``, and adds an `unused-baseline-entry` finding for each
    /// entry that accepts none, at the entry's line in the baseline file. Call it once, after
    /// every file is audited.
    ///
    /// - Complexity: O(*f* + *e*) for *f* findings and *e* entries.
    public mutating func apply(_ baseline: Baseline) {
        let (new, unchanged, unused) = baseline.match(findings)
        findings = new
        baselined = unchanged
        self.baseline = baseline
        unusedBaselineEntries = unused
        if let check = Rule.unusedBaselineEntry.check as? UnusedBaselineEntryCheck {
            findings += check.findings(
                unused: unused, in: baseline, rule: Rule.unusedBaselineEntry.description, language: language)
        }
    }

    /// The baseline of this run's findings, those not suppressed: what `--write-baseline` writes.
    public var currentBaseline: Baseline { Baseline(findings: findings) }
}
