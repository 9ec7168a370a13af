import TrainAuditCore
/// PAY005: a training subsidy paid before the class it is for had ended.
struct PaidBeforeClassEnded: Check {
    let info = CheckInfo(
        code: "PAY005", severity: .medium,
        title: Localized(zh: "培训结束前发放培训补贴", en: "Training subsidy paid before the class ended"),
        summary: Localized(
            zh: "培训补贴的发放日期早于所注明班级的结业日期：补贴应在培训结束、考核验收之后申请和发放。",
            en: "A training subsidy's payment date is before the end of the class it names: the subsidy is claimed and paid after the training ends and is checked."),
        source: [.cite("guyuan-2018", "四(五)", "培训结束后培训机构根据培训人数、培训质量申请培训补贴……对培训质量进行审核验收")],
        needs: [.payments], optional: .trainingItem)

    var examples: [CheckExample] {
        let roster = """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
        马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,GY-2019-01
        """
        return [
            .triggers("paid on the tenth day of the class", ("roster.csv", roster), ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-03-10,培训补贴,6228480012345678901,GY-2019-01
            """)),
            .passes("paid three weeks after the class", ("roster.csv", roster), ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            """)),
            .passes("a living allowance during the class", ("roster.csv", roster), ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,300,2019-03-10,生活费补贴,6228480012345678901,GY-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var isTraining = TrainingSubsidyTest(audit)
        var out: [Finding] = []
        var seen = Set<String>()
        for p in data.payments {
            guard let id = p.id.id, let paid = p.paidOn, (p.amount ?? 0) > 0, isTraining(p),
                  let cls = p.classID, let end = data.trainingClass(cls)?.end, paid < end else { continue }
            guard seen.insert("\(id)|\(cls)").inserted else { continue }
            let early = data.trainee(id).payments(naming: cls).filter {
                isTraining($0) && ($0.paidOn.map { $0 < end } ?? false)
            }
            let total = early.compactMap(\.amount).reduce(0, +)
            out.append(paymentFinding(
                Localized(zh: "\(data.payee(p, id)) 的 \(cls) 培训补贴 \(Money.yuan(total)) 元于 \(paid) 发放，早于结业日期 \(end)",
                          en: "\(data.payee(p, id)) was paid \(Money.yuan(total)) yuan of training subsidy for \(cls) on \(paid), before the class ended on \(end)"),
                subject: "\(id)|\(cls)", id: id, name: p.name, classID: cls, payments: early.map(\.source), amount: total,
                in: data, more: data.trainingClass(cls).map { [$0.source] } ?? [], confidence: 0.9))
        }
        return out
    }
}
