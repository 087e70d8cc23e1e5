/// The end of a run whose reason is already written on standard error: the process exits
/// with `status` and prints nothing more.
package struct ReportedFailure: Error, Sendable, Equatable {
    /// The exit status: 2, bad usage or input, unless told otherwise.
    package var status: Int32

    package init(status: Int32 = 2) {
        self.status = status
    }
}
