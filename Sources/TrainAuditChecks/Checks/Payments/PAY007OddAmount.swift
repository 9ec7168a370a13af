import TrainAuditCore
/// PAY007: a training subsidy of an amount no standard gives.
struct OddAmount: Check {
    let info = CheckInfo(
        code: "PAY007", severity: .low,
        title: Localized(zh: "补贴金额不符合任何标准", en: "Subsidy amount in no standard"),
        summary: Localized(
            zh: "培训补贴按固定标准发放，同一班级的学员领取相同金额：金额既不是规则包为该班证书规定的标准，也不是该班多数学员领取的金额，值得核对（代替对金额做本福特分析）。高于标准的由 PAY001 报告。",
            en: "Training subsidies are fixed amounts, the same for a class: an amount that is neither the pack's standard for the class's certificate nor what most of its trainees got is worth a look (in place of a Benford test on amounts). Amounts above the standard are PAY001's."),
        source: [.cite("guyuan-2018", "四", "做到培训内容、培训时间、补贴标准、档案资料、考核验收“五统一”"), .cite("guyuan-2018", "四(三)", "培训后取得培训合格证书的，给予800元的培训补贴")],
        needs: [.payments], optional: .trainingItem, .subsidyStandards)

    var examples: [CheckExample] {
        let h = PaymentExamples.header
        return [
            .triggers("one trainee of four paid 1,350 where the class got 1,600", ("payments.csv", """
            \(h)
            640422199001010017,马小军,1600,2019-04-15,培训补贴,6228480012345678901,GY-2019-02
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228480012345678919,GY-2019-02
            642223199208080204,白雪,1600,2019-04-15,培训补贴,6228480012345678927,GY-2019-02
            642223199001010014,马强,1350,2019-04-15,培训补贴,6228480012345678935,GY-2019-02
            """)),
            .passes("everyone got the same", ("payments.csv", """
            \(h)
            640422199001010017,马小军,1600,2019-04-15,培训补贴,6228480012345678901,GY-2019-02
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228480012345678919,GY-2019-02
            642223199208080204,白雪,1600,2019-04-15,培训补贴,6228480012345678927,GY-2019-02
            """)),
            .passes("the standard itself, in a class paid otherwise", ("classes.csv", PaymentExamples.classes), ("payments.csv", """
            \(h)
            640422199001010017,马小军,600,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            642223198802020023,李梅,600,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            642223199208080204,白雪,600,2019-04-15,培训补贴,6228480012345678927,GY-2019-01
            642223199001010014,马强,800,2019-04-15,培训补贴,6228480012345678935,GY-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var isTraining = TrainingSubsidyTest(audit)
        var out: [Finding] = []
        for (cls, payments) in data.paymentsOfClasses {
            let paid = payments.filter { p in
                p.id.id != nil && (p.amount ?? 0) > 0 && isTraining(p)
            }
            var counts: [Int64: Int] = [:]
            for p in paid { counts[p.amount ?? 0, default: 0] += 1 }
            // The class's usual amount: most of at least three payments.
            let usual = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
            guard paid.count >= 3, let usual, usual.value * 5 >= paid.count * 3 else { continue }
            let standard = data.trainingClass(cls).flatMap { audit.standard(for: $0) }?.maxAmount
            for p in paid {
                guard let id = p.id.id, let amount = p.amount, amount != usual.key, amount != standard else { continue }
                if let standard, amount > standard { continue }  // PAY001
                out.append(paymentFinding(
                    Localized(zh: "\(data.payee(p, id)) 在 \(cls) 领取培训补贴 \(Money.yuan(amount)) 元，该班 \(usual.value)/\(paid.count) 笔为 \(Money.yuan(usual.key)) 元\(standard.map { "，标准 \(Money.yuan($0)) 元" } ?? "")",
                              en: "\(data.payee(p, id)) got \(Money.yuan(amount)) yuan of training subsidy for \(cls), where \(usual.value) of \(paid.count) payments were \(Money.yuan(usual.key)) yuan\(standard.map { " (standard \(Money.yuan($0)) yuan)" } ?? "")"),
                    subject: "\(id)|\(cls)|\(amount)", id: id, name: p.name, classID: cls, payments: [p.source], amount: amount,
                    in: data, confidence: 0.6))
            }
        }
        return out
    }
}
