/// The SCH family (RULES.md).
public enum ScheduleChecks {
    public static let all: [any Check] = []
}
