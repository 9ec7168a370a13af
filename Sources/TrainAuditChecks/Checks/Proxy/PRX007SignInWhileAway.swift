import TrainAuditCore
/// PRX007: sign-ins by someone the registry says works outside the province.
struct SignInWhileAway: Check {
    let info = CheckInfo(
        code: "PRX007", severity: .medium,
        title: Localized(zh: "省外务工人员在本地签到", en: "Sign-in by someone working outside the province"),
        summary: Localized(
            zh: "建档立卡名册记载此人务工状况为省外务工，却在本地培训班签到。可能是他人代签；名册是年度快照，此人也可能已返乡，故置信度较低，需电话或入户核实。",
            en: "The registry says this person works outside the province (省外务工), yet they signed in to a local class: possibly a proxy sign-in. The registry is a yearly snapshot and the person may have come home, so confidence is lower; verify by phone or visit."),
        source: [.cite("dongxiang-2020-57", "三(六)", "防止考勤代签现象的发生"), .because(zh: "扶贫系统“务工状况”（规则包的 patterns.out_of_province_work）", en: "the registry's work status (the pack's patterns.out_of_province_work)")],
        needs: [.attendance, .registry], settings: .outOfProvinceWork)

    var examples: [CheckExample] {
        [
            .triggers("working in Xinjiang, signing in at Xiji", ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220001,P01,马小军,640422198503120016,正常,,省外务工
            H6404220002,P01,李建华,640422199001010015,正常,,乡外县内务工
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,2019-03-05 07:50:41,FACE-07
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:53:11,FACE-07
            """)),
            .passes("working inside the county", ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220002,P01,李建华,640422199001010015,正常,,乡外县内务工
            H6404220003,P01,王秀英,640422198807060026,正常,,县外省内务工
            """), ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:53:11,FACE-07
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:54:31,FACE-07
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let away = audit.settings[.outOfProvinceWork]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        for trainee in data.attendees {
            let person = trainee.id
            let signIns = trainee.signIns
            guard !signIns.isEmpty,
                  let entry = trainee.registry.first(where: { $0.workStatus.map { away.matches($0) } ?? false })
            else { continue }
            let status = entry.workStatus ?? ""
            var byClass: [String: [SignIn]] = [:]
            for s in signIns { byClass[s.classID ?? "", default: []].append(s) }
            for classID in byClass.keys.sorted() {
                guard let inClass = byClass[classID], let s = inClass.first else { continue }
                let days = Set(inClass.compactMap(\.day)).sorted().map { $0.description }
                let refs = inClass.map(\.source)
                let evidence = EvidenceCap.first(refs)
                let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
                let list = EvidenceCap.list(days)
                let cls = classID.isEmpty ? nil : classID
                let view = data.trainingClass(cls)
                out.append(finding(
                    Localized(
                        zh: "\(s.name)（\(person)）在建档立卡名册中为“\(status)”，却在班级\(classID.isEmpty ? "（未填）" : classID)有\(inClass.count)条签到：\(list.zh)\(cap.zh)",
                        en: "\(s.name) (\(person)) is \"\(status)\" in the registry, yet signed in \(inClass.count) time(s) in class \(classID.isEmpty ? "(blank)" : classID): \(list.en)\(cap.en)"),
                    subject: "\(person)|\(classID)", evidence: [entry.source] + evidence, confidence: 0.5,
                    person: PersonRef(id: person.description, name: s.name), classID: cls,
                    institution: view?.institution, county: view?.county))
            }
        }
        return out
    }
}
