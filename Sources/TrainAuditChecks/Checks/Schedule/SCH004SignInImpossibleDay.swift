import TrainAuditCore
/// SCH004: sign-ins on days the person cannot have attended: before birth, after death
/// (or another end of registration), or after the audit's "today".
struct SignInImpossibleDay: Check {
    let info = CheckInfo(
        code: "SCH004", severity: .high,
        title: Localized(zh: "签到日期不可能（出生前、死亡后或未来）", en: "Sign-in on an impossible day (before birth, after death, in the future)"),
        summary: Localized(
            zh: "签到日期早于身份证号中的出生日期，晚于建档立卡名册中死亡、自然减少等状态的变更日期，或晚于审计基准日。这样的签到不可能是本人所为。",
            en: "A sign-in dated before the birth date in the ID, after the registry's date for a status such as 死亡 or 自然减少, or after the audit's as-of day. Nobody signs in before birth, after death or in the future."),
        source: [.byDefault(zh: "签到须是在世的人在已过去的日子所签（扶贫系统“人员状态”与变更日期，规则包的 patterns.deceased_status）", en: "a sign-in needs a living person on a past day (the registry's person status and its date, the pack's patterns.deceased_status)")],
        needs: [.attendance], settings: .deceasedStatus)

    var examples: [CheckExample] {
        [
            .triggers("signed in after death", ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220001,P01,赵老汉,640422197001010159,死亡,2019-02-10,
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422197001010159,赵老汉,2019-03-04,上午,2019-03-04 08:01:10,FACE-07
            XJ-2019-01,640422197001010159,赵老汉,2019-03-05,上午,2019-03-05 08:02:10,FACE-07
            """)),
            .triggers("signed in before birth", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422201905010011,马小宝,2019-03-04,上午,2019-03-04 08:01:10,FACE-07
            """)),
            .triggers("signed in in the future", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2099-01,640422198503120016,马小军,2099-03-04,上午,2099-03-04 08:01:10,FACE-07
            """)),
            .passes("alive, born, in the past; death recorded after the class", ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220001,P01,赵老汉,640422197001010159,死亡,2019-06-10,
            H6404220002,P01,马小军,640422198503120016,正常,,
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422197001010159,赵老汉,2019-03-04,上午,2019-03-04 08:01:10,FACE-07
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:01:30,FACE-07
            """)),
            .passes("moved away (迁出) before signing in: ineligible (REG002), not impossible", ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220002,P01,马小军,640422198503120016,迁出,2019-01-10,
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:01:30,FACE-07
            """)),
        ]
    }

    private enum Reason: Int, CaseIterable {
        case beforeBirth, afterDeath, future
        var key: String { ["birth", "death", "future"][rawValue] }
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        guard let span = data.signInDays else { return [] }
        // The registry's death dates: 死亡 (or 自然减少) with its change date, each person's
        // earliest (the first of equal ones), from one pass over the registry. Moving away
        // (迁出) ends eligibility (REG002), not the possibility of signing in.
        var deaths: [ResidentID: (status: String, day: Day, source: SourceRef)] = [:]
        if let ineligible = audit.settings[.deceasedStatus]?.value {
            // A registry has a few status texts: each is matched once.
            var dead: [String: Bool] = [:]
            for e in data.registry {
                guard let d = e.statusDate, let id = e.id.id, let st = e.personStatus else { continue }
                if dead[st] == nil { dead[st] = ineligible.matches(st) }
                guard dead[st] == true else { continue }
                if let cur = deaths[id], cur.day <= d { continue }
                deaths[id] = (st, d, e.source)
            }
        }
        var out: [Finding] = []
        for trainee in data.attendees {
            let person = trainee.id
            let birth = person.birthDate
            let endStatus = deaths[person]
            // Most people's sign-ins cannot be on an impossible day: none is before their
            // birth, after their death or after the as-of day. Theirs are not walked.
            let mayBeBeforeBirth = birth.map { span.lowerBound < $0 } ?? false
            let mayBeAfterDeath = endStatus.map { span.upperBound > $0.day } ?? false
            guard mayBeBeforeBirth || mayBeAfterDeath || span.upperBound > audit.asOf else { continue }
            // (reason, class) → sign-ins
            var groups: [String: (reason: Reason, classID: String, signIns: [SignIn])] = [:]
            for s in trainee.signIns {
                guard let d = s.day else { continue }
                var reason: Reason? = nil
                if let birth, d < birth { reason = .beforeBirth }
                else if let end = endStatus, d > end.day { reason = .afterDeath }
                else if d > audit.asOf { reason = .future }
                guard let reason else { continue }
                let c = s.classID ?? ""
                let key = "\(reason.rawValue)|\(c)"
                if groups[key] == nil { groups[key] = (reason, c, []) }
                groups[key]?.signIns.append(s)
            }
            for key in groups.keys.sorted() {
                guard let g = groups[key], let s = g.signIns.first else { continue }
                let days = Set(g.signIns.compactMap(\.day)).sorted().map { $0.description }
                let list = EvidenceCap.list(days)
                var refs = g.signIns.map(\.source)
                let why: Localized
                switch g.reason {
                case .beforeBirth:
                    let b = birth?.description ?? "?"
                    why = Localized(zh: "早于身份证号所示出生日期\(b)", en: "before the birth date \(b) in the ID")
                case .afterDeath:
                    let st = endStatus?.status ?? "", d = endStatus?.day.description ?? "?"
                    why = Localized(zh: "晚于建档立卡名册记载的“\(st)”日期\(d)", en: "after the registry's \"\(st)\" date \(d)")
                    if let src = endStatus?.source { refs.insert(src, at: 0) }
                case .future:
                    why = Localized(zh: "晚于审计基准日\(audit.asOf)", en: "after the audit's as-of day \(audit.asOf)")
                }
                let evidence = EvidenceCap.first(refs)
                let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
                let cls = g.classID.isEmpty ? nil : g.classID
                let view = data.trainingClass(cls)
                let money = trainee.money(in: cls)
                out.append(finding(
                    Localized(
                        zh: "\(s.name)（\(person)）在班级\(g.classID.isEmpty ? "（未填）" : g.classID)有\(g.signIns.count)条签到\(why.zh)：\(list.zh)\(cap.zh)",
                        en: "\(s.name) (\(person)) has \(g.signIns.count) sign-in(s) in class \(g.classID.isEmpty ? "(blank)" : g.classID) \(why.en): \(list.en)\(cap.en)"),
                    subject: "\(person)|\(g.classID)|\(g.reason.key)", evidence: evidence,
                    person: PersonRef(id: person.description, name: s.name), classID: cls,
                    institution: view?.institution, county: view?.county,
                    amount: money.amount, paymentRefs: money.payments))
            }
        }
        return out
    }
}
