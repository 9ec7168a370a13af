import TrainAuditCore
/// DQ001: a table lacks a column the checks need.
struct MissingColumn: Check {
    let info = CheckInfo(
        code: "DQ001", severity: .medium,
        title: Localized(zh: "缺少必要列", en: "required column missing"),
        summary: Localized(zh: "表格缺少核查所需的列（如台账无身份证号码列），依赖该列的检查无法对这张表进行。",
                           en: "The table lacks a column the checks need (a ledger without an ID column, say): checks that need it cannot run on this table."),
        source: [.because(zh: "各类表格应有的列见 rules/columns.yaml", en: "the columns each kind of table should have are in rules/columns.yaml"), .cite("luzhou-2016-26", "附件5", "培训就业月台账", note: Localized(zh: "台账的各列", en: "the ledger's columns"))], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let layout = r.layout, !layout.missing.isEmpty else { return nil }
            let cols = layout.missing.joined(separator: "、")
            // Without the ID column the table joins nothing: most checks cannot look at it,
            // which must not pass for a clean result (a ledger so is high). Say which alias to add.
            let noID = layout.missing.contains("id_number")
            var hint = Localized(zh: "", en: "")
            if noID {
                let unknown = layout.unknown.map { "“\(layout.headers[$0])”" }
                let list = unknown.isEmpty ? Localized(zh: "", en: "")
                    : Localized(zh: "（本表未识别的列：\(unknown.prefix(8).joined(separator: "、"))）",
                                en: " (the table's unrecognised columns: \(unknown.prefix(8).joined(separator: ", ")))")
                hint = Localized(
                    zh: "；身份证号是各表关联的依据，此表的人员无法参与核查。若其中一列是身份证号，请把它的表头加入 rules/columns.yaml 中 \(layout.kind.rawValue) → id_number 的别名\(list.zh)",
                    en: "; the ID joins the tables, so this table's people take part in no check. If one of its columns is the ID, add its header to the id_number aliases of \(layout.kind.rawValue) in rules/columns.yaml\(list.en)")
            }
            return finding(Localized(zh: "\(layout.kind.title.zh)缺少列：\(cols)\(hint.zh)", en: "\(layout.kind.title.en) lacks columns: \(cols)\(hint.en)"),
                           subject: "\(r.subject)|\(cols)", evidence: [r.place], severity: noID && layout.kind == .roster ? .high : nil)
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
