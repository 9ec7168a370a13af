import ArgumentParser
import Foundation
import TrainAudit

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the tool understood of each file: table kind, header row, column mapping, rows read and skipped.",
        discussion: "Run it first on a new office's files: a wrong kind or an unmapped column shows here before it hides a finding."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files (.xlsx, .xls, .et, .csv) and folders.")
    var paths: [String]

    func run() throws {
        let engine = try common.engine()
        let run = engine.load(paths)
        let zh = common.lang == .zh
        var out = ""
        for r in run.reports {
            out += (r.sheet.map { "\(r.file) [\($0)]" } ?? r.file) + "\n"
            if let e = r.error { out += "  ! " + e.text(common.lang) + "\n" }
            guard let l = r.layout else {
                if r.error == nil { out += zh ? "  （空表）\n" : "  (empty)\n" }
                continue
            }
            let rows = l.headerRows.map(String.init).joined(separator: "–")
            out += zh ? "  类型：\(l.kind.title.zh)（\(l.kind.rawValue)）  表头：第\(rows)行\n" : "  kind: \(l.kind.rawValue)  header: row \(rows)\n"
            out += zh ? "  列：\n" : "  columns:\n"
            for m in l.mapping { out += "    \(Inspect.column(m.index)) \(m.header) → \(m.column)\n" }
            if !l.unknown.isEmpty {
                out += (zh ? "  未识别的列（保留用于证据）：" : "  unknown columns (kept for evidence): ")
                    + l.unknown.map { "\(Inspect.column($0)) \(l.headers[$0])" }.joined(separator: ", ") + "\n"
            }
            if !l.missing.isEmpty { out += (zh ? "  缺少列：" : "  missing columns: ") + l.missing.joined(separator: ", ") + "\n" }
            out += zh ? "  数据行：\(r.records)\n" : "  data rows: \(r.records)\n"
            for reason in TableReport.SkipReason.allCases {
                guard let n = r.skipped[reason], n > 0 else { continue }
                let first = (r.skippedRows[reason] ?? []).map(String.init).joined(separator: ",")
                out += zh ? "  跳过 \(reason.label.zh)：\(n)（第\(first)\(n > 20 ? "…" : "")行）\n"
                          : "  skipped \(reason.label.en): \(n) (rows \(first)\(n > 20 ? "…" : ""))\n"
            }
            if r.truncatedRows > 0 { out += zh ? "  含超长单元格的行：\(r.truncatedRows)\n" : "  rows with cut cells: \(r.truncatedRows)\n" }
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
        if !run.reports.contains(where: { $0.layout != nil }) { throw ExitCode(2) }
    }

    /// Spreadsheet column letters: 0 → A, 26 → AA.
    static func column(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
