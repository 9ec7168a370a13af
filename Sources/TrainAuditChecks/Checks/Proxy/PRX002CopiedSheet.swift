import TrainAuditCore
/// PRX002: a copied attendance sheet: the same people at the same minutes on two days.
struct CopiedSheet: Check {
    let info = CheckInfo(
        code: "PRX002", severity: .medium,
        title: Localized(zh: "考勤表雷同（疑似照抄）", en: "Copied attendance sheet"),
        summary: Localized(
            zh: "同一班级两个不同日期的同一时段，两天都签到的人中绝大多数签到时间精确到分钟完全相同。真实签到每天早晚不一，逐人逐分钟相同说明考勤表是照前一天抄的或事后补造的。",
            en: "In one class, on two different days and the same session, nearly everyone who signed in on both days has the same sign-in time to the minute. Real arrival times vary from day to day: identical minutes person by person mean a sheet copied from another day or made up afterwards."),
        source: [.cite("dongxiang-2020-57", "三(六)", "及时填写报到册和考勤表，防止考勤代签现象的发生"), .byDefault(zh: "阈值为规则包的 copied_sheet.min_share 与 copied_sheet.min_people", en: "the thresholds are the pack's copied_sheet.min_share and copied_sheet.min_people")],
        needs: [.attendance], settings: .copiedSheetShare, .copiedSheetMinPeople)

