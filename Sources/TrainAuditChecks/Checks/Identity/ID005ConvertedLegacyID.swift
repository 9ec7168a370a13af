import TrainAuditCore
/// ID005: a 15-digit ID (issued before 1999) converted to 18 digits.
struct ConvertedLegacyID: IDIssueCheck {
    let info = CheckInfo(
        code: "ID005", severity: .info,
        title: Localized(zh: "15位旧身份证号已转换为18位", en: "15-digit ID converted to 18 digits"),
        summary: Localized(zh: "15位旧号码按国家标准补“19”并计算校验码后用于比对；证据中保留原号码。",
                           en: "A 15-digit legacy ID was converted (19 inserted, check digit computed) to be joined; the original stays in the evidence."),
        source: [.because(zh: "GB 11643-1999 的18位号码取代了 GB 11643-1989 的15位号码", en: "the 18-digit number of GB 11643-1999 replaces the 15-digit one of GB 11643-1989")], needs: [])

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool { reading.issues.contains(.converted15) }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的15位身份证号 \(TextReader.clean(o.reading.raw)) 已转换为 \(o.reading.cleaned)\(note.zh)",
                         en: "\(o.name)'s 15-digit ID \(TextReader.clean(o.reading.raw)) was converted to \(o.reading.cleaned)\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("a 1999 ledger line", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422650101001,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("an 18-digit ID", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
