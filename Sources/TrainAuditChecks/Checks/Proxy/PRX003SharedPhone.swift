import TrainAuditCore
/// PRX003: one phone number given for trainees of different households.
struct SharedPhone: Check {
    let info = CheckInfo(
        code: "PRX003", severity: .medium,
        title: Localized(zh: "不同户学员共用一个手机号", en: "One phone number for trainees of different households"),
        summary: Localized(
            zh: "培训台账中同一学员手机号码对应不同户的多名学员（户编号取自建档立卡名册，不在名册中的人各算一户）。电话抽查时会打到同一个人，多半是机构或经办人代填；同户家人共用一部手机属正常。",
            en: "The roster gives the same trainee phone number for people of different households (户编号 from the registry; someone not in it is a household of their own). A phone spot-check then reaches one person, usually the institution or a clerk who filled the forms; one household sharing a phone is normal."),
        source: [.cite("luzhou-2016-26", "附件5 注1", "市就业局对培训和就业情况进行电话抽查，抽查率不低于30%")],
        needs: [.roster])

    var examples: [CheckExample] {
        [
            .triggers("three people of three households, one phone", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,学员手机号码,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,13995041234,XJ-2019-01
            李建华,640422199001010015,中式烹调师,2019-03-01,2019-03-25,139 9504 1234,XJ-2019-01
            王秀英,640422198807060026,中式烹调师,2019-03-01,2019-03-25,13995041234,XJ-2019-01
            张海燕,64042219920215003X,中式烹调师,2019-03-01,2019-03-25,18809541111,XJ-2019-01
            """), ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220001,P01,马小军,640422198503120016,正常,,
            H6404220002,P01,李建华,640422199001010015,正常,,
            """)),
            .passes("husband and wife share one phone; same person twice", ("roster.csv", """
            姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,学员手机号码,班级编号
            马小军,640422198503120016,中式烹调师,2019-03-01,2019-03-25,13995041234,XJ-2019-01
            王秀英,640422198807060026,中式烹调师,2019-03-01,2019-03-25,13995041234,XJ-2019-01
            李建华,640422199001010015,中式烹调师,2019-03-01,2019-03-25,18809541111,XJ-2019-01
            李建华,640422199001010015,电焊工,2019-05-01,2019-05-25,18809541111,XJ-2019-05
            """), ("registry.csv", """
            户编号,人编号,姓名,证件号码,人员状态,变更日期,务工状况
            H6404220001,P01,马小军,640422198503120016,正常,,
            H6404220001,P02,王秀英,640422198807060026,正常,,
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // Every line's phone beside it, sorted by phone and then roster order; a phone's lines
        // are then one stretch. A dictionary of an array per phone was 57 MB at the province
        // scan's peak (400,000 phones, most given once); the triples are 16 MB.
        var byPhone: [(phone: String, order: Int, line: RosterLine)] = []
        byPhone.reserveCapacity(data.rosterLines.underestimatedCount)
        for (order, line) in data.rosterLines.enumerated() {
            let e = line.record
            guard e.id.id != nil, let raw = e.phone, let phone = PhoneReader.normalize(raw).value else { continue }
            byPhone.append((phone, order, line))
        }
        byPhone.sort { $0.phone != $1.phone ? $0.phone < $1.phone : $0.order < $1.order }
        var out: [Finding] = []
        byPhone.forEachStretch(where: { $0.phone == $1.phone }) { lines in
            if lines.count > 1, let f = sharedPhone(byPhone[lines.lowerBound].phone, lines: byPhone[lines].map(\.line), data) {
                out.append(f)
            }
        }
        return out
    }

    /// The finding on the lines that give `phone`, nil when they are of one household.
    private func sharedPhone(_ phone: String, lines: [RosterLine], _ data: AuditData) -> Finding? {
        // First roster line per person, in person order; household per person.
        var firstLine: [ResidentID: (name: String, source: SourceRef, classID: String)] = [:]
        for line in lines {
            if let id = line.id.id, firstLine[id] == nil { firstLine[id] = (line.name, line.source, line.classID) }
        }
        guard firstLine.count > 1 else { return nil }
        var households = Set<String>()
        let people = firstLine.keys.sorted()
        for id in people {
            if let h = data.trainee(id).registryEntry?.householdID, !h.isEmpty { households.insert("户:" + h) }
            else { households.insert("人:" + id.description) }
        }
        guard households.count > 1 else { return nil }
        let names = people.compactMap { id in firstLine[id].map { "\($0.name)（\(id)）" } }
        let namesEn = people.compactMap { id in firstLine[id].map { "\($0.name) (\(id))" } }
        let refs = people.compactMap { firstLine[$0]?.source }
        let evidence = EvidenceCap.first(refs)
        let cap = EvidenceCap.note(total: refs.count, shown: evidence.count)
        let classes = Set(people.compactMap { firstLine[$0]?.classID })
        let classID = classes.count == 1 ? classes.first : nil
        let view = data.trainingClass(classID)
        return finding(
            Localized(
                zh: "手机号\(phone)登记给\(households.count)户的\(people.count)名学员：\(EvidenceCap.list(names, limit: 10).zh)\(cap.zh)",
                en: "Phone \(phone) is given for \(people.count) trainees of \(households.count) households: \(EvidenceCap.list(namesEn, limit: 10).en)\(cap.en)"),
            subject: phone, evidence: evidence,
            classID: classID, institution: view?.institution, county: view?.county,
            people: people.compactMap { id in firstLine[id].map { PersonRef(id: id.description, name: $0.name) } },
            classes: classes.count > 1 ? classes.sorted() : [])
    }
}
