/// The report's stylesheet and script, written into every page: the page needs nothing else.
enum ReportAssets {
    /// Screen and print (A4: charts fitted to the page width, controls hidden). Colours keep a
    /// contrast of at least 4.5:1 on their backgrounds.
    static let stylesheet = """
        :root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8ccd2; --paper: #ffffff; --band: #f3f5f8;
          --error: #a4161a; --warning: #7a4a00; --info: #0b5394; --focus: #0b57d0; }
        * { box-sizing: border-box; }
        html { color: var(--ink); background: var(--paper); }
        body { font: 15px/1.5 "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 0 auto; max-width: 1100px;
          padding: 0 1.25rem 3rem; }
        h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.2rem 0 0.8rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.15rem; margin: 0 0 0.3rem; }
        h4 { font-size: 1rem; margin: 0.9rem 0 0.2rem; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.88em; overflow-wrap: anywhere; }
        a { color: var(--focus); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .kicker { text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1.5rem 0 0;
          font-size: 0.85rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.8rem; }
        .facts dt { font-weight: bold; }
        .facts dd { margin: 0; }
        .note { color: var(--muted); font-size: 0.9em; }
        .counts { font-size: 1.1rem; margin: 0.5rem 0 1rem; }
        .count { font-weight: bold; margin-right: 0.8rem; }
        .count.suppressed { font-weight: normal; color: var(--muted); }
        .severity-error { --severity: var(--error); }
        .severity-warning { --severity: var(--warning); }
        .severity-info { --severity: var(--info); }
        .count[class*="severity-"] { color: var(--severity); }
        .controls { position: sticky; top: 0; z-index: 2; background: var(--band); border: 1px solid var(--line);
          border-radius: 6px; padding: 0.5rem 0.75rem; display: flex; flex-wrap: wrap; gap: 0.5rem;
          align-items: center; }
        .controls input { flex: 1 1 16rem; font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #6b7280;
          border-radius: 4px; }
        .controls select, .controls button { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid #6b7280;
          border-radius: 4px; background: #fff; color: var(--ink); max-width: 22rem; }
        .controls output { color: var(--muted); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.93rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left;
          vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: normal; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.none { color: var(--muted); }
        .subject { border-top: 1px solid var(--line); padding: 1rem 0 0.5rem; }
        .subject .kind { font-weight: normal; color: var(--muted); font-size: 0.85em; }
        .meta { color: var(--muted); margin: 0 0 0.5rem; font-size: 0.9rem; }
        .citation { margin: 0.1rem 0; color: var(--muted); font-size: 0.92rem; }
        .citation .section { font-weight: bold; color: var(--ink); }
        details { margin: 0.2rem 0 0.3rem; font-size: 0.92rem; }
        summary { cursor: pointer; color: var(--focus); }
        details p { margin: 0.3rem 0 0.3rem 1rem; }
        ul.findings { list-style: none; padding: 0; margin: 0.3rem 0 0.6rem; }
        li.finding, li.finding-copy { border-left: 4px solid var(--severity); padding: 0.25rem 0 0.25rem 0.7rem;
          margin: 0.35rem 0; }
        .message { margin: 0; }
        .place { margin: 0.1rem 0 0; color: var(--muted); font-size: 0.88rem; }
        .badge { display: inline-block; color: #fff; background: var(--severity); border-radius: 3px;
          padding: 0 0.35rem; font-size: 0.8rem; font-weight: bold; }
        .rule-group .rule-ref { display: none; }
        .rule-ref { color: var(--muted); font-size: 0.88em; }
        ul.related { margin: 0.1rem 0 0; font-size: 0.88rem; color: var(--muted); }
        figure.chart { margin: 0.6rem 0; border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem;
          overflow-x: auto; break-inside: avoid; }
        figcaption { font-size: 0.88rem; color: var(--muted); margin-bottom: 0.3rem; }
        svg.chart-svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
        svg.chart-svg g.node { cursor: pointer; }
        svg.chart-svg g.node:focus { outline: none; }
        svg.chart-svg g.node:focus-visible > :is(polygon, path, ellipse),
        svg.chart-svg g.node[aria-pressed="true"] > :is(polygon, path, ellipse) { stroke: var(--focus);
          stroke-width: 4px; }
        .node-findings { background: var(--band); border-radius: 4px; padding: 0.4rem 0.7rem; margin-top: 0.4rem; }
        .node-findings h5 { font-size: 0.95rem; margin: 0 0 0.2rem; }
        .node-findings ul { list-style: none; padding: 0; margin: 0; }
        .node-findings ul.related, ul.related { list-style: disc; padding-left: 1.4rem; }
        .chart-command { font-size: 0.9rem; color: var(--muted); }
        footer { margin-top: 2rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
        [hidden] { display: none !important; }
        @media screen {
          /* Sections out of view are laid out when they come near it: a page of thousands opens at once. */
          .subject { content-visibility: auto; contain-intrinsic-size: auto 900px; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          .controls, .node-findings, figcaption { display: none !important; }
          figure.chart { border: none; padding: 0; overflow: visible; }
          svg.chart-svg { width: 100% !important; max-height: 240mm; }
          .subject { break-inside: auto; }
          /* A unit drawn on a chart starts a page: its heading is never left at the foot of
             the page before, apart from its chart. */
          .subject:has(figure.chart) { break-before: page; }
          h2, h3, h4, .subject > .meta, .rule-group > .citation { break-after: avoid; }
          li.finding { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          details:not([open]) > summary { display: none; }
        }
        """

