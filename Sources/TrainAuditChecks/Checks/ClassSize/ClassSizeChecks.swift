import TrainAuditCore
/// The CLS family (RULES.md).
public enum ClassSizeChecks {
    public static let all: [any Check] = [ClassTooLarge(), SessionLargerThanRoster(), RosterInflated()]
}
