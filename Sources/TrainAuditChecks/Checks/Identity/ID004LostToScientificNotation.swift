import TrainAuditCore
/// ID004: a spreadsheet turned the ID into a number and lost digits (5.10502E+17).
struct LostToScientificNotation: IDIssueCheck {
    let info = CheckInfo(
        code: "ID004", severity: .medium,
        title: Localized(zh: "身份证号被表格软件截断（科学计数法）", en: "ID lost to scientific notation"),
        summary: Localized(zh: "身份证号以数字保存，显示为 5.10502E+17：电子表格只保留15位有效数字，后几位已丢失，无法恢复，不会凭空猜测；其他表中恰有一位同名且号码与残存数字相符的人时，推定为其号码并据以比对（降低置信度，凡依赖此号码的问题都注明），否则该行无法与其他表比对，需调取纸质材料。",
                           en: "The ID was stored as a number and shows as 5.10502E+17: spreadsheets keep 15 significant digits, so the last digits are gone and are never guessed from nothing; when exactly one person of that name elsewhere has an ID agreeing with the surviving digits, that ID is inferred and used for the joins (at lowered confidence, said in every finding that depends on it); otherwise the row cannot be joined and the paper must be pulled."),
        source: [.because(zh: "Excel 把身份证号存成科学计数法后精度已丢失：只报告，绝不凭空猜测原号码", en: "an ID that Excel stored in scientific notation has lost digits: it is reported, never guessed from nothing")], needs: [])

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool { reading.issues.contains(.scientificNotation) }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的身份证号显示为 \(o.reading.raw)，已丢失位数，无法比对\(note.zh)",
                         en: "\(o.name)'s ID shows as \(o.reading.raw): digits are lost and it cannot be joined\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("Excel's display of an 18-digit number", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,6.40422E+17,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("a text cell with all 18 digits", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,'640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
