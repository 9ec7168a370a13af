import TrainAuditCore
/// DQ010: a table whose header was found but that holds no data row.
struct EmptyTable: Check {
    let info = CheckInfo(
        code: "DQ010", severity: .medium,
        title: Localized(zh: "表格只有表头，没有数据", en: "table has a header but no data"),
        summary: Localized(zh: "识别出了表头，但其下没有一行数据（只有空行、合计或表尾）：该表没有参与核查，不能当作“未发现问题”。",
                           en: "The header was found but no data row follows it (only blank, total or footer rows): the table took no part in the checks, which is not the same as finding nothing."),
        source: [.byDefault(zh: "没能完成任务的运行绝不能看起来像没有问题", en: "a run that could not do its job never looks like a clean one")], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let layout = r.layout, r.error == nil, r.records == 0 else { return nil }
            return finding(Localized(zh: "\(layout.kind.title.zh)只有表头，没有数据行", en: "the \(layout.kind.title.en) has a header and no data rows"),
                           subject: r.subject, evidence: [r.place])
        }
    }

    let examples: [CheckExample] = [
        .triggers("a ledger of only its header and a total", ("roster.csv", """
        \(rosterHeader)
        合计,,,,,0,0,
        """)),
        .passes("a ledger with a line", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
