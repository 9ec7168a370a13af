/// One self-contained page (issue 10): the summary (inputs, pack, counts by family and
/// severity, money at risk by institution and county as SVG bar charts drawn here), then
/// the ranked findings, each with its evidence rows and policy source.
///
/// Nothing is fetched: CSS and the script are inline, the charts are SVG in the page, fonts
/// are the reader's own (Noto CJK, Source Han, YaHei, PingFang), and a Content-Security-
/// Policy forbids any other source. The content is all in the HTML; the script only
/// filters rows (family, severity, county, institution, free text), so the page reads the
/// same with scripts off. The print stylesheet gives an A4 report with the table header
/// repeated on each page and page numbers. Every value is escaped (`escape`).
public struct HTMLWriter {
    public let report: FindingsReport

    public init(report: FindingsReport) { self.report = report }

    var zh: Bool { report.lang == .zh }
    func t(_ zhText: String, _ en: String) -> String { zh ? zhText : en }

    /// Text for an element or a quoted attribute: & < > " ' escaped.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where u.value < 0x20 && u != "\n" && u != "\t": out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    func e(_ s: String) -> String { HTMLWriter.escape(s) }

    /// 1234567 fen → "12,345.67".
    static func yuan(_ fen: Int64) -> String {
        let plain = Money.yuan(fen)
        let parts = plain.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        var grouped = ""
        for (i, c) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    public func render() -> String {
        var h = ""
        h.reserveCapacity(4096 + report.findings.count * 1400)
        let title = t("培训补贴审计问题报告", "Training subsidy audit findings")
        h += "<!DOCTYPE html>\n<html lang=\"\(zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"trainaudit \(e(report.version))\">\n"
        h += "<title>\(e(title)) · \(e(report.pack)) · \(e(report.asOf.description))</title>\n"
        h += "<style>\n\(HTMLWriter.css)\n</style>\n</head>\n<body>\n"
        h += "<header><h1>\(e(title))</h1>\n<p class=\"meta\">"
        h += [t("规则包", "pack") + " <b>\(e(report.pack))</b>（\(e(report.packChain.joined(separator: " → ")))）",
              t("检查基准日", "as of") + " <b>\(e(report.asOf.description))</b>",
              "trainaudit \(e(report.version))",
              t("规则设定", "settings") + " SHA-256 <span class=\"hash\">\(e(String(report.settingsSHA256.prefix(16))))…</span>",
              report.presentation.mask ? t("已脱敏", "masked") : nil].compactMap { $0 }.joined(separator: " · ")
        h += "</p>\n"
        h += "<p class=\"totals\"><span class=\"big\">\(report.findings.count)</span> \(t("项问题", "findings")) · "
        h += t("涉及补贴", "subsidies at risk") + " <span class=\"big\">\(HTMLWriter.yuan(report.moneyAtRisk))</span> \(t("元（每笔发放只计一次）", "yuan (each payment counted once)"))</p>\n</header>\n"
        h += summary()
        h += findingsTable()
        h += "<footer><p>\(t("本报告由 trainaudit 生成，数据未离开本机。证据行号为原表格中的行号。", "Made by trainaudit; no data left this computer. Evidence rows are the rows of the source tables."))</p></footer>\n"
        h += "<script>\n\(HTMLWriter.script)\n</script>\n</body>\n</html>\n"
        return h
    }

    // MARK: summary

    func summary() -> String {
        var h = "<section id=\"summary\">\n<h2>\(t("概要", "Summary"))</h2>\n<div class=\"cols\">\n"
        // Counts by family and severity.
        let levels = Array(Severity.allCases.reversed())
        h += "<div><h3>\(t("按类别和级别", "By family and severity"))</h3>\n<table class=\"counts\"><thead><tr><th>\(t("类别", "family"))</th>"
        for l in levels { h += "<th class=\"sev-\(l.name)\">\(e(l.label.text(report.lang)))</th>" }
        h += "<th>\(t("合计", "total"))</th></tr></thead><tbody>\n"
        for row in report.counts {
            h += "<tr><td>\(e(row.family.rawValue)) \(e(row.family.title.text(report.lang)))</td>"
            for l in levels { h += "<td class=\"n\">\(row.bySeverity[l].map { String($0) } ?? "")</td>" }
            h += "<td class=\"n\"><b>\(row.total)</b></td></tr>\n"
        }
        h += "</tbody></table></div>\n"
        h += "<div><h3>\(t("涉及金额最多的培训机构", "Money at risk by institution"))</h3>\n" + barChart(report.byInstitution, id: "chart-institution") + "</div>\n"
        h += "<div><h3>\(t("各县涉及金额", "Money at risk by county"))</h3>\n" + barChart(report.byCounty, id: "chart-county") + "</div>\n"
        h += "</div>\n"
        // Inputs.
        h += "<h3>\(t("输入文件", "Inputs"))</h3>\n<table class=\"inputs\"><thead><tr><th>\(t("文件", "file"))</th><th>\(t("工作表", "sheet"))</th><th>\(t("表格类型", "kind"))</th>"
        h += "<th>\(t("读取行数", "rows read"))</th><th>\(t("数据行", "data rows"))</th><th>\(t("跳过行", "skipped"))</th><th>SHA-256</th></tr></thead><tbody>\n"
        for i in report.inputs {
            h += "<tr><td>\(e(i.file))</td><td>\(e(i.sheet ?? ""))</td><td>\(e(i.kind?.title.text(report.lang) ?? (i.error ?? "")))</td>"
            h += "<td class=\"n\">\(i.rowsRead)</td><td class=\"n\">\(i.records)</td><td class=\"n\">\(i.skipped)</td><td class=\"hash\">\(e(i.sha256 ?? ""))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        if !report.documents.isEmpty {
            h += "<p class=\"docs\">\(t("规则包引用的政策文件：", "Policy documents the pack cites: "))\(report.documents.map(e).joined(separator: t("；", "; ")))</p>\n"
        }
        if !report.skipped.isEmpty {
            h += "<details><summary>\(t("未运行的检查", "Checks not run")) (\(report.skipped.count))</summary><ul>"
            for s in report.skipped { h += "<li><code>\(e(s.code))</code> \(e(s.reason.text(report.lang)))</li>" }
            h += "</ul></details>\n"
        }
        return h + "</section>\n"
    }

    /// A horizontal bar chart of the first units by money at risk, drawn as SVG.
    func barChart(_ rows: [FindingsReport.Rollup], id: String, limit: Int = 12) -> String {
        let shown = rows.filter { $0.moneyAtRisk > 0 }.prefix(limit)
        guard let top = shown.first?.moneyAtRisk, top > 0 else {
            return "<p class=\"none\">\(t("无涉及金额", "no money at risk"))</p>\n"
        }
        let rowHeight = 22, labelWidth = 190, barMax = 250, width = labelWidth + barMax + 110
        let height = shown.count * rowHeight + 6
        var s = "<svg id=\"\(id)\" class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        for (i, r) in shown.enumerated() {
            let y = i * rowHeight + 3
            let w = max(1, Int((Double(r.moneyAtRisk) / Double(top) * Double(barMax)).rounded()))
            var label = r.unit
            if TableWriter.displayWidth(label) > 26 {
                var cut = ""
                for c in label { if TableWriter.displayWidth(cut + String(c)) > 24 { break }; cut.append(c) }
                label = cut + "…"
            }
            s += "<g><title>\(e(r.unit)): \(HTMLWriter.yuan(r.moneyAtRisk)) \(t("元", "yuan")), \(r.findings) \(t("项", "findings"))</title>"
            s += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(e(label))</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 7)\" rx=\"2\"></rect>"
            s += "<text x=\"\(labelWidth + w + 5)\" y=\"\(y + 15)\" class=\"v\">\(HTMLWriter.yuan(r.moneyAtRisk))</text></g>\n"
        }
        s += "</svg>\n"
        if rows.count > shown.count {
            s += "<p class=\"note\">\(t("共 \(rows.count) 个，显示涉及金额最多的 \(shown.count) 个", "\(rows.count) in all; the \(shown.count) with most money shown"))</p>\n"
        }
        return s
    }

    // MARK: findings

    func findingsTable() -> String {
        let p = report.presentation, lang = report.lang
        var h = "<section id=\"findings\">\n<h2>\(t("问题清单", "Findings"))</h2>\n"
        // The filter bar is hidden until the script runs: without scripts it would do nothing.
        h += "<form id=\"filters\" class=\"filters\" hidden>\n"
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            var s = "<label>\(e(label)) <select name=\"\(name)\"><option value=\"\">\(t("全部", "all"))</option>"
            for (v, l) in options { s += "<option value=\"\(e(v))\">\(e(l))</option>" }
            return s + "</select></label>\n"
        }
        h += select("family", t("类别", "family"), report.counts.map { ($0.family.rawValue, "\($0.family.rawValue) \($0.family.title.text(lang))") })
        h += select("severity", t("级别", "severity"), Severity.allCases.reversed().map { ($0.name, $0.label.text(lang)) })
        h += select("county", t("县区", "county"), report.byCounty.map { ($0.unit, $0.unit) }.sorted { $0.0 < $1.0 })
        h += select("institution", t("培训机构", "institution"), report.byInstitution.map { ($0.unit, $0.unit) }.sorted { $0.0 < $1.0 })
        h += "<label>\(t("搜索", "search")) <input type=\"search\" name=\"q\" placeholder=\"\(t("姓名、身份证号、班级、说明…", "name, ID, class, message…"))\"></label>\n"
        h += "<output id=\"shown\"></output>\n</form>\n"
        h += "<table class=\"findings\"><colgroup><col class=\"c-rank\"><col class=\"c-score\"><col class=\"c-sev\"><col class=\"c-code\"><col class=\"c-msg\">"
        h += "<col class=\"c-person\"><col class=\"c-unit\"><col class=\"c-amount\"><col class=\"c-ev\"></colgroup><thead><tr><th>#</th><th>\(t("分数", "score"))</th><th>\(t("级别", "severity"))</th><th>\(t("代码", "code"))</th>"
        h += "<th>\(t("问题与说明", "finding"))</th><th>\(t("人员", "person"))</th><th>\(t("班级 / 机构 / 县", "class / institution / county"))</th>"
        h += "<th>\(t("金额（元）", "amount (yuan)"))</th><th>\(t("证据与依据", "evidence and source"))</th></tr></thead>\n<tbody>\n"
        let unknown = t("（未填）", "(blank)")
        for (i, f) in report.findings.enumerated() {
            let family = Family(code: f.code)
            h += "<tr id=\"f-\(e(f.fingerprint))\" class=\"sev-\(f.severity.name)\" data-family=\"\(family.rawValue)\" data-severity=\"\(f.severity.name)\""
            h += " data-county=\"\(e(f.county ?? unknown))\" data-institution=\"\(e(f.institution ?? unknown))\" data-fingerprint=\"\(e(f.fingerprint))\" data-case=\"\(e(p.caseKey(f)))\">"
            h += "<td class=\"n\">\(i + 1)</td><td class=\"n\">\(JSONLWriter.number(f.score))</td>"
            h += "<td class=\"sev\">\(e(f.severity.label.text(lang)))</td><td><code>\(e(f.code))</code></td>"
            h += "<td><b>\(e((f.verified.map { "[" + $0.label.text(report.lang) + "] " } ?? "") + p.title(f)))</b><br><span class=\"msg\">\(e(p.message(f)))</span></td>"
            var person = [p.personName(f), p.personID(f)].compactMap { $0 }.map(e).joined(separator: "<br>")
            let people = p.people(f)
            if !people.isEmpty {
                // Everyone a finding about several concerns, one a line.
                person += (person.isEmpty ? "" : "<br>") + "<span class=\"people\">\(t("涉及 \(people.count) 人", "\(people.count) people"))：</span>"
                    + "<ul class=\"people\">" + people.map { "<li>\(e($0.name)) \(e($0.id))</li>" }.joined() + "</ul>"
            }
            h += "<td class=\"person\">\(person)</td>"
            let classes = f.classes.isEmpty ? f.classID : f.classes.joined(separator: t("、", ", "))
            h += "<td>\([classes, f.institution, f.county].compactMap { $0 }.map(e).joined(separator: "<br>"))</td>"
            h += "<td class=\"n\">\(f.amount.map { HTMLWriter.yuan($0) } ?? "")</td><td class=\"ev\">"
            if !f.evidence.isEmpty {
                // Rows of one file and sheet on one line: "考勤记录.csv 第 3302、3303、3319 行".
                h += "<ul>"
                let groups = EvidenceList.groups(f.evidence)
                for g in groups.prefix(12) { h += "<li>\(e(EvidenceList.text(g.place, g.rows, lang)))</li>" }
                if groups.count > 12 { h += "<li>…</li>" }
                h += "</ul>"
                if f.evidence.count > 1 { h += "<p class=\"src\">\(t("共 \(f.evidence.count) 行证据", "\(f.evidence.count) evidence rows"))</p>" }
            }
            if let source = report.source(of: f.code) { h += "<p class=\"src\">\(t("依据", "source"))：\(e(source))</p>" }
            h += "<p class=\"fp\">\(e(f.fingerprint))</p><p class=\"case\">\(t("案件", "case")) \(e(p.caseKey(f)))</p></td></tr>\n"
        }
        h += "</tbody></table>\n</section>\n"
        return h
    }

    // MARK: style and script

    static let css = """
    :root { --crit: #b00020; --high: #e4572e; --med: #f0a202; --low: #4f86c6; --info: #8a8a8a; --line: #d8dce3; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
           margin: 0 auto; max-width: 1400px; padding: 16px 20px; color: #1d2330; font-size: 14px; line-height: 1.45; background: #fff; }
    h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; border-bottom: 2px solid #1d2330; padding-bottom: 3px; margin-top: 28px; }
    h3 { font-size: 15px; margin: 14px 0 6px; }
    .meta { color: #555; margin: 0; } .totals { font-size: 16px; margin: 8px 0 0; } .big { font-size: 24px; font-weight: 700; color: var(--crit); }
    .cols { display: flex; flex-wrap: wrap; gap: 12px 36px; align-items: flex-start; }
    table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #eef1f6; font-weight: 600; white-space: nowrap; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.counts, table.inputs { width: auto; } table.inputs td.hash { font-family: monospace; font-size: 10px; color: #666; word-break: break-all; max-width: 17em; }
    svg.chart text { font-size: 12px; fill: #1d2330; font-family: inherit; } svg.chart rect { fill: var(--high); } svg.chart text.v { fill: #555; }
    .note, .docs, .none { color: #666; font-size: 12px; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0 12px; padding: 8px 10px; background: #f6f7fa; border-radius: 6px; }
    .filters select, .filters input { font: inherit; padding: 2px 4px; } .filters input { width: 18em; }
    table.findings td { font-size: 13px; } td.sev { font-weight: 700; white-space: nowrap; }
    tr.sev-critical td.sev { color: #fff; background: var(--crit); } tr.sev-high td.sev { color: #fff; background: var(--high); }
    tr.sev-medium td.sev { background: var(--med); } tr.sev-low td.sev { color: #fff; background: var(--low); } tr.sev-info td.sev { color: #fff; background: var(--info); }
    th.sev-critical { color: var(--crit); } th.sev-high { color: var(--high); } th.sev-medium { color: #b27700; } th.sev-low { color: var(--low); }
    .msg { color: #333; } .person { white-space: nowrap; } td.ev ul { margin: 0; padding-left: 1.1em; } td.ev li { font-size: 12px; }
    .src { margin: 3px 0 0; color: #555; font-size: 11px; } .fp, .case { margin: 2px 0 0; color: #999; font-family: monospace; font-size: 10px; }
    ul.people { margin: 0; padding-left: 1.1em; font-size: 12px; } span.people { font-size: 12px; color: #555; }
    code { font-family: monospace; } footer { margin-top: 24px; color: #777; font-size: 12px; }
    tr[hidden] { display: none; }
    @page { size: A4; margin: 14mm 10mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
    @media print {
      body { max-width: none; padding: 0; font-size: 9pt; } h1 { font-size: 16pt; } h2 { font-size: 12pt; break-after: avoid; }
      .filters { display: none !important; } details { display: block; } details > summary { list-style: none; }
      table.findings { table-layout: fixed; } table.findings td { font-size: 7.5pt; padding: 2px 3px; word-break: break-word; }
      col.c-rank { width: 3%; } col.c-score { width: 4.5%; } col.c-sev { width: 4.5%; } col.c-code { width: 7%; } col.c-msg { width: 33%; }
      col.c-person { width: 14%; } col.c-unit { width: 11%; } .person { white-space: normal; word-break: break-all; } col.c-amount { width: 6%; } col.c-ev { width: 17%; }
      thead { display: table-header-group; } tr { break-inside: auto; } table.counts tr, table.inputs tr { break-inside: avoid; }
      td.ev li { font-size: 7pt; } .src { font-size: 6.5pt; } table.inputs td.hash { font-size: 6.5pt; max-width: 12em; }
      th { background: #eef1f6 !important; } td.sev, svg.chart rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .fp { font-size: 7pt; } a { color: inherit; text-decoration: none; }
    }
    """

    /// Filters rows only; nothing is loaded or sent.
    static let script = """
    (function () {
      var form = document.getElementById('filters');
      if (!form) return;
      form.hidden = false;
      var rows = Array.prototype.slice.call(document.querySelectorAll('table.findings tbody tr'));
      var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      var out = document.getElementById('shown');
      function apply() {
        var f = form.elements.family.value, s = form.elements.severity.value, c = form.elements.county.value,
            i = form.elements.institution.value, q = form.elements.q.value.trim().toLowerCase(), n = 0;
        rows.forEach(function (r, k) {
          var d = r.dataset;
          var ok = (!f || d.family === f) && (!s || d.severity === s) && (!c || d.county === c) &&
                   (!i || d.institution === i) && (!q || texts[k].indexOf(q) >= 0);
          r.hidden = !ok;
          if (ok) n++;
        });
        out.textContent = n + ' / ' + rows.length;
      }
      form.addEventListener('input', apply);
      form.addEventListener('submit', function (e) { e.preventDefault(); });
      apply();
    })();
    """
}
