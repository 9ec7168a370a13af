import TrainAuditCore
/// ID006: the ledger's gender column says one thing, the ID's sequence digit another.
struct GenderContradictsID: Check {
    let info = CheckInfo(
        code: "ID006", severity: .low,
        title: Localized(zh: "性别与身份证号不符", en: "gender contradicts the ID"),
        summary: Localized(zh: "台账性别栏与身份证号第17位（奇数为男，偶数为女）不一致：号码或人员可能张冠李戴。",
                           en: "The ledger's gender column disagrees with the ID's 17th digit (odd for men, even for women): the number may belong to someone else."),
        source: [.cite("gb-11643-1999", "§6.3", "顺序码（奇数分配给男性，偶数分配给女性）")], needs: [.roster])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.rosterLines.compactMap { line in
            let e = line.record
            guard let id = e.id.id, let g = e.gender, let male = GenderReader.read(g).value, male != id.isMale else { return nil }
            return finding(Localized(zh: "\(e.name) 台账性别为“\(g)”，身份证号 \(id) 为\(id.isMale ? "男" : "女")性",
                                     en: "\(e.name) is \"\(g)\" in the ledger but the ID \(id) is \(id.isMale ? "male" : "female")"),
                           subject: "\(id)|\(g)|\(line.classID)", evidence: [e.source],
                           person: PersonRef(id: id.description, name: e.name), classID: line.classID,
                           institution: line.institution, county: line.county)
        }
    }

    let examples: [CheckExample] = [
        .triggers("a woman's ID on a man's line", ("roster.csv", """
        姓名,性别,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,男,640422198503150023,中式烹调师,2019-03-01,2019-03-25
        """)),
        .passes("男 with an odd sequence digit", ("roster.csv", """
        姓名,性别,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期
        马小军,男,640422199001010017,中式烹调师,2019-03-01,2019-03-25
        """)),
    ]
}
