import TrainAuditCore
/// The SCH family (RULES.md).
public enum ScheduleChecks {
    public static let all: [any Check] = [
        OverlappingSignIns(), TeacherInTwoPlaces(), SignInOutsidePeriod(), SignInImpossibleDay(),
        CourseLength(), LowDailyHours(), ExcessHours(), LowPracticalShare(),
    ]
}
