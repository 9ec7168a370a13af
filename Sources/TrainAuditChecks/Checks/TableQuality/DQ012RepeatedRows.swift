import TrainAuditCore
/// DQ012: ledger rows that repeat, field for field, the rows of another file: one
/// record with both sources, never a second subsidy or money counted twice.
struct RepeatedRows: Check {
    let info = CheckInfo(
        code: "DQ012", severity: .low,
        title: Localized(zh: "其他文件中的行被重复提供", en: "rows repeated from another file"),
        summary: Localized(zh: "花名册或发放明细中的行与另一文件中的行逐项完全相同（重复导出、补报时重发、上月台账带入本月）：按同一条记录计，不算重复补贴，金额不重复计算；两处来源都列为证据。同一文件内的相同行不在此列，由 DUP001、DUP004 报告。",
                           en: "Roster or payment rows identical, field for field, to rows of another file (a re-export, a file re-sent with the next batch, last month's ledger carried into this one): one record, not a duplicate subsidy, its money counted once; both sources are evidence. Identical rows within one file are not merged: DUP001 and DUP004 report them."),
        source: [.byDefault(zh: "一行无论在几个文件中重复出现，都只算一份证据", en: "a row is evidence once, however many files repeat it")], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        struct Pair: Hashable { var file: String; var sheet: String?; var ofFile: String; var ofSheet: String? }
        var groups: [Pair: [RepeatedRow]] = [:]
        var order: [Pair] = []
        for r in audit.data.repeatedRows {
            let key = Pair(file: r.row.file, sheet: r.row.sheet, ofFile: r.of.file, ofSheet: r.of.sheet)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(r)
        }
        return order.map { key in
            let rows = groups[key]!
            let here = key.sheet.map { "\(key.file) [\($0)]" } ?? key.file
            let there = key.ofSheet.map { "\(key.ofFile) [\($0)]" } ?? key.ofFile
            let table = rows[0].table.title
            return finding(
                Localized(zh: "\(here) 有 \(rows.count) 行\(table.zh)记录与 \(there) 中的行完全相同，已按同一条记录计（第 \(rowList(rows.map(\.row.row))) 行）",
                          en: "\(rows.count) \(table.en) rows of \(here) are identical to rows of \(there) and were taken as the same records (rows \(rowList(rows.map(\.row.row))))"),
                subject: "\(key.file)|\(key.sheet ?? "")|\(key.ofFile)|\(key.ofSheet ?? "")",
                evidence: rows.prefix(5).flatMap { [$0.row, $0.of] })
        }
    }

    private func rowList(_ rows: [Int]) -> String {
        rows.prefix(10).map(String.init).joined(separator: ",") + (rows.count > 10 ? "…" : "")
    }

    let examples: [CheckExample] = [
        .triggers("a ledger re-exported with one more line", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """), ("roster 导出.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        李梅,642223198802020023,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
        .passes("the same trainee in two ledgers with different subsidies, and a repeat within one file (DUP's)", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """), ("roster2.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1200,XJ-2019-01
        """)),
    ]
}
