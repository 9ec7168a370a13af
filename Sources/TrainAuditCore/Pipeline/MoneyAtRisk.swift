extension AuditData {
    /// The subsidy a finding about `person` (in `classID`, or in any class when nil) puts
    /// in doubt: the payments made for it when the payment ledger is present (with their
    /// rows, so the money is counted once across findings), else the roster's subsidy.
    public func moneyAtRisk(person: ResidentID, classID: String?) -> (amount: Int64?, payments: [SourceRef]) {
        let paid = (paymentsByPerson[person] ?? []).filter { i in
            guard let classID else { return true }
            return payments[i].classID == nil || payments[i].classID == classID
        }
        if !paid.isEmpty {
            let total = paid.compactMap { payments[$0].amount }.reduce(0, +)
            return (total, paid.map { payments[$0].source })
        }
        let rosterSubsidy = (enrollmentsByPerson[person] ?? [])
            .filter { classID == nil || enrollmentClass[$0] == classID }
            .compactMap { enrollments[$0].subsidy }
        return (rosterSubsidy.isEmpty ? nil : rosterSubsidy.reduce(0, +), [])
    }
}
