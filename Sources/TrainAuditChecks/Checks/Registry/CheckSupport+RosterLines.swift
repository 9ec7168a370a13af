import TrainAuditCore
/// Helpers the REG, DUP, CLS and PAY checks share over roster lines (the domain view):
/// a finding about one trainee's line, and the distinct people of a roster.

extension Check {
    /// A finding about `person`'s roster line `line`: the person, class, institution,
    /// county and the money of that class put in doubt. The ledger line is the first
    /// evidence; `more` follows (the registry or watchlist line).
    func rosterFinding(_ message: Localized, _ line: RosterLine, of person: Trainee, more: [SourceRef] = [],
                       confidence: Double, county: String? = nil) -> Finding {
        let cls = line.classID
        let money = person.money(in: cls)
        return finding(message, subject: "\(person.id)|\(cls)", evidence: [line.source] + more, confidence: confidence,
                       person: PersonRef(id: person.id.description, name: line.name), classID: cls,
                       institution: line.institution,
                       county: line.county ?? county,
                       amount: money.amount, paymentRefs: money.payments)
    }
}

extension Sequence where Element == RosterLine {
    /// Distinct people on these lines, by ID (or name where the ID is unreadable).
    var distinctHeads: Set<HeadKey> {
        var heads = Set<HeadKey>()
        heads.reserveCapacity(underestimatedCount)
        for line in self { heads.insert(HeadKey(line.id, name: line.name)) }
        return heads
    }
}
