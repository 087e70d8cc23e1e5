import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// Allowed attribute values: each subject node carries attribute `key` (when `required`) with
/// one of `values` (when given).
package struct AttributeCheck: Check {
    package var subject: KindSet
    package var key: String
    package var values: [String]?
    package var required: Bool
    package var message: MessageTemplate

    package init(subject: KindSet, key: String, values: [String]?, required: Bool, message: MessageTemplate) {
        self.subject = subject
        self.key = key
        self.values = values
        self.required = required
        self.message = message
    }

    /// - Complexity: O(*n* · attributes per node).
    package func run(_ context: AuditContext, into sink: inout FindingSink) {
        for node in 0..<context.graph.nodeCount where subject.contains(context.graph.kinds[node]) {
            let value = context.organization.nodes[node].attributes.first { $0.key == key }?.value
            let problem: Bool
            if let value {
                problem = values.map { !$0.contains(value) } ?? false
            } else {
                problem = required
            }
            guard problem else { continue }
            sink.report(
                .node(node),
                message.render(
                    [
                        "subject": context.describe(node), "found": value.map { "'\($0)'" } ?? context.none,
                    ], in: context.language))
        }
    }

    package var messages: [MessageTemplate] { [message] }

    package func summary(in language: Language) -> [String] {
        var lines = ["check: attribute", "subject: \(subject.writtenForm)", "key: \(key)"]
        if let values { lines.append("values: " + values.joined(separator: ", ")) }
        lines += ["required: \(required ? "yes" : "no")", "message: \(message.text.text(in: language))"]
        return lines
    }
}
