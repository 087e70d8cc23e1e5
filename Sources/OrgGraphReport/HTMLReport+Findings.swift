import OrgGraphAudit
import OrgGraphChart
import OrgGraphCore

extension HTMLReport {
    func writeFindings(into page: inout HTMLPage, renderChart: (Chart) throws -> [UInt8]) {
        page.open("section", ["id": "findings", "aria-labelledby": "findings-heading"])
        page.element("h2", ["id": "findings-heading"], text.findingsByUnit)
        if subjects.isEmpty { page.element("p", text.noFindings) }
        var charts = 0
        for (rank, subject) in subjects.enumerated() {
            let file = files[subject.file]
            let list = findings[subject.file]
            page.open(
                "article",
                ["class": "subject", "id": "subject-\(rank)", "aria-labelledby": "subject-\(rank)-heading"])
            page.open("h3", ["id": "subject-\(rank)-heading"])
            page.text(subjectName(subject))
            if let node = subject.node {
                page.raw(" ")
                page.element(
                    "span", ["class": "kind"],
                    file.loaded.organization.nodes[node].kind.displayName(in: options.language))
            }
            page.close("h3")
            page.open("p", ["class": "meta"])
            page.element("code", subject.id)
            page.text(" · " + file.path + " · ")
            page.text(
                [Severity.error, .warning, .info].compactMap { severity in
                    subject.counts[severity].map { text.severityPlural(severity, $0) }
                }.joined(separator: ", "))
            page.close("p")

            if subject.node != nil {
                if charts < options.charts {
                    if writeChart(of: subject, rank: rank, into: &page, renderChart: renderChart) { charts += 1 }
                } else {
                    writeChartCommand(of: subject, reason: text.chartLeftOut, into: &page)
                }
            }

            // The findings grouped by rule: the rules of errors first, then of warnings, then
            // of info, each in the order its first finding is written.
            var ruleOrder: [String] = []
            var byRule: [String: [Int]] = [:]
            var severity: [String: Severity] = [:]
            for index in subject.findings {
                let rule = list[index].rule
                if byRule[rule] == nil { ruleOrder.append(rule) }
                byRule[rule, default: []].append(index)
                severity[rule] = max(severity[rule] ?? list[index].severity, list[index].severity)
            }
            let ranked = ruleOrder.enumerated().sorted { a, b in
                let (first, second) = (severity[a.element] ?? .info, severity[b.element] ?? .info)
                return first != second ? first > second : a.offset < b.offset
            }
            for (_, rule) in ranked {
                writeRuleGroup(rule, findings: byRule[rule] ?? [], subject: subject, into: &page)
            }
            page.close("article")
        }
        page.close("section")
    }

    private func rule(_ id: String) -> RuleDescription? {
        rules.first { $0.id == id }
    }

    private func writeRuleGroup(
        _ ruleID: String, findings indices: [Int], subject: ReportSubject, into page: inout HTMLPage
    ) {
        let file = files[subject.file]
        let list = findings[subject.file]
        let rule = self.rule(ruleID)
        page.open("section", ["class": "rule-group", "data-rule": ruleID])
        page.open("h4")
        page.text(rule.map(wording.title) ?? ruleID)
        page.raw(" ")
        page.element("code", ruleID)
        page.close("h4")
        if let rule, let citation = wording.citation(rule, in: file.rulebook) {
            page.open("p", ["class": "citation"])
            page.element("span", ["class": "section"], citation.section)
            if let summary = citation.summary { page.text(" — " + summary) }
            page.close("p")
        }
        if let rule, !wording.rationale(rule).isEmpty {
            page.open("details")
            page.element("summary", text.rationale)
            page.element("p", wording.rationale(rule))
            page.close("details")
        }
        page.open("ul", ["class": "findings"])
        for index in indices {
            writeFinding(list[index], rule: rule, file: subject.file, into: &page)
        }
        page.close("ul")
        page.close("section")
    }

