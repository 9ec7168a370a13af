import TrainAuditCore
/// DUP004: the same payment on two rows of the payment ledger.
struct DuplicatePaymentRows: Check {
    let info = CheckInfo(
        code: "DUP004", severity: .high,
        title: Localized(zh: "补贴发放记录重复", en: "Duplicate payment rows"),
        summary: Localized(
            zh: "补贴发放明细中两行及以上的身份证号、金额、发放日期、补贴项目和班级完全相同，同一笔补贴被重复发放或重复报账。",
            en: "Two or more rows of the payment ledger with the same ID, amount, paid date, item and class: one subsidy paid or claimed twice."),
        source: [.byDefault(zh: "一笔补贴只发放一次", en: "a payment is made once"), .cite("guyuan-2018", "四(五)", "培训结束后培训机构根据培训人数、培训质量申请培训补贴")],
        needs: [.payments])

    var examples: [CheckExample] {
        let header = "身份证号码,姓名,发放金额,发放日期,补贴项目,银行账号,班级编号"
        return [
            .triggers("the same training subsidy paid twice on one day", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228480012345678919,XJ-2019-01
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            """)),
            .passes("training and assessment subsidies on the same day", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223199001010014,马小军,1600,2019-04-15,鉴定补贴,6228480012345678901,XJ-2019-01
            """)),
            .passes("same amount for two classes", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-05
            """)),
        ]
    }

    private struct Key: Hashable, Comparable {
        var id: ResidentID
        var amount: Int64
        var paidOn: Day?
        var item: String
        var classID: String

        static func < (a: Key, b: Key) -> Bool {
            if a.id != b.id { return a.id < b.id }
            if a.amount != b.amount { return a.amount < b.amount }
            if a.paidOn != b.paidOn { return (a.paidOn?.ordinal ?? .min) < (b.paidOn?.ordinal ?? .min) }
            if a.item != b.item { return a.item < b.item }
            return a.classID < b.classID
        }
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // The payments' keys with their ledger positions, sorted so that each key's rows are
        // together, in ledger order. (A table of every key with a list of its rows held four
        // times the memory: 170 MB for a province-year's 400 thousand payments.)
        var keyed: [(key: Key, at: Int)] = []
        for (i, p) in data.payments.enumerated() {
            guard let id = p.id.id, let amount = p.amount, amount > 0 else { continue }
            keyed.append((Key(id: id, amount: amount, paidOn: p.paidOn, item: CheckText.key(p.item), classID: p.classID ?? ""), i))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.at < $1.at }
        // Keys on more than one row, in the order of their first rows: deterministic for the
        // same input.
        var repeated: [Range<Int>] = []
        keyed.forEachStretch(where: { $0.key == $1.key }) { rows in
            if rows.count > 1 { repeated.append(rows) }
        }
        repeated.sort { keyed[$0.lowerBound].at < keyed[$1.lowerBound].at }
        var out: [Finding] = []
        for rows in repeated {
            let key = keyed[rows.lowerBound].key
            // The payee name of the key's first payment, and its payments in ledger order.
            let group = (name: data.payments[keyed[rows.lowerBound].at].name,
                         payments: keyed[rows].map { data.payments[$0.at].source })
            guard let first = group.payments.first else { continue }
            let who = CheckText.who(group.name, key.id)
            let extra = Array(group.payments.dropFirst())
            // Without a date, item or class the rows may be different payments.
            let sure = key.paidOn != nil && !key.item.isEmpty && !key.classID.isEmpty
            let item = key.item.isEmpty ? "?" : key.item
            let cls = key.classID.isEmpty ? "?" : key.classID
            out.append(finding(
                Localized(zh: "\(who) 的同一笔补贴（\(item)，\(Money.yuan(key.amount)) 元，\(CheckText.day(key.paidOn)) 发放，班级 \(cls)）在发放明细中出现 \(group.payments.count) 次",
                          en: "\(who): the same payment (\(item), \(Money.yuan(key.amount)) yuan, paid \(CheckText.day(key.paidOn)), class \(cls)) is on \(group.payments.count) rows"),
                subject: "\(key.id)|\(key.amount)|\(CheckText.day(key.paidOn))|\(key.item)|\(key.classID)",
                evidence: extra + [first],
                confidence: sure ? 0.95 : 0.6,
                person: PersonRef(id: key.id.description, name: group.name),
                classID: key.classID.isEmpty ? nil : key.classID,
                institution: key.classID.isEmpty ? nil : data.trainingClass(key.classID)?.institution,
                county: key.classID.isEmpty ? nil : data.trainingClass(key.classID)?.county,
                amount: key.amount * Int64(extra.count),
                paymentRefs: extra))
        }
        return out
    }
}
