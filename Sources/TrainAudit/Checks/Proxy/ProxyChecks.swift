/// The PRX family (RULES.md).
public enum ProxyChecks {
    public static let all: [any Check] = []
}
