import TrainAuditCore
/// PAY006: one person paid the training subsidy of one class more than once.
struct PaidTwiceForOneClass: Check {
    let info = CheckInfo(
        code: "PAY006", severity: .high,
        title: Localized(zh: "同一班级重复发放培训补贴", en: "Training subsidy paid twice for one class"),
        summary: Localized(
            zh: "同一人同一班级的培训补贴发放了两笔及以上（日期或金额不同）；完全相同的重复行由 DUP004 报告。",
            en: "One person got two or more training-subsidy payments for one class (on different days or of different amounts); rows identical in every field are DUP004's."),
        source: [.cite("guyuan-2018", "四(五)", "培训结束后培训机构根据培训人数、培训质量申请培训补贴", note: Localized(zh: "每名学员每个班一次", en: "once per trainee and class"))],
        needs: [.payments], optional: .trainingItem)

    var examples: [CheckExample] {
        [
            .triggers("paid in April and again in June", ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            640422199001010017,马小军,800,2019-06-20,培训补贴,6228480012345678901,GY-2019-01
            """)),
            .passes("identical rows are DUP004's", ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            """)),
            .passes("training and living allowances for one class", ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            640422199001010017,马小军,300,2019-04-15,生活费补贴,6228480012345678901,GY-2019-01
            """)),
        ]
    }

    private struct Payout: Hashable { var amount: Int64; var paidOn: Day? }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var isTraining = TrainingSubsidyTest(audit)
        var out: [Finding] = []
        for trainee in data.payees {
            let id = trainee.id
            var byClass: [String: [Payment]] = [:]
            for p in trainee.payments {
                guard let cls = p.classID, (p.amount ?? 0) > 0, isTraining(p) else { continue }
                byClass[cls, default: []].append(p)
            }
            for cls in byClass.keys.sorted() {
                guard let paid = byClass[cls] else { continue }
                // Identical rows are one payout here (DUP004 reports the repeat).
                var payouts: [Payout] = [], firsts: [SourceRef] = []
                var payee: Payment?
                for p in paid {
                    let payout = Payout(amount: p.amount ?? 0, paidOn: p.paidOn)
                    if !payouts.contains(payout) {
                        payouts.append(payout)
                        firsts.append(p.source)
                        if payee == nil { payee = p }
                    }
                }
                guard payouts.count >= 2, let p = payee else { continue }
                let list = payouts.map { "\(CheckText.day($0.paidOn)) \(Money.yuan($0.amount))元" }.joined(separator: "、")
                let listEn = payouts.map { "\(Money.yuan($0.amount)) yuan on \(CheckText.day($0.paidOn))" }.joined(separator: ", ")
                let extra = payouts.dropFirst().reduce(Int64(0)) { $0 + $1.amount }
                out.append(paymentFinding(
                    Localized(zh: "\(data.payee(p, id)) 在 \(cls) 的培训补贴发放了 \(payouts.count) 笔：\(list)",
                              en: "\(data.payee(p, id)) was paid the training subsidy of \(cls) \(payouts.count) times: \(listEn)"),
                    subject: "\(id)|\(cls)", id: id, name: p.name, classID: cls, payments: Array(firsts.dropFirst()),
                    amount: extra, in: data, more: [p.source], confidence: 0.9))
            }
        }
        return out
    }
}
