import TrainAuditCore
/// DUP001: the same person subsidised twice for the same occupation and level.
struct SameOccupationTwice: Check {
    let info = CheckInfo(
        code: "DUP001", severity: .high,
        title: Localized(zh: "同一职业同一等级重复享受培训补贴", en: "Subsidised twice for the same occupation and level"),
        summary: Localized(
            zh: "同一身份证号在同一职业（工种）同一等级上享受了两次及以上培训补贴。同一职业同一等级的补贴只能享受一次；鉴定未通过后重新参加培训的（规则包允许时）不算重复。",
            en: "One ID subsidised two or more times for the same occupation at the same level. That subsidy is allowed once; a re-take after a failed assessment does not count when the pack allows it."),
        source: [.byDefault(zh: "同一职业同一等级只能享受一次补贴（2019–2021年全国职业技能提升行动中江苏、深圳等地的执行口径）", en: "the same occupation and level is subsidised once (the 2019–2021 national skills-upgrading action as local offices such as Jiangsu and Shenzhen apply it)")],
        needs: [.roster],
        settings: .retakeAfterFailAllowed)

    var examples: [CheckExample] {
        let header = "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构,鉴定或考核通过情况"
        return [
            .triggers("same cook course and level, passed both times", ("roster.csv", """
            \(header)
            马小军,642223199001010014,中式烹调师,初级,2018-03-01,2018-03-25,1600,XJ-2018-01,西吉县职业技能培训学校,合格
            马小军,642223199001010014,中式烹调师,初级,2019-03-01,2019-03-25,1600,HY-2019-03,海原县蓝天职业培训学校,合格
            """)),
            .triggers("full-width and ASCII brackets are the same occupation", ("roster.csv", """
            \(header)
            马小军,642223199001010014,中式烹调师（川菜）,初级,2018-03-01,2018-03-25,1600,XJ-2018-01,西吉县职业技能培训学校,合格
            马小军,642223199001010014,中式烹调师(川菜),初级,2019-03-01,2019-03-25,1600,HY-2019-03,海原县蓝天职业培训学校,
            """)),
            .passes("re-take after a failed assessment", ("roster.csv", """
            \(header)
            马小军,642223199001010014,中式烹调师,初级,2018-03-01,2018-03-25,1600,XJ-2018-01,西吉县职业技能培训学校,不合格
            马小军,642223199001010014,中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-01,西吉县职业技能培训学校,合格
            """)),
            .passes("one person trained twice for different occupations", ("roster.csv", """
            \(header)
            马小军,642223199001010014,中式烹调师,初级,2018-03-01,2018-03-25,1600,XJ-2018-01,西吉县职业技能培训学校,合格
            马小军,642223199001010014,电焊工,初级,2019-03-01,2019-03-25,1600,XJ-2019-05,西吉县职业技能培训学校,合格
            """)),
            .passes("same occupation at the next level", ("roster.csv", """
            \(header)
            马小军,642223199001010014,中式烹调师,初级,2018-03-01,2018-03-25,1600,XJ-2018-01,西吉县职业技能培训学校,合格
            马小军,642223199001010014,中式烹调师,中级,2019-03-01,2019-03-25,2000,XJ-2019-01,西吉县职业技能培训学校,合格
            """)),
        ]
    }

    private struct Key: Hashable {
        var occupation: String
        var level: String
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let retakeAllowed = audit.settings[.retakeAfterFailAllowed]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        for trainee in data.trainees where trainee.rosterClasses.count > 1 {
            let id = trainee.id
            var groups: [Key: [RosterLine]] = [:]
            var order: [Key] = []
            for line in trainee.roster where line.subsidy.presumedPaid {
                let occupation = CheckText.key(line.occupation)
                guard !occupation.isEmpty else { continue }
                let key = Key(occupation: occupation, level: CheckText.key(line.level))
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(line)
            }
            for key in order {
                guard let group = groups[key], group.count > 1 else { continue }
                // In time order (ledger order on a tie); a training counts against later
                // ones unless it failed and re-takes after a fail are allowed.
                let sorted = group.enumerated().sorted { x, y in
                    let a = x.element.start, b = y.element.start
                    if a != b { return (a ?? Day(ordinal: .max)) < (b ?? Day(ordinal: .max)) }
                    return x.offset < y.offset
                }.map(\.element)
                var anyCounted = false
                var duplicates: [RosterLine] = []
                for line in sorted {
                    if anyCounted { duplicates.append(line) }
                    let failed = line.record.certPassed == false
                    if !(retakeAllowed && failed) { anyCounted = true }
                }
                guard let dup = duplicates.first, let first = sorted.first else { continue }
                let who = CheckText.who(first.name, id)
                let occupationText = first.occupation ?? key.occupation
                let levelText = key.level.isEmpty ? "" : "（\(key.level)）"
                let list = sorted.map { "\($0.classID) \(CheckText.day($0.start))" }
                // Money of the repeated trainings: their class's payments, or their roster subsidy.
                var amount: Int64 = 0
                var anyAmount = false
                var refs: [SourceRef] = []
                var classesDone = Set<String>()
                let firstClass = first.classID
                for line in duplicates {
                    let cls = line.classID
                    if cls != firstClass, classesDone.insert(cls).inserted {
                        let money = trainee.money(in: cls)
                        if let a = money.amount { amount += a; anyAmount = true }
                        refs += money.payments
                    } else if cls == firstClass, let s = line.record.subsidy {
                        amount += s
                        anyAmount = true
                    }
                }
                let subsidyKnown = duplicates.allSatisfy { $0.subsidy.isKnown }
                let repeated = Set(duplicates.map(\.source))
                out.append(finding(
                    Localized(zh: "\(who) 在\(occupationText)\(levelText)上享受了 \(sorted.count) 次培训补贴：\(list.joined(separator: "、"))",
                              en: "\(who) was subsidised \(sorted.count) times for \(occupationText)\(key.level.isEmpty ? "" : " (\(key.level))"): \(list.joined(separator: ", "))"),
                    subject: "\(id)|\(key.occupation)|\(key.level)",
                    evidence: duplicates.map(\.source)
                        + sorted.filter { !repeated.contains($0.source) }.map(\.source),
                    confidence: subsidyKnown ? 0.95 : 0.75,
                    person: PersonRef(id: id.description, name: first.name),
                    classID: dup.classID,
                    institution: dup.institution,
                    county: dup.county,
                    amount: anyAmount ? amount : nil, paymentRefs: refs))
            }
        }
        return out
    }
}
