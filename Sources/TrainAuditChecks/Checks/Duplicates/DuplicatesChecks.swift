import TrainAuditCore
/// The DUP family (RULES.md).
public enum DuplicatesChecks {
    public static let all: [any Check] = [
        SameOccupationTwice(), TooManyTrainingsPerYear(), OverlappingRosters(), DuplicatePaymentRows(),
        SharedAccountAcrossHouseholds(),
    ]
}
