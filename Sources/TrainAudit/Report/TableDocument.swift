import CXLSXWriter
import Foundation

/// A plain table (the roll-up, the call sheet, a diff) in the formats of `scan`: TSV, CSV
/// for Excel (BOM, CRLF), a terminal table, one HTML page, and an xlsx workbook through the
/// findings workbook's `Book` and `Sheet` (libxlsxwriter; text cells never formulas). The
/// run record (`RunRecord.pairs`) goes on a sheet of its own, into the page, and below the
/// terminal table; TSV and CSV stay one header and one line per row, for cut and for
/// reading a call sheet back.
public struct TableDocument {
    public enum Cell {
        case text(String)
        case number(Double)
        /// Fen, shown as yuan.
        case yuan(Int64)
        case blank

        var plain: String {
            switch self {
            case .text(let s): return s
            case .number(let d): return JSONLWriter.number(d)
            case .yuan(let f): return Money.yuan(f)
            case .blank: return ""
            }
        }
    }

    public var title: String
    public var sheetName: String
    public var headers: [String]
    public var rows: [[Cell]]
    public var record: [(String, String)]
    public var lang: Lang
    /// Columns that callers fill in (the call sheet's 核实结果 and 备注): a list to pick from
    /// in the workbook, when given.
    public var choices: [Int: [String]] = [:]
    /// Widest a column may get in the workbook and the terminal.
    public var maxWidth = 48

    public init(title: String, sheetName: String, headers: [String], rows: [[Cell]], record: [(String, String)], lang: Lang) {
        self.title = title
        self.sheetName = sheetName
        self.headers = headers
        self.rows = rows
        self.record = record
        self.lang = lang
    }

    public func tsv() -> String {
        var s = headers.map(TSVWriter.field).joined(separator: "\t") + "\n"
        for r in rows { s += r.map { TSVWriter.field(CellSafety.neutralised($0.plain)) }.joined(separator: "\t") + "\n" }
        return s
    }

    public func csv() -> String {
        var s = CSVWriter.bom + headers.map { CSVWriter.quoted(TSVWriter.field($0)) }.joined(separator: ",") + "\r\n"
        for r in rows { s += r.map { CSVWriter.quoted(TSVWriter.field(CellSafety.neutralised($0.plain))) }.joined(separator: ",") + "\r\n" }
        return s
    }

    /// Aligned columns (CJK counts two), long cells clipped; the run record below.
    public func table(footer: String? = nil) -> String {
        let all = [headers] + rows.map { $0.map { TableWriter.clip(TSVWriter.field($0.plain), maxWidth) } }
        let widths = headers.indices.map { c in all.map { TableWriter.displayWidth($0[c]) }.max() ?? 0 }
        var out = ""
        for row in all {
            var line = ""
            for (c, cell) in row.enumerated() {
                line += c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - TableWriter.displayWidth(cell)) + "  "
            }
            out += line + "\n"
        }
        if let footer, !footer.isEmpty { out += "\n" + footer + "\n" }
        return out
    }

    public func html() -> String {
        let e = HTMLWriter.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(lang == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        h += "<meta name=\"generator\" content=\"trainaudit \(e(ToolVersion.current))\">\n<title>\(e(title))</title>\n"
        h += "<style>\n\(HTMLWriter.css)\n</style>\n</head>\n<body>\n<header><h1>\(e(title))</h1></header>\n"
        h += "<table class=\"findings\"><thead><tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in rows {
            h += "<tr>" + r.map { c -> String in
                switch c {
                case .number, .yuan: return "<td class=\"n\">\(e(c.plain))</td>"
                default: return "<td>\(e(c.plain).replacingAll("\n", with: "<br>"))</td>"
                }
            }.joined() + "</tr>\n"
        }
        h += "</tbody></table>\n<section><h2>\(lang == .zh ? "运行记录" : "Run record")</h2>\n<table class=\"inputs\"><tbody>\n"
        for (k, v) in record { h += "<tr><th>\(e(k))</th><td class=\"hash\">\(e(v))</td></tr>\n" }
        h += "</tbody></table></section>\n</body>\n</html>\n"
        return h
    }

    /// The workbook: the table (frozen header, autofilter, a pick list where `choices` says)
    /// and the run record on a second sheet. Through a temporary file, renamed when whole.
    public func writeXLSX(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        guard let wb = trainaudit_workbook_new(temp, nil) else { throw XLSXWriter.Failure.cannotCreate(path) }
        let book = Book(wb, lang: lang)
        let s = book.sheet(String(sheetName.prefix(31)))
        let recordSheet = book.sheet(lang == .zh ? "运行记录" : "Run record")
        var widths = headers.map { Double(TableWriter.displayWidth($0)) + 2 }
        for r in rows.prefix(2000) {
            for (c, cell) in r.enumerated() {
                let longest = cell.plain.split(separator: "\n").map { TableWriter.displayWidth(String($0)) }.max() ?? 0
                widths[c] = max(widths[c], Double(longest) + 2)
            }
        }
        for (c, w) in widths.enumerated() { s.width(c, min(w, Double(maxWidth))) }
        for (c, h) in headers.enumerated() { s.text(0, c, h, book.header) }
        s.freezeHeader()
        s.autofilter(rows: rows.count, columns: headers.count)
        for (i, r) in rows.enumerated() {
            for (c, cell) in r.enumerated() {
                switch cell {
                case .text(let t): s.text(i + 1, c, t, book.text)
                case .number(let d): s.number(i + 1, c, d, nil)
                case .yuan(let f): s.number(i + 1, c, Double(f) / 100, book.yuan)
                case .blank: s.text(i + 1, c, "", book.text)
                }
            }
        }
        for (c, list) in choices.sorted(by: { $0.key < $1.key }) where !rows.isEmpty {
            // A pick list, not a rule: other text stays allowed (the reader reports it).
            var items: [UnsafeMutablePointer<CChar>?] = list.map { strdup($0) } + [nil]
            defer { for p in items { free(p) } }
            items.withUnsafeMutableBufferPointer { buf in
                var v = lxw_data_validation()
                v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                v.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
                v.show_error = UInt8(LXW_VALIDATION_OFF.rawValue)
                v.value_list = buf.baseAddress
                _ = worksheet_data_validation_range(s.ws, 1, lxw_col_t(c), lxw_row_t(rows.count), lxw_col_t(c), &v)
            }
        }
        recordSheet.width(0, 28); recordSheet.width(1, 90)
        recordSheet.text(0, 0, title, book.title)
        for (i, (k, v)) in record.enumerated() {
            recordSheet.text(i + 2, 0, k, book.bold)
            recordSheet.text(i + 2, 1, v, book.text)
        }
        let err = workbook_close(wb)
        guard err == LXW_NO_ERROR else { throw XLSXWriter.Failure.library(path, String(cString: lxw_strerror(err))) }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temp, toPath: path)
    }
}
