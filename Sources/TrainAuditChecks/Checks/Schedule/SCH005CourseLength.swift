import TrainAuditCore
/// SCH005: course length outside the pack's bounds for the class's program.
struct CourseLength: Check {
    let info = CheckInfo(
        code: "SCH005", severity: .medium,
        title: Localized(zh: "培训时长不符合规定", en: "Course length outside the allowed range"),
        summary: Localized(
            zh: "按培训类型查规则包的时长规定（第一条匹配的规则生效）：培训天数（结业日期−开班日期+1）或总学时低于最低要求或高于上限。过短说明培训缩水，过长可能是为多领补贴或掩盖重叠。",
            en: "Looks up the pack's length rule for the class's program (the first matching rule wins) and compares the days (end − start + 1), or the total hours where the rule is in hours, with its bounds. Too short means a cut-down course; too long may pad subsidies or hide overlaps."),
        source: [.cite("guyuan-2018", "四(三)", "培训时间原则上20天―30天"), .cite("gansu-2015-speech", "一(三)5)", "就业技能培训不少于15天，岗位技能提升培训不少于80学时……最长可以延长原培训时间的一半")],
        needs: [], settings: .courseLength)

    var examples: [CheckExample] {
        [
            .triggers("a ten-day class in Guyuan", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号,培训类型
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-10,60,XJ-2019-01,就业技能培训
            """)),
            .triggers("Gansu: 8-day employment-skills class, 60-hour upgrading class, 40-day employment-skills class", count: 3, pack: "gansu", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),培训类型,开班日期,结业日期,总学时,理论学时,实操学时
            DX-2019-01,东乡县职业技能培训中心,中式烹调师,就业技能培训,2019-03-01,2019-03-08,48,16,32
            DX-2019-02,东乡县职业技能培训中心,电工,岗位技能提升培训,2019-03-01,2019-03-10,60,20,40
            DX-2019-03,东乡县职业技能培训中心,挖掘机驾驶员,就业技能培训,2019-03-01,2019-04-09,240,80,160
            """)),
            .passes("Guyuan 25 days", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,班级编号,培训类型
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,150,XJ-2019-01,就业技能培训
            """)),
            .passes("Gansu: 7-day farming class, 15-day employment-skills class, 80-hour upgrading class", pack: "gansu", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),培训类型,开班日期,结业日期,总学时,理论学时,实操学时
            DX-2019-04,东乡县职业技能培训中心,牛羊养殖,农业生产和服务培训,2019-03-01,2019-03-07,42,14,28
            DX-2019-05,东乡县职业技能培训中心,中式面点师,就业技能培训,2019-03-01,2019-03-15,90,27,63
            DX-2019-06,东乡县职业技能培训中心,电工,岗位技能提升培训,2019-03-01,2019-03-12,80,24,56
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let inForce = audit.settings.inForce(.courseLength)
        let num = ScheduleFormat.num
        var out: [Finding] = []
        for view in audit.data.trainingClasses {
            // The rules in force when the class started.
            guard let setting = inForce.forClass(startingOn: view.start) else { continue }
            let rules = setting.value
            // The program names the rule; without one, the occupation (专项职业能力 names
            // often sit there), else "" so that only a catch-all rule applies.
            let text = view.program ?? view.occupation ?? ""
            guard let rule = rules.first(where: { $0.program.matches(text) }), !rule.exempt else { continue }
            let measured: Double, unitZh: String, unitEn: String, low: Double?, high: Double?
            if rule.minHours != nil || rule.maxHours != nil {
                guard let h = view.hoursTotal else { continue }
                (measured, unitZh, unitEn, low, high) = (h, "学时", "hours", rule.minHours, rule.maxHours)
            } else {
                guard let d = view.days else { continue }
                (measured, unitZh, unitEn, low, high) = (Double(d), "天", "days", rule.minDays, rule.maxDays)
            }
            let tooShort = low.map { measured < $0 } ?? false
            let tooLong = high.map { measured > $0 } ?? false
            guard tooShort || tooLong else { continue }
            var bounds: [String] = []
            if let low { bounds.append("≥\(num(low))") }
            if let high { bounds.append("≤\(num(high))") }
            let b = bounds.joined(separator: ", ")
            let period = "\(view.start?.description ?? "?")–\(view.end?.description ?? "?")"
            let prog = view.program ?? view.occupation ?? "—"
            let ruleZh = rule.program.source.isEmpty ? "其他培训" : rule.program.source
            let ruleEn = rule.program.source.isEmpty ? "any other program" : rule.program.source
            out.append(classFinding(
                Localized(
                    zh: "班级\(view.classID)（\(prog)，\(period)）培训\(num(measured))\(unitZh)，\(tooShort ? "少于" : "多于")规定（\(b)\(unitZh)，规则“\(ruleZh)”，规则包\(setting.pack)）",
                    en: "Class \(view.classID) (\(prog), \(period)) ran \(num(measured)) \(unitEn), \(tooShort ? "below" : "above") the rule (\(b) \(unitEn), rule \"\(ruleEn)\", pack \(setting.pack))"), view))
        }
        return out
    }
}
