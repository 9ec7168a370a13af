/// DQ001: a table lacks a column the checks need.
struct MissingColumn: Check {
    let info = CheckInfo(
        code: "DQ001", severity: .medium,
        title: Localized(zh: "缺少必要列", en: "required column missing"),
        summary: Localized(zh: "表格缺少核查所需的列（如台账无身份证号码列），依赖该列的检查无法对这张表进行。",
                           en: "The table lacks a column the checks need (a ledger without an ID column, say): checks that need it cannot run on this table."),
        source: "rules/columns.yaml (expected columns per table kind); 000_e5579bc6a72fec59.txt 附件5 (the ledger's columns)", needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let layout = r.layout, !layout.missing.isEmpty else { return nil }
            let cols = layout.missing.joined(separator: "、")
            return finding(Localized(zh: "\(layout.kind.title.zh)缺少列：\(cols)", en: "\(layout.kind.title.en) lacks columns: \(cols)"),
                           subject: "\(r.subject)|\(cols)", evidence: [r.place])
        }
    }

    let examples: [CheckExample] = [
        .triggers("a ledger without IDs", ("roster.csv", """
        姓名,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
        马小军,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
        """)),
        .passes("a full ledger", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
