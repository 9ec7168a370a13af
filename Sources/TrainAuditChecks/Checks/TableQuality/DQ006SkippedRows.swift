import TrainAuditCore
/// DQ006: rows that were not data (blank, 合计, footers, repeated headers), counted.
struct SkippedRows: Check {
    let info = CheckInfo(
        code: "DQ006", severity: .info,
        title: Localized(zh: "已跳过的非数据行", en: "rows skipped"),
        summary: Localized(zh: "空行、合计行、表尾签字行和重复表头不作为数据读取；逐表列出行数与原因，不会静默丢弃。",
                           en: "Blank rows, totals, signature footers and repeated headers are not read as data; each table lists how many and why, never silently."),
        source: [.because(zh: "空行、合计行、重复的表头行被跳过，并说明原因", en: "blank rows, total rows and repeated header rows are skipped, and said so")], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            let reasons = TableReport.SkipReason.allCases.filter { (r.skipped[$0] ?? 0) > 0 && ![.beforeHeader, .noHeader, .readError].contains($0) }
            guard !reasons.isEmpty else { return nil }
            let zh = reasons.map { "\($0.label.zh)\(r.skipped[$0] ?? 0)行" }.joined(separator: "，")
            let en = reasons.map { "\($0.label.en) \(r.skipped[$0] ?? 0)" }.joined(separator: ", ")
            let rows = reasons.flatMap { reason in (r.skippedRows[reason] ?? []).map { SourceRef(file: r.file, sheet: r.sheet, row: $0) } }
            return finding(Localized(zh: "跳过\(zh)", en: "skipped: \(en)"),
                           subject: r.subject, evidence: Array(rows.sorted().prefix(20)))
        }
    }

    let examples: [CheckExample] = [
        .triggers("a total row and a footer", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        合计,,,,,150,1600,
        负责人：马某某,,,,,,,
        """)),
        .passes("data only", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
