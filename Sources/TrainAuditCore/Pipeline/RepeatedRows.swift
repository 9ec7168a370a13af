/// A ledger row that repeats, field for field, a row of another file (a re-export, a file
/// re-sent with a few lines added, last month's ledger carried into this month's): one
/// record with both sources, so it is neither a duplicate subsidy nor money counted twice.
public struct RepeatedRow: Sendable, Equatable {
    public var table: TableKind
    /// The repeating row, which is not kept as a record of its own.
    public var row: SourceRef
    /// The row it repeats, kept.
    public var of: SourceRef
}

/// Finds the rows of roster and payment ledgers that repeat a row of another file and keeps
/// the first of each (input order). Identical rows within one file, on one sheet or two,
/// stay two records: a payment listed twice in one ledger is what DUP004 reports.
///
/// Attendance is not merged: a province's sign-ins are tens of millions of rows, and
/// overlapping attendance exports do not double money (left for later, noted).
enum RepeatedRows {
    static func merge(_ t: inout RecordTables) -> [RepeatedRow] {
        var out: [RepeatedRow] = []
        // A row with a cell cut or undecodable is not known to be the same as another.
        let unsure = Set(t.problems.filter { $0.kind == .badText || $0.kind == .undecodable }.map(\.source))
        let (enrollments, a) = merge(t.enrollments, .roster, unsure: unsure, source: \.source,
                                        hash: { e, h in hash(e, into: &h) }, same: { same($0, $1) })
        let (payments, b) = merge(t.payments, .payments, unsure: unsure, source: \.source,
                                  hash: { p, h in hash(p, into: &h) }, same: { same($0, $1) })
        t.enrollments = enrollments
        t.payments = payments
        out += a
        out += b
        // A repeated row's unreadable cells are the kept row's: reported there once.
        if !out.isEmpty {
            let merged = Set(out.map(\.row))
            t.problems.removeAll { merged.contains($0.source) }
        }
        return out
    }

    static func merge<E>(_ list: RecordList<E>, _ table: TableKind, unsure: Set<SourceRef>, source: (E) -> SourceRef,
                         hash: (E, inout Hasher) -> Void, same: (E, E) -> Bool) -> (RecordList<E>, [RepeatedRow]) {
        // Only rows of another file are repeats: nothing to do for a table of one file (a
        // file's name is looked up only where the place, file and sheet, changes).
        guard let first = list.first.map(source), list.contains(where: {
            let s = source($0)
            return s.placeCode != first.placeCode && s.file != first.file
        }) else { return (list, []) }
        // The rows of each content, by hash; equal hashes are compared field by field.
        var contents: [Int: [[Int]]] = [:]
        var order: [(key: Int, k: Int)] = []
        for (i, e) in list.enumerated() where !unsure.contains(source(e)) {
            var h = Hasher()
            hash(e, &h)
            let key = h.finalize()
            if let k = contents[key]?.firstIndex(where: { same(list[$0[0]], e) }) {
                contents[key]![k].append(i)
            } else {
                contents[key, default: []].append([i])
                order.append((key, contents[key]!.count - 1))
            }
        }
        // Of each content, the first file's rows are kept. Another file's rows repeat them
        // one for one; what it has beyond the first file's count is its own (a payment it
        // lists twice is still DUP004's).
        var repeats: [RepeatedRow] = []
        var dropped = Set<Int>()
        for (key, k) in order {
            let rows = contents[key]![k]
            guard rows.count > 1 else { continue }
            let keptFile = source(list[rows[0]]).file
            let kept = rows.filter { source(list[$0]).file == keptFile }
            var seen: [String: Int] = [:]
            for i in rows {
                let file = source(list[i]).file
                guard file != keptFile else { continue }
                let n = seen[file, default: 0]
                seen[file] = n + 1
                guard n < kept.count else { continue }
                repeats.append(RepeatedRow(table: table, row: source(list[i]), of: source(list[kept[n]])))
                dropped.insert(i)
            }
        }
        repeats.sort { $0.row < $1.row }
        guard !dropped.isEmpty else { return (list, []) }
        var kept: [E] = []
        kept.reserveCapacity(list.count - dropped.count)
        for (i, e) in list.enumerated() where !dropped.contains(i) { kept.append(e) }
        return (RecordList(kept), repeats)
    }

    static func hash(_ e: Enrollment, into h: inout Hasher) {
        h.combine(e.id.raw); h.combine(e.name); h.combine(e.gender); h.combine(e.age)
        h.combine(e.occupation); h.combine(e.level); h.combine(e.start); h.combine(e.end)
        h.combine(e.hours); h.combine(e.certPassed); h.combine(e.assessment); h.combine(e.subsidy)
        h.combine(e.phone); h.combine(e.employment); h.combine(e.classID); h.combine(e.institution)
        h.combine(e.program); h.combine(e.department); h.combine(e.county)
        for (header, value) in e.extra { h.combine(header); h.combine(value) }
    }

    static func same(_ a: Enrollment, _ b: Enrollment) -> Bool {
        a.id.raw == b.id.raw && a.name == b.name && a.gender == b.gender && a.age == b.age
            && a.occupation == b.occupation && a.level == b.level && a.start == b.start && a.end == b.end
            && a.hours == b.hours && a.certPassed == b.certPassed && a.assessment == b.assessment
            && a.subsidy == b.subsidy && a.phone == b.phone && a.employment == b.employment
            && a.classID == b.classID && a.institution == b.institution && a.program == b.program
            && a.department == b.department && a.county == b.county
            && a.extra.count == b.extra.count && zip(a.extra, b.extra).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func hash(_ p: Payment, into h: inout Hasher) {
        h.combine(p.id.raw); h.combine(p.name); h.combine(p.amount); h.combine(p.paidOn); h.combine(p.item)
        h.combine(p.account); h.combine(p.fund); h.combine(p.payer); h.combine(p.classID); h.combine(p.holder)
    }

    static func same(_ a: Payment, _ b: Payment) -> Bool {
        a.id.raw == b.id.raw && a.name == b.name && a.amount == b.amount && a.paidOn == b.paidOn && a.item == b.item
            && a.account == b.account && a.fund == b.fund && a.payer == b.payer && a.classID == b.classID && a.holder == b.holder
    }
}
