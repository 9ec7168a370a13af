import TrainAuditCore
/// ID008: one ID carries different names in different tables (冒名顶替).
struct NamesDifferAcrossTables: Check {
    let info = CheckInfo(
        code: "ID008", severity: .high,
        title: Localized(zh: "同一身份证号姓名不一致（冒名顶替）", en: "one ID, different names (impersonation)"),
        summary: Localized(zh: "同一身份证号在不同表（名册、台账、考勤、发放）中对应不同姓名（已去除空格、统一间隔号），可能冒名顶替或借用他人身份证。",
                           en: "One ID carries different names across tables (registry, ledger, attendance, payments), after removing spaces and unifying middle dots: someone may be using another person's ID."),
        source: "DATA.md, Identity: one ID with two different names across tables is a finding (冒名顶替)", needs: [])

    func run(_ audit: Audit) -> [Finding] {
        let d = audit.data
        // Each table's rows by person, in the order a finding lists the tables. The IDs are
        // walked in order by merging the indexes' sorted keys: no table of all 4 million
        // IDs and their names is built.
        let tables: [(kind: TableKind, index: RowIndex<ResidentID>, row: (Int) -> (name: String, source: SourceRef))] = [
            (.registry, d.registryByPerson, { (d.registry[$0].name, d.registry[$0].source) }),
            (.roster, d.enrollmentsByPerson, { (d.enrollments[$0].name, d.enrollments[$0].source) }),
            (.attendance, d.signInsByPerson, { (d.signIns[$0].name, d.signIns[$0].source) }),
            (.payments, d.paymentsByPerson, { (d.payments[$0].name, d.payments[$0].source) }),
            (.watchlist, d.watchByPerson, { (d.watchlist[$0].name, d.watchlist[$0].source) }),
        ]
        var cursors = Array(repeating: 0, count: tables.count)
        var out: [Finding] = []
        while true {
            var next: ResidentID?
            for (t, c) in zip(tables, cursors) where c < t.index.keys.count {
                if next.map({ t.index.keys[c] < $0 }) ?? true { next = t.index.keys[c] }
            }
            guard let id = next else { break }
            var list: [(name: String, source: SourceRef, table: TableKind)] = []
            for (k, t) in tables.enumerated() where cursors[k] < t.index.keys.count && t.index.keys[cursors[k]] == id {
                cursors[k] += 1
                for i in t.index[id] ?? [] {
                    let (name, source) = t.row(i)
                    if name.isEmpty || list.contains(where: { $0.name == name && $0.table == t.kind }) { continue }
                    list.append((name, source, t.kind))
                }
            }
            if let f = differing(id, list, audit) { out.append(f) }
        }
        return out
    }

    /// The finding for one ID's names, nil when they are all the same.
    private func differing(_ id: ResidentID, _ list: [(name: String, source: SourceRef, table: TableKind)], _ audit: Audit) -> Finding? {
        guard list.count > 1 else { return nil }
        let distinct = Array(Set(list.map(\.name))).sorted()
        guard distinct.count > 1 else { return nil }
        let shown = list.map { "\($0.name)（\($0.table.title.zh)）" }
        let shownEn = list.map { "\($0.name) (\($0.table.title.en))" }
        // The registry's name is the person's; name the finding after it when there is one.
        let owner = list.first { $0.table == .registry }?.name ?? list[0].name
        return finding(Localized(zh: "身份证号 \(id) 对应不同姓名：" + shown.joined(separator: "、"),
                                 en: "ID \(id) carries different names: " + shownEn.joined(separator: ", ")),
                       subject: "\(id)|" + distinct.joined(separator: "|"), evidence: list.prefix(10).map(\.source),
                       person: PersonRef(id: id.description, name: owner),
                       amount: audit.data.moneyAtRisk(person: id, classID: nil).amount,
                       paymentRefs: audit.data.moneyAtRisk(person: id, classID: nil).payments)
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
