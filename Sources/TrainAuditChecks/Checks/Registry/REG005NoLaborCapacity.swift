import TrainAuditCore
/// REG005: the registry says the trainee has no capacity to work.
struct NoLaborCapacity: Check {
    let info = CheckInfo(
        code: "REG005", severity: .medium,
        title: Localized(zh: "无劳动能力人员参加技能培训", en: "Trainee without labour capacity"),
        summary: Localized(
            zh: "建档立卡名册的劳动技能栏为丧失劳动力或无劳动力，却作为职业技能培训学员享受补贴。技能培训的对象是有就业能力的劳动者，这类学员多为挂名。",
            en: "The registry's labour-capacity column says the person has lost or has no capacity to work, yet they are a subsidised trainee. Skills training is for people able to work; such trainees are usually names on paper."),
        source: [.cite("guyuan-2018", "二", "组织有就业能力和培训意愿的劳动者开展…职业技能提升培训")],
        needs: [.roster, .registry],
        settings: .noLaborCapacity)

    var examples: [CheckExample] {
        let roster = ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
        王强,642223197503150034,农作物植保员,初级,2019-03-01,2019-03-25,1600,XJ-2019-02,西吉县职业技能培训学校
        """)
        return [
            .triggers("registry says 丧失劳动力", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态,劳动技能
            王强,642223197503150034,6404220003,正常,丧失劳动力
            """)),
            .passes("registry says 弱劳动力 (weak, but able to work)", roster, ("registry.csv", """
            姓名,证件号码,户编号,人员状态,劳动技能
            王强,642223197503150034,6404220003,正常,弱劳动力或半劳动力
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let pattern = audit.settings[.noLaborCapacity]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        for trainee in data.trainees {
            let id = trainee.id
            guard let reg = trainee.registry.first(where: { $0.laborCapacity.map { pattern.matches($0) } ?? false })
            else { continue }
            for line in trainee.roster {
                let cls = line.classID
                let subject = "\(id)|\(cls)"
                guard seen.insert(subject).inserted else { continue }
                let who = CheckText.who(line.name, id)
                let capacity = reg.laborCapacity ?? "?"
                out.append(rosterFinding(
                    Localized(zh: "\(who) 建档立卡名册劳动技能为“\(capacity)”，却参加了 \(cls)（\(CheckText.day(line.start))开班）并享受培训补贴",
                              en: "\(who) is recorded in the registry as \(capacity) (no labour capacity) yet was a subsidised trainee in class \(cls) (started \(CheckText.day(line.start)))"),
                    line, of: trainee, more: [reg.source], confidence: 0.75, county: reg.county))
            }
        }
        return out
    }
}
