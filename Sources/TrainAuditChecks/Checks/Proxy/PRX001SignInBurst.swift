import TrainAuditCore
/// PRX001: many different people signing in on one device within seconds.
struct SignInBurst: Check {
    let info = CheckInfo(
        code: "PRX001", severity: .high,
        title: Localized(zh: "同一设备短时间内多人签到", en: "Burst of sign-ins on one device"),
        summary: Localized(
            zh: "同一签到设备在几秒内记录了多个不同人员的签到。人脸或指纹终端一次只能识别一人、每人要几秒，这样的密集签到说明有人拿着多人的照片或证件代签。",
            en: "One sign-in device recorded several different people within a few seconds. A face or fingerprint terminal takes one person at a time, several seconds each: such a burst means someone signed in for others with their photos or cards."),
        source: [.cite("dongxiang-2020-57", "三(六)", "防止考勤代签现象的发生"), .byDefault(zh: "时间窗：考勤机一次只能识别一人", en: "the window: a terminal takes one person at a time")],
        needs: [.attendance], settings: .burstWindowSeconds, .burstMinPeople)

    var examples: [CheckExample] {
        [
            .triggers("five faces in six seconds", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:52:02,FACE-07
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:52:04,FACE-07
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 07:52:05,FACE-07
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,2019-03-04 07:52:07,FACE-07
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,2019-03-04 07:58:40,FACE-07
            """)),
            .triggers("two bursts on one device the same morning", count: 2, ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:52:02,FACE-07
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:52:04,FACE-07
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 07:52:05,FACE-07
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,2019-03-04 07:52:07,FACE-07
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,2019-03-04 08:10:00,FACE-07
            XJ-2019-01,640422198605300067,海丽萍,2019-03-04,上午,2019-03-04 08:10:01,FACE-07
            XJ-2019-01,640422199108110070,苏明,2019-03-04,上午,2019-03-04 08:10:03,FACE-07
            XJ-2019-01,640422198911200080,马兰花,2019-03-04,上午,2019-03-04 08:10:05,FACE-07
            XJ-2019-01,640422199403020094,白玉龙,2019-03-04,上午,2019-03-04 08:10:06,FACE-07
            """)),
            .passes("a queue eight seconds apart, and one person scanning twice", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:52:09,FACE-07
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:52:17,FACE-07
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 07:52:25,FACE-07
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,2019-03-04 07:52:33,FACE-07
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,2019-03-04 07:52:35,FACE-07
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,2019-03-04 07:52:41,FACE-07
            """)),
            .passes("a scanner that records whole minutes only", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,07:52,QR-01
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,07:52,QR-01
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,07:52,QR-01
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,07:52,QR-01
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,07:52,QR-01
            """)),
            .passes("five people at once on five devices", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-01
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:52:02,FACE-02
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:52:03,FACE-03
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 07:52:04,FACE-04
            XJ-2019-01,640422198709230047,杨桂兰,2019-03-04,上午,2019-03-04 07:52:05,FACE-05
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let window = audit.settings[.burstWindowSeconds]?.value, window > 0,
              let minPeople = audit.settings[.burstMinPeople]?.value, minPeople > 1 else { return [] }
        let data = audit.data
        let devices = data.signInsOfDevices
        // Each device's sign-ins are looked at alone: devices in parallel. Its (time,
        // sign-in) list is made only while that device is looked at.
        return Parallel.flatMap(devices.keys) { device -> [Finding] in
            let signIns = devices[device]
            guard !device.isEmpty, signIns.count >= minPeople else { return [] }
            var out: [Finding] = []
            // (A device's sign-ins all have a check-in: the group holds no others.)
            var timed: [(t: Int64, order: Int, signIn: SignIn)] = []
            timed.reserveCapacity(signIns.count)
            for (order, s) in signIns.enumerated() {
                if let t = s.checkIn { timed.append((t.absolute, order, s)) }
            }
            // Devices that record whole minutes only cannot show a burst within seconds.
            guard timed.contains(where: { $0.t % 60 != 0 }) else { return [] }
            timed.sort { $0.t != $1.t ? $0.t < $1.t : $0.order < $1.order }
            // The people in the window, counted by their number among the device's people
            // (`PersonNumbers`): a count per person and how many are in, instead of a
            // dictionary updated with a seeded hash twice per sign-in.
            var people = PersonNumbers()
            let personOf = timed.map { t in t.signIn.id.id.map { people.number(of: $0) } ?? -1 }
            var inWindow = [Int32](repeating: 0, count: people.count)
            var present = 0
            // Slide [left, right] with span ≤ window; merge qualifying windows into bursts.
            var left = 0
            var burst: (from: Int, to: Int)? = nil
            var bursts: [(from: Int, to: Int)] = []
            for right in 0..<timed.count {
                if personOf[right] >= 0 {
                    if inWindow[personOf[right]] == 0 { present += 1 }
                    inWindow[personOf[right]] += 1
                }
                while timed[right].t - timed[left].t > Int64(window) {
                    if personOf[left] >= 0 {
                        inWindow[personOf[left]] -= 1
                        if inWindow[personOf[left]] == 0 { present -= 1 }
                    }
                    left += 1
                }
                guard present >= minPeople else { continue }
                if let b = burst, left <= b.to { burst = (b.from, right) } else {
                    if let b = burst { bursts.append(b) }
                    burst = (left, right)
                }
            }
            if let b = burst { bursts.append(b) }
            for b in bursts {
                let members = timed[b.from...b.to].map(\.signIn)
                guard let first = members.first?.checkIn, let last = members.last?.checkIn else { continue }
                var names: [String] = []
                var people: [PersonRef] = []
                var seen = Set<ResidentID>()
                for s in members {
                    guard let id = s.id.id, !seen.contains(id) else { continue }
                    seen.insert(id)
                    names.append(s.name.isEmpty ? id.description : s.name)
                    people.append(PersonRef(id: id.description, name: s.name))
                }
                let classes = Set(members.compactMap(\.classID))
                let classID = classes.count == 1 ? classes.first : nil
                let view = data.trainingClass(classID)
                let seconds = last.absolute - first.absolute
                let refs = members.map(\.source)
                let evidence = EvidenceCap.first(refs)
                let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
                let who = EvidenceCap.list(names, limit: 10)
                let inClass = Localized(zh: classID.map { "（班级\($0)）" } ?? "", en: classID.map { " (class \($0))" } ?? "")
                out.append(finding(
                    Localized(
                        zh: "设备\(device)在\(first)起\(seconds)秒内记录了\(seen.count)个不同人员的签到\(inClass.zh)：\(who.zh)\(cap.zh)",
                        en: "Device \(device) recorded \(seen.count) different people within \(seconds) s from \(first)\(inClass.en): \(who.en)\(cap.en)"),
                    subject: "\(device)|\(first)", evidence: evidence,
                    classID: classID, institution: view?.institution, county: view?.county,
                    people: people, classes: classes.count > 1 ? classes.sorted() : []))
            }
            return out
        }
    }
}