    /// The filter (text, rule, severity) and the charts' nodes (click or Enter shows a node's
    /// findings). Reads the page, fetches nothing.
    static let script = """
        (function () {
          "use strict";
          var findings = Array.prototype.slice.call(document.querySelectorAll("#findings li.finding"));
          var texts = findings.map(function (item) {
            return (item.textContent + " " + item.getAttribute("data-node") + " " +
              item.getAttribute("data-rule")).toLowerCase();
          });
          var rules = {};
          findings.forEach(function (item) {
            rules[item.getAttribute("data-rule").toLowerCase()] = item.getAttribute("data-rule");
          });
          var textBox = document.getElementById("filter-text");
          var severityBox = document.getElementById("filter-severity");
          var ruleBox = document.getElementById("filter-rule");
          var counter = document.getElementById("filter-count");
          var words = document.getElementById("report-words");
          var total = findings.length;

          function word(name, values) {
            var text = words.getAttribute("data-" + name) || "";
            Object.keys(values).forEach(function (key) { text = text.split("{" + key + "}").join(values[key]); });
            return text;
          }

          function apply() {
            var query = textBox.value.trim().toLowerCase();
            var severity = severityBox.value;
            var rule = ruleBox.value;
            // A rule id typed whole filters by that rule, as the rule list does.
            if (query && rules[query]) {
              rule = rule || rules[query];
              query = rule === rules[query] ? "" : query;
            }
            var visible = 0;
            findings.forEach(function (item, index) {
              var shown = (!severity || item.getAttribute("data-severity") === severity) &&
                (!rule || item.getAttribute("data-rule") === rule) &&
                (!query || texts[index].indexOf(query) >= 0);
              item.hidden = !shown;
              if (shown) { visible += 1; }
            });
            document.querySelectorAll("#findings .rule-group").forEach(function (group) {
              group.hidden = !group.querySelector("li.finding:not([hidden])");
            });
            document.querySelectorAll("#findings article.subject").forEach(function (subject) {
              subject.hidden = !subject.querySelector("li.finding:not([hidden])");
            });
            counter.textContent = word("shown", { visible: String(visible), total: String(total) });
            counter.setAttribute("data-visible", String(visible));
          }

          textBox.addEventListener("input", apply);
          severityBox.addEventListener("change", apply);
          ruleBox.addEventListener("change", apply);
          document.getElementById("filter-clear").addEventListener("click", function () {
            textBox.value = "";
            severityBox.value = "";
            ruleBox.value = "";
            apply();
            textBox.focus();
          });

          function showNode(figure, node) {
            var file = figure.getAttribute("data-file");
            var id = node.getAttribute("data-node");
            var name = node.getAttribute("data-name") || id;
            var panel = figure.querySelector(".node-findings");
            figure.querySelectorAll("g.node[aria-pressed]").forEach(function (other) {
              other.removeAttribute("aria-pressed");
            });
            node.setAttribute("aria-pressed", "true");
            var matches = findings.filter(function (item) {
              return item.getAttribute("data-file") === file && item.getAttribute("data-node") === id;
            });
            var heading = document.createElement("h5");
            heading.textContent = matches.length ? word("node-findings", { node: name }) :
              word("no-node-findings", { node: name });
            var list = document.createElement("ul");
            matches.forEach(function (item) {
              var copy = item.cloneNode(true);
              copy.hidden = false;
              copy.className = copy.className.replace("finding ", "finding-copy ");
              list.appendChild(copy);
            });
            panel.replaceChildren(heading, list);
            panel.hidden = false;
          }

          document.querySelectorAll("figure.chart").forEach(function (figure) {
            figure.querySelectorAll("g.node[data-node]").forEach(function (node) {
              node.addEventListener("click", function () { showNode(figure, node); });
              node.addEventListener("keydown", function (event) {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  showNode(figure, node);
                }
              });
            });
          });
          apply();
        })();
        """
}
