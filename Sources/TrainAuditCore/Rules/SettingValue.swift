import Yams

/// A type a rule-pack setting can hold: how its YAML is read and how it is shown.
protocol SettingValue: Sendable {
    static func read(_ node: Node, _ r: SettingReader) throws -> Self
    /// The value as `trainaudit rules` and the run record's settings hash show it.
    var shown: String { get }
}

extension Int: SettingValue {
    static func read(_ node: Node, _ r: SettingReader) throws -> Int {
        guard let v = node.int else { throw r.error(node, "expected a whole number") }
        return v
    }
    var shown: String { String(self) }
}

extension Double: SettingValue {
    static func read(_ node: Node, _ r: SettingReader) throws -> Double {
        guard let v = node.float ?? node.int.map(Double.init) else { throw r.error(node, "expected a number") }
        return v
    }
    /// 6 → "6", 0.6667 → "0.6667".
    var shown: String { self == rounded() ? String(Int(self)) : String(self) }
}

extension Bool: SettingValue {
    static func read(_ node: Node, _ r: SettingReader) throws -> Bool {
        guard let v = node.bool else { throw r.error(node, "expected true or false") }
        return v
    }
    var shown: String { String(self) }
}

extension Pattern: SettingValue {
    static func read(_ node: Node, _ r: SettingReader) throws -> Self {
        guard let text = node.string else { throw r.error(node, "expected a pattern (text)") }
        do { return try Self(text) } catch { throw r.error(node, "\(error)") }
    }
    var shown: String { description }
}

/// A list setting (course_length, subsidy_standard): a YAML sequence of its elements.
protocol SettingElement: Sendable {
    static func read(_ node: Node, _ r: SettingReader) throws -> Self
    /// What the list must look like, for the error when it is not a list.
    static var listShape: String { get }
    var shown: String { get }
}

extension Array: SettingValue where Element: SettingElement {
    static func read(_ node: Node, _ r: SettingReader) throws -> [Element] {
        guard let list = node.sequence else { throw r.error(node, "expected a list of \(Element.listShape)") }
        return try list.map { try Element.read($0, r) }
    }
    var shown: String { map(\.shown).joined(separator: "; ") }
}

extension SettingReader {
    /// A pattern in a list entry (`program`, `certificate`).
    func pattern(_ node: Node) throws -> Pattern { try Pattern.read(node, self) }

    /// An optional number field of a list entry.
    func number(_ node: Node?, _ field: String) throws -> Double? {
        guard let node else { return nil }
        guard let v = node.float ?? node.int.map(Double.init) else { throw fail(node, "\(key).\(field): expected a number") }
        return v
    }
}

extension LengthRule: SettingElement {
    static let listShape = "{program, min_days, max_days, min_hours, max_hours, exempt}"
    static func read(_ item: Node, _ r: SettingReader) throws -> LengthRule {
        guard let m = item.mapping, let program = m["program"] else { throw r.error(item, "each rule needs a program pattern") }
        for (k, _) in m where !["program", "min_days", "max_days", "min_hours", "max_hours", "exempt"].contains(k.string ?? "") {
            throw r.error(k, "unknown key '\(k.string ?? "")'")
        }
        return LengthRule(program: try r.pattern(program), minDays: try r.number(m["min_days"], "min_days"),
                          maxDays: try r.number(m["max_days"], "max_days"), minHours: try r.number(m["min_hours"], "min_hours"),
                          maxHours: try r.number(m["max_hours"], "max_hours"), exempt: m["exempt"]?.bool ?? false)
    }
    /// "专项: exempt", ": ≥20 days, ≤30 days".
    var shown: String {
        if exempt { return "\(program): exempt" }
        var parts: [String] = []
        if let v = minDays { parts.append("≥\(v.shown) days") }
        if let v = maxDays { parts.append("≤\(v.shown) days") }
        if let v = minHours { parts.append("≥\(v.shown) hours") }
        if let v = maxHours { parts.append("≤\(v.shown) hours") }
        return "\(program): " + parts.joined(separator: ", ")
    }
}

extension SubsidyStandard: SettingElement {
    static let listShape = "{certificate, max_yuan}"
    static func read(_ item: Node, _ r: SettingReader) throws -> SubsidyStandard {
        guard let m = item.mapping, let c = m["certificate"], let y = try r.number(m["max_yuan"], "max_yuan") else {
            throw r.error(item, "each entry needs certificate and max_yuan")
        }
        return SubsidyStandard(certificate: try r.pattern(c), maxAmount: Int64((y * 100).rounded()))
    }
    var shown: String { "\(certificate) ≤ \(Money.yuan(maxAmount))" }
}
