import TrainAuditCore
/// REG004: a driving course for someone who was 50 or older when it started.
struct DrivingCourseOverAge: Check {
    let info = CheckInfo(
        code: "REG004", severity: .medium,
        title: Localized(zh: "机动车驾驶员培训学员超龄", en: "Driving-course trainee over the age limit"),
        summary: Localized(
            zh: "机动车驾驶员培训只面向规定年龄以下的贫困劳动力（固原：50周岁以下）；开班当日已达到该年龄的学员享受驾驶培训补贴即为违规。",
            en: "Driver training is only for poor workers under the pack's age limit (Guyuan: under 50); a trainee who had reached it on the class start day should not have been subsidised."),
        source: [.cite("guyuan-2018", "三(三)", "对50周岁以下贫困劳动力开展机动车驾驶员培训"), .cite("guyuan-2018", "四(二)", "对有需求的50周岁以下贫困劳动力开展机动车驾驶员培训")],
        needs: [.roster],
        settings: .drivingAgeLimit, .drivingCourse)

    var examples: [CheckExample] {
        let header = "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构"
        return [
            .triggers("driving student aged 50 on the start day", ("roster.csv", """
            \(header)
            苏勇,642223196903010159,机动车驾驶员,,2019-03-01,2019-03-25,3000,JX-2019-01,固原市安达驾驶员培训学校
            """)),
            .passes("driving student aged 49 on the start day (50 the next day)", ("roster.csv", """
            \(header)
            海军,642223196903020138,机动车驾驶员,,2019-03-01,2019-03-25,3000,JX-2019-01,固原市安达驾驶员培训学校
            """)),
            .passes("aged 50 on a course that is not driving", ("roster.csv", """
            \(header)
            苏勇,642223196903010159,中式面点师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let limits = audit.settings.inForce(.drivingAgeLimit)
        guard let driving = audit.settings[.drivingCourse]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        // The pattern is matched once per class, not per trainee.
        var isDriving: [String: Bool] = [:]
        for trainee in data.trainees {
            let id = trainee.id
            for line in trainee.roster {
                let cls = line.classID
                let e = line.record
                let drivingCourse: Bool
                if e.occupation == nil, e.program == nil, let known = isDriving[cls] {
                    drivingCourse = known
                } else {
                    let texts = [line.occupation, line.program]
                    drivingCourse = texts.contains { $0.map { driving.matches($0) } ?? false }
                    if e.occupation == nil, e.program == nil { isDriving[cls] = drivingCourse }
                }
                // The limit in force when the class started.
                guard drivingCourse,
                      let start = line.start,
                      let limit = limits.forClass(startingOn: start)?.value,
                      let (age, fromID) = line.age(on: start),
                      age >= limit else { continue }
                let subject = "\(id)|\(cls)"
                guard seen.insert(subject).inserted else { continue }
                let who = CheckText.who(e.name, id)
                let course = line.occupation ?? line.program ?? "?"
                out.append(rosterFinding(
                    Localized(zh: "\(who) 在 \(cls)（\(course)）开班日 \(start) 已满 \(age) 周岁，驾驶员培训限 \(limit) 周岁以下" + (fromID ? "" : "（按台账年龄栏）"),
                              en: "\(who) was \(age) when driving class \(cls) (\(course)) started on \(start); driver training is for people under \(limit)" + (fromID ? "" : " (from the ledger's age column)")),
                    line, of: trainee, confidence: fromID ? 0.9 : 0.6))
            }
        }
        return out
    }
}
