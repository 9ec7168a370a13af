import TrainAuditCore
/// The PAY family (RULES.md, "Beyond the five"): subsidies paid against the standard,
/// the assessment, the attendance, the roster and the calendar.
public enum PaymentChecks {
    public static let all: [any Check] = [
        SubsidyAboveStandard(), PaidAfterFailing(), PaidWithLowAttendance(), PaidOffRoster(),
        PaidBeforeClassEnded(), PaidTwiceForOneClass(), OddAmount(), AccountHolderNotTrainee(),
    ]
}
