import TrainAuditCore
/// ID010: an ID in a number cell that still holds all 18 digits: read, and said, since
/// the next save in Excel keeps 15 significant digits and the ID is lost (ID004).
struct StoredAsNumber: IDIssueCheck {
    let info = CheckInfo(
        code: "ID010", severity: .info,
        title: Localized(zh: "身份证号以数字格式保存", en: "ID stored as a number"),
        summary: Localized(zh: "身份证号所在单元格是数字格式，目前18位尚在（由保留整数的程序写入），已按此号码比对；但在 Excel 中再次保存后只剩15位有效数字，号码即丢失。应将该列设为文本格式后重新录入或导出。",
                           en: "The ID's cell is a number cell that still holds all 18 digits (written by a program that keeps integers), and the ID is used as read; saved again in Excel it keeps 15 significant digits and the ID is lost. Set the column to text and export again."),
        source: [.because(zh: "Excel 再次保存后只保留15位有效数字，号码即丢失", en: "saved again in Excel an ID keeps 15 significant digits and is lost")], needs: [])

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool { reading.issues.contains(.storedAsNumber) }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的身份证号 \(o.reading.cleaned) 以数字格式保存，再次用 Excel 保存将丢失后几位\(note.zh)",
                         en: "\(o.name)'s ID \(o.reading.cleaned) is stored as a number and will lose its last digits when next saved in Excel\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("a number cell with all 18 digits", ("roster.xlsx", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,#640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("the same ID as text, and a number cell that lost its digits (ID004's)", ("roster.xlsx", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        李梅,#642223198802020000,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
