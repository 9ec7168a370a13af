import TrainAuditCore
/// SCH001: one person signed in to two different classes at the same time.
struct OverlappingSignIns: Check {
    let info = CheckInfo(
        code: "SCH001", severity: .high,
        title: Localized(zh: "同一人同一时段在两个班签到", en: "One person signed in to two classes at once"),
        summary: Localized(
            zh: "同一身份证号在同一天同一时段（或签到至签退时间重叠）出现在两个不同班级的考勤中。一个人不能同时上两个班，其中至少一个班的考勤是代签或虚报。",
            en: "The same ID appears in the attendance of two different classes on the same day and session, or with overlapping check-in to check-out times. Nobody attends two classes at once: at least one of the records is a proxy or invented sign-in."),
        source: [.byDefault(zh: "一个人同一时间只能在一个地方", en: "a person is in one place at a time"), .cite("guyuan-2018", "四(三)", "考勤“六个到位”")],
        needs: [.attendance])

    var examples: [CheckExample] {
        [
            .triggers("same morning in two classes", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:01:10,2019-03-04 11:50:02,FACE-07
            XJ-2019-02,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:20:41,2019-03-04 11:58:30,FACE-09
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:58:12,2019-03-04 11:51:00,FACE-07
            """)),
            .triggers("overlapping times under different session labels", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
            XJ-2019-01,640422198807060026,王秀英,2019-03-05,上午,2019-03-05 08:02:00,2019-03-05 12:30:00,FACE-07
            XJ-2019-02,640422198807060026,王秀英,2019-03-05,下午,2019-03-05 12:00:00,2019-03-05 17:30:00,FACE-09
            """)),
            .triggers("two classes, same sessions on two days: one finding for the pair", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 08:01:00,2019-03-04 11:50:00,FACE-07
            XJ-2019-02,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 08:03:00,2019-03-04 11:52:00,FACE-09
            XJ-2019-01,64042219920215003X,张海燕,2019-03-05,上午,2019-03-05 08:01:00,2019-03-05 11:50:00,FACE-07
            XJ-2019-02,64042219920215003X,张海燕,2019-03-05,上午,2019-03-05 08:03:00,2019-03-05 11:52:00,FACE-09
            """)),
            .triggers("a face check-in during another class's signed-in morning", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-06,上午,2019-03-06 08:00:00,2019-03-06 12:00:00,
            XJ-2019-03,640422198709230047,杨桂兰,2019-03-06,,2019-03-06 09:10:15,,FACE-11
            """)),
            .passes("morning in one class, afternoon in another", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:01:10,2019-03-04 11:50:02,FACE-07
            XJ-2019-02,640422198503120016,马小军,2019-03-04,下午,2019-03-04 14:30:00,2019-03-04 17:40:00,FACE-09
            XJ-2019-03,640422198503120016,马小军,2019-03-04,,2019-03-04 18:05:00,,FACE-11
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,2019-03-05 08:40:00,2019-03-05 11:50:00,FACE-07
            """)),
            .passes("same session on different days", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:01:10,2019-03-04 11:50:02,FACE-07
            XJ-2019-02,640422198503120016,马小军,2019-03-05,上午,2019-03-05 08:05:00,2019-03-05 11:40:00,FACE-09
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // Each person's sign-ins are compared among themselves only: people in parallel.
        // Only someone who signed in to two classes can clash.
        return Parallel.flatMap(data.attendeesOfSeveralClasses) { trainee, signIns in
            var out: [Finding] = []
            let person = trainee.id
            // Only sign-ins with a class and a day can clash; sort by day, then source order.
            var usable: [(day: Int32, order: Int, signIn: SignIn)] = []
            usable.reserveCapacity(signIns.count)
            for (order, s) in signIns.enumerated() {
                guard s.hasClass, let day = s.day else { continue }
                usable.append((day.ordinal, order, s))
            }
            guard usable.count > 1 else { return out }
            let sorted = usable.sorted { $0.day != $1.day ? $0.day < $1.day : $0.order < $1.order }.map(\.signIn)
            // Class pair → clashes (day, session label, the two sign-ins).
            var clashes: [String: [(day: Day, session: String, a: SignIn, b: SignIn)]] = [:]
            var start = 0
            while start < sorted.count {
                guard let day = sorted[start].day else { start += 1; continue }
                var end = start + 1
                while end < sorted.count, sorted[end].day == day { end += 1 }
                if end - start > 1 {
                    for i in start..<(end - 1) {
                        let x = sorted[i]
                        for j in (i + 1)..<end {
                            let y = sorted[j]
                            guard !x.sameClass(as: y),
                                  let cx = x.classID, let cy = y.classID, cx != cy else { continue }
                            let sx = SignInClock.session(x), sy = SignInClock.session(y)
                            var clash = !sx.isEmpty && sx == sy
                            if !clash { clash = SignInClock.overlap(x, y) }
                            guard clash else { continue }
                            let (first, second) = cx < cy ? (x, y) : (y, x)
                            let key = min(cx, cy) + "|" + max(cx, cy)
                            clashes[key, default: []].append((day, sx == sy ? sx : sx + "/" + sy, first, second))
                        }
                    }
                }
                start = end
            }
            for key in clashes.keys.sorted() {
                guard let list = clashes[key], let head = list.first else { continue }
                let a = head.a, b = head.b
                guard let ca = a.classID, let cb = b.classID else { continue }
                var days: [String] = []
                var seenDays = Set<Day>()
                for c in list where !seenDays.contains(c.day) {
                    seenDays.insert(c.day)
                    days.append(c.session.isEmpty ? c.day.description : "\(c.day) \(c.session)")
                }
                let refs = list.flatMap { [$0.a.source, $0.b.source] }
                let evidence = EvidenceCap.first(refs)
                let times = { (s: SignIn) -> String in
                    let i = s.checkIn.map { $0.description } ?? "?"
                    let o = s.checkOut.map { $0.description } ?? "?"
                    return "\(i)–\(o)"
                }
                let money = trainee.money(in: [ca, cb])
                let dayList = EvidenceCap.list(days)
                let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
                let view = data.trainingClass(ca)
                out.append(finding(
                    Localized(
                        zh: "\(a.name)（\(person)）在\(seenDays.count)天同时在班级\(ca)和\(cb)签到：\(dayList.zh)；例如\(ca) \(times(a))，\(cb) \(times(b))\(cap.zh)",
                        en: "\(a.name) (\(person)) signed in to classes \(ca) and \(cb) at the same time on \(seenDays.count) day(s): \(dayList.en); e.g. \(ca) \(times(a)), \(cb) \(times(b))\(cap.en)"),
                    subject: "\(person)|\(ca)|\(cb)", evidence: evidence,
                    person: PersonRef(id: person.description, name: a.name), classID: ca,
                    institution: view?.institution, county: view?.county,
                    amount: money.amount, paymentRefs: money.payments, classes: [ca, cb]))
            }
            return out
        }
    }
}
