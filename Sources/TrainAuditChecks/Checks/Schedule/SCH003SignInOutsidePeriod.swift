import TrainAuditCore
/// SCH003: sign-ins dated outside their class's training period.
struct SignInOutsidePeriod: Check {
    let info = CheckInfo(
        code: "SCH003", severity: .medium,
        title: Localized(zh: "签到日期不在培训期内", en: "Sign-in outside the class period"),
        summary: Localized(
            zh: "考勤日期早于开班日期或晚于结业日期。培训期外的签到要么是补做的考勤，要么开班备案的起止时间不实。",
            en: "Attendance dated before the class started or after it ended. A sign-in outside the period is either back-filled attendance or a false start or end date in the register."),
        source: [.cite("guyuan-2018", "四(三)", "严格执行开班申请、过程检查、结业审核制度")],
        needs: [.attendance])

    var examples: [CheckExample] {
        [
            .triggers("two sign-ins after the class ended", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,150,XJ-2019-01
            李建华,640422199001010015,中式烹调师,2019-03-01,2019-03-25,150,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-25,上午,2019-03-25 08:01:10,FACE-07
            XJ-2019-01,640422198503120016,马小军,2019-03-27,上午,2019-03-27 08:03:10,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-28,上午,2019-03-28 08:05:44,FACE-07
            """)),
            .passes("first and last day of the period", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,150,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-01,上午,2019-03-01 08:01:10,FACE-07
            XJ-2019-01,640422198503120016,马小军,2019-03-25,下午,2019-03-25 14:31:10,FACE-07
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        for view in data.trainingClasses {
            guard let start = view.start, let end = view.end, start <= end else { continue }
            var outside: [SignIn] = []
            var days = Set<Day>()
            for s in data.signIns(of: view.classID) {
                guard let d = s.day, d < start || d > end else { continue }
                outside.append(s)
                days.insert(d)
            }
            guard !outside.isEmpty else { continue }
            let dayList = days.sorted().map { $0.description }
            let ids = Set(outside.compactMap { $0.id.id })
            let people = ids.count
            let only = ids.count == 1 ? outside.first : nil
            let refs = outside.map(\.source)
            let evidence = EvidenceCap.first(refs)
            let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
            let list = EvidenceCap.list(dayList)
            out.append(finding(
                Localized(
                    zh: "班级\(view.classID)培训期为\(start)至\(end)，但有\(outside.count)条签到（\(people)人）在期外：\(list.zh)\(cap.zh)",
                    en: "Class \(view.classID) ran from \(start) to \(end), but \(outside.count) sign-in(s) by \(people) person(s) fall outside it: \(list.en)\(cap.en)"),
                subject: view.classID, evidence: evidence + [view.source],
                person: only.flatMap { s in s.id.id.map { PersonRef(id: $0.description, name: s.name) } },
                classID: view.classID, institution: view.institution, county: view.county))
        }
        return out
    }
}
