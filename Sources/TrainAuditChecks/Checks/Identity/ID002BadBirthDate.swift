import TrainAuditCore
/// ID002: the birth-date digits do not name a real day.
struct BadBirthDate: IDIssueCheck {
    let info = CheckInfo(
        code: "ID002", severity: .medium,
        title: Localized(zh: "身份证号出生日期不存在", en: "ID birth date does not exist"),
        summary: Localized(zh: "第7–14位不是真实存在的日期（如2月30日），号码不可能由公安机关签发。",
                           en: "Digits 7–14 are not a real day (such as 30 February): no such number can have been issued."),
        source: [.cite("gb-11643-1999", "§6.2", "出生日期码")], needs: [])

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool { reading.issues.contains(.badBirthDate) }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let digits = String(o.reading.cleaned.dropFirst(6).prefix(8))
        let note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的身份证号 \(o.reading.cleaned) 中出生日期 \(digits) 不存在\(note.zh)",
                         en: "\(o.name)'s ID \(o.reading.cleaned) has birth date \(digits), which does not exist\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("30 February", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199002300016,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("29 February of a leap year", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199202290019,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
