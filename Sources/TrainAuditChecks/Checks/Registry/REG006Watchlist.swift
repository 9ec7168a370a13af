import TrainAuditCore
/// REG006: someone another office lists as ineligible (public payroll, student,
/// pensioner, dead, employed and insured) during the training period.
struct OnWatchlist: Check {
    let info = CheckInfo(
        code: "REG006", severity: .high,
        title: Localized(zh: "培训期间属于比对名单人员", en: "On a watchlist during the training"),
        summary: Localized(
            zh: "学员在培训期间出现在财政供养人员、在校生、退休人员、死亡人员或养老保险参保名单上（名单的起止日期与培训期间重叠；没有日期的视为一直有效）。这些人不是贫困劳动力培训对象，以其名义领取补贴属于虚报。",
            en: "The trainee was on a list of public-payroll staff, enrolled students, pensioners, the dead or the employed-and-insured while the class ran (the list's dates overlap the training; undated entries always count). They are not eligible, and subsidies in their names are fake claims."),
        source: [.because(zh: "2022年度全国审计工作报告：以退休人员、在校生等虚假学员骗取培训补贴5200万元", en: "the national audit work report of 2022: 52 million yuan paid for fake trainees such as pensioners and enrolled students")],
        needs: [.roster, .watchlist])

    var examples: [CheckExample] {
        let roster = ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
        白雪,642223199208080204,育婴员,初级,2019-03-01,2019-03-25,1600,YY-2019-01,原州区阳光职业培训学校
        """)
        return [
            .triggers("on the public payroll during the class", roster, ("财政供养人员.csv", """
            身份证号码,姓名,名单类型,开始日期,结束日期
            642223199208080204,白雪,财政供养人员,2015-09-01,
            """)),
            .triggers("student list with no dates counts for any class", roster, ("在校生.csv", """
            身份证号码,姓名,名单类型
            642223199208080204,白雪,在校生
            """)),
            .passes("watchlist period ended before the class", roster, ("在校生.csv", """
            身份证号码,姓名,名单类型,开始日期,结束日期
            642223199208080204,白雪,在校生,2010-09-01,2014-07-01
            """)),
            .passes("listed dead after the class ended", roster, ("死亡人员.csv", """
            身份证号码,姓名,名单类型,开始日期
            642223199208080204,白雪,死亡人员,2019-06-30
            """)),
            .passes("pension drawn only from after the class (待遇领取开始日期)", roster, ("退休人员.csv", """
            身份证号码,姓名,名单类型,待遇领取开始日期
            642223199208080204,白雪,养老保险待遇领取人员,2019-04-01
            """)),
            .triggers("employed during the class (入职/离职日期)", roster, ("参保人员.csv", """
            身份证号码,姓名,名单类型,入职日期,离职日期
            642223199208080204,白雪,企业职工养老保险参保人员,2018-05-01,2019-12-31
            """)),
            .passes("graduated before the class (起止日期 in one cell)", roster, ("在校生.csv", """
            身份证号码,姓名,名单类型,起止日期
            642223199208080204,白雪,在校生,2014.9.1-2018.6.30
            """)),
            .triggers("enrolled during the class (起止日期 in one cell)", roster, ("在校生.csv", """
            身份证号码,姓名,名单类型,起止日期
            642223199208080204,白雪,在校生,2018年9月1日至2022年6月30日
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        for trainee in data.trainees {
            let id = trainee.id
            let entries = trainee.watchlist
            guard !entries.isEmpty else { continue }
            for line in trainee.roster {
                let period = line.period
                var hits: [WatchEntry] = []
                var undated = true
                for entry in entries {
                    if entry.from == nil, entry.to == nil { hits.append(entry); continue }
                    // A dated entry needs the training period to compare with.
                    guard let period else { continue }
                    let from = entry.from ?? period.lowerBound, to = entry.to ?? period.upperBound
                    if from <= period.upperBound, to >= period.lowerBound, from <= to {
                        hits.append(entry)
                        undated = false
                    }
                }
                guard !hits.isEmpty else { continue }
                let cls = line.classID
                let subject = "\(id)|\(cls)"
                guard seen.insert(subject).inserted else { continue }
                let who = CheckText.who(line.name, id)
                var lists: [String] = [], listsEn: [String] = []
                for entry in hits {
                    let dated = entry.from != nil || entry.to != nil
                    let list = entry.list.isEmpty ? "比对名单" : entry.list
                    // An undated entry says so: the list may name people who left it long ago.
                    let text = list + (dated ? "（\(CheckText.day(entry.from))至\(entry.to.map { $0.description } ?? "今")）" : "（名单未注明日期）")
                    let textEn = (entry.list.isEmpty ? "watchlist" : entry.list) + (dated ? " (\(CheckText.day(entry.from)) to \(entry.to.map { $0.description } ?? "now"))" : " (the list gives no dates)")
                    if !lists.contains(text) { lists.append(text); listsEn.append(textEn) }
                }
                let when = period.map { "\($0.lowerBound)至\($0.upperBound)" } ?? "?"
                let whenEn = period.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "?"
                out.append(rosterFinding(
                    Localized(zh: "\(who) 参加 \(cls)（\(when)）期间在比对名单上：\(lists.joined(separator: "、"))",
                              en: "\(who) was on a watchlist while class \(cls) ran (\(whenEn)): \(listsEn.joined(separator: ", "))"),
                    line, of: trainee, more: hits.map(\.source), confidence: undated ? 0.7 : 0.95))
            }
        }
        return out
    }
}
