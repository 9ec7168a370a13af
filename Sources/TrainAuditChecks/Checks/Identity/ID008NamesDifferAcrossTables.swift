import TrainAuditCore
/// ID008: one ID carries different names in different tables (冒名顶替).
struct NamesDifferAcrossTables: Check {
    let info = CheckInfo(
        code: "ID008", severity: .high,
        title: Localized(zh: "同一身份证号姓名不一致（冒名顶替）", en: "one ID, different names (impersonation)"),
        summary: Localized(zh: "同一身份证号在不同表（名册、台账、考勤、发放）中对应不同姓名（已去除空格、统一间隔号），可能冒名顶替或借用他人身份证。",
                           en: "One ID carries different names across tables (registry, ledger, attendance, payments), after removing spaces and unifying middle dots: someone may be using another person's ID."),
        source: [.because(zh: "同一身份证号在不同表格中对应不同姓名，可能是冒名顶替", en: "one ID with different names across tables may be someone trained under another's name")], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        let d = audit.data
        // Each ID once, in order, with its records in each table, in the order a finding
        // lists the tables: the tables' IDs are merged, so no table of all 4 million IDs
        // and their names is built; stretches of IDs on all cores.
        return d.flatMapPeople { id, records -> [Finding] in
            // One record has one name: most of a registry's people are in no other table.
            let count = records.registry.count + records.roster.count + records.signIns.count
                + records.payments.count + records.watchlist.count
            if count < 2 { return [] }
            var list: [(name: String, source: SourceRef, table: TableKind)] = []
            list.reserveCapacity(5)  // a name a table, mostly: one allocation, not three
            func add(_ name: String, _ source: SourceRef, _ table: TableKind) {
                if name.isEmpty || list.contains(where: { $0.table == table && Self.same($0.name, name) }) { return }
                list.append((name, source, table))
            }
            for r in records.registry { add(r.name, r.source, .registry) }
            for e in records.roster { add(e.name, e.source, .roster) }
            // A person's sign-ins mostly repeat one name: a name is read again only
            // where it changes (add() keeps each name's first sign-in either way).
            var last: SignIn?
            for s in records.signIns {
                if let last, s.sameName(as: last) { continue }
                last = s
                add(s.name, s.source, .attendance)
            }
            for p in records.payments { add(p.name, p.source, .payments) }
            for w in records.watchlist { add(w.name, w.source, .watchlist) }
            return differing(id, list, audit).map { [$0] } ?? []
        }
    }

    /// The finding for one ID's names, nil when they are all the same.
    private func differing(_ id: ResidentID, _ list: [(name: String, source: SourceRef, table: TableKind)], _ audit: Audit) -> Finding? {
        guard list.count > 1 else { return nil }
        // Nearly everyone has one name, byte for byte: no set of names is made for them.
        if list.allSatisfy({ $0.name.utf8.elementsEqual(list[0].name.utf8) }) { return nil }
        let distinct = Array(Set(list.map(\.name))).sorted()
        guard distinct.count > 1 else { return nil }
        let shown = list.map { "\($0.name)（\($0.table.title.zh)）" }
        let shownEn = list.map { "\($0.name) (\($0.table.title.en))" }
        // The registry's name is the person's; name the finding after it when there is one.
        guard let owner = list.first(where: { $0.table == .registry })?.name ?? list.first?.name else { return nil }
        let money = audit.data.trainee(id).money(in: nil as String?)
        return finding(Localized(zh: "身份证号 \(id) 对应不同姓名：" + shown.joined(separator: "、"),
                                 en: "ID \(id) carries different names: " + shownEn.joined(separator: ", ")),
                       subject: "\(id)|" + distinct.joined(separator: "|"), evidence: list.prefix(10).map(\.source),
                       person: PersonRef(id: id.description, name: owner),
                       amount: money.amount, paymentRefs: money.payments)
    }

    /// Whether two names are the same text: byte for byte first (String's == normalizes
    /// Chinese text before comparing, dear when asked for every row of every table).
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) || a == b
    }

    let examples: [CheckExample] = [
        .triggers("ledger and registry disagree", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """), ("registry.csv", """
        姓名,证件号码,户编号,人员状态
        马小平,640422199001010017,6404220001,正常
        """)),
        .passes("spaces and dot variants are the same name", ("roster.csv", """
        姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马 小 军,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        阿依古丽•买买提,640422198503150023,中式烹调师,2019-03-01,2019-03-25
        """), ("registry.csv", """
        姓名,证件号码,户编号,人员状态
        马小军,640422199001010017,6404220001,正常
        阿依古丽·买买提,640422198503150023,6404220002,正常
        """)),
    ]
}
