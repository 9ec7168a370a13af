import TrainAuditCore
/// TGT002: a county reports fewer trainees than its target.
struct TargetNotMet: ReviewCheck {
    let info = CheckInfo(
        code: "TGT002", severity: .low,
        title: Localized(zh: "未完成年度培训任务", en: "Yearly training target not met"),
        summary: Localized(
            zh: "按任务分解表，区县当年台账中的培训人数（按身份证号去重）低于目标任务；给出按考核办法计算的得分（完成目标计80分，每少1个百分点扣1分），以及剔除有高或严重问题学员后的人数和得分。",
            en: "By the task table, the county's distinct trainees of the year in the ledgers fall short of the target; the finding gives the assessment score (80 for the target, one point off per percentage point short), and the count and score once trainees with high or critical findings are set aside."),
        source: [.cite("luzhou-2016-26", "一(一)", "完成年度目标任务的计80分，每减少1个百分点扣1分"), .cite("luzhou-2016-26", "附件2", "目标任务分解表")],
        needs: [.targets, .roster], optional: .notEmployed)

    let examples: [CheckExample] = [
        .triggers("3 trained of a target of 4", TargetExamples.targets(4), TargetExamples.roster(3)),
        .passes("4 trained of a target of 4", TargetExamples.targets(4), TargetExamples.roster(4)),
    ]

    func review(_ audit: Audit, findings: [Finding]) -> [Finding] {
        TargetAssessment.all(audit, findings: findings).compactMap { a in
            guard let goal = a.target.target, goal > 0, a.reported < goal else { return nil }
            let r = a.progress(a.reported), c = a.progress(a.clean)
            let cleanNote = a.clean < a.reported
                ? Localized(zh: "；剔除 \(a.reported - a.clean) 名有高或严重问题的学员后为 \(c.zh)", en: "; with \(a.reported - a.clean) trainee(s) with high or critical findings set aside, \(c.en)")
                : Localized(zh: "", en: "")
            return targetFinding(
                Localized(zh: "\(a.place)：目标任务 \(goal) 人，台账 \(r.zh)\(cleanNote.zh)",
                          en: "\(a.placeEn): target \(goal), in the ledgers \(r.en)\(cleanNote.en)"), a)
        }
    }
}
