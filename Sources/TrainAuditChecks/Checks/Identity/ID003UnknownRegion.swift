import TrainAuditCore
/// ID003: the 6-digit region code is in no GB/T 2260 list, current or historical.
struct UnknownRegion: IDIssueCheck {
    let info = CheckInfo(
        code: "ID003", severity: .low,
        title: Localized(zh: "身份证号地区码不存在", en: "ID region code unknown"),
        summary: Localized(zh: "前6位不在任何年份的 GB/T 2260 行政区划代码中（已撤销的旧代码视为有效：人们保留登记时的代码）。",
                           en: "The first 6 digits are in no GB/T 2260 list of any year (abolished codes count as valid: people keep the code they were registered under)."),
        source: [.cite("gb-11643-1999", "§6.1", "地址码", note: Localized(zh: "代码表为 rules/regions.tsv，取自 python-stdnum 的 loc.dat", en: "the code table is rules/regions.tsv, from python-stdnum's loc.dat"))], needs: [])

    /// A well-formed ID of an unknown region has no issue of its own.
    var looksAtIssuesOnly: Bool { false }

    func applies(_ reading: IDReading, _ audit: Audit) -> Bool {
        guard let id = reading.id else { return false }
        return !audit.regions.contains(id.region)
    }

    func message(_ o: IDOccurrence, rows: Int) -> Localized {
        let region = String(o.reading.cleaned.prefix(6)), note = rowsNote(rows)
        return Localized(zh: "\(o.name) 的身份证号 \(o.reading.cleaned) 地区码 \(region) 不存在\(note.zh)",
                         en: "\(o.name)'s ID \(o.reading.cleaned) has region code \(region), which never existed\(note.en)")
    }

    let examples: [CheckExample] = [
        .triggers("region 999999", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,999999198001010011,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("an abolished code (北京崇文区 110103, until 2010)", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,\(idFor("11010319800101001")),中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}

/// The full ID for 17 digits (examples only).
func idFor(_ body17: String) -> String {
    guard let body = UInt64(body17) else { return body17 }
    let c = ResidentID.checkValue(forBody: body)
    return body17 + (c == 10 ? "X" : String(c))
}
