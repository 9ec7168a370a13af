import TrainAuditCore
/// Every check the analyzer runs, in code order within each family.
public enum AllChecks {
    public static let all: [any Check] = RegistryChecks.all + DuplicatesChecks.all + ScheduleChecks.all
        + ProxyChecks.all + ClassSizeChecks.all + PaymentChecks.all + TargetChecks.all + IdentityChecks.all + TableQualityChecks.all

    public static func check(_ code: String) -> (any Check)? {
        all.first { $0.info.code == code.uppercased() }
    }
}