    var examples: [CheckExample] {
        [
            .triggers("twelve people, the same minutes on two days", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签到方式
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-04,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-04,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-04,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-04,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-04,上午,08:03,手签
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-05,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-05,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-05,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-05,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-05,上午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-05,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-05,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-05,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-05,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-05,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-05,上午,08:03,手签
            XJ-2019-01,640422198503120016,马小军,2019-03-06,上午,07:43,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-06,上午,07:48,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-06,上午,07:44,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-06,上午,07:59,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-06,上午,07:51,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-06,上午,07:55,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-06,上午,08:02,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-06,上午,07:52,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-06,上午,07:57,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-06,上午,08:01,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-06,上午,07:49,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-06,上午,07:46,手签
            """)),
            .triggers("ten of eleven people who came both days at the same minutes", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签到方式
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-04,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-04,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-04,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-04,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-04,上午,08:03,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-05,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-05,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-05,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-05,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-05,上午,07:54,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-05,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-05,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-05,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-05,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-05,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-05,上午,08:03,手签
            """)),
            .passes("honest days: times vary, one person 40 minutes late", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签到方式
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-04,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-04,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-04,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-04,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-04,上午,08:03,手签
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,07:43,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-05,上午,07:48,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-05,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-05,上午,07:59,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-05,上午,07:51,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-05,上午,07:55,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-05,上午,08:02,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-05,上午,07:52,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-05,上午,07:57,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-05,上午,08:38,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-05,上午,07:49,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-05,上午,07:46,手签
            """)),
            .passes("everyone at 8:00 on one day only", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签到方式
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,08:00,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,07:43,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-05,上午,07:48,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-05,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-05,上午,07:59,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-05,上午,07:51,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-05,上午,07:55,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-05,上午,08:02,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-05,上午,07:52,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-05,上午,07:57,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-05,上午,08:38,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-05,上午,07:49,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-05,上午,07:46,手签
            XJ-2019-01,640422198503120016,马小军,2019-03-06,上午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-06,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-06,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-06,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-06,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-06,上午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-06,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-06,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-06,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-06,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-06,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-06,上午,08:03,手签
            """)),
            .passes("too few people to tell", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签到方式
            XJ-2019-02,640422198503120016,马小军,2019-03-04,上午,07:41,手签
            XJ-2019-02,640422199001010015,李建华,2019-03-04,上午,07:44,手签
            XJ-2019-02,640422198807060026,王秀英,2019-03-04,上午,07:45,手签
            XJ-2019-02,64042219920215003X,张海燕,2019-03-04,上午,07:47,手签
            XJ-2019-02,640422198709230047,杨桂兰,2019-03-04,上午,07:50,手签
            XJ-2019-02,640422199304180053,田志刚,2019-03-04,上午,07:52,手签
            XJ-2019-02,640422198503120016,马小军,2019-03-05,上午,07:41,手签
            XJ-2019-02,640422199001010015,李建华,2019-03-05,上午,07:44,手签
            XJ-2019-02,640422198807060026,王秀英,2019-03-05,上午,07:45,手签
            XJ-2019-02,64042219920215003X,张海燕,2019-03-05,上午,07:47,手签
            XJ-2019-02,640422198709230047,杨桂兰,2019-03-05,上午,07:50,手签
            XJ-2019-02,640422199304180053,田志刚,2019-03-05,上午,07:52,手签
            """)),
            .passes("same minutes but morning against afternoon", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签到方式
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-04,上午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-04,上午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-04,上午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-04,上午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-04,上午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-04,上午,08:03,手签
            XJ-2019-01,640422198503120016,马小军,2019-03-05,下午,07:41,手签
            XJ-2019-01,640422199001010015,李建华,2019-03-05,下午,07:44,手签
            XJ-2019-01,640422198807060026,王秀英,2019-03-05,下午,07:45,手签
            XJ-2019-01,64042219920215003X,张海燕,2019-03-05,下午,07:47,手签
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-05,下午,07:50,手签
            XJ-2019-01,640422199304180053,田志刚,2019-03-05,下午,07:52,手签
            XJ-2019-01,640422198605300067,海丽萍,2019-03-05,下午,07:53,手签
            XJ-2019-01,640422199108110070,苏明,2019-03-05,下午,07:55,手签
            XJ-2019-01,640422198911200080,马兰花,2019-03-05,下午,07:56,手签
            XJ-2019-01,640422199403020094,白玉龙,2019-03-05,下午,07:58,手签
            XJ-2019-01,640422198306170103,冯彩霞,2019-03-05,下午,08:00,手签
            XJ-2019-01,640422199509040117,虎文斌,2019-03-05,下午,08:03,手签
            """)),
        ]
    }

    /// One person's check-in on one day: who, at which minute, and where the sign-in is
    /// (`order` is its place among the class's sign-ins, to keep source order; `dayIndex`
    /// the day's place among the session's days, set once the days are known).
    private struct Mark {
        var person: ResidentID
        var minute: Int32
        var day: Day
        var dayIndex: Int32 = 0
        var order: Int
        var source: SourceRef
    }

    /// Two days of a session whose check-in minutes agree for enough people.
    private struct CopiedPair {
        var session: String
        var days: DayPair
        var same: Int
        var common: Int
        /// The agreeing sign-ins of both days, in source order.
        var evidence: [SourceRef]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let minShare = audit.settings[.copiedSheetShare]?.value,
              let minPeople = audit.settings[.copiedSheetMinPeople]?.value, minPeople > 0 else { return [] }
        let data = audit.data
        var out: [Finding] = []
        for (classID, signIns) in data.signInsOfClasses {
            guard signIns.count >= 2 * minPeople else { continue }
            // Session (by label number) → marks (person, minute of check-in, day).
            var sessions = SessionLabels()
            var bySession: [[Mark]] = []
            for (order, s) in signIns.enumerated() {
                guard let id = s.id.id, let day = s.day, let t = s.checkIn else { continue }
                let n = sessions.number(s)
                if n == bySession.count { bySession.append([]) }
                bySession[n].append(Mark(person: id, minute: SignInClock.minuteOfDay(t), day: day, order: order, source: s.source))
            }
            // Flagged pairs over all sessions, sessions in label order.
            var flagged: [CopiedPair] = []
            for n in bySession.indices.sorted(by: { sessions.labels[$0] < sessions.labels[$1] }) {
                guard bySession[n].count >= 2 * minPeople else { continue }
                var marks: [Mark] = []
                swap(&marks, &bySession[n])  // changed below: not copied
                let session = sessions.labels[n]
                // The session's days, sorted; each mark's day as its index among them. (Marks
                // come day by day: a day is listed again only where it changes.)
                var days: [Int32] = []
                for m in marks where days.last != m.day.ordinal { days.append(m.day.ordinal) }
                days.sort()
                days = days.indices.compactMap { i in i == 0 || days[i] != days[i - 1] ? days[i] : nil }
                var lastDay = days[0], lastIndex: Int32 = 0
                for k in marks.indices {
                    let day = marks[k].day.ordinal
                    if day != lastDay { (lastDay, lastIndex) = (day, Int32(Self.position(of: day, in: days))) }
                    marks[k].dayIndex = lastIndex
                }
                let dayCount = days.count
                // Candidate day pairs: count people with the same minute on both days. A pair is
                // counted as one number (first day's index × days + second's), the numbers sorted
                // and counted run by run: no hashing per person and pair.
                Self.sortByPersonMinuteDay(&marks, days: dayCount)
                var pairCodes: [UInt64] = []
                var runDays: [Int] = []
                var start = 0
                while start < marks.count {
                    var end = start + 1
                    while end < marks.count, marks[end].person == marks[start].person, marks[end].minute == marks[start].minute { end += 1 }
                    if end - start > 1 {
                        runDays.removeAll(keepingCapacity: true)
                        for k in start..<end where runDays.last != Int(marks[k].dayIndex) { runDays.append(Int(marks[k].dayIndex)) }
                        if runDays.count > 1 {
                            for a in 0..<(runDays.count - 1) {
                                for b in (a + 1)..<runDays.count { pairCodes.append(UInt64(runDays[a] * dayCount + runDays[b])) }
                            }
                        }
                    }
                    start = end
                }
                pairCodes.radixSort()
                var candidates: [(first: Int, second: Int)] = []
                start = 0
                while start < pairCodes.count {
                    var end = start + 1
                    while end < pairCodes.count, pairCodes[end] == pairCodes[start] { end += 1 }
                    if end - start >= minPeople { candidates.append((Int(pairCodes[start]) / dayCount, Int(pairCodes[start]) % dayCount)) }
                    start = end
                }
                guard !candidates.isEmpty else { continue }
                // Each person's first mark on each day (a person's marks are together, sorted by
                // minute: the earliest first), as day index << 32 | mark, sorted by day, person
                // after person.
                var firsts: [UInt64] = []
                var personFirsts: [UInt64] = []
                var personStarts: [Int] = []
                var seenFor = [Int](repeating: -1, count: dayCount)
                start = 0
                while start < marks.count {
                    var end = start + 1
                    while end < marks.count, marks[end].person == marks[start].person { end += 1 }
                    personStarts.append(firsts.count)
                    personFirsts.removeAll(keepingCapacity: true)
                    for k in start..<end where seenFor[Int(marks[k].dayIndex)] != start {
                        seenFor[Int(marks[k].dayIndex)] = start
                        personFirsts.append(UInt64(marks[k].dayIndex) << 32 | UInt64(k))
                    }
                    personFirsts.radixSort()
                    firsts.append(contentsOf: personFirsts)
                    start = end
                }
                personStarts.append(firsts.count)
                func mark(_ p: Int, on dayIndex: Int) -> Mark? {
                    var lo = personStarts[p], hi = personStarts[p + 1]
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if Int(firsts[mid] >> 32) < dayIndex { lo = mid + 1 } else { hi = mid }
                    }
                    return lo < personStarts[p + 1] && Int(firsts[lo] >> 32) == dayIndex ? marks[Int(firsts[lo] & 0xFFFF_FFFF)] : nil
                }
                for pair in candidates {
                    var common = 0, same = 0
                    var agreeing: [Mark] = []
                    for p in 0..<(personStarts.count - 1) {
                        guard let a = mark(p, on: pair.first), let b = mark(p, on: pair.second) else { continue }
                        common += 1
                        if a.minute == b.minute {
                            same += 1
                            agreeing.append(a)
                            agreeing.append(b)
                        }
                    }
                    guard common >= minPeople, same >= minPeople,
                          Double(same) >= minShare * Double(common) - 1e-9 else { continue }
                    agreeing.sort { $0.order < $1.order }
                    let dayPair = DayPair(Day(ordinal: days[pair.first]), Day(ordinal: days[pair.second]))
                    flagged.append(CopiedPair(session: session, days: dayPair, same: same, common: common,
                                              evidence: agreeing.map(\.source)))
                }
            }
            guard let head = flagged.first else { continue }
            flagged.sort { ($0.days.first, $0.days.second, $0.session) < ($1.days.first, $1.days.second, $1.session) }
            let top = flagged.first ?? head
            let label = { (f: CopiedPair) -> String in
                let s = f.session.isEmpty ? "" : " \(f.session)"
                return "\(f.days.first)/\(f.days.second)\(s)"
            }
            let pairs = EvidenceCap.list(flagged.map(label))
            let refs = flagged.flatMap(\.evidence)
            let evidence = EvidenceCap.first(refs)
            let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
            let view = data.trainingClass(classID)
            out.append(finding(
                Localized(
                    zh: "班级\(classID)有\(flagged.count)对日期的考勤雷同：\(pairs.zh)；例如\(label(top))两天都签到的\(top.common)人中\(top.same)人签到时间到分钟完全相同\(cap.zh)",
                    en: "Class \(classID) has \(flagged.count) pair(s) of days with copied attendance: \(pairs.en); e.g. on \(label(top)), \(top.same) of the \(top.common) people who signed in on both days have the same sign-in minute\(cap.en)"),
                subject: classID, evidence: evidence,
                classID: classID, institution: view?.institution, county: view?.county))
        }
        return out
    }

    /// Sorts a session's marks by person, then (minute, day index, source order); people
    /// come in order of first sight, which nothing after depends on (a person's marks only
    /// need to be together). Marks come in source order, so each is numbered by its place,
    /// and the four are packed into one `UInt64` when they fit (a class's few dozen people,
    /// the minutes of one day, its days, its sign-ins: about 35 bits) and radix-sorted as
    /// numbers: a fraction of the time of comparing the marks field by field. Marks that do
    /// not fit are sorted field by field.
    private static func sortByPersonMinuteDay(_ marks: inout [Mark], days: Int) {
        guard !marks.isEmpty else { return }
        var people = PersonNumbers()
        var numbers: [UInt64] = []
        numbers.reserveCapacity(marks.count)
        var low = Int32.max, high = Int32.min
        for m in marks {
            numbers.append(UInt64(people.number(of: m.person)))
            low = min(low, m.minute)
            high = max(high, m.minute)
        }
        func width(_ count: Int) -> Int { count <= 1 ? 0 : Int.bitWidth - (count - 1).leadingZeroBitCount }
        let orderBits = width(marks.count), dayBits = width(days)
        let minuteBits = width(Int(high) - Int(low) + 1), personBits = width(people.count)
        guard orderBits + dayBits + minuteBits + personBits <= 64 else {
            marks.sort { ($0.person, $0.minute, $0.dayIndex, $0.order) < ($1.person, $1.minute, $1.dayIndex, $1.order) }
            return
        }
        for (k, m) in marks.enumerated() {
            var key = numbers[k] << UInt64(minuteBits) | UInt64(Int(m.minute) - Int(low))
            key = key << UInt64(dayBits) | UInt64(m.dayIndex)
            numbers[k] = key << UInt64(orderBits) | UInt64(k)
        }
        numbers.radixSort()
        let mask: UInt64 = orderBits == 0 ? 0 : UInt64.max >> UInt64(64 - orderBits)
        marks = numbers.map { marks[Int($0 & mask)] }
    }

    /// Where `value` is in the sorted `values` (it is there).
    private static func position(of value: Int32, in values: [Int32]) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
