import TrainAuditCore
/// DQ002: a required cell is blank.
struct MissingValue: CellProblemCheck {
    let problemKind = CellProblem.Kind.missingValue
    let info = CheckInfo(
        code: "DQ002", severity: .low,
        title: Localized(zh: "必填项为空", en: "required value missing"),
        summary: Localized(zh: "姓名、身份证号等必填单元格为空，该行无法完整核查。", en: "A required cell (name, ID…) is blank: the row cannot be fully checked."),
        source: [.cite("luzhou-2016-26", "附件5", "培训就业月台账", note: Localized(zh: "台账各栏均应填写", en: "every ledger column is to be filled"))], needs: [])

    let examples: [CheckExample] = [
        .triggers("a blank ID", ("roster.csv", """
        \(rosterHeader)
        马小军,,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
        .passes("every required cell filled", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}

/// DQ003: a date or period that cannot be read.
struct UnreadableDate: CellProblemCheck {
    let problemKind = CellProblem.Kind.badDate
    let info = CheckInfo(
        code: "DQ003", severity: .low,
        title: Localized(zh: "日期无法识别", en: "date cannot be read"),
        summary: Localized(zh: "日期或起止时间不是可识别的日期（如2019-02-30），依赖日期的检查跳过这些行。",
                           en: "A date or period is not a readable day (2019-02-30, say): date-based checks skip these rows."),
        source: [.because(zh: "日期和期间按各地台账的实际写法读取", en: "dates and periods are read as offices write them")], needs: [])

    let examples: [CheckExample] = [
        .triggers("30 February", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-02-30,2019-03-25,150,1600,XJ-2019-01
        """)),
        .passes("2019年3月1日 and 2019.3.25", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019年3月1日,2019.3.25,150,1600,XJ-2019-01
        """)),
    ]
}

/// DQ004: a number or amount that cannot be read.
struct UnreadableNumber: CellProblemCheck {
    let problemKind = CellProblem.Kind.badNumber
    let info = CheckInfo(
        code: "DQ004", severity: .low,
        title: Localized(zh: "数字无法识别", en: "number cannot be read"),
        summary: Localized(zh: "金额、学时等数字单元格无法识别（如“壹仟陆佰”），不会被当作0处理。",
                           en: "An amount or hours cell cannot be read (壹仟陆佰, say); it is never taken as zero."),
        source: [.because(zh: "数字按实际写法读取（千分位、全角数字、“元”）", en: "numbers are read as written (thousands separators, full-width digits, a trailing yuan sign)")], needs: [])

    let examples: [CheckExample] = [
        .triggers("an amount in words", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,壹仟陆佰,XJ-2019-01
        """)),
        .passes("1600元 and full-width digits", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,１５０,1600元,XJ-2019-01
        """)),
    ]
}

/// DQ005: a period that ends before it starts.
struct EndBeforeStart: CellProblemCheck {
    let problemKind = CellProblem.Kind.endBeforeStart
    let info = CheckInfo(
        code: "DQ005", severity: .medium,
        title: Localized(zh: "结束日期早于开始日期", en: "end before start"),
        summary: Localized(zh: "培训结束日期早于开始日期：台账错填或倒填日期。", en: "A training ends before it starts: the ledger's dates are wrong or backdated."),
        source: [.because(zh: "结束日期不能早于开始日期", en: "an end cannot come before its start")], needs: [])

    let examples: [CheckExample] = [
        .triggers("25 March to 1 March", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-25,2019-03-01,150,1600,XJ-2019-01
        """)),
        .passes("a one-day course", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-25,2019-03-25,6,100,XJ-2019-01
        """)),
    ]
}

/// DQ008: a cell over the reader's size limit, cut.
struct OversizedCell: CellProblemCheck {
    let problemKind = CellProblem.Kind.badText
    let info = CheckInfo(
        code: "DQ008", severity: .medium,
        title: Localized(zh: "单元格超长被截断", en: "cell over the size limit"),
        summary: Localized(zh: "单元格超过读取上限（64 KiB）被截断：文件可能损坏或被篡改，请核对原件。",
                           en: "A cell over the reader's limit (64 KiB) was cut: the file may be damaged or tampered with; check the original."),
        source: [.byDefault(zh: "无论文件内容如何，读取器的内存占用都有上限（输入不可信）", en: "readers keep memory bounded whatever a file holds (input is untrusted)")], needs: [])

    let examples: [CheckExample] = [
        .triggers("a 70,000-character name", ("roster.csv", """
        \(rosterHeader)
        \(String(repeating: "马", count: 70_000)),640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
        .passes("ordinary cells", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
