import TrainAuditCore
/// PAY001: a training subsidy above the standard the class's certificate sets.
struct SubsidyAboveStandard: Check {
    let info = CheckInfo(
        code: "PAY001", severity: .high,
        title: Localized(zh: "培训补贴超过标准", en: "Training subsidy above the standard"),
        summary: Localized(
            zh: "按开班备案的证书类型，规则包规定了培训补贴标准（如固原：取得培训合格证书的给予800元）；发给一名学员的培训补贴（只计补贴项目为培训补贴的发放，不含鉴定、生活费、交通补贴）超过标准。全班都超标时报一条班级问题，个别学员超标时逐人报告。",
            en: "The pack sets a training-subsidy standard by the certificate a class leads to (Guyuan: 800 yuan for a 培训合格证书); a trainee's training subsidy (payments of the training item only, never assessment, living or travel allowances) is above it. A class paid above it throughout is one class finding; a few people above it are person findings."),
        source: [.cite("guyuan-2018", "四(三)", "未列入的，一律不得许可和认定职业资格，培训后取得培训合格证书的，给予800元的培训补贴")],
        needs: [.payments, .classes], settings: .subsidyStandards, optional: .trainingItem)

    var examples: [CheckExample] {
        let h = PaymentExamples.header
        return [
            .triggers("one trainee of three paid 1,600 for a 培训合格证书 class", ("classes.csv", PaymentExamples.classes), ("payments.csv", """
            \(h)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            642223199208080204,白雪,800,2019-04-15,培训补贴,6228480012345678927,GY-2019-01
            """)),
            .triggers("the whole class paid above the standard: one class finding", ("classes.csv", PaymentExamples.classes), ("payments.csv", """
            \(h)
            640422199001010017,马小军,1200,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            642223198802020023,李梅,1200,2019-04-15,培训补贴,6228480012345678919,GY-2019-01
            642223199208080204,白雪,1200,2019-04-15,培训补贴,6228480012345678927,GY-2019-01
            """)),
            .passes("living and assessment allowances are not added to the training subsidy", ("classes.csv", PaymentExamples.classes), ("payments.csv", """
            \(h)
            640422199001010017,马小军,800,2019-04-15,培训补贴,6228480012345678901,GY-2019-01
            640422199001010017,马小军,500,2019-04-15,生活费补贴,6228480012345678901,GY-2019-01
            640422199001010017,马小军,300,2019-04-15,鉴定补贴,6228480012345678901,GY-2019-01
            """)),
            .passes("a 职业资格证书 class has no standard in the pack", ("classes.csv", PaymentExamples.classes), ("payments.csv", """
            \(h)
            640422199001010017,马小军,1600,2019-04-15,培训补贴,6228480012345678901,GY-2019-02
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var isTraining = TrainingSubsidyTest(audit)
        var out: [Finding] = []
        for view in data.trainingClasses {
            guard let standard = audit.standard(for: view) else { continue }
            // Training subsidy per person of the class, in ledger order.
            var order: [ResidentID] = []
            var paid: [ResidentID: (total: Int64, payments: [SourceRef], name: String)] = [:]
            for p in data.payments(of: view.classID) {
                guard let id = p.id.id, let amount = p.amount, amount > 0, isTraining(p) else { continue }
                if paid[id] == nil { order.append(id); paid[id] = (0, [], p.name) }
                paid[id]?.total += amount
                paid[id]?.payments.append(p.source)
            }
            let over = order.filter { (paid[$0]?.total ?? 0) > standard.maxAmount }
            guard !over.isEmpty else { continue }
            let cert = view.certificate ?? "?"
            let max = Money.yuan(standard.maxAmount)
            if over.count == order.count, order.count >= 2 {
                // The whole class: one finding about how the class was paid.
                let excess = over.reduce(Int64(0)) { $0 + ((paid[$1]?.total ?? 0) - standard.maxAmount) }
                let refs = over.flatMap { paid[$0]?.payments ?? [] }
                out.append(finding(
                    Localized(zh: "\(view.classID)（\(cert)，标准 \(max) 元）全部 \(order.count) 名学员的培训补贴均超过标准，共超发 \(Money.yuan(excess)) 元",
                              en: "Every one of the \(order.count) trainees of \(view.classID) (\(cert), standard \(max) yuan) got more training subsidy than the standard: \(Money.yuan(excess)) yuan over in all"),
                    subject: view.classID, evidence: [view.source] + refs.prefix(20), confidence: 0.95,
                    classID: view.classID, institution: view.institution, county: view.county,
                    amount: excess, paymentRefs: refs))
                continue
            }
            for id in over {
                guard let who = paid[id] else { continue }
                out.append(paymentFinding(
                    Localized(zh: "\(CheckText.who(who.name, id)) 在 \(view.classID)（\(cert)）领取培训补贴 \(Money.yuan(who.total)) 元，超过标准 \(max) 元",
                              en: "\(CheckText.who(who.name, id)) got \(Money.yuan(who.total)) yuan of training subsidy for \(view.classID) (\(cert)), above the standard of \(max) yuan"),
                    subject: "\(id)|\(view.classID)", id: id, name: who.name, classID: view.classID,
                    payments: who.payments, amount: who.total - standard.maxAmount, in: data, more: [view.source], confidence: 0.95))
            }
        }
        return out
    }
}
