import TrainAuditCore
/// ID001: the check digit does not match ISO 7064 MOD 11-2.
struct BadCheckDigit: IDIssueCheck {
    let info = CheckInfo(
        code: "ID001", severity: .medium,
        title: Localized(zh: "身份证号校验码错误", en: "ID check digit is wrong"),
        summary: Localized(zh: "第18位校验码与前17位按 ISO 7064 MOD 11-2 计算的结果不符：号码抄错或编造，无法可靠比对。",
                           en: "The 18th character does not match the ISO 7064 MOD 11-2 check of the first 17: a typo or an invented number, which cannot be joined reliably."),
        source: [.cite("gb-11643-1999", "§8", "校验码")], needs: [])

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool { reading.issues.contains(.badCheckDigit) }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let expected = ResidentID(o.reading.cleaned).map { ResidentID.checkValue(forBody: $0.body) }.map { $0 == 10 ? "X" : String($0) } ?? "?"
        let note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的身份证号 \(o.reading.cleaned) 校验码应为 \(expected)\(note.zh)",
                         en: "\(o.name)'s ID \(o.reading.cleaned) should end in \(expected)\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("last digit off by one", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199001010016,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("valid ID, and a valid one with X", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        李梅,11010519491231002X,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
