import TrainAuditCore
/// PAY008: a subsidy paid into an account held by someone else.
struct AccountHolderNotTrainee: Check {
    let info = CheckInfo(
        code: "PAY008", severity: .high,
        title: Localized(zh: "收款账户户名不是学员本人或家庭成员", en: "Account holder is not the trainee or family"),
        summary: Localized(
            zh: "发放明细写明了账户户名（户名、开户人、收款人），户名既不是学员本人，也不是建档立卡库中学员同户的家庭成员：补贴可能被截留或冒领。无建档立卡库可核对家庭成员时，把握度降低。",
            en: "The ledger names the account holder (户名, 开户人, 收款人), who is neither the trainee nor a member of the trainee's household in the registry: the subsidy may have been diverted. Without a registry to check the household, the confidence is lower."),
        source: [.byDefault(zh: "补贴发放到学员本人账户（社保卡、一卡通）", en: "subsidies are paid into the trainee's own account (social security card or one-card account)"), .cite("dongxiang-2020-57", "四(三)", "用途不变、渠道不乱")],
        needs: [.payments])

    var examples: [CheckExample] {
        let header = "身份证号码,姓名,发放金额,发放日期,补贴项目,户名,银行账号,班级编号"
        let registry = """
        县(市、区、旗),户编号,姓名,证件号码,与户主关系
        西吉县,H001,马小军,640422199001010017,户主
        西吉县,H001,马秀兰,640422199505050026,妻
        """
        return [
            .triggers("paid into a stranger's account", ("registry.csv", registry), ("payments.csv", """
            \(header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,王富贵,6228480012345678901,GY-2019-01
            """)),
            .passes("the wife's account", ("registry.csv", registry), ("payments.csv", """
            \(header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,马秀兰,6228480012345678901,GY-2019-01
            """)),
            .passes("the trainee's own account, the name with a space", ("payments.csv", """
            \(header)
            640422199001010017,马小军,800,2019-04-15,培训补贴,马 小军,6228480012345678901,GY-2019-01
            """)),
            .passes("the payment's name cell blank: the ledger's name is the trainee's", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号
            马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,GY-2019-01
            """), ("payments.csv", """
            \(header)
            640422199001010017,,800,2019-04-15,培训补贴,马小军,6228480012345678901,GY-2019-01
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        var out: [Finding] = []
        var seen = Set<String>()
        for p in data.payments {
            guard let id = p.id.id, let holder = p.holder, !holder.isEmpty, (p.amount ?? 0) > 0 else { continue }
            // The trainee's name: the payment's own, or (a blank cell) what the other tables say.
            let name = p.name.isEmpty ? NameReader.normalize(data.trainee(id).name(or: "")) : NameReader.normalize(p.name)
            if name.isEmpty || holder == name { continue }
            let family = audit.householdNames(of: id)
            if family.contains(holder) { continue }
            guard seen.insert("\(id)|\(holder)|\(p.classID ?? "")").inserted else { continue }
            let checked = !family.isEmpty
            out.append(paymentFinding(
                Localized(zh: "\(data.payee(p, id)) 的补贴 \(Money.yuan(p.amount ?? 0)) 元发入户名为“\(holder)”的账户\(p.account.map { " \($0)" } ?? "")，户名不是本人\(checked ? "，也不是建档立卡库中的同户成员" : "（无建档立卡库核对家庭成员）")",
                          en: "\(data.payee(p, id))'s subsidy of \(Money.yuan(p.amount ?? 0)) yuan went into an account held by \"\(holder)\"\(p.account.map { " \($0)" } ?? ""), not the trainee\(checked ? " nor a member of the household in the registry" : " (no registry to check the household)")"),
                subject: "\(id)|\(holder)|\(p.classID ?? "")", id: id, name: p.name, classID: p.classID, payments: [p.source],
                amount: p.amount, in: data, confidence: checked ? 0.9 : 0.6))
        }
        return out
    }
}

extension Audit {
    /// The normalised names of everyone in a person's registry household (the person
    /// included); empty when the registry does not list the person or gives no household.
    func householdNames(of id: ResidentID) -> Set<String> {
        let data = self.data
        let households = Set(data.trainee(id).registry.compactMap(\.householdID).filter { !$0.isEmpty })
        guard !households.isEmpty else { return [] }
        var names = Set<String>()
        for h in households.sorted() {
            for member in data.household(h) { names.insert(NameReader.normalize(member.name)) }
        }
        return names
    }
}
