import TrainAuditCore
/// DUP002: more subsidised trainings for one person in one calendar year than allowed.
struct TooManyTrainingsPerYear: Check {
    let info = CheckInfo(
        code: "DUP002", severity: .medium,
        title: Localized(zh: "一年内享受培训补贴次数超限", en: "Too many subsidised trainings in one year"),
        summary: Localized(
            zh: "同一人在一个自然年内（按开班日期）享受的补贴性培训次数超过规则包的上限（全国默认每年不超过3次）。频繁参训多为挂名凑人数。",
            en: "One person had more subsidised trainings in a calendar year (by class start) than the pack allows (national default: 3 a year). Serial trainees are usually names lent to fill classes."),
        source: [.byDefault(zh: "每人每年享受培训补贴不超过规则包的次数（2019–2021年全国职业技能提升行动中江苏、深圳等地为3次）", en: "no more subsidised trainings a person a year than the pack allows (3 in the 2019–2021 national skills-upgrading action as Jiangsu and Shenzhen apply it)")],
        needs: [.roster],
        settings: .maxTrainingsPerYear)

    var examples: [CheckExample] {
        let header = "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构"
        return [
            .triggers("four subsidised trainings in 2019", ("roster.csv", """
            \(header)
            张秀兰,642223198207100045,育婴员,初级,2019-01-07,2019-01-31,1600,YY-2019-01,原州区阳光职业培训学校
            张秀兰,642223198207100045,家政服务员,初级,2019-03-04,2019-03-28,1600,JZ-2019-02,原州区阳光职业培训学校
            张秀兰,642223198207100045,中式面点师,初级,2019-06-03,2019-06-27,1600,MD-2019-03,原州区阳光职业培训学校
            张秀兰,642223198207100045,手工编织,,2019-10-08,2019-10-20,800,BZ-2019-04,原州区阳光职业培训学校
            """)),
            .passes("three in 2019 and one in 2020", ("roster.csv", """
            \(header)
            张秀兰,642223198207100045,育婴员,初级,2019-01-07,2019-01-31,1600,YY-2019-01,原州区阳光职业培训学校
            张秀兰,642223198207100045,家政服务员,初级,2019-03-04,2019-03-28,1600,JZ-2019-02,原州区阳光职业培训学校
            张秀兰,642223198207100045,中式面点师,初级,2019-06-03,2019-06-27,1600,MD-2019-03,原州区阳光职业培训学校
            张秀兰,642223198207100045,手工编织,,2020-01-06,2020-01-18,800,BZ-2020-01,原州区阳光职业培训学校
            """)),
            .passes("a fourth training without subsidy", ("roster.csv", """
            \(header)
            张秀兰,642223198207100045,育婴员,初级,2019-01-07,2019-01-31,1600,YY-2019-01,原州区阳光职业培训学校
            张秀兰,642223198207100045,家政服务员,初级,2019-03-04,2019-03-28,1600,JZ-2019-02,原州区阳光职业培训学校
            张秀兰,642223198207100045,中式面点师,初级,2019-06-03,2019-06-27,1600,MD-2019-03,原州区阳光职业培训学校
            张秀兰,642223198207100045,手工编织,,2019-10-08,2019-10-20,0,BZ-2019-04,原州区阳光职业培训学校
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        guard let maxPerYear = audit.settings[.maxTrainingsPerYear]?.value else { return [] }
        let data = audit.data
        var out: [Finding] = []
        for trainee in data.trainees where trainee.rosterClasses.count > maxPerYear {
            let id = trainee.id
            // One training per class (a person twice on one roster is DUP001's business);
            // `order` is the line's place in the person's ledger lines, for ties.
            var byYear: [Int: [(start: Day, order: Int, line: RosterLine)]] = [:]
            var classesSeen = Set<String>()
            for (order, line) in trainee.roster.enumerated() where line.subsidy.presumedPaid {
                guard let start = line.start,
                      classesSeen.insert(line.classID).inserted else { continue }
                byYear[start.year, default: []].append((start, order, line))
            }
            for year in byYear.keys.sorted() {
                guard let list = byYear[year], list.count > maxPerYear else { continue }
                let sorted = list.sorted { $0.start != $1.start ? $0.start < $1.start : $0.order < $1.order }
                let excess = sorted.dropFirst(maxPerYear).map(\.line)
                let first = sorted[0].line
                let who = CheckText.who(first.name, id)
                let listText = sorted.map { "\($0.line.classID) \($0.start)" }
                var amount: Int64 = 0
                var anyAmount = false
                var refs: [SourceRef] = []
                for line in excess {
                    let money = trainee.money(in: line.classID)
                    if let a = money.amount { amount += a; anyAmount = true }
                    refs += money.payments
                }
                let known = sorted.allSatisfy { $0.line.subsidy.isKnown }
                out.append(finding(
                    Localized(zh: "\(who) \(year) 年享受培训补贴 \(sorted.count) 次，超过每年 \(maxPerYear) 次的上限：\(listText.joined(separator: "、"))",
                              en: "\(who) had \(sorted.count) subsidised trainings in \(year), more than the \(maxPerYear) allowed: \(listText.joined(separator: ", "))"),
                    subject: "\(id)|\(year)",
                    evidence: excess.map(\.source)
                        + sorted.prefix(maxPerYear).map(\.line.source),
                    confidence: known ? 0.9 : 0.7,
                    person: PersonRef(id: id.description, name: first.name),
                    classID: excess.first?.classID,
                    institution: excess.first?.institution,
                    county: first.county,
                    amount: anyAmount ? amount : nil, paymentRefs: refs))
            }
        }
        return out
    }
}
