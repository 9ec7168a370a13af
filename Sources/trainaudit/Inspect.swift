import ArgumentParser
import Foundation
import TrainAudit

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the tool understood of each file: table kind, header row, column mapping, rows read and skipped.",
        discussion: """
        Run it first on a new office's files: a wrong kind or an unmapped column shows here before it hides a finding.
        Every row a reader produced is accounted for: header rows + data rows + skipped rows = rows read.

        With --rows N, prints instead the first N rows of each file and sheet exactly as the readers \
        produced them (after decoding, before header finding and typing), as JSON Lines \
        {"file","sheet","row","cells":[…]}.
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Print the first N rows of each file and sheet as the readers produced them (JSON Lines).", valueName: "N"))
    var rows: Int?

    @Argument(help: "Files (.xlsx, .xls, .et, .csv) and folders.")
    var paths: [String]

    func validate() throws {
        try validatePaths(paths, lang: common.lang)
        if let rows, rows < 1 { throw ValidationError(common.lang == .zh ? "--rows 须为正整数" : "--rows must be a positive number") }
    }

    func run() throws {
        let engine = try common.engine()
        if let rows { return try printRows(engine, limit: rows) }
        let run = engine.load(paths)
        let zh = common.lang == .zh
        var out = ""
        for r in run.reports {
            out += (r.sheet.map { "\(r.file) [\($0)]" } ?? r.file) + "\n"
            if let e = r.error { out += "  ! " + e.text(common.lang) + "\n" }
            if let original = r.copyOf {
                out += zh ? "  与 \(original) 内容完全相同，未重复读取\n" : "  the same bytes as \(original): not read again\n"
                continue
            }
            if let l = r.layout {
                let rows = l.headerRows.map(String.init).joined(separator: "–")
                out += zh ? "  类型：\(l.kind.title.zh)（\(l.kind.rawValue)）  表头：第\(rows)行\n" : "  kind: \(l.kind.rawValue)  header: row \(rows)\n"
                out += zh ? "  列：\n" : "  columns:\n"
                for m in l.mapping { out += "    \(Inspect.column(m.index)) \(m.header) → \(m.column)\n" }
                if !l.unknown.isEmpty {
                    out += (zh ? "  未识别的列（保留用于证据）：" : "  unknown columns (kept for evidence): ")
                        + l.unknown.map { "\(Inspect.column($0)) \(l.headers[$0])" }.joined(separator: ", ") + "\n"
                }
                if !l.missing.isEmpty { out += (zh ? "  缺少列：" : "  missing columns: ") + l.missing.joined(separator: ", ") + "\n" }
            } else if r.error == nil {
                out += zh ? "  （空表）\n" : "  (empty)\n"
            }
            let header = r.layout?.headerRows.count ?? 0
            out += zh ? "  读取行：\(r.rowsRead) = 表头 \(header) + 数据 \(r.records) + 跳过 \(r.skippedTotal)\n"
                      : "  rows read: \(r.rowsRead) = header \(header) + data \(r.records) + skipped \(r.skippedTotal)\n"
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

    /// `--rows N`: the readers' rows as JSON Lines; files that cannot be read on stderr.
    func printRows(_ engine: Engine, limit: Int) throws {
        var out = Data()
        let errors = engine.loader.firstRows(paths, limit: limit) { file, sheet, row in
            out.append(contentsOf: JSONLWriter.rawRow(file: file, sheet: sheet, row).utf8)
            out.append(0x0A)
            if out.count > 1 << 20 {
                FileHandle.standardOutput.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(out)
        for e in errors { note("trainaudit: " + e.text(common.lang)) }
        if !errors.isEmpty { throw ExitCode(2) }
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
