import OrgGraphCore

extension ValidationReport {
    /// Audits `loaded`, read from `file`, under the rulebook `rulebooks` gives it, and adds the
    /// findings, their messages in the report's ``language``.
    /// - Throws: ``LoadError`` when the rulebook cannot be loaded; nothing is added.
    public mutating func audit(
        _ loaded: LoadedOrganization, file: String, rulebooks: inout RulebookLookup
    ) throws(LoadError) {
        let rulebook = try rulebooks.rulebook(for: loaded.organization)
        add(Auditor(rulebook: rulebook, language: language).audit(loaded), file: file, rulebook: rulebook)
        if let note = RulebookSuggestion.note(for: loaded, auditedUnder: rulebook) {
            notes.append(note)
        }
    }
}
