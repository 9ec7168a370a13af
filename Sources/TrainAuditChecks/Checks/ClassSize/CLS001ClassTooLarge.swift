import TrainAuditCore
/// CLS001: a class roster with more trainees than the pack allows.
struct ClassTooLarge: Check {
    let info = CheckInfo(
        code: "CLS001", severity: .high,
        title: Localized(zh: "培训班人数超过上限", en: "Class larger than allowed"),
        summary: Localized(
            zh: "一个培训班台账上的学员人数超过规则包规定的班额上限（固原：每班不得超过50人）。超大班额保证不了实操教学，也常是虚增人数的迹象。",
            en: "A class roster lists more trainees than the pack's maximum class size (Guyuan: at most 50). Oversized classes cannot have had the practical teaching paid for and often hide padded rosters."),
        source: [.cite("guyuan-2018", "四(三)", "每个培训班不得超过50人")],
        needs: [.roster],
        settings: .maxClassSize)

    /// A roster of `count` trainees in class `classID` (valid generated IDs).
    static func roster(_ count: Int, classID: String = "YZ-2019-08") -> String {
        var lines = ["姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构"]
        for n in 1...count {
            let id = ExampleIDs.make(region: 642223, birth: 19800101 + (n % 28), sequence: 100 + n)
            lines.append("学员\(n),\(id),中式面点师,初级,2019-03-01,2019-03-25,1600,\(classID),原州区阳光职业培训学校")
        }
        return lines.joined(separator: "\n")
    }

    var examples: [CheckExample] {
        [
            .triggers("51 trainees in one class", ("roster.csv", ClassTooLarge.roster(51))),
            .passes("exactly 50 trainees", ("roster.csv", ClassTooLarge.roster(50))),
            .passes("a trainee listed twice is one head (50 people, 51 rows)", ("roster.csv",
                ClassTooLarge.roster(50) + "\n学员1,\(ExampleIDs.make(region: 642223, birth: 19800102, sequence: 101)),中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-08,原州区阳光职业培训学校")),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let limits = audit.settings.inForce(.maxClassSize)
        let data = audit.data
        var out: [Finding] = []
        for view in data.trainingClasses {
            // The limit in force when the class started.
            guard let maxSize = limits.forClass(startingOn: view.start)?.value else { continue }
            let roster = data.roster(of: view)
            guard roster.count > maxSize else { continue }
            // Distinct people, in roster order; the ones past the limit are the excess.
            var heads = Set<HeadKey>()
            var excess: [Enrollment] = []
            for line in roster {
                let e = line.record
                if heads.insert(HeadKey(e.id, name: e.name)).inserted, heads.count > maxSize { excess.append(e) }
            }
            guard heads.count > maxSize else { continue }
            let money = data.money(of: excess, in: view.classID)
            let period = "\(CheckText.day(view.start))至\(CheckText.day(view.end))"
            let name = [view.institution, view.occupation].compactMap { $0 }.joined(separator: " ")
            out.append(finding(
                Localized(zh: "\(view.classID)（\(name)，\(period)）台账有 \(heads.count) 名学员，超过每班 \(maxSize) 人的上限 \(heads.count - maxSize) 人",
                          en: "Class \(view.classID) (\(name), \(CheckText.day(view.start)) to \(CheckText.day(view.end))) lists \(heads.count) trainees, \(heads.count - maxSize) over the limit of \(maxSize)"),
                subject: view.classID,
                evidence: [view.source] + excess.map(\.source).filter { $0 != view.source },
                confidence: 0.95,
                classID: view.classID,
                institution: view.institution,
                county: view.county,
                amount: money.amount, paymentRefs: money.payments))
        }
        return out
    }
}
