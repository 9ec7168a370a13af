import TrainAuditCore
/// TGT001: a county meets its target only by counting trainees with serious findings.
struct TargetMetWithFlaggedTrainees: ReviewCheck {
    let info = CheckInfo(
        code: "TGT001", severity: .low,
        title: Localized(zh: "剔除存疑学员后未完成培训任务", en: "Target met only with doubtful trainees"),
        summary: Localized(
            zh: "按任务分解表，区县当年报告的培训人数达到目标任务，但剔除有高或严重问题（非建档立卡、重复享受、空挂、代签等）的学员后低于目标：考核得分（完成目标计80分，每少1个百分点扣1分）应按剔除后的人数核定。",
            en: "By the task table, the county's reported trainees reach the year's target, but once trainees with high or critical findings (not registered, subsidised twice, ghosts, proxy sign-ins …) are set aside they fall short: the assessment score (80 for the target, one point off per percentage point short) should be set on the count that remains."),
        source: [.cite("luzhou-2016-26", "一(一)", "完成年度目标任务的计80分，每减少1个百分点扣1分"), .cite("luzhou-2016-26", "附件2", "目标任务分解表")],
        needs: [.targets, .roster], optional: .notEmployed)

    let examples: [CheckExample] = [
        .triggers("4 reported for a target of 4, one of them not in the registry",
                  TargetExamples.targets(4), TargetExamples.roster(4), ("registry.csv", """
                  县(市、区、旗),户编号,姓名,证件号码,与户主关系
                  西吉县,H001,马小军,640422199001010017,户主
                  西吉县,H002,李梅,642223198802020023,户主
                  西吉县,H003,白雪,642223199208080204,户主
                  """)),
        .passes("4 reported for a target of 4, all registered", TargetExamples.targets(4), TargetExamples.roster(4), ("registry.csv", """
                  县(市、区、旗),户编号,姓名,证件号码,与户主关系
                  西吉县,H001,马小军,640422199001010017,户主
                  西吉县,H002,李梅,642223198802020023,户主
                  西吉县,H003,白雪,642223199208080204,户主
                  西吉县,H004,马强,642223199001010014,户主
                  """)),
    ]

    func review(_ audit: Audit, findings: [Finding]) -> [Finding] {
        TargetAssessment.all(audit, findings: findings).compactMap { a in
            guard let goal = a.target.target, goal > 0, a.reported >= goal, a.clean < goal else { return nil }
            let r = a.progress(a.reported), c = a.progress(a.clean)
            return targetFinding(
                Localized(zh: "\(a.place)：目标任务 \(goal) 人，报告 \(r.zh)；剔除 \(a.reported - a.clean) 名有高或严重问题的学员后为 \(c.zh)",
                          en: "\(a.placeEn): target \(goal), reported \(r.en); with \(a.reported - a.clean) trainee(s) with high or critical findings set aside, \(c.en)"), a)
        }
    }
}