    private func writeFinding(_ finding: Finding, rule: RuleDescription?, file: Int, into page: inout HTMLPage) {
        let loaded = files[file].loaded
        page.open(
            "li",
            [
                "class": "finding severity-\(finding.severity.rawValue)", "data-file": "\(file)",
                "data-node": finding.node,
                "data-rule": finding.rule, "data-severity": finding.severity.rawValue,
            ])
        page.open("p", ["class": "message"])
        page.element(
            "span", ["class": "badge severity-\(finding.severity.rawValue)"], text.severityName(finding.severity))
        page.raw(" ")
        page.text(wording.message(finding))
        page.raw(" ")
        page.element(
            "span", ["class": "rule-ref"], "— " + (rule.map(wording.title) ?? finding.rule) + " [\(finding.rule)]")
        page.close("p")
        page.open("p", ["class": "place"])
        let name = loaded.graph.index(of: finding.node).map { loaded.organization.nodes[$0].displayName }
        if let name, name != finding.node { page.text(name + " ") }
        page.element("code", finding.node)
        page.text(" · \(text.place): " + place(finding.file, finding.location))
        page.close("p")
        if !finding.related.isEmpty {
            page.open("ul", ["class": "related"])
            for related in finding.related {
                page.element("li", related.message + " — " + place(related.file, related.location))
            }
            page.close("ul")
        }
        page.close("li")
    }

    /// `org.yaml, line 12, column 5`.
    private func place(_ file: String, _ location: SourceLocation) -> String {
        location.isKnown ? "\(file), \(text.position(line: Int(location.line), column: Int(location.column)))" : file
    }

    /// Writes the chart of `subject`; `false` when it is left out (too large, or Graphviz could
    /// not draw it), with the command that draws it instead.
    private func writeChart(
        of subject: ReportSubject, rank: Int, into page: inout HTMLPage, renderChart: (Chart) throws -> [UInt8]
    ) -> Bool {
        let file = files[subject.file]
        let chart: Chart
        do {
            chart = try Chart(file.loaded, options: chartOptions(subject), frames: frames[subject.file])
        } catch {
            writeChartCommand(of: subject, reason: text.chartLeftOut, into: &page)
            return false
        }
        guard chart.nodeCount <= Self.maximumChartNodes else {
            writeChartCommand(of: subject, reason: text.chartTooLarge, into: &page)
            return false
        }
        let svg: [UInt8]
        do {
            svg = try renderChart(chart)
        } catch {
            writeChartCommand(of: subject, reason: text.chartLeftOut, into: &page)
            return false
        }
        let label = "\(text.chart): \(subjectName(subject))"
        page.open("figure", ["class": "chart", "data-file": "\(subject.file)"])
        page.element("figcaption", text.chart + ". " + text.chartHint)
        let fragment = SVGFragment(
            svg, prefix: "c\(rank)-", label: label,
            node: { name in
                let graph = file.loaded.graph
                let index = graph.index(of: name) ?? (name.first == "#" ? Int(name.dropFirst()) : nil)
                guard let index, index >= 0, index < graph.nodeCount else { return nil }
                let node = file.loaded.organization.nodes[index]
                let kind = node.kind.displayName(in: options.language)
                let marks = nodeFindingCounts[subject.file][node.id, default: 0]
                return (node.id, node.displayName, "\(node.displayName) (\(kind)): \(text.findingCount(marks))")
            })
        page.raw(fragment.markup)
        page.open("div", ["class": "node-findings", "aria-live": "polite", "hidden": "hidden"])
        page.close("div")
        page.close("figure")
        return true
    }

    private func chartOptions(_ subject: ReportSubject) -> ChartOptions {
        ChartOptions(
            focus: subject.id, depth: 1, wholeUnit: true, findings: findings[subject.file], language: options.language,
            legend: false, title: false)
    }

    private func writeChartCommand(of subject: ReportSubject, reason: String, into page: inout HTMLPage) {
        page.open("p", ["class": "chart-command"])
        page.text(reason + " ")
        page.element("code", chartCommand(subject))
        page.close("p")
    }

    /// `orggraph render FILE --focus ID --depth 1 --whole-unit --findings -o ID.svg`, its words
    /// quoted for a POSIX shell where they need it.
    func chartCommand(_ subject: ReportSubject) -> String {
        var words = [
            "orggraph", "render", files[subject.file].path, "--focus", subject.id, "--depth", "1", "--whole-unit",
            "--findings",
        ]
        if options.language != .english { words += ["--lang", "vi"] }
        words += ["-o", subject.id.replacing(":", with: "_") + ".svg"]
        return words.map(ShellWord.quoted).joined(separator: " ")
    }
}

/// A word as a POSIX shell reads it back.
enum ShellWord {
    /// `word` as is when it holds only characters no shell treats specially, else in single
    /// quotes (a quote inside written `'\''`).
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_./:=,+@%".unicodeScalars.contains(scalar)
            }
        return plain ? word : "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
