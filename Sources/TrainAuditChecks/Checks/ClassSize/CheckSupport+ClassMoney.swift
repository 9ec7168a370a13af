import TrainAuditCore
/// The money of a class's roster lines a CLS finding puts in doubt.

extension AuditData {
    /// The subsidy of `lines` in `classID`: the payment rows made to these people for the
    /// class (each once, with their total) when the payment ledger names any, so money at
    /// risk counts them once across findings; else the roster's subsidies.
    func money(of lines: [Enrollment], in classID: String) -> MoneyAtRisk {
        var refs: [SourceRef] = []
        var total: Int64 = 0
        var people = Set<ResidentID>()
        for e in lines {
            guard let id = e.id.id, people.insert(id).inserted else { continue }
            let paid = trainee(id).money(in: classID)
            if !paid.payments.isEmpty { refs += paid.payments; total += paid.amount ?? 0 }
        }
        if refs.isEmpty {
            let subsidies = lines.compactMap(\.subsidy)
            return MoneyAtRisk(amount: subsidies.isEmpty ? nil : subsidies.reduce(0, +), payments: [])
        }
        return MoneyAtRisk(amount: total, payments: refs.sorted())
    }
}
