import OrgGraphCore
import OrgGraphFormat
import OrgGraphQuery

/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, CaseIterable, Sendable, Hashable, Comparable {
    case info
    case warning
    case error

    /// The severity as a person reads it in `language`: `error`, or `lỗi` in Vietnamese; the
    /// raw value stays the word of JSON, SARIF and rulebooks.
    public func name(in language: Language) -> String {
        switch (language, self) {
        case (.english, _): rawValue
        case (.vietnamese, .error): "lỗi"
        case (.vietnamese, .warning): "cảnh báo"
        case (.vietnamese, .info): "thông tin"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}
