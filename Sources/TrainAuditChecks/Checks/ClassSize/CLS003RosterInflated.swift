import TrainAuditCore
/// CLS003: a roster far larger than the people who ever signed in.
struct RosterInflated: Check {
    let info = CheckInfo(
        code: "CLS003", severity: .medium,
        title: Localized(zh: "台账人数远多于实际签到人数", en: "Roster far larger than attendance"),
        summary: Localized(
            zh: "班级台账人数达到曾经签到过的不同人数的规则包倍数（默认1.5倍）以上。从未到课的人列在台账上领取补贴，是虚增班额的典型做法。",
            en: "The class roster is at least the pack's multiple (default 1.5×) of the distinct people who ever signed in. Listing people who never came to claim their subsidy is the usual way to inflate a class."),
        source: [.byDefault(zh: "花名册人数与签到人数之比以规则包的 roster_attendance_ratio 为限", en: "the ratio of roster size to people who signed in is bounded by the pack's roster_attendance_ratio"), .cite("guyuan-2018", "四(三)", "落实…考勤“六个到位”")],
        needs: [.roster, .attendance],
        settings: .rosterToAttendanceRatio)

    var examples: [CheckExample] {
        let roster = ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
        马小军,642223199001010014,中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-08,原州区阳光职业培训学校
        李梅,642223198802020023,中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-08,原州区阳光职业培训学校
        王强,642223197503150034,中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-08,原州区阳光职业培训学校
        """)
        return [
            .triggers("three on the roster, two ever signed in (3 ≥ 1.5 × 2)", roster, ("考勤.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间
            YZ-2019-08,642223199001010014,马小军,2019-03-04,上午,08:01
            YZ-2019-08,642223198802020023,李梅,2019-03-04,上午,08:02
            YZ-2019-08,642223199001010014,马小军,2019-03-05,上午,08:01
            """)),
            .passes("everyone on the roster signed in on some day", roster, ("考勤.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间
            YZ-2019-08,642223199001010014,马小军,2019-03-04,上午,08:01
            YZ-2019-08,642223198802020023,李梅,2019-03-04,上午,08:02
            YZ-2019-08,642223197503150034,王强,2019-03-05,上午,08:03
            """)),
            .passes("a class with no attendance at all is left to the ghost-trainee check", roster, ("考勤.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间
            YZ-2019-09,642223199001010014,马小军,2019-03-04,上午,08:01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let ratio = audit.settings[.rosterToAttendanceRatio]?.value, ratio > 0 else { return [] }
        let data = audit.data
        var out: [Finding] = []
        for view in data.trainingClasses {
            let signIns = data.signIns(of: view.classID)
            guard !signIns.isEmpty else { continue }
            let roster = data.roster(of: view)
            guard !roster.isEmpty else { continue }
            let rosterHeads = roster.distinctHeads
            let attended = DistinctHeads(signIns)
            guard !attended.isEmpty, Double(rosterHeads.count) >= ratio * Double(attended.count) else { continue }
            // Roster lines of people who never signed in: the evidence and the money.
            var absent: [Enrollment] = []
            var absentSeen = Set<HeadKey>()
            for line in roster {
                let e = line.record
                let key = HeadKey(e.id, name: e.name)
                if !attended.contains(key), absentSeen.insert(key).inserted { absent.append(e) }
            }
            let money = data.money(of: absent, in: view.classID)
            let ratioText = ratio == ratio.rounded() ? String(Int(ratio)) : String(ratio)
            out.append(finding(
                Localized(zh: "\(view.classID) 台账 \(rosterHeads.count) 人，曾签到的只有 \(attended.count) 人（达到 \(ratioText) 倍），\(absentSeen.count) 人从未签到",
                          en: "Class \(view.classID) lists \(rosterHeads.count) trainees but only \(attended.count) ever signed in (≥ \(ratioText)×); \(absentSeen.count) never did"),
                subject: view.classID,
                evidence: [view.source] + absent.prefix(60).map(\.source).filter { $0 != view.source },
                confidence: 0.8,
                classID: view.classID,
                institution: view.institution,
                county: view.county,
                amount: money.amount, paymentRefs: money.payments))
        }
        return out
    }
}
