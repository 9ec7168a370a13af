import TrainAuditCore
/// DUP005: one bank account receiving subsidies for people of different households.
struct SharedAccountAcrossHouseholds: Check {
    let info = CheckInfo(
        code: "DUP005", severity: .high,
        title: Localized(zh: "一个账户领取多户人员的补贴", en: "One account paid for several households"),
        summary: Localized(
            zh: "同一银行账号（社保卡、一卡通）收到了不同户（按建档立卡户编号；名册外的人各算一户）人员的培训补贴。补贴应发到本人账户，同户家庭成员共用一卡通属正常，跨户集中到一个账户多为机构或中间人冒领。",
            en: "One bank (social-security, one-card) account received training subsidies for people of different households (registry 户编号; people not in the registry count as their own household). Members of one household sharing an account is normal; several households paid into one account usually means an institution or middleman collecting the money."),
        source: [.byDefault(zh: "补贴发放到学员本人账户（社保卡、一卡通）", en: "subsidies are paid into the trainee's own account (social security card or one-card account)")],
        needs: [.payments])

    var examples: [CheckExample] {
        let header = "身份证号码,姓名,发放金额,发放日期,补贴项目,银行账号,班级编号"
        return [
            .triggers("two households' subsidies into one account", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            马小军,642223199001010014,6404220001,正常
            李梅,642223198802020023,6404220002,正常
            """)),
            .triggers("a person outside the registry counts as a household of their own", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223197007070238,周平,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            马小军,642223199001010014,6404220001,正常
            """)),
            .triggers("one account written two ways (full-width digits, spaces)", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,６２２８ ４８００ １２３４ ５６７８ ９０１,XJ-2019-01
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228 4800 1234 5678 901,XJ-2019-01
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            马小军,642223199001010014,6404220001,正常
            李梅,642223198802020023,6404220002,正常
            """)),
            .passes("one household sharing one account", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223198802020023,李梅,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            """), ("registry.csv", """
            姓名,证件号码,户编号,人员状态
            马小军,642223199001010014,6404220001,正常
            李梅,642223198802020023,6404220001,正常
            """)),
            .passes("one person paid twice into their own account", ("payments.csv", """
            \(header)
            642223199001010014,马小军,1600,2019-04-15,培训补贴,6228480012345678901,XJ-2019-01
            642223199001010014,马小军,400,2019-04-15,鉴定补贴,6228480012345678901,XJ-2019-01
            """)),
        ]
    }

    /// Digits (and letters) of an account number; nil for blanks and placeholders.
    static func accountKey(_ text: String?) -> String? {
        var out = ""
        return normalizeAccount(text, { out.unicodeScalars.append(Unicode.Scalar($0)) }) ? out : nil
    }

    /// A hash of `accountKey(text)` made without the key: equal keys, equal hashes.
    static func accountKeyHash(_ text: String?) -> UInt64? {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        return normalizeAccount(text, { h = (h ^ UInt64($0)) &* 0x100_0000_01B3 }) ? h : nil
    }

    /// Feeds the account's digits (full-width ones made ASCII) and letters (upper case) to
    /// `byte`; whether it has the 6 digits an account needs.
    private static func normalizeAccount(_ text: String?, _ byte: (UInt8) -> Void) -> Bool {
        guard let text else { return false }
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: byte(UInt8(scalar.value)); digits += 1
            case 0xFF10...0xFF19: byte(UInt8(scalar.value - 0xFF10 + 0x30)); digits += 1
            case 0x41...0x5A: byte(UInt8(scalar.value))
            case 0x61...0x7A: byte(UInt8(scalar.value - 0x20))
            default: continue
            }
        }
        return digits >= 6
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // Each shared account's payments (payee, amount, line), in ledger order. Most
        // accounts are paid once: payments are sorted by the hash of their account's key,
        // and keys are made only where a hash repeats (a province's 400 thousand accounts
        // as Strings in a dictionary were 80 MB at the peak).
        var hashed: [(hash: UInt64, position: Int32)] = []
        for (i, p) in data.payments.enumerated() {
            guard p.id.id != nil, let h = SharedAccountAcrossHouseholds.accountKeyHash(p.account) else { continue }
            hashed.append((h, Int32(i)))
        }
        hashed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.position < $1.position }
        var shared: [(account: String, paid: [(id: ResidentID, amount: Int64?, source: SourceRef)])] = []
        hashed.forEachStretch(where: { $0.hash == $1.hash }) { rows in
            guard rows.count > 1 else { return }
            var byAccount: [String: [(id: ResidentID, amount: Int64?, source: SourceRef)]] = [:]
            for k in rows {
                let p = data.payments[Int(hashed[k].position)]
                guard let id = p.id.id, let key = SharedAccountAcrossHouseholds.accountKey(p.account) else { continue }
                byAccount[key, default: []].append((id, p.amount, p.source))
            }
            for (account, paid) in byAccount where paid.count > 1 { shared.append((account, paid)) }
        }
        shared.sort { $0.account < $1.account }
        var out: [Finding] = []
        for (account, paid) in shared {
            // People and households on this account, in first-row order.
            var people: [ResidentID] = []
            var seenPeople = Set<ResidentID>()
            var householdOrder: [String] = []
            var paidByHousehold: [String: Int64] = [:]
            var paymentsByHousehold: [String: [SourceRef]] = [:]
            for p in paid {
                let h = data.trainee(p.id).household
                if paymentsByHousehold[h] == nil { householdOrder.append(h) }
                if seenPeople.insert(p.id).inserted { people.append(p.id) }
                paidByHousehold[h, default: 0] += p.amount ?? 0
                paymentsByHousehold[h, default: []].append(p.source)
            }
            guard householdOrder.count > 1 else { continue }
            // The household that received the most (the first on a tie) is taken as the
            // account's owner; the money of the others is in doubt.
            var owner = householdOrder[0]
            for h in householdOrder where (paidByHousehold[h] ?? 0) > (paidByHousehold[owner] ?? 0) { owner = h }
            var amount: Int64 = 0
            var refs: [SourceRef] = []
            for h in householdOrder where h != owner {
                amount += paidByHousehold[h] ?? 0
                refs += paymentsByHousehold[h] ?? []
            }
            let refsOfPeople = people.map { id -> PersonRef in
                PersonRef(id: id.description, name: data.trainee(id).payments.first?.name ?? "")
            }
            let names = zip(refsOfPeople, people).map { CheckText.who($0.name, $1) }
            let unregistered = people.filter { !data.trainee($0).hasRegisteredHousehold }.count
            // Unregistered people are only presumed to be other households.
            let confidence = !data.has(.registry) ? 0.6 : (unregistered == 0 ? 0.9 : 0.75)
            // The account in full: the auditor calls the bank with it (masked under --mask).
            let masked = account
            out.append(finding(
                Localized(zh: "账号 \(masked) 收到 \(householdOrder.count) 户 \(people.count) 人的补贴：\(names.joined(separator: "、"))",
                          en: "Account \(masked) received subsidies for \(people.count) people of \(householdOrder.count) households: \(names.joined(separator: ", "))"),
                subject: "account|\(account)",
                evidence: paid.map(\.source),
                confidence: confidence,
                classID: nil,
                amount: amount, paymentRefs: refs, people: refsOfPeople))
        }
        return out
    }
}
