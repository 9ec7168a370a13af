/// The DQ family (RULES.md).
public enum TableQualityChecks {
    public static let all: [any Check] = []
}
