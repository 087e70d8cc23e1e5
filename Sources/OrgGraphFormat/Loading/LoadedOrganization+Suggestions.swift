import OrgGraphCore

extension LoadedOrganization {
    /// The id closest to `id` by edit distance, when one is close enough to be a likely typo.
    ///
    /// - Complexity: O(*n*) candidates, most rejected by length in O(1).
    public func closestID(to id: String) -> String? {
        Suggestion.closest(to: id, in: organization.nodes.lazy.map(\.id))
    }
}
