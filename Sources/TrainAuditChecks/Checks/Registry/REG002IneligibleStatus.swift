import TrainAuditCore
/// REG002: the registry says the person had died, left or been removed before the class.
struct IneligibleRegistryStatus: Check {
    let info = CheckInfo(
        code: "REG002", severity: .critical,
        title: Localized(zh: "开班前已死亡、自然减少或迁出", en: "Dead, removed or moved away before the class"),
        summary: Localized(
            zh: "建档立卡名册的人员状态为死亡、自然减少、迁出或注销，且变更日期不晚于开班日期，却仍作为学员领取培训补贴。没有变更日期的也报告，但把握较低。",
            en: "The registry's person status is dead, naturally reduced, moved out or cancelled, changed on or before the class started, yet the person is a subsidised trainee. Without a change date it is still reported, with lower confidence."),
        source: [.cite("guyuan-2018", "二", "紧盯建档立卡贫困人口", note: Localized(zh: "扶贫系统已移出的人不再是建档立卡贫困人口；“人员状态”取值来自全国扶贫开发信息系统导出表", en: "a person the registry has removed is no longer one; the person-status values are those of the national registry export"))],
        needs: [.roster, .registry],
        settings: .ineligibleStatus)

    var examples: [CheckExample] {
        let roster = ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
        马小军,642223199001010014,中式烹调师,初级,2019-03-04,2019-03-28,1600,XJ-2019-01,西吉县职业技能培训学校
        """)
        return [
            .triggers("registered dead months before the class", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态,变更日期
            马小军,642223199001010014,6404220001,死亡,2018-11-02
            """)),
            .triggers("moved out on the start day", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态,变更日期
            马小军,642223199001010014,6404220001,迁出,2019-03-04
            """)),
            .triggers("dead with no change date (lower confidence)", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            马小军,642223199001010014,6404220001,自然减少
            """)),
            .passes("registry death dated after the class ended", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态,变更日期
            马小军,642223199001010014,6404220001,死亡,2019-05-10
            """)),
            .passes("status normal", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态,变更日期
            马小军,642223199001010014,6404220001,正常,2016-01-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let pattern = audit.settings[.ineligibleStatus]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        for trainee in data.trainees {
            let id = trainee.id
            let entries = trainee.registry
            guard !entries.isEmpty else { continue }
            let bad = entries.filter { r in r.personStatus.map { pattern.matches($0) } ?? false }
            guard !bad.isEmpty else { continue }
            for line in trainee.roster {
                let cls = line.classID
                guard let start = line.start ?? line.dates?.end else { continue }
                // The earliest dated change on or before the start, else an undated one.
                var hit: RegistryEntry?
                for r in bad {
                    guard let d = r.statusDate else { continue }
                    if d <= start, hit.map({ $0.statusDate.map { d < $0 } ?? true }) ?? true { hit = r }
                }
                let dated = hit != nil
                if hit == nil { hit = bad.first { $0.statusDate == nil } }
                guard let reg = hit else { continue }
                let subject = "\(id)|\(cls)"
                guard seen.insert(subject).inserted else { continue }
                let status = reg.personStatus ?? "?"
                let who = CheckText.who(line.name, id)
                let when = reg.statusDate.map { "（变更日期 \($0)）" } ?? "（无变更日期）"
                let whenEn = reg.statusDate.map { " (changed \($0))" } ?? " (no change date)"
                out.append(rosterFinding(
                    Localized(zh: "\(who) \(start) 在 \(cls) 开班时建档立卡名册已登记为\(status)\(when)",
                              en: "\(who): when class \(cls) started on \(start) the registry already had the status \(status)\(whenEn)"),
                    line, of: trainee, more: [reg.source], confidence: dated ? 0.95 : 0.6, county: reg.county))
            }
        }
        return out
    }
}
