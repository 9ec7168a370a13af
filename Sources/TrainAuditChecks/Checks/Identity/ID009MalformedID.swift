import TrainAuditCore
/// ID009: an ID cell that is not an ID at all (wrong length, letters, a placeholder).
struct MalformedID: IDIssueCheck {
    let info = CheckInfo(
        code: "ID009", severity: .medium,
        title: Localized(zh: "身份证号格式错误", en: "malformed ID"),
        summary: Localized(zh: "身份证号栏不是15位或18位号码（位数不对、含其他字符或为“无”“测试”等占位内容），该行无法比对。",
                           en: "The ID cell is not a 15- or 18-character number (wrong length, other characters, or a placeholder such as 无 or 测试): the row cannot be joined."),
        source: [.cite("gb-11643-1999", "§4", "号码的结构")], needs: [])

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool {
        let issues = reading.issues
        return (issues.contains(.wrongLength) || issues.contains(.badCharacters)) && !reading.isBlank
    }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的身份证号“\(o.reading.raw)”不是有效号码（\(o.reading.cleaned.count)位）\(note.zh)",
                         en: "\(o.name)'s ID \"\(o.reading.raw)\" is not a valid number (\(o.reading.cleaned.count) characters)\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("17 digits and a placeholder", count: 2, ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,64042219900101001,中式烹调师,2019-03-01,2019-03-25
        李梅,无,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("full-width digits and spaces are cleaned, not malformed", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,６４０４２２ １９９００１０１ ００１７,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
