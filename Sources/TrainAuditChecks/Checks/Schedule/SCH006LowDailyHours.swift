import TrainAuditCore
/// SCH006: fewer hours a day on average than the pack's minimum.
struct LowDailyHours: Check {
    let info = CheckInfo(
        code: "SCH006", severity: .medium,
        title: Localized(zh: "日均学时不足", en: "Too few hours a day"),
        summary: Localized(
            zh: "总学时除以培训天数低于规则包规定的每日最低学时。学时不足说明培训走过场，或开班天数虚报。",
            en: "Total hours divided by the class's days falls below the pack's minimum hours a day: the training was thinned out, or its days were padded."),
        source: [.cite("guyuan-2018", "四(三)", "每天不少于6个学时")],
        needs: [], settings: .minDailyHours)

    var examples: [CheckExample] {
        [
            .triggers("60 hours over 20 days", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-20,60,XJ-2019-01
            """)),
            .passes("120 hours over 20 days, exactly 6 a day", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-20,120,XJ-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let minimums = audit.settings.inForce(.minDailyHours)
        var out: [Finding] = []
        for view in audit.data.trainingClasses {
            // The minimum in force when the class started.
            guard let minimum = minimums.forClass(startingOn: view.start)?.value else { continue }
            guard let hours = view.hoursTotal, hours > 0, let days = view.days, days > 0 else { continue }
            let perDay = hours / Double(days)
            guard perDay < minimum - 1e-9 else { continue }
            let avg = (perDay * 10).rounded() / 10
            out.append(classFinding(
                Localized(
                    zh: "班级\(view.classID)共\(ScheduleFormat.num(hours))学时、\(days)天（\(view.start?.description ?? "?")至\(view.end?.description ?? "?")），日均\(ScheduleFormat.num(avg))学时，低于每天\(ScheduleFormat.num(minimum))学时",
                    en: "Class \(view.classID) has \(ScheduleFormat.num(hours)) hours over \(days) days (\(view.start?.description ?? "?") to \(view.end?.description ?? "?")): \(ScheduleFormat.num(avg)) a day, below the minimum of \(ScheduleFormat.num(minimum))"), view))
        }
        return out
    }
}
