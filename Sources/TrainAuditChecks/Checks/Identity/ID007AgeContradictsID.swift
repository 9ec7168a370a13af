import TrainAuditCore
/// ID007: the ledger's age column is more than a year away from the ID's birth date.
struct AgeContradictsID: Check {
    let info = CheckInfo(
        code: "ID007", severity: .low,
        title: Localized(zh: "年龄与身份证号不符", en: "age contradicts the ID"),
        summary: Localized(zh: "台账年龄栏与按身份证号出生日期计算的开班时年龄相差超过1岁（填报时点不同最多差1岁）。",
                           en: "The ledger's age differs by more than one year from the age the ID gives on the class start (a different reporting date explains at most one)."),
        source: [.cite("gb-11643-1999", "§6.2", "出生日期码"), .cite("luzhou-2016-26", "附件5", "年龄", note: Localized(zh: "台账有年龄栏", en: "the ledger has an age column"))], needs: [.roster])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.rosterLines.compactMap { line in
            let e = line.record
            guard let id = e.id.id, let birth = id.birthDate, let age = e.age,
                  let start = line.dates?.start else { return nil }
            let actual = birth.age(on: start)
            guard abs(actual - age) > 1 else { return nil }
            return finding(Localized(zh: "\(e.name) 台账年龄 \(age) 岁，身份证号 \(id) 显示开班日 \(start) 为 \(actual) 岁",
                                     en: "\(e.name) is \(age) in the ledger but the ID \(id) gives \(actual) on the class start \(start)"),
                           subject: "\(id)|\(age)|\(line.classID)", evidence: [e.source],
                           person: PersonRef(id: id.description, name: e.name), classID: line.classID,
                           institution: line.institution, county: line.county)
        }
    }

    let examples: [CheckExample] = [
        .triggers("29 years off", ("roster.csv", """
        姓名,年龄,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,58,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("one year off (age counted at year end)", ("roster.csv", """
        姓名,年龄,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,30,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
