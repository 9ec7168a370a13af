import TrainAuditCore
/// TGT003: too few trainees in work after the training.
struct LowEmployment: ReviewCheck {
    let info = CheckInfo(
        code: "TGT003", severity: .medium,
        title: Localized(zh: "培训后转移就业率低于要求", en: "Employment after training below the floor"),
        summary: Localized(
            zh: "按台账“就业去向”，区县当年培训学员中已就业的比例低于规则包的要求（泸州：转移就业率不低于80%）。只计填写了就业去向的学员；未就业、待业、在家等按规则包的模式计为未就业。",
            en: "By the ledger's 就业去向, the share of the county's trainees of the year in work is below the pack's floor (Luzhou: at least 80%). Only trainees with a 就业去向 count; 未就业, 待业, 在家 … (the pack's pattern) count as not in work."),
        source: [.cite("luzhou-2016-26", "附件1", "培训后转移就业率不低于80%")],
        needs: [.targets, .roster], settings: .employmentFloor, .notEmployed)

    let examples: [CheckExample] = [
        .triggers("2 of 4 in work", pack: "luzhou", TargetExamples.targets(4),
                  TargetExamples.roster(4, employment: ["县内务工", "未就业", "省外务工", "在家务农"])),
        .passes("4 of 4 in work", pack: "luzhou", TargetExamples.targets(4),
                TargetExamples.roster(4, employment: ["县内务工", "自主创业", "省外务工", "公益性岗位"])),
    ]

    func review(_ audit: Audit, findings: [Finding]) -> [Finding] {
        guard let floor = audit.settings[.employmentFloor]?.value else { return [] }
        return TargetAssessment.all(audit, findings: findings).compactMap { a in
            guard a.withEmployment > 0 else { return nil }
            let rate = Double(a.employed) / Double(a.withEmployment)
            guard rate < floor else { return nil }
            let pct = TargetAssessment.show(rate * 100), need = TargetAssessment.show(floor * 100)
            // Blank 就业去向 lines make the rate less certain.
            let confidence = Double(a.withEmployment) / Double(max(1, a.reported))
            return targetFinding(
                Localized(zh: "\(a.place)：填写就业去向的 \(a.withEmployment) 名学员中已就业 \(a.employed) 人（\(pct)%），低于 \(need)%",
                          en: "\(a.placeEn): \(a.employed) of \(a.withEmployment) trainees with a 就业去向 are in work (\(pct)%), below \(need)%"),
                a, confidence: max(0.5, min(1, confidence)))
        }
    }
}
