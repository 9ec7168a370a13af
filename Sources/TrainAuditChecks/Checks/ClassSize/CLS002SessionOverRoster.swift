import TrainAuditCore
/// CLS002: more people signed in to one session than the class roster has.
struct SessionLargerThanRoster: Check {
    let info = CheckInfo(
        code: "CLS002", severity: .medium,
        title: Localized(zh: "单次考勤人数多于班级台账人数", en: "A session's attendance exceeds the roster"),
        summary: Localized(
            zh: "同一班级同一天同一时段签到的不同人数多于该班台账上的学员人数。考勤与台账对不上，说明有人替不在册的人签到或台账与考勤是分别编造的。",
            en: "More distinct people signed in to one session (class, day, session) than the class roster lists. Attendance that does not match the roster means sign-ins for people not enrolled, or a roster and sheets made up separately."),
        source: [.cite("guyuan-2018", "四(三)", "督促培训机构落实…考勤“六个到位”……每个培训班不得超过50人")],
        needs: [.roster, .attendance])

    var examples: [CheckExample] {
        let roster = ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
        马小军,642223199001010014,中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-08,原州区阳光职业培训学校
        李梅,642223198802020023,中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-08,原州区阳光职业培训学校
        """)
        return [
            .triggers("three people in the morning session of a two-person class", roster, ("考勤.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间
            YZ-2019-08,642223199001010014,马小军,2019-03-04,上午,08:01
            YZ-2019-08,642223198802020023,李梅,2019-03-04,上午,08:02
            YZ-2019-08,642223197503150034,王强,2019-03-04,上午,08:03
            YZ-2019-08,642223199001010014,马小军,2019-03-04,下午,14:01
            """)),
            .passes("each session within the roster, the same person twice in one session counted once", roster, ("考勤.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间
            YZ-2019-08,642223199001010014,马小军,2019-03-04,上午,08:01
            YZ-2019-08,642223198802020023,李梅,2019-03-04,上午,08:02
            YZ-2019-08,642223198802020023,李梅,2019-03-04,上午,08:05
            YZ-2019-08,642223197503150034,王强,2019-03-04,下午,14:03
            """)),
            .passes("attendance for a class with no roster is not compared", roster, ("考勤.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间
            YZ-2019-09,642223199001010014,马小军,2019-03-04,上午,08:01
            YZ-2019-09,642223198802020023,李梅,2019-03-04,上午,08:02
            YZ-2019-09,642223197503150034,王强,2019-03-04,上午,08:03
            """)),
        ]
    }

    /// A session over the roster: its day, its label as written, how many people signed in.
    private struct Crowded {
        var day: Day
        var session: String
        var people: Int
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        // Sessions (a day and a session label as written) and people are numbered; each
        // sign-in is one number (session in the high half, person in the low), sorted and
        // counted per session, not inserted into a set per session.
        var sessions = SessionNumbers(SessionLabels { $0.session ?? "" })
        var heads: [UInt64] = []
        for view in data.trainingClasses {
            let signIns = data.signIns(of: view.classID)
            guard !signIns.isEmpty else { continue }
            let roster = data.roster(of: view)
            guard !roster.isEmpty else { continue }
            let rosterCount = roster.distinctHeads.count
            guard signIns.count > rosterCount else { continue }
            sessions.startClass()
            heads.removeAll(keepingCapacity: true)
            var people = PersonNumbers()
            // Sign-ins without a readable ID count by name (`HeadKey`): few, hashed.
            var named: [Int: Set<String>] = [:]
            for sign in signIns {
                guard let day = sign.day else { continue }
                let session = sessions.number(sign, on: day)
                if let id = sign.id.id { heads.append(UInt64(session) << 32 | UInt64(people.number(of: id))) } else {
                    named[session, default: []].insert(NameReader.normalize(sign.name))
                }
            }
            var counts = distinctMembers(&heads, groups: sessions.count)
            for (session, names) in named { counts[session] += names.count }
            // Sessions over the roster, in day then session order.
            let over = counts.indices.filter { counts[$0] > rosterCount }
                .map { Crowded(day: sessions.day(of: $0), session: sessions.label(of: $0), people: counts[$0]) }
                .sorted { $0.day != $1.day ? $0.day < $1.day : $0.session < $1.session }
            guard !over.isEmpty else { continue }
            var worst = over[0]
            for o in over where o.people > worst.people { worst = o }
            let session = worst.session.isEmpty ? "" : " \(worst.session)"
            // Evidence: the class, then the worst session's sign-in rows (capped).
            let worstRows = signIns.lazy.filter { s in
                s.day == worst.day && (s.session ?? "") == worst.session
            }.prefix(60).map(\.source)
            out.append(finding(
                Localized(zh: "\(view.classID) 有 \(over.count) 个时段签到人数多于台账的 \(rosterCount) 人；最多的是 \(worst.day)\(session)，\(worst.people) 人签到",
                          en: "Class \(view.classID): \(over.count) session(s) with more people signed in than the \(rosterCount) on the roster; the largest, \(worst.day)\(session), had \(worst.people)"),
                subject: view.classID,
                evidence: [view.source] + worstRows,
                confidence: 0.85,
                classID: view.classID,
                institution: view.institution,
                county: view.county))
        }
        return out
    }
}
