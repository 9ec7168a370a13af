import TrainAuditCore
/// PAY003: a subsidy paid for a class the trainee attended too little of.
struct PaidWithLowAttendance: Check {
    let info = CheckInfo(
        code: "PAY003", severity: .medium,
        title: Localized(zh: "出勤不足仍领取补贴", en: "Subsidy paid with too little attendance"),
        summary: Localized(
            zh: "学员签到的课次（日期+时段）占该班全部课次的比例低于规则包的最低出勤比例，却领取了补贴。从未签到的学员由 PRX005（空挂学员）报告，这里不重复。",
            en: "The trainee signed in to a smaller share of the class's sessions (day + session) than the pack's minimum, yet was subsidised. Trainees who never signed in are PRX005's (ghost trainees), not repeated here."),
        source: [.byDefault(zh: "出勤率下限以规则包的 min_attendance_share 为准", en: "the least attendance share is the pack's min_attendance_share"), .cite("guyuan-2018", "四(三)", "督促培训机构落实……考勤“六个到位”"), .cite("guyuan-2018", "四(五)", "培训结束后培训机构根据培训人数、培训质量申请培训补贴")],
        needs: [.roster, .attendance], settings: .minAttendanceShare)

    var examples: [CheckExample] {
        let roster = """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号
        马小军,640422199001010017,农村电商,2019-03-01,2019-03-05,800,GY-2019-01
        李梅,642223198802020023,农村电商,2019-03-01,2019-03-05,800,GY-2019-01
        """
        let header = "班级编号,身份证号码,姓名,考勤日期,时段,签到时间"
        func days(_ id: String, _ name: String, _ n: Int) -> String {
            (1...n).map { "GY-2019-01,\(id),\(name),2019-03-0\($0),上午,08:0\($0)" }.joined(separator: "\n")
        }
        return [
            .triggers("signed in to 2 of 5 sessions and paid", ("roster.csv", roster), ("attendance.csv", """
            \(header)
            \(days("640422199001010017", "马小军", 5))
            \(days("642223198802020023", "李梅", 2))
            """)),
            .passes("4 of 5 sessions meets 0.8", ("roster.csv", roster), ("attendance.csv", """
            \(header)
            \(days("640422199001010017", "马小军", 5))
            \(days("642223198802020023", "李梅", 4))
            """)),
            .passes("low attendance but not paid", ("roster.csv", roster.replacingOccurrences(of: "2019-03-05,800,GY", with: "2019-03-05,0,GY")), ("attendance.csv", """
            \(header)
            \(days("640422199001010017", "马小军", 5))
            \(days("642223198802020023", "李梅", 1))
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let minimum = audit.settings[.minAttendanceShare]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        // Sessions (a day and a cleaned label, 上午/下午) and people are numbered; each
        // attendance is one number (person in the high half, session in the low), sorted
        // and counted, not inserted into a set per person.
        var sessions = SessionNumbers()
        var attendance: [UInt64] = []
        for view in data.trainingClasses {
            let signIns = data.signIns(of: view.classID)
            guard !signIns.isEmpty else { continue }
            sessions.startClass()
            attendance.removeAll(keepingCapacity: true)
            var people = PersonNumbers()
            for s in signIns {
                guard let day = s.day else { continue }
                let session = sessions.number(s, on: day)
                if let id = s.id.id { attendance.append(UInt64(people.number(of: id)) << 32 | UInt64(session)) }
            }
            let sessionCount = sessions.count
            // A class of one or two sessions says too little about a share.
            guard sessionCount >= 3 else { continue }
            // Each person's distinct sessions.
            let attended = distinctMembers(&attendance, groups: people.count)
            func attendedSessions(of id: ResidentID) -> Int? { people.existingNumber(of: id).map { attended[$0] } }
            var seen = Set<ResidentID>()
            for line in data.roster(of: view) {
                guard let trainee = line.trainee, seen.insert(trainee.id).inserted,
                      let mine = attendedSessions(of: trainee.id) else { continue }
                let share = Double(mine) / Double(sessionCount)
                let subsidy = line.subsidy
                guard share < minimum, subsidy.presumedPaid, subsidy.isKnown else { continue }
                let pct = Int((share * 100).rounded()), need = Int((minimum * 100).rounded())
                out.append(rosterFinding(
                    Localized(zh: "\(CheckText.who(line.name, trainee.id)) 在 \(view.classID) 仅签到 \(mine)/\(sessionCount) 个课次（\(pct)%，低于 \(need)%），却领取补贴",
                              en: "\(CheckText.who(line.name, trainee.id)) signed in to \(mine) of \(sessionCount) sessions of \(view.classID) (\(pct)%, below \(need)%) yet was subsidised"),
                    line, of: trainee, confidence: 0.85))
            }
        }
        return out
    }
}
