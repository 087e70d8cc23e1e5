import OrgGraphAudit
import OrgGraphCore
import OrgGraphQuery

/// The words a chart writes itself (not taken from the file), in English and Vietnamese.
struct ChartText: Sendable {
    var language: Language

    var legend: String { pick("Legend", "Chú giải") }
    var partySide: String { pick("Party side: rounded, red and gold", "Khối Đảng: góc tròn, đỏ và vàng") }
    var stateSide: String { pick("State side: square, blue", "Khối chính quyền: góc vuông, xanh") }
    var path: String { pick("highlighted path", "đường được tô sáng") }
    var focus: String { pick("focus", "trọng tâm") }
    var noFindings: String { pick("no findings", "không có phát hiện") }
    var more: String { pick("more", "nữa") }

    /// How the kind of a node is named on its label.
    func kind(_ kind: NodeKind) -> String { kind.displayName(in: language) }

    /// How a relation type is named in the legend.
    func relation(_ type: RelationType) -> String { type.displayName(in: language) }

    func level(_ level: Level) -> String {
        switch level {
        case .central: pick("central", "cấp trung ương")
        case .provincial: pick("provincial", "cấp tỉnh")
        case .district: pick("district", "cấp huyện")
        case .commune: pick("commune", "cấp xã")
        }
    }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: pick("error", "lỗi")
        case .warning: pick("warning", "cảnh báo")
        case .info: pick("info", "lưu ý")
        }
    }

    private func pick(_ english: String, _ vietnamese: String) -> String {
        language == .english ? english : vietnamese
    }
}
