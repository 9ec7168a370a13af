import TrainAuditCore
/// PRX005: a ghost trainee: on the roster (or paid) for a class that kept attendance, with
/// no sign-in at all.
struct GhostTrainee: Check {
    let info = CheckInfo(
        code: "PRX005", severity: .high,
        title: Localized(zh: "有名无人（从未签到的学员）", en: "Ghost trainee: never signed in"),
        summary: Localized(
            zh: "学员在班级台账上（或为该班领取了补贴），而该班有考勤记录，却没有此人的任何一次签到。常见于虚报人数套取补贴。没有考勤文件的班级不检查：缺少文件不是证据。",
            en: "Someone on a class's roster (or paid for the class) has not one sign-in while the class has attendance: the classic way to claim subsidies for invented trainees. Classes without any attendance are not checked: a missing file is not evidence."),
        source: [.cite("guyuan-2018", "四(五)", "培训结束后培训机构根据培训人数、培训质量申请培训补贴……采取跟踪管理、随机抽查、人员问卷、电话询访等方式")],
        needs: [.roster, .attendance])

    var examples: [CheckExample] {
        [
            .triggers("one of three never came", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,800,XJ-2019-01
            李建华,640422199001010015,中式烹调师,2019-03-01,2019-03-25,800,XJ-2019-01
            王秀英,640422198807060026,中式烹调师,2019-03-01,2019-03-25,800,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:53:11,FACE-07
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,2019-03-05 07:51:40,FACE-07
            """)),
            .triggers("paid for the class but on no roster line of it and never signed in", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            """), ("payments.csv", """
            身份证号码,姓名,发放金额,发放日期,补贴项目,班级编号
            640422198503120016,马小军,800,2019-04-10,培训补贴,XJ-2019-01
            64042219920215003X,张海燕,800,2019-04-10,培训补贴,XJ-2019-01
            """)),
            .passes("the roster's ID has two digits swapped and they signed in under the right one (ID001's)", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422198503120019,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            田志刚,640422199304180506,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120019,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199304180056,田志刚,2019-03-04,上午,2019-03-04 07:55:11,FACE-07
            """)),
            .passes("absent on some days is not a ghost", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            李建华,640422199001010015,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:53:11,FACE-07
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,2019-03-05 07:51:40,FACE-07
            """)),
            .passes("a class with no attendance at all is not evidence", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            王秀英,640422198807060026,电焊工,2019-03-01,2019-03-25,XJ-2019-02
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        for view in data.trainingClasses {
            let signIns = data.signIns(of: view.classID)
            guard !signIns.isEmpty else { continue }
            let roster = data.roster(of: view)
            // Names that signed in under an ID the class does not list, where a roster line
            // has an unusable ID: that line's person with a mistyped ID, not a ghost.
            var listed: PersonNumbers? = nil
            if roster.contains(where: { $0.id.hasUnusableID }) {
                var ids = PersonNumbers()
                for line in roster { if let id = line.id.id { _ = ids.number(of: id) } }
                listed = ids
            }
            var attended = PersonNumbers()
            var strangerNames = Set<String>()
            for s in signIns {
                guard let id = s.id.id else { continue }
                _ = attended.number(of: id)
                if let listed, !listed.contains(id) { strangerNames.insert(NameReader.normalize(s.name)) }
            }
            // Who the class claims: roster lines, then payment lines for the class.
            var claimed: [ResidentID: (name: String, ref: SourceRef, onRoster: Bool)] = [:]
            for line in roster {
                let e = line.record
                if e.id.hasUnusableID, strangerNames.contains(NameReader.normalize(e.name)) { continue }
                if let id = e.id.id, claimed[id] == nil { claimed[id] = (e.name, e.source, true) }
            }
            for p in data.payments(of: view.classID) {
                if let id = p.id.id, claimed[id] == nil { claimed[id] = (p.name, p.source, false) }
            }
            let present = attended.count
            for id in claimed.keys.sorted() where !attended.contains(id) {
                guard let who = claimed[id] else { continue }
                let money = data.trainee(id).money(in: view.classID)
                let paid = money.amount.map { Localized(zh: "，涉及补贴\(Money.yuan($0))元", en: ", subsidy \(Money.yuan($0)) yuan") }
                    ?? Localized(zh: "", en: "")
                out.append(finding(
                    Localized(
                        zh: "\(who.name)（\(id)）\(who.onRoster ? "列在班级\(view.classID)台账上" : "为班级\(view.classID)领取了补贴")，该班有\(present)人签到，此人却从未签到\(paid.zh)",
                        en: "\(who.name) (\(id)) \(who.onRoster ? "is on the roster of" : "was paid for") class \(view.classID), where \(present) person(s) signed in, but never signed in\(paid.en)"),
                    subject: "\(id)|\(view.classID)", evidence: [who.ref] + money.payments.filter { $0 != who.ref },
                    person: PersonRef(id: id.description, name: who.name), classID: view.classID,
                    institution: view.institution, county: view.county,
                    amount: money.amount, paymentRefs: money.payments))
            }
        }
        return out
    }
}
