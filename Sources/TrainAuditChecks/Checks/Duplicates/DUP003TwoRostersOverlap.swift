import TrainAuditCore
/// DUP003: one person on two institutions' or departments' rosters for overlapping
/// periods, subsidised by both.
struct OverlappingRosters: Check {
    let info = CheckInfo(
        code: "DUP003", severity: .high,
        title: Localized(zh: "同一人同期在不同机构或部门重复参训", en: "On two institutions' or departments' rosters at once"),
        summary: Localized(
            zh: "同一人出现在不同培训机构或不同实施部门的台账上，培训期间重叠，且两边都享受了补贴。资金整合允许“各计其功”，但不允许同一人同一时间由两个渠道重复支付。",
            en: "One person is on rosters of different institutions or departments for overlapping periods, and both paid a subsidy. Integrated funding lets each department count the person, but not pay twice for the same time."),
        source: [.cite("dongxiang-2020-57", "四(三)", "按照“用途不变、渠道不乱、各负其责、各计其功”的原则有效整合")],
        needs: [.roster])

    var examples: [CheckExample] {
        let header = "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构,实施部门"
        return [
            .triggers("two institutions, overlapping, both paid", ("roster.csv", """
            \(header)
            冯丽,642223199511110226,育婴员,初级,2019-03-01,2019-03-25,1600,YY-2019-01,原州区阳光职业培训学校,人社局
            冯丽,642223199511110226,中式面点师,初级,2019-03-10,2019-04-05,1600,MD-2019-02,固原市巧手职业培训学校,扶贫办
            """)),
            .passes("counted by two departments but paid once (各计其功)", ("roster.csv", """
            \(header)
            冯丽,642223199511110226,育婴员,初级,2019-03-01,2019-03-25,1600,YY-2019-01,原州区阳光职业培训学校,人社局
            冯丽,642223199511110226,育婴员,初级,2019-03-01,2019-03-25,0,YY-2019-01F,原州区阳光职业培训学校,扶贫办
            """)),
            .passes("two institutions one after the other", ("roster.csv", """
            \(header)
            冯丽,642223199511110226,育婴员,初级,2019-03-01,2019-03-25,1600,YY-2019-01,原州区阳光职业培训学校,人社局
            冯丽,642223199511110226,中式面点师,初级,2019-04-01,2019-04-25,1600,MD-2019-02,固原市巧手职业培训学校,扶贫办
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        for trainee in data.trainees where trainee.rosterClasses.count > 1 {
            let id = trainee.id
            // Subsidised lines with a known period, in start order (ledger order on a tie);
            // a person has few lines, so pairs within one person are cheap.
            var list: [(order: Int, line: RosterLine, period: ClosedRange<Day>)] = []
            for (order, line) in trainee.roster.enumerated() where line.subsidy.presumedPaid {
                if let p = line.period { list.append((order, line, p)) }
            }
            list.sort { $0.period.lowerBound != $1.period.lowerBound ? $0.period.lowerBound < $1.period.lowerBound : $0.order < $1.order }
            for a in 0..<list.count {
                for b in (a + 1)..<list.count {
                    let x = list[a], y = list[b]
                    if y.period.lowerBound > x.period.upperBound { break }
                    let instX = CheckText.key(x.line.institution)
                    let instY = CheckText.key(y.line.institution)
                    let depX = CheckText.key(x.line.record.department)
                    let depY = CheckText.key(y.line.record.department)
                    let otherInstitution = !instX.isEmpty && !instY.isEmpty && instX != instY
                    let otherDepartment = !depX.isEmpty && !depY.isEmpty && depX != depY
                    guard otherInstitution || otherDepartment else { continue }
                    let clsX = x.line.classID, clsY = y.line.classID
                    let pair = [clsX, clsY].sorted()
                    let subject = "\(id)|\(pair[0])|\(pair[1])"
                    guard seen.insert(subject).inserted else { continue }
                    let e = y.line
                    let who = CheckText.who(e.name, id)
                    func side(_ line: RosterLine, _ cls: String, _ p: ClosedRange<Day>) -> String {
                        let parts = [line.institution, line.record.department].compactMap { $0 }
                        return "\(cls)（\(parts.joined(separator: "/"))，\(p.lowerBound)至\(p.upperBound)）"
                    }
                    func sideEn(_ line: RosterLine, _ cls: String, _ p: ClosedRange<Day>) -> String {
                        let parts = [line.institution, line.record.department].compactMap { $0 }
                        return "\(cls) (\(parts.joined(separator: "/")), \(p.lowerBound) to \(p.upperBound))"
                    }
                    let known = x.line.subsidy.isKnown && y.line.subsidy.isKnown
                    // The later training's money is the one paid twice.
                    let money = trainee.money(in: clsY)
                    out.append(finding(
                        Localized(zh: "\(who) 同期在两处参训并都享受补贴：\(side(x.line, clsX, x.period)) 与 \(side(y.line, clsY, y.period))",
                                  en: "\(who) was on two rosters at once, both subsidised: \(sideEn(x.line, clsX, x.period)) and \(sideEn(y.line, clsY, y.period))"),
                        subject: subject,
                        evidence: [e.source, x.line.source],
                        confidence: known ? 0.9 : 0.7,
                        person: PersonRef(id: id.description, name: e.name),
                        classID: clsY,
                        institution: y.line.institution,
                        county: y.line.county,
                        amount: money.amount, paymentRefs: money.payments, classes: [clsX, clsY]))
                }
            }
        }
        return out
    }
}
