import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// Every node of the subject kinds is a finding: for kinds a rulebook does not allow (the
/// district level, in the two-tier local government of 2025).
package struct ForbiddenCheck: Check {
    package var subject: KindSet
    package var message: MessageTemplate

    package init(subject: KindSet, message: MessageTemplate) {
        self.subject = subject
        self.message = message
    }

    /// - Complexity: O(*n*).
    package func run(_ context: AuditContext, into sink: inout FindingSink) {
        for node in 0..<context.graph.nodeCount where subject.contains(context.graph.kinds[node]) {
            sink.report(.node(node), message.render(["subject": context.describe(node)], in: context.language))
        }
    }

    package func summary(in language: Language) -> [String] {
        ["check: forbidden", "subject: \(subject.writtenForm)", "message: \(message.text.text(in: language))"]
    }

    package var messages: [MessageTemplate] { [message] }
}
