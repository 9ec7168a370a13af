/// The ID family (RULES.md).
public enum IdentityChecks {
    public static let all: [any Check] = []
}
