import TrainAuditCore
/// Every ID cell of every table, with its row and name: what the identity checks read.
struct IDOccurrence {
    var reading: IDReading
    var name: String
    var source: SourceRef
    var table: TableKind
}

extension AuditData {
    /// Every ID cell whose reading passes `filter`, in table order then source order, one
    /// at a time: a province-year has 28 million, too many to hold as a list, and the
    /// name and row are read only for the few the filter keeps.
    /// `withIssues`: only the cells whose reading has an issue (`IDReading.issues`).
    func forEachIDOccurrence(withIssues: Bool, where filter: (IDReading) -> Bool, _ body: (IDOccurrence) -> Void) {
        let occurrence = { (reading: IDReading, name: String, source: SourceRef, table: TableKind) in
            body(IDOccurrence(reading: reading, name: name, source: source, table: table))
        }
        if withIssues { forEachIDCellWithIssues(where: filter, occurrence) } else { forEachIDCell(where: filter, occurrence) }
    }
}

/// The shared shape of the ID checks that report one finding per distinct ID text with
/// an issue: the rows where it occurs are the evidence (the first 10; the message counts all).
protocol IDIssueCheck: Check {
    /// Whether an ID cell read this way has the check's issue.
    func applies(_ reading: IDReading, _ audit: Audit) -> Bool
    /// Whether the check's issue is one of `IDReading.issues`, so that it applies to no
    /// reading without one: then it walks only the cells with an issue (a list made once for
    /// all the ID checks), not every ID cell. True unless the check says otherwise.
    var looksAtIssuesOnly: Bool { get }
    func message(_ o: IDOccurrence, rows: Int) -> Localized
}

extension IDIssueCheck {
    var needs: [TableKind] { [] }
    var looksAtIssuesOnly: Bool { true }

    func run(_ audit: Audit) -> [Finding] {
        var groups: [String: [IDOccurrence]] = [:]
        var order: [String] = []
        audit.data.forEachIDOccurrence(withIssues: looksAtIssuesOnly, where: { applies($0, audit) }) { o in
            let key = o.reading.cleaned
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(o)
        }
        return order.sorted().compactMap { key in
            guard let list = groups[key], let first = list.first else { return nil }
            return finding(message(first, rows: list.count), subject: key,
                           evidence: list.prefix(10).map(\.source),
                           person: PersonRef(id: first.reading.cleaned.isEmpty ? first.reading.raw : first.reading.cleaned, name: first.name))
        }
    }
}

func rowsNote(_ rows: Int) -> Localized {
    rows > 1 ? Localized(zh: "（共\(rows)行）", en: " (\(rows) rows)") : Localized(zh: "", en: "")
}
