/// Every ID cell of every table, with its row and name: what the identity checks read.
struct IDOccurrence {
    var reading: IDReading
    var name: String
    var source: SourceRef
    var table: TableKind
}

extension AuditData {
    /// All ID cells, in table order then source order.
    var idOccurrences: [IDOccurrence] {
        var out: [IDOccurrence] = []
        out.reserveCapacity(enrollments.count + signIns.count + payments.count + registry.count + watchlist.count)
        for r in registry { out.append(IDOccurrence(reading: r.id, name: r.name, source: r.source, table: .registry)) }
        for e in enrollments { out.append(IDOccurrence(reading: e.id, name: e.name, source: e.source, table: .roster)) }
        for s in signIns { out.append(IDOccurrence(reading: s.id, name: s.name, source: s.source, table: .attendance)) }
        for p in payments { out.append(IDOccurrence(reading: p.id, name: p.name, source: p.source, table: .payments)) }
        for w in watchlist { out.append(IDOccurrence(reading: w.id, name: w.name, source: w.source, table: .watchlist)) }
        return out
    }
}

/// The shared shape of the ID checks that report one finding per distinct ID text with
/// an issue: the rows where it occurs are the evidence (the first 10; the message counts all).
protocol IDIssueCheck: Check {
    /// Whether this occurrence has the check's issue.
    func applies(_ o: IDOccurrence, _ audit: Audit) -> Bool
    func message(_ o: IDOccurrence, rows: Int) -> Localized
}

extension IDIssueCheck {
    var needs: [TableKind] { [] }

    func run(_ audit: Audit) -> [Finding] {
        var groups: [String: [IDOccurrence]] = [:]
        var order: [String] = []
        for o in audit.data.idOccurrences where applies(o, audit) {
            let key = o.reading.cleaned
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(o)
        }
        return order.sorted().map { key in
            let list = groups[key]!
            let first = list[0]
            return finding(message(first, rows: list.count), subject: key,
                           evidence: list.prefix(10).map(\.source),
                           person: PersonRef(id: first.reading.cleaned.isEmpty ? first.reading.raw : first.reading.cleaned, name: first.name))
        }
    }
}

func rowsNote(_ rows: Int) -> Localized {
    rows > 1 ? Localized(zh: "（共\(rows)行）", en: " (\(rows) rows)") : Localized(zh: "", en: "")
}
