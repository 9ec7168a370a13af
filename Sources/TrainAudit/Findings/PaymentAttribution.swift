import Foundation

/// Which class a payment pays for, so each payment belongs to one class, one institution
/// and one county wherever money at risk is summed (the roll-ups, the JSON Lines
/// `payments`): two findings about one trainee in two classes may both count a payment,
/// but it is at risk in one unit only.
///
/// A payment's class is the class its ledger row names. A row that names no class pays
/// for one of the payee's enrolments: the only one when there is one; else the latest
/// class that started on or before the payment day (a subsidy is paid after training);
/// else (no payment day, or paid before every start) the earliest class. A payee on no
/// roster gives no class, and the payment goes to the blank unit.
public struct PaymentAttribution {
    public let data: AuditData
    /// Each payment row's record, by its row.
    private var byRow: [SourceRef: Payment] = [:]

    /// - Parameter rows: the payment rows wanted (nil: all).
    public init(data: AuditData, rows: Set<SourceRef>? = nil) {
        self.data = data
        if rows?.isEmpty == true { return }
        for p in data.payments where rows?.contains(p.source) ?? true { byRow[p.source] = p }
    }

    public func payment(_ row: SourceRef) -> Payment? { byRow[row] }

    /// The class a payment pays for (nil: it names none and the payee is on no roster).
    public func classID(of p: Payment) -> String? {
        if let c = p.classID?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        guard let person = p.id.id else { return nil }
        var classes: [(start: Day?, id: String)] = []
        for line in data.trainee(person).roster where !classes.contains(where: { $0.id == line.classID }) {
            classes.append((line.start, line.classID))
        }
        classes.sort { a, b in
            switch (a.start, b.start) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.id < b.id
            }
        }
        if let paid = p.paidOn, let last = classes.last(where: { $0.start.map { $0 <= paid } ?? false }) { return last.id }
        return classes.first?.id
    }

    /// The payee's roster line in the payment's class, if on that roster.
    public func rosterLine(of p: Payment) -> RosterLine? {
        guard let person = p.id.id, let c = classID(of: p) else { return nil }
        return data.trainee(person).roster.first { $0.classID == c }
    }

    /// The institution of the class a payment pays for: the payee's roster line's, else the
    /// class register's.
    public func institution(of p: Payment) -> String? {
        blankless(rosterLine(of: p)?.institution ?? data.trainingClass(classID(of: p))?.institution)
    }

    public func county(of p: Payment) -> String? {
        blankless(rosterLine(of: p)?.county ?? data.trainingClass(classID(of: p))?.county)
    }

    /// A finding's payment rows with their amounts and units.
    public func payments(of f: Finding) -> [PaymentAtRisk] {
        f.paymentRefs.map { ref in
            guard let p = byRow[ref] else { return PaymentAtRisk(source: ref, amount: nil, classID: nil, institution: nil) }
            return PaymentAtRisk(source: ref, amount: p.amount, classID: classID(of: p), institution: institution(of: p))
        }
    }

    private func blankless(_ s: String?) -> String? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }
}
