extension OutputTarget {
    /// Writes several outputs as one: every file is opened before `contents` makes what they
    /// hold, so an interrupted run leaves no temporary file; all are written and synced before
    /// any is put in place, so one that cannot be written leaves none of the others.
    ///
    /// - Parameters:
    ///   - targets: the outputs, put in place in this order.
    ///   - contents: the bytes of each output, in the order of `targets`.
    /// - Throws: what `contents` throws, or ``ReportedFailure`` after a message when an output
    ///   cannot be written; the temporary files are removed.
    package static func write(_ targets: [OutputTarget], contents: () throws -> [[UInt8]]) throws {
        var opened: [OpenedOutput] = []
        do {
            for target in targets { opened.append(try target.open()) }
        } catch {
            for file in opened { file.rollback() }
            throw error
        }
        let bytes: [[UInt8]]
        do {
            bytes = try contents()
        } catch {
            for file in opened { file.rollback() }
            throw error
        }
        var prepared: [PreparedOutput] = []
        for (index, file) in opened.enumerated() {
            do {
                // A file that cannot be finished removes its own temporary file.
                prepared.append(try file.finish(index < bytes.count ? bytes[index] : []))
            } catch {
                for later in opened[(index + 1)...] { later.rollback() }
                for index in prepared.indices { prepared[index].rollback() }
                throw error
            }
        }
        for index in prepared.indices {
            do {
                try prepared[index].commit()
            } catch {
                for later in prepared.indices.dropFirst(index + 1) { prepared[later].rollback() }
                throw error
            }
        }
    }
}
