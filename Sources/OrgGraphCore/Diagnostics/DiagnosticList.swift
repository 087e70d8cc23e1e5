/// The diagnostics a decoder collects: the first `limit` in full, the rest only counted.
///
/// A file can hold millions of errors (ten million list elements of the wrong type, say). Each
/// diagnostic shown costs a search for its source line, so only the ones that will be shown are
/// made; the others are counted for the "more errors not shown" line, at no cost per error.
package struct DiagnosticList: Sendable {
    /// How many diagnostics are kept in full.
    package let limit: Int
    /// The diagnostics kept, in the order they were reported.
    package private(set) var listed: [Diagnostic] = []
    /// How many errors were reported, listed or not.
    package private(set) var count = 0

    package init(limit: Int) {
        self.limit = max(1, limit)
    }

    package var isEmpty: Bool { count == 0 }

    /// Whether as many diagnostics as are shown have been kept.
    package var isFull: Bool { listed.count >= limit }

    /// How many errors were reported and not kept.
    var omitted: Int { count - listed.count }

    /// Counts an error, and makes its diagnostic only when it will be shown.
    ///
    /// - Complexity: O(1) once `limit` diagnostics are kept.
    package mutating func append(_ diagnostic: () -> Diagnostic) {
        count += 1
        if listed.count < limit { listed.append(diagnostic()) }
    }

    /// Adds the error that stopped reading (malformed syntax, or too many errors); it is always
    /// shown, last, even past `limit`, since nothing after it was read.
    package mutating func appendFinal(_ diagnostic: Diagnostic) {
        count += 1
        listed.append(diagnostic)
    }

    /// The error a failed load throws with these diagnostics.
    package var loadError: LoadError {
        LoadError(listed, omitted: omitted)
    }
}
