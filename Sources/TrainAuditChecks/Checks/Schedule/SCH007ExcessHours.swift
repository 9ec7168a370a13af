import TrainAuditCore
/// SCH007: more hours claimed than the days can hold.
struct ExcessHours: Check {
    let info = CheckInfo(
        code: "SCH007", severity: .medium,
        title: Localized(zh: "申报学时超过可能上限", en: "More hours claimed than the days can hold"),
        summary: Localized(
            zh: "总学时大于培训天数乘以每日最多学时。学员一天坐不了那么久，学时是虚报的（常见于按学时申领补贴）。",
            en: "Total hours exceed the class's days times the pack's maximum hours a day: more than a body can sit through, so the hours (often what the subsidy is paid on) are inflated."),
        source: [.byDefault(zh: "每天学时超过人能坚持的限度（规则包的 max_daily_hours）", en: "more than a body can sit through in a day (the pack's max_daily_hours)")],
        needs: [], settings: .maxDailyHours)

    var examples: [CheckExample] {
        [
            .triggers("400 hours in 20 days", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-20,400,XJ-2019-01
            """)),
            .passes("120 hours in 20 days", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-20,120,XJ-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let setting = audit.settings[.maxDailyHours] else { return [] }
        let maximum = setting.value
        var out: [Finding] = []
        for view in audit.data.trainingClasses {
            guard let hours = view.hoursTotal, let days = view.days, days > 0 else { continue }
            let cap = Double(days) * maximum
            guard hours > cap + 1e-9 else { continue }
            out.append(classFinding(
                Localized(
                    zh: "班级\(view.classID)申报\(ScheduleFormat.num(hours))学时，但\(days)天（\(view.start?.description ?? "?")至\(view.end?.description ?? "?")）按每天最多\(ScheduleFormat.num(maximum))学时计最多\(ScheduleFormat.num(cap))学时",
                    en: "Class \(view.classID) claims \(ScheduleFormat.num(hours)) hours, but \(days) days (\(view.start?.description ?? "?") to \(view.end?.description ?? "?")) at most \(ScheduleFormat.num(maximum)) a day hold at most \(ScheduleFormat.num(cap))"), view))
        }
        return out
    }
}
