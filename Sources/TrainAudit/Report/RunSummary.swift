/// The run summary for stderr: what was read, what was found, what did not run and why.
public enum RunSummary {
    public static func text(_ r: ScanResult, shown: [Finding], lang: Lang) -> String {
        let zh = lang == .zh
        var lines: [String] = []
        let read = r.reports.filter { $0.layout != nil }
        let records = read.map(\.records).reduce(0, +)
        let skipped = r.reports.map(\.skippedTotal).reduce(0, +)
        lines.append(zh ? "读取 \(read.count) 张表，\(records) 行数据，跳过 \(skipped) 行非数据行（见 inspect）"
                        : "read \(read.count) tables, \(records) data rows, \(skipped) non-data rows skipped (see inspect)")
        for e in r.reports.compactMap(\.error) { lines.append("  ! " + e.text(lang)) }
        var bySeverity: [Severity: Int] = [:]
        for f in shown { bySeverity[f.severity, default: 0] += 1 }
        let counts = Severity.allCases.reversed().filter { (bySeverity[$0] ?? 0) > 0 }
            .map { "\($0.label.text(lang)) \(bySeverity[$0]!)" }.joined(separator: zh ? "，" : ", ")
        let money = moneyAtRisk(shown, data: r.data)
        lines.append(zh ? "发现 \(shown.count) 项问题（\(counts.isEmpty ? "无" : counts)），涉及补贴 \(Money.yuan(money)) 元（每笔发放只计一次）"
                        : "\(shown.count) findings (\(counts.isEmpty ? "none" : counts)), subsidies at risk \(Money.yuan(money)) yuan (each payment counted once)")
        if !r.skipped.isEmpty, !read.isEmpty {
            lines.append(zh ? "未运行的检查：" : "checks not run:")
            for s in r.skipped { lines.append("  \(s.code): \(s.reason.text(lang))") }
        }
        return lines.joined(separator: "\n")
    }

    /// Money at risk across findings: each payment row counted once, whatever the number of
    /// findings pointing at it; a finding without payment rows (no payment ledger) counts
    /// its own amount once per person and class.
    public static func moneyAtRisk(_ findings: [Finding], data: AuditData) -> Int64 {
        moneyAtRisk(findings, paid: paidAmounts(data))
    }

    /// Each payment row's amount, by its row: computed once when money is summed per unit.
    public static func paidAmounts(_ data: AuditData) -> [SourceRef: Int64] {
        var paid: [SourceRef: Int64] = [:]
        for p in data.payments { if let a = p.amount { paid[p.source] = a } }
        return paid
    }

    public static func moneyAtRisk(_ findings: [Finding], paid: [SourceRef: Int64]) -> Int64 {
        moneyAtRisk(findings, paid: paid, paymentUnit: { _ in "" }, findingUnit: { _ in "" })[""] ?? 0
    }

    /// Money at risk per unit, adding up to `moneyAtRisk` over all units: each payment row
    /// once, in the unit `paymentUnit` gives it (the unit of the class it pays for,
    /// `PaymentAttribution`), whichever findings count it; a finding without payment rows
    /// counts its own amount, once per person and class, in its own unit.
    public static func moneyAtRisk<Unit: Hashable>(_ findings: [Finding], paid: [SourceRef: Int64],
                                                   paymentUnit: (SourceRef) -> Unit, findingUnit: (Finding) -> Unit) -> [Unit: Int64] {
        var seen = Set<SourceRef>()
        var counted = Set<String>()
        var total: [Unit: Int64] = [:]
        for f in findings {
            if f.paymentRefs.isEmpty {
                let key = "\(f.person?.id ?? f.subject)|\(f.classID ?? "")"
                if let a = f.amount, counted.insert(key).inserted { total[findingUnit(f), default: 0] += a }
            } else {
                for ref in f.paymentRefs where seen.insert(ref).inserted { total[paymentUnit(ref), default: 0] += paid[ref] ?? 0 }
            }
        }
        return total
    }
}
