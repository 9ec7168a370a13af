import TrainAuditCore
/// SCH008: practical hours below the pack's share of the total.
struct LowPracticalShare: Check {
    let info = CheckInfo(
        code: "SCH008", severity: .medium,
        title: Localized(zh: "实操学时占比不足", en: "Too little practical training"),
        summary: Localized(
            zh: "开班备案的实操学时占总学时的比例低于规则包的下限。技能培训以实操为主，占比不足说明培训以讲课凑学时。",
            en: "Practical hours in the class register are a smaller share of the total than the pack requires. Skills training is meant to be mostly hands-on; a low share means hours filled with lectures."),
        source: [.cite("guyuan-2018", "四(三)", "实操不少于培训时间的2/3"), .cite("ningxia-assessment", "六(二)3", "实操培训时间不少于培训总时间的60%"), .cite("dongxiang-2020-57", "三(四)", "实操课时与理论课时比例为7∶3")],
        needs: [.classes], settings: .minPracticalShare)

    var examples: [CheckExample] {
        [
            .triggers("half practical", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),开班日期,结业日期,总学时,理论学时,实操学时
            XJ-2019-01,西吉县宏达职业培训学校,中式烹调师,2019-03-01,2019-03-20,120,60,60
            """)),
            .triggers("no total given: theory plus practical", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),开班日期,结业日期,理论学时,实操学时
            XJ-2019-02,西吉县宏达职业培训学校,电焊工,2019-03-01,2019-03-20,70,50
            """)),
            .passes("exactly two thirds, and 70%", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),开班日期,结业日期,总学时,理论学时,实操学时
            XJ-2019-01,西吉县宏达职业培训学校,中式烹调师,2019-03-01,2019-03-20,120,40,80
            XJ-2019-02,西吉县宏达职业培训学校,电焊工,2019-03-01,2019-03-20,120,36,84
            """)),
            .passes("70% under Dongxiang's 7:3", pack: "dongxiang", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),开班日期,结业日期,总学时,理论学时,实操学时
            DX-2019-01,东乡县职业技能培训中心,中式烹调师,2019-03-01,2019-03-20,120,36,84
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let minimums = audit.settings.inForce(.minPracticalShare)
        var out: [Finding] = []
        for view in audit.data.trainingClasses {
            // The share in force when the class started.
            guard let minimum = minimums.forClass(startingOn: view.start)?.value else { continue }
            guard let practical = view.hoursPractical else { continue }
            let total: Double
            if let t = view.hoursTotal { total = t }
            else if let theory = view.hoursTheory { total = theory + practical }
            else { continue }
            guard total > 0 else { continue }
            let share = practical / total
            // Packs write 2/3 as 0.667: a tolerance of 0.001 keeps an exact 2/3 honest.
            guard share < minimum - 0.001 else { continue }
            let pct = (share * 1000).rounded() / 10, minPct = (minimum * 1000).rounded() / 10
            out.append(classFinding(
                Localized(
                    zh: "班级\(view.classID)实操\(ScheduleFormat.num(practical))学时，占总学时\(ScheduleFormat.num(total))的\(ScheduleFormat.num(pct))%，低于\(ScheduleFormat.num(minPct))%",
                    en: "Class \(view.classID) has \(ScheduleFormat.num(practical)) practical hours of \(ScheduleFormat.num(total)), \(ScheduleFormat.num(pct))%, below \(ScheduleFormat.num(minPct))%"), view))
        }
        return out
    }
}
