import TrainAuditCore
/// TGT004: a county's assessment by the task table, when it met its target cleanly.
struct TargetAssessed: ReviewCheck {
    let info = CheckInfo(
        code: "TGT004", severity: .info,
        title: Localized(zh: "培训任务考核情况", en: "Training target assessment"),
        summary: Localized(
            zh: "区县当年完成了任务分解表的目标任务，剔除有高或严重问题的学员后仍然完成：给出报告人数、剔除后人数和考核得分（完成目标计80分），供考核存档。未完成或剔除后未完成的由 TGT001、TGT002 报告。",
            en: "The county met the year's target of the task table, and still does with trainees with high or critical findings set aside: the reported count, the count that remains and the score (80 for the target), for the assessment file. Shortfalls are TGT001's and TGT002's."),
        source: [.cite("luzhou-2016-26", "一(一)", "完成年度目标任务的计80分，每减少1个百分点扣1分")],
        needs: [.targets, .roster], optional: .notEmployed)

    let examples: [CheckExample] = [
        .triggers("4 trained of a target of 4", TargetExamples.targets(4), TargetExamples.roster(4)),
        .passes("3 trained of a target of 4 (TGT002)", TargetExamples.targets(4), TargetExamples.roster(3)),
    ]

    func review(_ audit: Audit, findings: [Finding]) -> [Finding] {
        TargetAssessment.all(audit, findings: findings).compactMap { a in
            guard let goal = a.target.target, goal > 0, a.clean >= goal else { return nil }
            return targetFinding(
                Localized(zh: "\(a.place)：目标任务 \(goal) 人，报告 \(a.progress(a.reported).zh)，剔除有高或严重问题的学员后 \(a.progress(a.clean).zh)",
                          en: "\(a.placeEn): target \(goal), reported \(a.progress(a.reported).en), with trainees with high or critical findings set aside \(a.progress(a.clean).en)"), a)
        }
    }
}
