import TrainAuditCore
/// REG003: a trainee younger or older than the pack's eligible ages when the class started.
struct AgeOutsideRange: Check {
    let info = CheckInfo(
        code: "REG003", severity: .medium,
        title: Localized(zh: "开班时年龄不在培训对象范围内", en: "Age outside the eligible range at the class start"),
        summary: Localized(
            zh: "按身份证出生日期计算，开班当日学员年龄低于或高于规则包规定的培训年龄（默认16至60周岁）。童工和超龄人员挂名培训是常见的虚报方式。",
            en: "From the ID's birth date, the trainee was younger or older on the class start day than the pack's eligible ages (default 16 to 60). Children and the elderly on a roster are a common way to pad it."),
        source: [.byDefault(zh: "劳动年龄16–60周岁（《劳动法》规定最低就业年龄为16周岁）", en: "working age 16–60 (the Labour Law's minimum working age is 16)"), .cite("guyuan-2018", "二", "组织有就业能力和培训意愿的劳动者")],
        needs: [.roster],
        settings: .minAge, .maxAge)

    var examples: [CheckExample] {
        let header = "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构"
        return [
            .triggers("aged 15 on the start day", ("roster.csv", """
            \(header)
            马晓东,640422200306010056,中式面点师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """)),
            .triggers("aged 61 on the start day", ("roster.csv", """
            \(header)
            刘成,642223195802010112,中式面点师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """)),
            .passes("exactly 16 and exactly 60 on the start day", ("roster.csv", """
            \(header)
            杨磊,640422200303010077,中式面点师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            田福,642223195903010090,中式面点师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let minAges = audit.settings.inForce(.minAge), maxAges = audit.settings.inForce(.maxAge)
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        for trainee in data.trainees {
            let id = trainee.id
            for line in trainee.roster {
                // The range in force when the class started.
                guard let start = line.start,
                      let minAge = minAges.forClass(startingOn: start)?.value,
                      let maxAge = maxAges.forClass(startingOn: start)?.value,
                      let (age, fromID) = line.age(on: start),
                      age < minAge || age > maxAge else { continue }
                let cls = line.classID
                let subject = "\(id)|\(cls)"
                guard seen.insert(subject).inserted else { continue }
                let who = CheckText.who(line.name, id)
                out.append(rosterFinding(
                    Localized(zh: "\(who) 在 \(cls) 开班日 \(start) 年龄为 \(age) 周岁，不在 \(minAge)–\(maxAge) 周岁范围内" + (fromID ? "" : "（按台账年龄栏）"),
                              en: "\(who) was \(age) when class \(cls) started on \(start), outside \(minAge)–\(maxAge)" + (fromID ? "" : " (from the ledger's age column)")),
                    line, of: trainee, confidence: fromID ? 0.9 : 0.6))
            }
        }
        return out
    }
}
