import CXLSXWriter
import Foundation

/// The findings workbook offices open (issue 10): 概要 (summary), 问题清单 (findings, one
/// row each in rank order), 证据 (every evidence row with its cells) and the roll-ups
/// 按机构 / 按班级 / 按县, through libxlsxwriter in constant-memory mode (each row goes to
/// disk as the next starts, so a province's findings do not have to fit in memory twice).
///
/// No value from an input becomes a formula: every text goes through
/// `worksheet_write_string` (an inline string cell; this writer never calls a formula
/// function), formula-like texts get the quotePrefix style where the library has it
/// (`CellSafety`), IDs and class codes are text cells with the text format "@", amounts are
/// numbers with a yuan format.
public struct XLSXWriter {
    public enum Failure: Error, CustomStringConvertible {
        case cannotCreate(String)
        case library(String, String)

        public var description: String {
            switch self {
            case .cannotCreate(let path): return "cannot create \(path)"
            case .library(let path, let message): return "\(path): \(message)"
            }
        }
    }

    /// Excel's limit on hyperlinks in one sheet; findings after it name their evidence rows
    /// as text.
    static let maxLinks = 65_530
    /// Excel's cell text limit is 32,767 characters; cut a little below it.
    static let maxCellCharacters = 32_000
    /// Rows in one sheet (LXW_ROW_MAX).
    static let maxRows = 1_048_576

    public let report: FindingsReport
    public let evidence: EvidenceCells

    public init(report: FindingsReport, evidence: EvidenceCells = EvidenceCells()) {
        self.report = report
        self.evidence = evidence
    }

    struct SheetNames {
        var summary, findings, evidence, institution, classes, county: String
        init(_ lang: Lang) {
            if lang == .zh {
                (summary, findings, evidence, institution, classes, county) = ("概要", "问题清单", "证据", "按机构", "按班级", "按县")
            } else {
                (summary, findings, evidence, institution, classes, county) = ("Summary", "Findings", "Evidence", "By institution", "By class", "By county")
            }
        }
    }

