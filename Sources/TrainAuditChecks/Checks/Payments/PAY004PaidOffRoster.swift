import TrainAuditCore
/// PAY004: a payment to someone on no roster of the class it names (or of any class).
struct PaidOffRoster: Check {
    let info = CheckInfo(
        code: "PAY004", severity: .high,
        title: Localized(zh: "补贴发给花名册以外的人", en: "Subsidy paid to someone on no roster"),
        summary: Localized(
            zh: "发放明细中的领取人不在所注明班级的花名册上（未注明班级的，不在任何班级的花名册上）。花名册上同名者身份证号无法读取或校验码错误的，是号码问题（ID 类），不在此重复报告。",
            en: "A payee is on no roster line of the class the payment names (or, when it names none, of any class). Where the roster has the same name with an unreadable ID or a bad check digit, it is an ID problem (the ID family), not repeated here."),
        source: [.cite("guyuan-2018", "四(五)", "培训结束后培训机构根据培训人数、培训质量申请培训补贴")],
        needs: [.payments, .roster])

    var examples: [CheckExample] {
        let roster = """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
        马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,GY-2019-01
        """
        return [
            .triggers("paid for a class whose roster does not list them", ("roster.csv", roster), ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            642223198802020023,李梅,800,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            """)),
            .triggers("a payment naming no class, to someone on no roster", ("roster.csv", roster), ("payments.csv", """
            身份证号码,姓名,发放金额,发放日期,补贴项目
            642223198802020023,李梅,800,2019-04-15,培训补贴
            """)),
            .passes("the roster line's ID lost a digit: an ID problem, not a payment to a stranger", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,GY-2019-01
            李梅,6.42223E+17,农村电商,2019-03-01,2019-03-25,GY-2019-01
            """), ("payments.csv", """
            \(PaymentExamples.header)
            642223198802020023,李梅,800,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // A payment to someone of the name of a roster line with an unusable ID is most
        // likely to that line's person.
        let unreadable = data.namesWithUnusableIDs()
        var out: [Finding] = []
        var seen = Set<String>()
        for p in data.payments {
            guard let id = p.id.id, (p.amount ?? 0) > 0 else { continue }
            let trainee = data.trainee(id)
            let name = NameReader.normalize(p.name)
            let who = data.payee(p, id)
            if let cls = p.classID {
                guard data.trainingClass(cls) != nil, !trainee.isOnRoster(of: cls) else { continue }
                if unreadable[cls]?.contains(name) == true { continue }
                guard seen.insert("\(id)|\(cls)").inserted else { continue }
                let paid = trainee.payments(naming: cls)
                let total = paid.compactMap(\.amount).reduce(0, +)
                let elsewhere = Array(trainee.rosterClasses)
                let note = elsewhere.isEmpty ? Localized(zh: "，也不在其他班级花名册上", en: ", nor on any other roster")
                    : Localized(zh: "（花名册上只在 \(Set(elsewhere).sorted().joined(separator: "、"))）", en: " (listed only in \(Set(elsewhere).sorted().joined(separator: ", ")))")
                out.append(paymentFinding(
                    Localized(zh: "\(who) 领取 \(cls) 的补贴 \(Money.yuan(total)) 元，但不在该班花名册上\(note.zh)",
                              en: "\(who) was paid \(Money.yuan(total)) yuan for \(cls) but is not on its roster\(note.en)"),
                    subject: "\(id)|\(cls)", id: id, name: p.name, classID: cls, payments: paid.map(\.source), amount: total,
                    in: data, confidence: elsewhere.isEmpty ? 0.95 : 0.8))
            } else if !data.onRoster(id) {
                if unreadable.values.contains(where: { $0.contains(name) }) { continue }
                guard seen.insert("\(id)|").inserted else { continue }
                let paid = trainee.payments.filter { $0.classID == nil }
                let total = paid.compactMap(\.amount).reduce(0, +)
                out.append(paymentFinding(
                    Localized(zh: "\(who) 领取补贴 \(Money.yuan(total)) 元（未注明班级），但不在任何班级的花名册上",
                              en: "\(who) was paid \(Money.yuan(total)) yuan (no class named) but is on no roster"),
                    subject: "\(id)|", id: id, name: p.name, classID: nil, payments: paid.map(\.source), amount: total,
                    in: data, confidence: 0.85))
            }
        }
        return out
    }
}
