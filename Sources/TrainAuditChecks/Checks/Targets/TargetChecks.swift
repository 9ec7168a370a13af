import TrainAuditCore
/// The TGT family (RULES.md, "Beyond the five"): the county's yearly target and its
/// assessment (seed 000). They read the other checks' findings, so they run last.
public enum TargetChecks {
    public static let all: [any Check] = [
        TargetMetWithFlaggedTrainees(), TargetNotMet(), LowEmployment(), TargetAssessed(),
    ]
}
