import OrgGraphAudit
import OrgGraphChart
import OrgGraphCore

extension HTMLReport {
    /// The organization's title as the heading gives it: the files' titles, else their names.
    var organizationTitle: String {
        let titles = files.compactMap { $0.loaded.organization.title }.filter { !$0.isEmpty }
        return titles.isEmpty ? files.map(\.path).joined(separator: ", ") : titles.joined(separator: "; ")
    }

    func writeHead(into page: inout HTMLPage) {
        page.raw("<!DOCTYPE html>\n")
        page.open("html", ["lang": options.language == .english ? "en" : "vi"])
        page.open("head")
        page.raw("<meta charset=\"utf-8\">\n")
        // Nothing may be fetched: styles and scripts are inline, images are data.
        page.raw(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<link rel=\"icon\" href=\"data:,\">\n")
        page.element("title", "\(text.documentTitle): \(organizationTitle)")
        page.raw("\n<style>\(ReportAssets.stylesheet)</style>\n")
        page.close("head")
    }

    func writeHeading(into page: inout HTMLPage) {
        page.open("header", ["class": "report-heading"])
        page.element("p", ["class": "kicker"], text.documentTitle)
        page.element("h1", organizationTitle)
        page.open("dl", ["class": "facts"])
        page.element("dt", text.files)
        page.open("dd")
        for (index, file) in files.enumerated() {
            if index > 0 { page.raw("<br>") }
            page.element("code", file.path)
            if files.count > 1, let title = file.loaded.organization.title, !title.isEmpty {
                page.text(" — \(title)")
            }
        }
        page.close("dd")
        var rulebooks: [Rulebook] = []
        for file in files where !rulebooks.contains(where: { $0.id == file.rulebook.id }) {
            rulebooks.append(file.rulebook)
        }
        page.element("dt", text.rulebook)
        page.open("dd")
        for (index, rulebook) in rulebooks.enumerated() {
            if index > 0 { page.raw("<br>") }
            page.element("code", rulebook.id)
            page.text(" — \(wording.title(rulebook))")
        }
        page.close("dd")
        let documents = rulebooks.compactMap(wording.document)
        if !documents.isEmpty {
            page.element("dt", text.document)
            page.element(
                "dd",
                documents.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "; "))
        }
        page.element("dt", text.scope)
        page.open("dd")
        if let scope = options.scope {
            let named = files.lazy.compactMap { file in
                file.loaded.graph.index(of: scope).map { file.loaded.organization.nodes[$0] }
            }.first
            if let named {
                page.text(named.displayName + " ")
            }
            page.element("code", scope)
            page.element("span", ["class": "note"], " — \(text.scopeNote)")
        } else {
            page.text(text.wholeOrganization)
        }
        page.close("dd")
        page.element("dt", text.date)
        page.open("dd")
        page.element("time", ["datetime": options.date.iso], text.date(options.date))
        page.close("dd")
        page.close("dl")
        page.open("p", ["class": "counts"])
        for severity in [Severity.error, .warning, .info] {
            page.element(
                "span", ["class": "count severity-\(severity.rawValue)"], text.severityPlural(severity, count(severity))
            )
            page.text(" ")
        }
        let suppressed = files.reduce(0) { $0 + $1.suppressed.count }
        if suppressed > 0 {
            page.element(
                "span", ["class": "count suppressed"], "\(text.suppressed(suppressed)) (\(text.suppressedNote))")
        }
        page.close("p")
        page.close("header")
    }

    func writeControls(into page: inout HTMLPage) {
        page.open("nav", ["class": "controls", "aria-label": text.filter])
        page.open("label", ["for": "filter-text"])
        page.text(text.filter)
        page.close("label")
        page.open(
            "input",
            [
                "type": "search", "id": "filter-text", "placeholder": text.filterHint, "autocomplete": "off",
                "spellcheck": "false",
            ])
        page.open("label", ["for": "filter-severity", "class": "visually-hidden"])
        page.text(text.severity)
        page.close("label")
        page.open("select", ["id": "filter-severity"])
        page.element("option", ["value": ""], text.allSeverities)
        for severity in [Severity.error, .warning, .info] {
            page.element("option", ["value": severity.rawValue], text.severityName(severity))
        }
        page.close("select")
        page.open("label", ["for": "filter-rule", "class": "visually-hidden"])
        page.text(text.rule)
        page.close("label")
        page.open("select", ["id": "filter-rule"])
        page.element("option", ["value": ""], text.allRules)
        for rule in rules where ruleCounts[rule.id, default: 0] > 0 {
            page.element("option", ["value": rule.id], "\(rule.id) — \(wording.title(rule))")
        }
        page.close("select")
        page.element("button", ["type": "button", "id": "filter-clear"], text.clear)
        page.open("output", ["id": "filter-count", "aria-live": "polite", "data-total": "\(findingCount)"])
        page.text(text.shown("\(findingCount)", of: "\(findingCount)"))
        page.close("output")
        // The words the script writes, in the report's language.
        page.open(
            "template",
            [
                "id": "report-words", "data-shown": text.shown("{visible}", of: "{total}"),
                "data-node-findings": text.nodeFindings("{node}"),
                "data-no-node-findings": text.noNodeFindings("{node}"),
            ])
        page.close("template")
        page.close("nav")
    }

    /// How many findings in scope each rule has.
    var ruleCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for finding in findings.joined() { counts[finding.rule, default: 0] += 1 }
        return counts
    }

    func writeSummary(into page: inout HTMLPage) {
        let counts = ruleCounts
        page.open("section", ["id": "summary", "aria-labelledby": "summary-heading"])
        page.element("h2", ["id": "summary-heading"], text.summary)
        page.element("h3", text.rules)
        page.open("table", ["class": "rules"])
        page.open("thead")
        page.open("tr")
        for heading in [text.rule, text.citation, text.severity, text.count] {
            page.element("th", ["scope": "col"], heading)
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        let fileRulebook = files.first?.rulebook
        for rule in rules {
            let number = counts[rule.id, default: 0]
            page.open("tr", number == 0 ? ["class": "none"] : [:])
            page.open("th", ["scope": "row"])
            page.text(wording.title(rule))
            page.raw(" ")
            page.element("code", rule.id)
            page.close("th")
            let citation = fileRulebook.flatMap { wording.citation(rule, in: $0) }
            page.element("td", citation?.section ?? "")
            page.element("td", text.severityName(rule.severity))
            page.element("td", ["class": "number"], "\(number)")
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")

        let top = subjects.prefix(10)
        if !top.isEmpty {
            page.element("h3", text.topSubjects)
            page.open("table", ["class": "units"])
            page.open("thead")
            page.open("tr")
            var headings = [text.subject]
            if files.count > 1 { headings.append(text.file) }
            headings += [Severity.error, .warning, .info].map(text.severityName) + [text.count]
            for heading in headings { page.element("th", ["scope": "col"], heading) }
            page.close("tr")
            page.close("thead")
            page.open("tbody")
            for (rank, subject) in top.enumerated() {
                page.open("tr")
                page.open("th", ["scope": "row"])
                page.open("a", ["href": "#subject-\(rank)"])
                page.text(subjectName(subject))
                page.close("a")
                page.close("th")
                if files.count > 1 { page.element("td", files[subject.file].path) }
                for severity in [Severity.error, .warning, .info] {
                    page.element("td", ["class": "number"], "\(subject.counts[severity, default: 0])")
                }
                page.element("td", ["class": "number"], "\(subject.total)")
                page.close("tr")
            }
            page.close("tbody")
            page.close("table")
        }
        page.close("section")
    }

    func writeFooter(into page: inout HTMLPage) {
        page.open("footer")
        page.element("p", text.generatedBy + (options.version.map { " \($0)" } ?? "") + " · " + options.date.iso)
        page.close("footer")
    }

    /// The name of a subject: its node's name, else its id.
    func subjectName(_ subject: ReportSubject) -> String {
        guard let node = subject.node else { return subject.id }
        return files[subject.file].loaded.organization.nodes[node].displayName
    }
}