    /// Writes the workbook to `path` (through a temporary file beside it, renamed when
    /// complete, so a failed run leaves no half-written workbook).
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        guard let wb = trainaudit_workbook_new(temp, nil) else { throw Failure.cannotCreate(path) }
        let book = Book(wb, lang: report.lang)
        let names = SheetNames(report.lang)
        // Sheets are added in display order; constant-memory mode lets each be filled in
        // any order as long as each sheet's rows go top to bottom.
        let summary = book.sheet(names.summary)
        let findings = book.sheet(names.findings)
        let evidenceSheet = book.sheet(names.evidence)
        let institution = book.sheet(names.institution)
        let classes = book.sheet(names.classes)
        let county = book.sheet(names.county)
        writeSummary(summary, book)
        writeFindings(findings, book, evidenceSheet: names.evidence)
        writeEvidence(evidenceSheet, book)
        writeRollup(institution, book, report.byInstitution, unit: report.lang == .zh ? "培训机构" : "institution")
        writeRollup(classes, book, report.byClass, unit: report.lang == .zh ? "班级" : "class")
        writeRollup(county, book, report.byCounty, unit: report.lang == .zh ? "县区" : "county")
        workbook_set_properties_if(wb)
        let err = workbook_close(wb)
        guard err == LXW_NO_ERROR else { throw Failure.library(path, String(cString: lxw_strerror(err))) }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temp, toPath: path)
    }

    // MARK: sheets

    func writeSummary(_ s: Sheet, _ b: Book) {
        let zh = report.lang == .zh
        // Column A holds the labels and the file names, B values and sheet names.
        let fileWidth = report.inputs.map { Double(TableWriter.displayWidth($0.file)) + 2 }.max() ?? 0
        s.width(0, min(max(34, fileWidth), 60)); s.width(1, 34); s.width(2, 12); s.width(3, 10); s.width(4, 10); s.width(5, 10); s.width(6, 66); s.width(7, 30)
        s.text(0, zh ? "TrainAudit 培训补贴审计问题清单" : "TrainAudit findings workbook", b.title)
        var r = 2
        func pair(_ k: String, _ v: String) { s.text(r, 0, k, b.bold); s.text(r, 1, v, b.text); r += 1 }
        pair(zh ? "工具版本" : "tool version", "trainaudit " + report.version)
        pair(zh ? "规则包" : "rule pack", report.pack + "（" + report.packChain.joined(separator: " → ") + "）")
        pair(zh ? "规则设定 SHA-256" : "settings SHA-256", report.settingsSHA256)
        pair(zh ? "政策文件" : "policy documents", report.documents.joined(separator: "；"))
        pair(zh ? "检查基准日" : "as of", report.asOf.description)
        s.text(r, 0, zh ? "问题总数" : "findings", b.bold); s.number(r, 1, Double(report.findings.count), nil); r += 1
        s.text(r, 0, zh ? "涉及补贴（元，每笔发放只计一次）" : "subsidies at risk (yuan, each payment once)", b.bold)
        s.number(r, 1, Double(report.moneyAtRisk) / 100, b.yuan); r += 1
        if report.presentation.mask { pair(zh ? "脱敏" : "masked", zh ? "身份证号、电话、姓名已脱敏" : "IDs, phones and names masked") }

        r += 1
        s.text(r, 0, zh ? "输入文件" : "inputs", b.section); r += 1
        let inHeads = zh ? ["文件", "工作表", "表格类型", "读取行数", "数据行", "跳过行", "SHA-256", "问题"]
                         : ["file", "sheet", "kind", "rows read", "data rows", "skipped", "SHA-256", "problem"]
        for (c, h) in inHeads.enumerated() { s.text(r, c, h, b.header) }
        r += 1
        for i in report.inputs {
            s.text(r, 0, i.file, b.text)
            s.text(r, 1, i.sheet ?? "", b.text)
            s.text(r, 2, i.kind?.title.text(report.lang) ?? "", b.text)
            s.number(r, 3, Double(i.rowsRead), nil)
            s.number(r, 4, Double(i.records), nil)
            s.number(r, 5, Double(i.skipped), nil)
            s.text(r, 6, i.sha256 ?? "", b.text)
            s.text(r, 7, i.error ?? "", b.text)
            r += 1
        }

        r += 1
        s.text(r, 0, zh ? "按类别和级别统计" : "findings by family and severity", b.section); r += 1
        let levels = Severity.allCases.reversed()
        let cHeads = [zh ? "类别" : "family", zh ? "名称" : "name"] + levels.map { $0.label.text(report.lang) } + [zh ? "合计" : "total"]
        for (c, h) in cHeads.enumerated() { s.text(r, c, h, b.header) }
        r += 1
        for row in report.counts {
            s.text(r, 0, row.family.rawValue, b.text)
            s.text(r, 1, row.family.title.text(report.lang), b.text)
            for (c, level) in levels.enumerated() { s.number(r, 2 + c, Double(row.bySeverity[level] ?? 0), nil) }
            s.number(r, 2 + levels.count, Double(row.total), b.bold)
            r += 1
        }

        if !report.skipped.isEmpty {
            r += 1
            s.text(r, 0, zh ? "未运行的检查" : "checks not run", b.section); r += 1
            for k in report.skipped {
                s.text(r, 0, k.code, b.text)
                s.text(r, 1, k.reason.text(report.lang), b.text)
                r += 1
            }
        }
    }

    /// The findings sheet's columns: header, and how wide at most.
    var findingColumns: [(head: String, cap: Double)] {
        let zh = report.lang == .zh
        return [
            (zh ? "排名" : "rank", 8), (zh ? "分数" : "score", 8), (zh ? "级别" : "severity", 9), (zh ? "代码" : "code", 9),
            (zh ? "类别" : "family", 16), (zh ? "问题" : "finding", 40), (zh ? "身份证号" : "resident ID", 21),
            (zh ? "姓名" : "name", 12), (zh ? "班级" : "class", 18), (zh ? "培训机构" : "institution", 30),
            (zh ? "县区" : "county", 12), (zh ? "涉及金额（元）" : "amount (yuan)", 16), (zh ? "说明" : "message", 70),
            (zh ? "证据" : "evidence", 30), (zh ? "政策依据" : "policy source", 50), (zh ? "指纹" : "fingerprint", 18),
            (zh ? "涉及人员" : "people", 50), (zh ? "涉及班级" : "classes", 26), (zh ? "案件" : "case", 30),
        ]
    }

    func writeFindings(_ s: Sheet, _ b: Book, evidenceSheet: String) {
        let p = report.presentation, lang = report.lang, zh = lang == .zh
        let columns = findingColumns
        // Widths from the header and the first rows (CJK characters count two).
        var widths = columns.map { Double(TableWriter.displayWidth($0.head)) + 2 }
        for f in report.findings.prefix(2000) {
            let values = [p.title(f), p.personID(f) ?? "", p.personName(f) ?? "", f.classID ?? "", f.institution ?? "",
                          f.county ?? "", p.message(f), report.source(of: f.code) ?? "",
                          XLSXWriter.people(f, p), f.classes.joined(separator: "、"), p.caseKey(f)]
            for (c, v) in zip([5, 6, 7, 8, 9, 10, 12, 14, 16, 17, 18], values) { widths[c] = max(widths[c], Double(TableWriter.displayWidth(v)) + 2) }
        }
        widths[4] = max(widths[4], 14)
        widths[13] = max(widths[13], zh ? 28 : 26)
        widths[15] = 18
        for (c, col) in columns.enumerated() { s.width(c, min(widths[c], col.cap)) }
        for (c, col) in columns.enumerated() { s.text(0, c, col.head, b.header) }
        s.freezeHeader()
        s.autofilter(rows: min(report.findings.count, XLSXWriter.maxRows - 2), columns: columns.count)
        var evidenceRow = 1  // the evidence sheet's row of this finding's first evidence row
        for (i, f) in report.findings.enumerated() {
            let r = i + 1
            if r == XLSXWriter.maxRows - 1 {
                s.text(r, 0, zh ? "问题超过 Excel 一张表的行数上限，其余见 JSON Lines 输出（--format jsonl）"
                                : "more findings than an Excel sheet holds: the rest are in the JSON Lines output (--format jsonl)", b.bold)
                break
            }
            s.number(r, 0, Double(r), nil)
            s.number(r, 1, f.score, b.score)
            s.text(r, 2, f.severity.label.text(lang), b.severity[f.severity])
            s.text(r, 3, f.code, b.text)
            s.text(r, 4, Family(code: f.code).title.text(lang), b.text)
            s.text(r, 5, (f.verified.map { "[" + $0.label.text(lang) + "] " } ?? "") + p.title(f), b.text)
            s.text(r, 6, p.personID(f) ?? "", b.text)
            s.text(r, 7, p.personName(f) ?? "", b.text)
            s.text(r, 8, f.classID ?? "", b.text)
            s.text(r, 9, f.institution ?? "", b.text)
            s.text(r, 10, f.county ?? "", b.text)
            if let a = f.amount { s.number(r, 11, Double(a) / 100, b.yuan) }
            s.text(r, 12, p.message(f), b.text)
            if !f.evidence.isEmpty {
                let label = zh ? "\(f.evidence.count) 行证据 → 证据表第 \(evidenceRow + 1) 行" : "\(f.evidence.count) rows → evidence row \(evidenceRow + 1)"
                if i < XLSXWriter.maxLinks, evidenceRow + 1 < XLSXWriter.maxRows - 1 {
                    s.link(r, 13, "internal:'\(evidenceSheet)'!A\(evidenceRow + 1)", label, b.link)
                } else {
                    s.text(r, 13, label, b.text)
                }
            }
            s.text(r, 14, report.source(of: f.code) ?? "", b.text)
            s.text(r, 15, f.fingerprint, b.text)
            s.text(r, 16, XLSXWriter.people(f, p), b.text)
            s.text(r, 17, f.classes.joined(separator: "、"), b.text)
            s.text(r, 18, p.caseKey(f), b.text)
            evidenceRow += f.evidence.count
        }
    }

    func writeEvidence(_ s: Sheet, _ b: Book) {
        let zh = report.lang == .zh
        let heads = zh ? ["指纹", "排名", "代码", "案件", "文件", "工作表", "行号", "单元格"] : ["fingerprint", "rank", "code", "case", "file", "sheet", "row", "cells"]
        let caps: [Double] = [18, 7, 9, 30, 40, 14, 8, 36]
        var widths = heads.map { Double(TableWriter.displayWidth($0)) + 2 }
        var maxCells = 1
        for f in report.findings.prefix(2000) {
            widths[3] = max(widths[3], Double(TableWriter.displayWidth(report.presentation.caseKey(f))) + 2)
            for e in f.evidence {
                widths[4] = max(widths[4], Double(TableWriter.displayWidth(e.file)) + 2)
                widths[5] = max(widths[5], Double(TableWriter.displayWidth(e.sheet ?? "")) + 2)
            }
        }
        for f in report.findings { for e in f.evidence { maxCells = max(maxCells, evidence.cells[e]?.count ?? 0) } }
        for (c, w) in widths.enumerated() where c < 7 { s.width(c, min(w, caps[c])) }
        s.width(7, 7 + maxCells - 1, 28)
        for (c, h) in heads.enumerated() { s.text(0, c, h, b.header) }
        s.freezeHeader()
        var r = 1
        outer: for (i, f) in report.findings.enumerated() {
            for e in f.evidence {
                if r == XLSXWriter.maxRows - 1 {
                    // A sheet holds 1,048,576 rows: say where the rest is rather than drop it silently.
                    s.text(r, 0, zh ? "证据行超过 Excel 一张表的行数上限，其余证据见 JSON Lines 输出（--format jsonl）"
                                    : "more evidence rows than an Excel sheet holds: the rest are in the JSON Lines output (--format jsonl)", b.bold)
                    r += 1
                    break outer
                }
                s.text(r, 0, f.fingerprint, b.text)
                s.number(r, 1, Double(i + 1), nil)
                s.text(r, 2, f.code, b.text)
                s.text(r, 3, report.presentation.caseKey(f), b.text)
                s.text(r, 4, e.file, b.text)
                s.text(r, 5, e.sheet ?? "", b.text)
                s.number(r, 6, Double(e.row), nil)
                if let cells = evidence.cells[e] {
                    for (c, cell) in cells.enumerated() where 7 + c < 16_384 {
                        s.text(r, 7 + c, report.presentation.mask ? XLSXWriter.masked(cell, names: report.presentation.names(f)) : cell.text, b.text)
                    }
                }
                r += 1
            }
        }
        s.autofilter(rows: r - 1, columns: 7)
    }

    /// The people of a finding about several: "马某某 640422…、李某 640422…".
    static func people(_ f: Finding, _ p: Presentation) -> String {
        p.people(f).map { $0.name + " " + $0.id }.joined(separator: "、")
    }

    /// An evidence cell under --mask: IDs, phones and accounts masked as in messages, the
    /// whole value of a column of names (the row may name people the finding does not: a
    /// trainee, an account holder, a teacher, a signature), each name of a list masked, and
    /// the finding's names wherever else they appear.
    static func masked(_ cell: EvidenceCells.Cell, names: [String] = []) -> String {
        var c = cell
        let p = Presentation(mask: true)
        let h = c.header.lowercased()
        let nameColumn = ["姓名", "名字", "户名", "签名", "签字", "教师", "老师", "讲师", "name"].contains { h.contains($0) } || h.hasSuffix("人")
        if nameColumn {
            var out = "", part = ""
            for ch in c.value {
                if "、，,;；".contains(ch) { out += p.maskName(part) + String(ch); part = "" } else { part.append(ch) }
            }
            c.value = Presentation.maskNumbers(out + p.maskName(part))
        } else {
            c.value = p.masked(c.value, names: names)
        }
        return c.text
    }

    func writeRollup(_ s: Sheet, _ b: Book, _ rows: [FindingsReport.Rollup], unit: String) {
        let zh = report.lang == .zh
        let levels = Array(Severity.allCases.reversed())
        let heads = [zh ? "排名" : "rank", unit, zh ? "问题数" : "findings"] + levels.map { $0.label.text(report.lang) }
            + [zh ? "涉及人数" : "people", zh ? "涉及金额（元，每笔只计一次）" : "at risk (yuan, each payment once)"]
        var unitWidth = Double(TableWriter.displayWidth(unit)) + 2
        for row in rows.prefix(2000) { unitWidth = max(unitWidth, Double(TableWriter.displayWidth(row.unit)) + 2) }
        s.width(0, 7); s.width(1, min(unitWidth, 40)); s.width(2, 3 + levels.count, 9); s.width(4 + levels.count, 10); s.width(5 + levels.count, 18)
        for (c, h) in heads.enumerated() { s.text(0, c, h, b.header) }
        s.freezeHeader()
        s.autofilter(rows: rows.count, columns: heads.count)
        for (i, row) in rows.enumerated() {
            let r = i + 1
            s.number(r, 0, Double(r), nil)
            s.text(r, 1, row.unit, b.text)
            s.number(r, 2, Double(row.findings), nil)
            for (c, level) in levels.enumerated() { s.number(r, 3 + c, Double(row.bySeverity[level] ?? 0), nil) }
            s.number(r, 3 + levels.count, Double(row.people), nil)
            s.number(r, 4 + levels.count, Double(row.moneyAtRisk) / 100, b.yuan)
        }
    }
}

