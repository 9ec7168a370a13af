import TrainAuditCore
/// The DQ family (RULES.md, "Beyond the five"): table quality, and nothing read is lost
/// silently.
public enum TableQualityChecks {
    public static let all: [any Check] = [
        MissingColumn(), MissingValue(), UnreadableDate(), UnreadableNumber(), EndBeforeStart(),
        SkippedRows(), UnreadableTable(), OversizedCell(), UndecodableCell(), EmptyTable(), CopiedFile(), RepeatedRows(),
    ]
}
