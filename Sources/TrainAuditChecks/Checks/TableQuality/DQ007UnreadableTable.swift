import TrainAuditCore
/// DQ007: a file or sheet that could not be read at all.
struct UnreadableTable: Check {
    let info = CheckInfo(
        code: "DQ007", severity: .medium,
        title: Localized(zh: "文件或工作表无法读取", en: "file or sheet cannot be read"),
        summary: Localized(zh: "文件损坏、加密或格式不符（如 Excel 95 等更旧格式、伪装的 .xlsx、网页格式的 .xls、未知编码）或找不到可识别的表头：其中数据未参与核查。",
                           en: "A file is damaged, encrypted or not what it claims (Excel 95 or older, a fake .xlsx, an .xls that is a web page, an unknown encoding) or has no recognisable header: its data took no part in the checks."),
        source: [.because(zh: "无法读取的输入要给出写明文件和行号的清楚提示", en: "bad input gets a clear message naming the file and row")], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let e = r.error else { return nil }
            return finding(Localized(zh: e.text(.zh), en: e.text(.en)), subject: r.subject,
                           evidence: [SourceRef(file: r.file, sheet: r.sheet, row: e.row ?? 1)])
        }
    }

    let examples: [CheckExample] = [
        .triggers("a sheet of notes with no header", ("notes.csv", """
        会议纪要
        一、培训工作安排
        二、资金拨付
        """)),
        .passes("a ledger", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