/// The workbook's formats, made once.
final class Book {
    let wb: UnsafeMutablePointer<lxw_workbook>
    let text, quoted, bold, header, title, section, yuan, score, link: UnsafeMutablePointer<lxw_format>
    var severity: [Severity: UnsafeMutablePointer<lxw_format>] = [:]

    init(_ wb: UnsafeMutablePointer<lxw_workbook>, lang: Lang) {
        self.wb = wb
        func format(_ body: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let f = workbook_add_format(wb)!
            body(f)
            return f
        }
        text = format { format_set_num_format($0, "@") }
        quoted = format { format_set_num_format($0, "@"); trainaudit_format_set_quote_prefix($0) }
        bold = format { format_set_bold($0) }
        header = format { f in
            format_set_bold(f); format_set_bg_color(f, 0xD9E1F2); format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_num_format(f, "@")
        }
        title = format { format_set_bold($0); format_set_font_size($0, 14) }
        section = format { format_set_bold($0); format_set_font_size($0, 12) }
        yuan = format { format_set_num_format($0, lang == .zh ? "#,##0.00\"元\"" : "\"¥\"#,##0.00") }
        score = format { format_set_num_format($0, "0.0") }
        link = workbook_get_default_url_format(wb)
        let colours: [(Severity, UInt32, UInt32)] = [
            (.critical, 0xC00000, 0xFFFFFF), (.high, 0xFF9999, 0x000000), (.medium, 0xFFD966, 0x000000),
            (.low, 0xDDEBF7, 0x000000), (.info, 0xEDEDED, 0x000000),
        ]
        for (level, bg, fg) in colours {
            severity[level] = format { f in
                format_set_bg_color(f, bg); format_set_font_color(f, fg); format_set_bold(f); format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
            }
        }
    }

