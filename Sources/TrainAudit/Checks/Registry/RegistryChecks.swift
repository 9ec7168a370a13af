/// The REG family (RULES.md).
public enum RegistryChecks {
    public static let all: [any Check] = []
}
