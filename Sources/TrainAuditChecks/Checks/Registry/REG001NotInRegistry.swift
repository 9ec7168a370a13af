import TrainAuditCore
/// REG001: a subsidised trainee whose ID the poverty registry does not list.
struct NotInRegistry: Check {
    let info = CheckInfo(
        code: "REG001", severity: .high,
        title: Localized(zh: "培训学员不在建档立卡名册中", en: "Trainee not in the poverty registry"),
        summary: Localized(
            zh: "台账上的学员身份证号在建档立卡贫困人口名册中查无此人。精准扶贫培训补贴只给建档立卡贫困劳动力，名册外的人享受补贴即为虚报或冒领。",
            en: "A trainee on the ledger whose ID is not in the poverty-registry extract. Targeted poverty-alleviation training subsidies are for registered poor workers only; anyone else is a fake or misdirected claim."),
        source: [.cite("guyuan-2018", "二", "紧盯建档立卡贫困人口…组织有就业能力和培训意愿的劳动者开展…培训")],
        needs: [.roster, .registry])

    var examples: [CheckExample] {
        [
            .triggers("trainee absent from the registry", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
            马小军,642223199001010014,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            李梅,642223198802020023,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            李梅,642223198802020023,6404220001,正常
            """)),
            .triggers("one finding per person, even on two classes", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
            马小军,642223199001010014,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            马小军,642223199001010014,电焊工,初级,2019-06-01,2019-06-25,1600,XJ-2019-05,西吉县职业技能培训学校
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            李梅,642223198802020023,6404220001,正常
            """)),
.passes("the roster's ID has two digits swapped; the registry has the one person of that name with the right ID (ID001's)", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
            田志刚,640422199304180506,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            田志刚,640422199304180056,6404220001,正常
            """)),
            .passes("every trainee registered", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
            马小军,642223199001010014,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            李梅,642223198802020023,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            李梅,642223198802020023,6404220001,正常
            马小军,642223199001010014,6404220002,正常
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        for trainee in data.trainees where !data.inRegistry(trainee.id) {
            let id = trainee.id
            let roster = trainee.roster
            guard let first = roster.first else { continue }
            var classes: [String] = []
            for line in roster where !classes.contains(line.classID) { classes.append(line.classID) }
            let list = classes.joined(separator: "、")
            // A bad check digit or a converted legacy ID may be a typo that broke the join.
            let doubtful = first.id.issues.contains { $0 != .storedAsNumber }
            let money = trainee.money(in: nil)
            let who = CheckText.who(first.name, id)
            out.append(finding(
                Localized(zh: "\(who) 参加培训（\(list)）享受补贴，但建档立卡名册中没有此身份证号" + (doubtful ? "（该号码本身有问题，可能是录入错误）" : ""),
                          en: "\(who) was trained and subsidised (\(classes.joined(separator: ", "))) but the ID is not in the poverty registry" + (doubtful ? " (the ID itself is flawed; may be a typing error)" : "")),
                subject: id.description,
                evidence: roster.map(\.source),
                confidence: doubtful ? 0.6 : 0.95,
                person: PersonRef(id: id.description, name: first.name),
                classID: classes.count == 1 ? classes[0] : nil,
                institution: first.institution,
                county: first.county,
                amount: money.amount, paymentRefs: money.payments))
        }
        return out
    }
}
