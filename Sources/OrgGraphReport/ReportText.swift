import OrgGraphAudit
import OrgGraphCore

/// The words the report writes itself (headings, labels, buttons), in English and Vietnamese.
/// What comes from the rulebook (rule titles, rationales, clause summaries) is taken through
/// ``RuleWording``; what comes from the file is shown as written.
struct ReportText: Sendable {
    var language: Language

    var documentTitle: String { pick("Audit report", "Báo cáo rà soát") }
    var files: String { pick("Files", "Tệp") }
    var rulebook: String { pick("Rulebook", "Bộ quy tắc") }
    var document: String { pick("Document cited", "Văn bản căn cứ") }
    var date: String { pick("Date", "Ngày lập") }
    var scope: String { pick("Scope", "Phạm vi") }
    var wholeOrganization: String { pick("the whole organization", "toàn bộ tổ chức") }
    var scopeNote: String {
        pick(
            "the body and everything under it: its parts, and what it leads, is the immediate superior of, manages or directs, all the way down, with the whole frame of every unit reached",
            "cơ quan này và mọi cơ quan, tổ chức trực thuộc: các bộ phận của nó, nơi nó lãnh đạo, là cấp ủy cấp trên trực tiếp, quản lý hoặc chỉ đạo, đến tận cấp cuối, cùng toàn bộ đơn vị được bao gồm"
        )
    }
    var summary: String { pick("Summary", "Tổng hợp") }
    var rules: String { pick("Rules", "Các quy tắc") }
    var rule: String { pick("Rule", "Quy tắc") }
    var citation: String { pick("Citation", "Căn cứ") }
    var severity: String { pick("Severity", "Mức độ") }
    var count: String { pick("Findings", "Số phát hiện") }
    var topSubjects: String { pick("Units with the most findings", "Các đơn vị có nhiều phát hiện nhất") }
    var subject: String { pick("Unit or body", "Đơn vị, cơ quan") }
    var file: String { pick("File", "Tệp") }
    var findingsByUnit: String { pick("Findings, unit by unit", "Phát hiện theo từng đơn vị") }
    var noFindings: String { pick("No findings.", "Không có phát hiện nào.") }
    var rationale: String { pick("Why this rule", "Lý do của quy tắc") }
    var place: String { pick("In the file", "Vị trí trong tệp") }
    var filter: String { pick("Filter", "Lọc") }
    var filterHint: String { pick("text, a rule id or a node id", "nội dung, mã quy tắc hoặc mã nút") }
    var allSeverities: String { pick("All severities", "Mọi mức độ") }
    var allRules: String { pick("All rules", "Mọi quy tắc") }
    var clear: String { pick("Clear", "Xóa bộ lọc") }
    var chart: String { pick("Chart of the unit and its neighbours", "Sơ đồ đơn vị và các quan hệ trực tiếp") }
    var chartHint: String {
        pick(
            "Findings are marked by a dashed border. Choose a node (click, or Tab and Enter) to see its findings.",
            "Nút có phát hiện được viền nét đứt. Chọn một nút (nhấp chuột, hoặc Tab rồi Enter) để xem các phát hiện của nút đó."
        )
    }
    var chartLeftOut: String {
        pick("The chart is not in this report; draw it with:", "Sơ đồ không đưa vào báo cáo này; vẽ bằng lệnh:")
    }
    var chartTooLarge: String {
        pick(
            "The neighbourhood of this body is too large for the report; draw it with:",
            "Phạm vi quan hệ của cơ quan này quá lớn để đưa vào báo cáo; vẽ bằng lệnh:")
    }
    var generatedBy: String { pick("Written by orggraph", "Lập bằng orggraph") }
    var suppressedNote: String {
        pick(
            "hidden by the file's suppressions, each with its reason",
            "được bỏ qua theo khai báo trong tệp, có nêu lý do")
    }
    var goToFindings: String { pick("findings", "phát hiện") }

    func shown(_ visible: String, of total: String) -> String {
        pick("\(visible) of \(total) findings shown", "Đang hiển thị \(visible)/\(total) phát hiện")
    }

    func nodeFindings(_ node: String) -> String {
        pick("Findings on \(node)", "Phát hiện về \(node)")
    }

    func noNodeFindings(_ node: String) -> String {
        pick("No findings on \(node).", "Không có phát hiện nào về \(node).")
    }

    func findingCount(_ number: Int) -> String {
        pick(number == 1 ? "1 finding" : "\(number) findings", "\(number) phát hiện")
    }

    func severityName(_ severity: Severity) -> String {
        switch severity {
        case .error: pick("error", "lỗi")
        case .warning: pick("warning", "cảnh báo")
        case .info: pick("info", "thông tin")
        }
    }

    func severityPlural(_ severity: Severity, _ number: Int) -> String {
        switch severity {
        case .error: pick(number == 1 ? "1 error" : "\(number) errors", "\(number) lỗi")
        case .warning: pick(number == 1 ? "1 warning" : "\(number) warnings", "\(number) cảnh báo")
        case .info: pick("\(number) info", "\(number) thông tin")
        }
    }

    func suppressed(_ number: Int) -> String {
        pick("\(number) suppressed", "\(number) được bỏ qua")
    }

    /// `line 12, column 5`.
    func position(line: Int, column: Int) -> String {
        pick("line \(line), column \(column)", "dòng \(line), cột \(column)")
    }

    /// The date as a person writes it: `12 March 2026`, `ngày 12 tháng 3 năm 2026`.
    func date(_ date: ReportDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return pick(
            "\(date.day) \(months[max(0, min(11, date.month - 1))]) \(date.year)",
            "ngày \(date.day) tháng \(date.month) năm \(date.year)")
    }

    private func pick(_ english: String, _ vietnamese: String) -> String {
        language == .english ? english : vietnamese
    }
}