    func sheet(_ name: String) -> Sheet {
        Sheet(workbook_add_worksheet(wb, name)!, book: self)
    }
}

/// One worksheet, with the few calls the writer needs and the text rules applied in one place.
struct Sheet {
    let ws: UnsafeMutablePointer<lxw_worksheet>
    unowned let book: Book

    init(_ ws: UnsafeMutablePointer<lxw_worksheet>, book: Book) {
        self.ws = ws
        self.book = book
    }

    /// A text cell. Never a formula: `worksheet_write_string` writes a string cell whatever
    /// the text is; a formula-like text also gets the quotePrefix style.
    func text(_ row: Int, _ col: Int, _ value: String, _ format: UnsafeMutablePointer<lxw_format>?) {
        guard !value.isEmpty else {
            if let format { worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(col), format) }
            return
        }
        let f = CellSafety.looksLikeFormula(value) && (format == nil || format == book.text) ? book.quoted : format
        worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), Sheet.clean(value), f)
    }

    func text(_ row: Int, _ value: String, _ format: UnsafeMutablePointer<lxw_format>?) { text(row, 0, value, format) }

    func number(_ row: Int, _ col: Int, _ value: Double, _ format: UnsafeMutablePointer<lxw_format>?) {
        worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), value, format)
    }

    /// An internal hyperlink showing `label`.
    func link(_ row: Int, _ col: Int, _ url: String, _ label: String, _ format: UnsafeMutablePointer<lxw_format>?) {
        let err = worksheet_write_url_opt(ws, lxw_row_t(row), lxw_col_t(col), url, format, Sheet.clean(label), nil)
        if err != LXW_NO_ERROR { text(row, col, label, book.text) }
    }

    func width(_ col: Int, _ w: Double) { width(col, col, w) }

    func width(_ first: Int, _ last: Int, _ width: Double) {
        worksheet_set_column(ws, lxw_col_t(first), lxw_col_t(min(last, 16_383)), width, nil)
    }

    func freezeHeader() { worksheet_freeze_panes(ws, 1, 0) }

    func autofilter(rows: Int, columns: Int) {
        worksheet_autofilter(ws, 0, 0, lxw_row_t(max(rows, 1)), lxw_col_t(columns - 1))
    }

    /// XML 1.0 cannot carry most control characters, and C strings stop at NUL: they become
    /// U+FFFD. Over-long texts are cut at Excel's cell limit.
    static func clean(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D { needs = true; break }
        var out = s
        if needs {
            var scalars = String.UnicodeScalarView()
            for u in s.unicodeScalars {
                scalars.append(u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" ? "\u{FFFD}" : u)
            }
            out = String(scalars)
        }
        if out.utf8.count > XLSXWriter.maxCellCharacters, out.unicodeScalars.count > XLSXWriter.maxCellCharacters {
            out = String(String.UnicodeScalarView(out.unicodeScalars.prefix(XLSXWriter.maxCellCharacters)))
        }
        return out
    }
}

/// Document properties: the tool as author, so a workbook says where it came from.
private func workbook_set_properties_if(_ wb: UnsafeMutablePointer<lxw_workbook>) {
    var props = lxw_doc_properties()
    "TrainAudit".withCString { app in
        props.author = UnsafeMutablePointer(mutating: app)
        props.title = UnsafeMutablePointer(mutating: app)
        _ = workbook_set_properties(wb, &props)
    }
}
