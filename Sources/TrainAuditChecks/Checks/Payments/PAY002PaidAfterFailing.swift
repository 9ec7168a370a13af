import TrainAuditCore
/// PAY002: a training subsidy paid to a trainee whose assessment failed.
struct PaidAfterFailing: Check {
    let info = CheckInfo(
        code: "PAY002", severity: .high,
        title: Localized(zh: "考核不合格仍领取培训补贴", en: "Training subsidy paid after a failed assessment"),
        summary: Localized(
            zh: "台账“鉴定或考核通过情况”为不合格（0、不合格、未通过……，按规则包的模式），却领取了培训补贴（发放明细中该班的培训补贴，或台账补贴金额栏）。培训补贴以取得证书为条件；生活费补贴按规定可以照发，不计在内。",
            en: "The ledger's 鉴定或考核通过情况 says failed (0, 不合格, 未通过 …, by the pack's patterns), yet a training subsidy was paid (the payment ledger's training item for that class, or the ledger's subsidy column). The training subsidy depends on passing; a living allowance may still be paid and is not counted."),
        source: [.cite("guyuan-2018", "四(三)", "培训后取得培训合格证书的，给予800元的培训补贴"), .cite("luzhou-2016-26", "附件5 注2", "“鉴定或考核通过情况”栏选项“1”表示“合格”，“0”表示“不合格”")],
        needs: [.roster], settings: .failedAssessment, optional: .trainingItem)

    var examples: [CheckExample] {
        let roster = """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,鉴定或考核通过情况,培训和鉴定补贴金额(元),班级编号
        马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,0,0,GY-2019-01
        李梅,642223198802020023,农村电商,2019-03-01,2019-03-25,合格,800,GY-2019-01
        """
        return [
            .triggers("failed, yet paid the training subsidy", ("roster.csv", roster), ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            642223198802020023,李梅,800,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            """)),
            .triggers("failed, and the ledger itself claims a subsidy", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,鉴定或考核通过情况,培训和鉴定补贴金额(元),班级编号
            马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,不合格,800,GY-2019-01
            """)),
            .passes("failed, and only the living allowance paid", ("roster.csv", roster), ("payments.csv", """
            \(PaymentExamples.header)
            640422199001010017,马小军,300,2019-04-15,生活费补贴,6228480012345678901,GY-2019-01
            642223198802020023,李梅,800,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var isTraining = TrainingSubsidyTest(audit)
        var out: [Finding] = []
        var seen = Set<String>()
        for line in data.rosterLines {
            let e = line.record
            guard let trainee = line.trainee, audit.failed(e) == true else { continue }
            let id = trainee.id
            let cls = line.classID
            guard seen.insert("\(id)|\(cls)").inserted else { continue }
            let forClass = trainee.payments(naming: cls)
            let paid = forClass.filter { isTraining($0) && ($0.amount ?? 0) > 0 }
            let who = CheckText.who(e.name, id)
            let result = e.assessment ?? "?"
            if !paid.isEmpty {
                let total = paid.compactMap(\.amount).reduce(0, +)
                out.append(paymentFinding(
                    Localized(zh: "\(who) 在 \(cls) 的考核结果为“\(result)”，却领取培训补贴 \(Money.yuan(total)) 元",
                              en: "\(who) failed the assessment of \(cls) (\"\(result)\") yet was paid \(Money.yuan(total)) yuan of training subsidy"),
                    subject: "\(id)|\(cls)", id: id, name: e.name, classID: cls, payments: paid.map(\.source), amount: total,
                    in: data, more: [e.source], confidence: 0.95))
            } else if let claimed = e.subsidy, claimed > 0, forClass.isEmpty {
                // No payment line for the class: the ledger's own claim is the evidence.
                out.append(rosterFinding(
                    Localized(zh: "\(who) 在 \(cls) 的考核结果为“\(result)”，台账却填报补贴 \(Money.yuan(claimed)) 元",
                              en: "\(who) failed the assessment of \(cls) (\"\(result)\") yet the ledger claims \(Money.yuan(claimed)) yuan"),
                    line, of: trainee, confidence: 0.85))
            }
        }
        return out
    }
}
