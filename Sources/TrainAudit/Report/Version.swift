/// The tool's version, printed by `trainaudit --version` and written into reports.
public enum ToolVersion {
    public static let current = "0.4.0"
}
