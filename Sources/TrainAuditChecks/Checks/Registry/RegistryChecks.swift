import TrainAuditCore
/// The REG family (RULES.md).
public enum RegistryChecks {
    public static let all: [any Check] = [
        NotInRegistry(), IneligibleRegistryStatus(), AgeOutsideRange(), DrivingCourseOverAge(),
        NoLaborCapacity(), OnWatchlist(),
    ]
}
