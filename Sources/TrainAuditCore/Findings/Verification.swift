import Foundation

/// What a call or visit found about a finding (issue 11 §3).
public enum Verification: String, Sendable {
    /// 属实: the finding holds; it carries `"verified":"confirmed"` and ranks first.
    case confirmed
    /// 不属实: the finding does not hold; it is left out and counted in the summary.
    case refuted
    /// 无法核实: the person could not be reached or the answer settles nothing; kept, marked.
    case unverifiable

    /// 属实 / 不属实 / 无法核实, or the English words; nil for anything else.
    public init?(cell: String) {
        let t = cell.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "").lowercased()
        switch t {
        case "属实", "confirmed": self = .confirmed
        case "不属实", "refuted": self = .refuted
        case "无法核实", "unverifiable": self = .unverifiable
        default: return nil
        }
    }

    public var label: Localized {
        switch self {
        case .confirmed: return Localized(zh: "属实", en: "confirmed")
        case .refuted: return Localized(zh: "不属实", en: "refuted")
        case .unverifiable: return Localized(zh: "无法核实", en: "unverifiable")
        }
    }
}
