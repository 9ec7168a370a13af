import Foundation

/// The names a finding's message may show besides its person's and people's (Finding.otherNames),
/// looked up in the run's records so `--mask` hides every name, not only the ones a check
/// put in `person` and `people`: the same ID's names in other tables (ID008 lists them),
/// the holders of the payment rows (PAY008), the teachers of the classes (SCH002). Sign-in
/// names are read for the ID checks only (ID008 compares names across tables; other
/// checks name people as the roster or registry does), as reading every sign-in name of
/// every flagged person is the costliest read of a scan at scale.
enum OtherNames {
    static func of(_ f: Finding, in data: AuditData, payments: PaymentAttribution) -> [String] {
        var names = Set<String>()
        for ref in [f.person].compactMap({ $0 }) + f.people {
            guard let id = ResidentID(ref.id) else { continue }
            let t = data.trainee(id)
            for line in t.roster { names.insert(line.name) }
            for p in t.payments { names.insert(p.name); if let h = p.holder { names.insert(h) } }
            for r in t.registry { names.insert(r.name) }
            for w in t.watchlist { names.insert(w.name) }
            if Family(code: f.code) == .ID { for s in t.signIns { names.insert(s.name) } }
        }
        for ref in f.paymentRefs {
            guard let p = payments.payment(ref) else { continue }
            names.insert(p.name)
            if let h = p.holder { names.insert(h) }
        }
        for c in Set([f.classID].compactMap { $0 } + f.classes) {
            for teacher in data.trainingClass(c)?.teachers ?? [] { names.insert(teacher) }
        }
        let known = Set([f.person?.name].compactMap { $0 } + f.people.map(\.name))
        return names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count > 1 && !known.contains($0) }.sorted()
    }
}
