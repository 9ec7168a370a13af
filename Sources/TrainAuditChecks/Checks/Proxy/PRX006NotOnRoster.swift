import TrainAuditCore
/// PRX006: sign-ins by someone not on the class's roster.
struct SignInNotOnRoster: Check {
    let info = CheckInfo(
        code: "PRX006", severity: .medium,
        title: Localized(zh: "签到人员不在班级名册中", en: "Sign-in by someone not on the roster"),
        summary: Localized(
            zh: "有台账的班级中，出现了不在该班台账上的人的签到。可能是顶替上课、凑人头，或台账与考勤对不上号。",
            en: "In a class that has a roster, someone not on it signed in: a stand-in, a head-count filler, or a roster that does not match the attendance."),
        source: [.cite("dongxiang-2020-57", "三(六)", "督促严格落实考勤、课堂点名制度，及时填写报到册和考勤表")],
        needs: [.roster, .attendance])

    var examples: [CheckExample] {
        [
            .triggers("a stranger signs in three times", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422199304180053,田志刚,2019-03-04,上午,2019-03-04 07:55:11,FACE-07
            XJ-2019-01,640422199304180053,田志刚,2019-03-05,上午,2019-03-05 07:58:21,FACE-07
            XJ-2019-01,640422199304180053,田志刚,2019-03-06,上午,2019-03-06 07:49:02,FACE-07
            """)),
            .passes("everyone on the roster; attendance of a class without a roster", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-09,640422199304180053,田志刚,2019-03-04,上午,2019-03-04 07:55:11,FACE-09
            """)),
            .passes("the roster's ID has two digits swapped and they signed in under the right one (ID001's)", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            田志刚,640422199304180506,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422199304180056,田志刚,2019-03-04,上午,2019-03-04 07:55:11,FACE-07
            """)),
            .passes("the roster's ID was lost and two people of that name agree with what is left: the name is enough (ID004's)", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            田志刚,6.40422199304E+17,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422199304180056,田志刚,2019-03-04,上午,2019-03-04 07:55:11,FACE-07
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            田志刚,640422199304180056,6404220001,正常
            田志刚,640422199304270019,6404220002,正常
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        let unusable = data.namesWithUnusableIDs()
        for view in data.trainingClasses {
            let signIns = data.signIns(of: view.classID)
            guard !signIns.isEmpty else { continue }
            let roster = data.roster(of: view)
            guard !roster.isEmpty else { continue }
            var onRoster = PersonNumbers()
            for line in roster { if let id = line.id.id { _ = onRoster.number(of: id) } }
            var strangers: [ResidentID: [SignIn]] = [:]
            for s in signIns {
                guard let id = s.id.id, !onRoster.contains(id) else { continue }
                strangers[id, default: []].append(s)
            }
            for id in strangers.keys.sorted() {
                guard let theirs = strangers[id], let s = theirs.first else { continue }
                // The roster has this name with an ID lost or mistyped: an ID problem.
                if unusable[view.classID]?.contains(NameReader.normalize(s.name)) == true { continue }
                let days = Set(theirs.compactMap(\.day)).sorted().map { $0.description }
                let refs = theirs.map(\.source)
                let evidence = EvidenceCap.first(refs)
                let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
                let list = EvidenceCap.list(days)
                out.append(finding(
                    Localized(
                        zh: "\(s.name)（\(id)）不在班级\(view.classID)的台账（\(roster.count)行）上，却有\(theirs.count)条签到：\(list.zh)\(cap.zh)",
                        en: "\(s.name) (\(id)) is not on the roster of class \(view.classID) (\(roster.count) line(s)) but signed in \(theirs.count) time(s): \(list.en)\(cap.en)"),
                    subject: "\(id)|\(view.classID)", evidence: evidence,
                    person: PersonRef(id: id.description, name: s.name), classID: view.classID,
                    institution: view.institution, county: view.county))
            }
        }
        return out
    }
}
