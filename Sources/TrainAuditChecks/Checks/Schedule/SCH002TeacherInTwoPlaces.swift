import TrainAuditCore
/// SCH002: one teacher teaching two classes in different places over overlapping periods.
struct TeacherInTwoPlaces: Check {
    let info = CheckInfo(
        code: "SCH002", severity: .medium,
        title: Localized(zh: "同一教师同期在不同地点授课", en: "One teacher in two places at once"),
        summary: Localized(
            zh: "开班备案中同一授课教师在培训期间重叠的两个班级授课，而两个班的培训地点不同。教师不能同时在两地上课，说明至少一个班的师资或课时是虚报的；同一地点的合班授课不算。",
            en: "The class register names the same teacher for two classes whose periods overlap and whose places differ. A teacher cannot teach in two places at once, so the staffing or hours of at least one class are invented; a combined class at the same place is fine."),
        source: [.cite("guyuan-2018", "四(三)", "落实培训计划、师资……“六个到位”")],
        needs: [.classes])

    var examples: [CheckExample] {
        [
            .triggers("one teacher, overlapping periods, two towns", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),开班日期,结业日期,总学时,授课教师,培训地点
            XJ-2019-01,西吉县宏达职业培训学校,中式烹调师,2019-03-01,2019-03-25,150,王建国、李梅,西吉县吉强镇
            XJ-2019-02,西吉县宏达职业培训学校,电焊工,2019-03-10,2019-04-02,150,王建国，马强,西吉县兴隆镇
            """)),
            .passes("combined class at one place, and a later class elsewhere", ("classes.csv", """
            班级编号,培训机构,培训职业(工种),开班日期,结业日期,总学时,授课教师,培训地点
            XJ-2019-01,西吉县宏达职业培训学校,中式烹调师,2019-03-01,2019-03-25,150,王建国、李梅,西吉县吉强镇
            XJ-2019-02,西吉县宏达职业培训学校,中式面点师,2019-03-01,2019-03-25,150,王建国,西吉县 吉强镇
            XJ-2019-03,西吉县宏达职业培训学校,电焊工,2019-03-26,2019-04-20,150,王建国,西吉县兴隆镇
            """)),
        ]
    }

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // Teacher → classes with a period and a place (in class ID order).
        var byTeacher: [String: [TrainingClass]] = [:]
        for v in data.trainingClasses {
            guard let s = v.start, let e = v.end, s <= e, PlaceText.key(v.location) != nil else { continue }
            for t in TeacherNames.split(v.teachers) { byTeacher[t, default: []].append(v) }
        }
        var out: [Finding] = []
        for teacher in byTeacher.keys.sorted() {
            guard let list = byTeacher[teacher], list.count > 1 else { continue }
            let sorted = list.sorted { x, y in
                if x.start != y.start { return (x.start?.ordinal ?? 0) < (y.start?.ordinal ?? 0) }
                return x.classID < y.classID
            }
            for i in 0..<(sorted.count - 1) {
                let a = sorted[i]
                guard let aStart = a.start, let aEnd = a.end, let aPlace = PlaceText.key(a.location) else { continue }
                for j in (i + 1)..<sorted.count {
                    let b = sorted[j]
                    guard let bStart = b.start, let bEnd = b.end, let bPlace = PlaceText.key(b.location) else { continue }
                    if bStart > aEnd { break }  // sorted by start: no later class overlaps a
                    guard aPlace != bPlace, SignInClock.overlap(aStart...aEnd, bStart...bEnd) else { continue }
                    let from = max(aStart, bStart), to = min(aEnd, bEnd)
                    let shared = to - from + 1
                    let (c1, c2) = a.classID < b.classID ? (a, b) : (b, a)
                    out.append(finding(
                        Localized(
                            zh: "教师\(teacher)同时在班级\(c1.classID)（\(c1.location ?? "")，\(c1.start?.description ?? "?")至\(c1.end?.description ?? "?")）和班级\(c2.classID)（\(c2.location ?? "")，\(c2.start?.description ?? "?")至\(c2.end?.description ?? "?")）授课，两地重叠\(shared)天（\(from)至\(to)）",
                            en: "Teacher \(teacher) teaches class \(c1.classID) (\(c1.location ?? ""), \(c1.start?.description ?? "?") to \(c1.end?.description ?? "?")) and class \(c2.classID) (\(c2.location ?? ""), \(c2.start?.description ?? "?") to \(c2.end?.description ?? "?")) in different places over \(shared) overlapping day(s) (\(from) to \(to))"),
                        subject: "\(teacher)|\(c1.classID)|\(c2.classID)", evidence: [c1.source, c2.source],
                        classID: c1.classID, institution: c1.institution, county: c1.county,
                        classes: [c1.classID, c2.classID]))
                }
            }
        }
        return out
    }
}
