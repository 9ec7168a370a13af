import Yams

/// A rule-pack setting: its YAML name and a one-line description, typed by its value.
/// The value type says how the pack's YAML is read and how `trainaudit rules` shows it
/// (`SettingValue`). Every key is declared once, in SettingKeys.swift, and read as
/// `audit.settings[.maxClassSize]`.
public struct SettingKey<Value: Sendable>: Sendable {
    /// The YAML name (`max_class_size`).
    public let name: String
    /// What the setting is, in one line.
    public let summary: String
    /// Whether a class is judged by it as it stood when the class started: only such a
    /// setting may carry dates in a pack (`from`, `until`, `periods`), and its checks read
    /// it with `Settings.inForce`.
    public let byClassStart: Bool
    let read: @Sendable (Node, SettingReader) throws -> Value
    let show: @Sendable (Value) -> String
}

extension SettingKey where Value: SettingValue {
    init(_ name: String, _ summary: String, byClassStart: Bool = false) {
        self.init(name: name, summary: summary, byClassStart: byClassStart, read: Value.read, show: { $0.shown })
    }
}

/// A key with its value type erased: what a CheckInfo lists and the parser looks up.
/// Two keys are equal when their names are.
public struct AnySettingKey: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let summary: String
    public let byClassStart: Bool
    let read: @Sendable (Node, SettingReader) throws -> any Sendable
    let show: @Sendable (any Sendable) -> String?

    public init<Value>(_ key: SettingKey<Value>) {
        name = key.name
        summary = key.summary
        byClassStart = key.byClassStart
        read = { try key.read($0, $1) }
        show = { ($0 as? Value).map(key.show) }
    }

    /// The keys given, type-erased: `AnySettingKey.list(.minAge, .maxAge)`.
    public static func list<each Value>(_ keys: repeat SettingKey<each Value>) -> [AnySettingKey] {
        var out: [AnySettingKey] = []
        for key in repeat each keys { out.append(AnySettingKey(key)) }
        return out
    }

    /// The declared key of that YAML name.
    public static func named(_ name: String) -> AnySettingKey? { byName[name] }
    private static let byName: [String: AnySettingKey] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    public var description: String { name }
    public static func == (a: AnySettingKey, b: AnySettingKey) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// Reads one setting's YAML value, failing with the pack file and line.
struct SettingReader {
    let key: String
    let fail: (Node?, String) -> RulePack.LoadError

    func error(_ node: Node?, _ message: String) -> RulePack.LoadError { fail(node, "\(key): \(message)") }
}
