import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, CaseIterable, Sendable, Hashable, Comparable {
    case info
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}
