import OrgGraphCore
import OrgGraphFormat

/// The changes between two versions of an organization as `orggraph diff` shows them: a change
/// summary a board could approve, in English or in Vietnamese, or the documented JSON object
/// (docs/DIFF.md).
///
/// In English the text names kinds, levels, relation types and periods by the words files
/// write; in Vietnamese by the regulation's terms, with the file's word in parentheses.
public struct DiffReport: Sendable {
    public var diff: OrganizationDiff
    /// The language of the text around the changes; findings' messages are in the audits'.
    public var language: Language

    public init(_ diff: OrganizationDiff, language: Language = .english) {
        self.diff = diff
        self.language = language
    }

    private var oldFile: String { diff.old.organization.sourceMap.file }
    private var newFile: String { diff.new.organization.sourceMap.file }

    private func say(_ english: @autoclosure () -> String, _ vietnamese: @autoclosure () -> String) -> String {
        language.text(en: english(), vi: vietnamese())
    }

    // MARK: Text

    /// The heading, the rulebook, a summary of the counts, then a section for each kind of
    /// change that has any, each headed with its count.
    public func text() -> String {
        var lines = [
            say(
                "Changes from \(TerminalText.escaped(oldFile)) to \(TerminalText.escaped(newFile))",
                "Thay đổi từ \(TerminalText.escaped(oldFile)) sang \(TerminalText.escaped(newFile))"),
            rulebookLine(),
        ]
        guard !diff.isEmpty else {
            lines.append(say("No changes.", "Không có thay đổi nào."))
            return lines.joined(separator: "\n") + "\n"
        }
        lines += ["", say("Summary", "Tóm tắt")]
        lines += summaryLines().map { "  " + $0 }
        for (heading, items) in sections() where !items.isEmpty {
            lines += ["", "\(heading) (\(items.count))"]
            lines += items.flatMap { $0 }.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Rulebook: X`, or, when the two files were audited under different rulebooks, which
    /// under which.
    private func rulebookLine() -> String {
        let (old, new) = (TerminalText.escaped(diff.oldRulebook), TerminalText.escaped(diff.newRulebook))
        if old == new { return say("Rulebook: \(old)", "Bộ quy tắc: \(old)") }
        return say(
            "Rulebook: \(old) for the old file, \(new) for the new one; each file's findings are its own rulebook's",
            "Bộ quy tắc: \(old) cho tệp cũ, \(new) cho tệp mới; phát hiện của mỗi tệp theo bộ quy tắc của tệp đó")
    }

    /// One line of counts for each part of the organization, and one for the findings.
    func summaryLines() -> [String] {
        func counts<Entry>(_ section: OrganizationDiff.Section<Entry>) -> String {
            say(
                "\(section.removed.count) removed, \(section.added.count) added, \(section.changed.count) changed",
                "\(section.removed.count) bỏ, \(section.added.count) thêm, \(section.changed.count) thay đổi")
        }
        var lines = [
            say("Bodies: ", "Tổ chức, chức danh: ") + counts(diff.bodies),
            say("Relations: ", "Quan hệ công tác: ") + counts(diff.relations),
        ]
        if !diff.suppressions.isEmpty { lines.append(say("Suppressions: ", "Miễn trừ: ") + counts(diff.suppressions)) }
        if !diff.organization.isEmpty {
            lines.append(
                say("File fields changed: ", "Thông tin chung của tệp thay đổi: ") + "\(diff.organization.count)")
        }
        lines.append(
            say(
                "Findings: \(diff.introduced.count) introduced, \(diff.resolved.count) resolved",
                "Phát hiện: \(diff.introduced.count) mới phát sinh, \(diff.resolved.count) được giải quyết"))
        return lines
    }

    /// Each section's heading and its items, each item one or more lines.
    private func sections() -> [(String, [[String]])] {
        let bodies = diff.bodies
        let relations = diff.relations
        let suppressions = diff.suppressions
        return [
            (
                say("File fields changed", "Thông tin chung của tệp thay đổi"),
                diff.organization.map { ["\(TerminalText.escaped(newFile)): " + field($0)] }
            ),
            (say("Bodies removed", "Tổ chức, chức danh bị bỏ"), bodies.removed.map { [line($0)] }),
            (say("Bodies added", "Tổ chức, chức danh được thêm"), bodies.added.map { [line($0)] }),
            (
                say("Bodies changed", "Tổ chức, chức danh thay đổi"),
                bodies.changed.map { [line($0.new, was: $0.old.place)] + $0.fields.map { "  " + field($0) } }
            ),
            (say("Relations removed", "Quan hệ công tác bị bỏ"), relations.removed.map { [line($0)] }),
            (say("Relations added", "Quan hệ công tác được thêm"), relations.added.map { [line($0)] }),
            (
                say("Relations changed", "Quan hệ công tác thay đổi"),
                relations.changed.map { [line($0.new, was: $0.old.place)] + $0.fields.map { "  " + field($0) } }
            ),
            (say("Suppressions removed", "Miễn trừ bị bỏ"), suppressions.removed.map { [line($0)] }),
            (say("Suppressions added", "Miễn trừ được thêm"), suppressions.added.map { [line($0)] }),
            (
                say("Suppressions changed", "Miễn trừ thay đổi"),
                suppressions.changed.map { [line($0.new, was: $0.old.place)] + $0.fields.map { "  " + field($0) } }
            ),
            (say("Findings introduced", "Phát hiện mới phát sinh"), findingItems(diff.introduced, file: newFile)),
            (say("Findings resolved", "Phát hiện được giải quyết"), findingItems(diff.resolved, file: oldFile)),
        ]
    }

    /// Each finding as ``ValidationReport`` writes it, with its related places below it.
    private func findingItems(_ findings: [Finding], file: String) -> [[String]] {
        findings.map { finding in
            var report = ValidationReport(language: language)
            report.add(AuditReport(findings: [finding]), file: file)
            return report.findingLines().enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
    }

    // MARK: Lines

    /// `file:line:col: ` for a person.
    private func place(_ place: OrganizationDiff.Place) -> String {
        ValidationReport.place(place.file, place.location) + ": "
    }

    /// ` (was old.yaml:3:5)`.
    private func was(_ place: OrganizationDiff.Place) -> String {
        " (" + say("was ", "trước đây: ") + ValidationReport.place(place.file, place.location) + ")"
    }

    /// `file:line:col: Name (id), kind, level, part of Name (id)`.
    private func line(_ body: OrganizationDiff.Body, was old: OrganizationDiff.Place? = nil) -> String {
        let node = body.node
        var parts = [named(node), kind(node.kind)]
        if let level = node.level { parts.append(self.level(level)) }
        if let container = node.partOf { parts.append(say("part of ", "trực thuộc ") + describe(container)) }
        return place(body.place) + parts.joined(separator: ", ") + (old.map(was) ?? "")
    }

    /// `file:line:col: type: From (a) → To (b), period: ...`.
    private func line(_ entry: OrganizationDiff.RelationEntry, was old: OrganizationDiff.Place? = nil) -> String {
        let relation = entry.relation
        var text = type(relation.type) + ": " + describe(relation.from) + " → " + describe(relation.to)
        if old == nil {
            let fields = OrganizationDiff.changes(from: Relation(type: relation.type, from: "", to: ""), to: relation)
            for change in fields { text += ", " + listed(change) }
        }
        return place(entry.place) + text + (old.map(was) ?? "")
    }

    /// `file:line:col: rule on Name (id): "reason"`.
    private func line(_ entry: OrganizationDiff.SuppressionEntry, was old: OrganizationDiff.Place? = nil) -> String {
        let suppression = entry.suppression
        let rule = TerminalText.escaped(suppression.rule)
        let subject = say("\(rule) on ", "quy tắc \(rule) cho ") + describe(suppression.node)
        let reason = old == nil ? ": " + quoted(suppression.reason) : ""
        return place(entry.place) + subject + reason + (old.map(was) ?? "")
    }

    /// `field: old → new`, in the report's language.
    private func field(_ change: OrganizationDiff.FieldChange) -> String {
        fieldName(change.field, key: change.key) + ": " + value(change.old, of: change.field) + " → "
            + value(change.new, of: change.field)
    }

    /// `field: value`, the new value of `change`: a field an added or removed relation has.
    private func listed(_ change: OrganizationDiff.FieldChange) -> String {
        fieldName(change.field, key: change.key) + ": " + value(change.new, of: change.field)
    }

    private func fieldName(_ field: String, key: String?) -> String {
        let escapedKey = key.map { TerminalText.escaped($0) } ?? ""
        switch language {
        case .english:
            return field == "attributes" ? "attribute '\(escapedKey)'" : field
        case .vietnamese:
            let names = [
                "kind": "loại", "name": "tên", "level": "cấp", "part-of": "trực thuộc", "sector": "lĩnh vực",
                "note": "ghi chú", "period": "kỳ báo cáo", "basis": "căn cứ", "reason": "lý do", "title": "tiêu đề",
                "rulebook": "bộ quy tắc",
            ]
            return field == "attributes" ? "thuộc tính '\(escapedKey)'" : names[field] ?? field
        }
    }

    private func value(_ value: OrganizationDiff.Value?, of field: String) -> String {
        guard let value else { return say("(none)", "(không có)") }
        switch value {
        case .list(let items):
            return items.map { self.value(.text($0), of: field) }.joined(separator: ", ")
        case .text(let text):
            switch field {
            case "kind": return NodeKind(rawValue: text).map(kind) ?? TerminalText.escaped(text)
            case "level": return Level(rawValue: text).map(level) ?? TerminalText.escaped(text)
            case "part-of": return describe(text)
            case "period": return Period(rawValue: text).map(period) ?? TerminalText.escaped(text)
            case "basis": return Basis(rawValue: text).map(basis) ?? TerminalText.escaped(text)
            case "rulebook": return TerminalText.escaped(text)
            default: return quoted(text)
            }
        }
    }

    private func quoted(_ text: String) -> String { "\"" + TerminalText.escaped(text) + "\"" }

    // MARK: Words

    /// A node by name and id: `Bệnh viện A (bv-a)`, or `bv-a` when it has no other name.
    private func named(_ node: Node) -> String {
        let id = TerminalText.escaped(node.id)
        guard let name = node.name, name != node.id else { return id }
        return "\(TerminalText.escaped(name)) (\(id))"
    }

    /// The node `id` by name and id, as the new file names it, else the old file.
    private func describe(_ id: String) -> String {
        for loaded in [diff.new, diff.old] {
            if let index = loaded.graph.index(of: id) { return named(loaded.organization.nodes[index]) }
        }
        return TerminalText.escaped(id)
    }

    private func kind(_ kind: NodeKind) -> String {
        say(kind.rawValue, "\(kind.shortVietnameseName) (\(kind.rawValue))")
    }

    private func level(_ level: Level) -> String {
        say(level.rawValue, "cấp \(level.vietnameseName) (\(level.rawValue))")
    }

    private func type(_ type: RelationType) -> String {
        say(type.rawValue, "\(type.vietnameseName) (\(type.rawValue))")
    }

    private func period(_ period: Period) -> String {
        say(period.rawValue, "\(period.vietnameseName) (\(period.rawValue))")
    }

    private func basis(_ basis: Basis) -> String {
        let vietnamese =
            switch basis {
            case .location: "nơi đơn vị đặt trụ sở"
            case .residence: "nơi cư trú"
            }
        return say(basis.rawValue, "\(vietnamese) (\(basis.rawValue))")
    }
}
