/// The kinds of table an audit brings (DATA.md). Recognised from the header row by the
/// aliases in `rules/columns.yaml`.
public enum TableKind: String, Sendable, CaseIterable, Comparable {
    case registry, roster, attendance, classes, payments, targets, watchlist

    public static func < (a: TableKind, b: TableKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var title: Localized {
        switch self {
        case .registry: return Localized(zh: "建档立卡名册", en: "poverty registry")
        case .roster: return Localized(zh: "培训台账", en: "training ledger")
        case .attendance: return Localized(zh: "考勤记录", en: "attendance")
        case .classes: return Localized(zh: "开班备案", en: "class register")
        case .payments: return Localized(zh: "补贴发放明细", en: "subsidy payments")
        case .targets: return Localized(zh: "任务分解表", en: "task targets")
        case .watchlist: return Localized(zh: "比对名单", en: "watchlist")
        }
    }
}
