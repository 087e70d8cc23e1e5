import OrgGraphCore

extension GeneratedOrganization {
    /// The manifest of the seeded faults, the findings they must produce:
    /// `{"seed": S, "faults": [{"rule": ..., "node": ...}, ...]}`, one fault a line.
    public func manifest(seed: UInt64) -> String {
        let items = faults.map {
            JSONText.object([("rule", JSONText.quote($0.rule)), ("node", JSONText.quote($0.node))])
        }
        let list = items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        return JSONText.document([("seed", "\(seed)"), ("faults", list)])
    }
}
