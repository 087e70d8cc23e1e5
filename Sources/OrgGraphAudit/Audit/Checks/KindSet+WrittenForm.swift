import OrgGraphCore

extension KindSet {
    /// The set as a rulebook would write it: the groups it holds whole, largest first, then
    /// its other kinds, in vocabulary order, joined by ", "; `none` when empty.
    ///
    /// - Complexity: O(*g* · *k*) for *g* groups and *k* kinds.
    var writtenForm: String {
        var rest = self
        var names: [String] = []
        let groups = KindGroup.allCases.map { ($0.rawValue, $0.kinds) }.sorted {
            ($0.1.rawValue.nonzeroBitCount, $1.0) > ($1.1.rawValue.nonzeroBitCount, $0.0)
        }
        for (name, kinds) in groups where kinds.rawValue.nonzeroBitCount > 1 && rest.isSuperset(of: kinds) {
            names.append(name)
            rest.subtract(kinds)
        }
        names += rest.kinds.map(\.rawValue)
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
