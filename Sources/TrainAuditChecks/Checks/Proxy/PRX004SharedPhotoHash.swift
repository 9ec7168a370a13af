import TrainAuditCore
/// PRX004: the same photo or signature hash for different people.
struct SharedPhotoHash: Check {
    let info = CheckInfo(
        code: "PRX004", severity: .high,
        title: Localized(zh: "不同人员签到照片或签名相同", en: "Same photo or signature for different people"),
        summary: Localized(
            zh: "考勤系统导出的签到照片或签名哈希值在不同身份证号之间完全相同。两个人不可能拍出同一张照片、签出同一个签名，说明是一人代多人签到或翻拍照片。",
            en: "The sign-in photo or signature hash exported by the attendance system is identical for different IDs. Two people cannot produce the same photo or signature: one person signed in for others, or an old photo was replayed."),
        source: [.cite("dongxiang-2020-57", "三(六)", "督促严格落实考勤、课堂点名制度……防止考勤代签现象的发生")],
        needs: [.attendance])

    var examples: [CheckExample] {
        [
            .triggers("one photo for two people", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号,照片哈希
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07,9f86d081884c7d659a2feaa0c55ad015
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:53:11,FACE-07,9f86d081884c7d659a2feaa0c55ad015
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:54:20,FACE-07,60303ae22b998861bce3b28f33eec1be
            """)),
            .passes("distinct photos; one person's own photo on two days; blank-image hash", ("attendance.csv", """
            班级编号,身份证号码,姓名,考勤日期,时段,签到时间,设备编号,照片哈希
            XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 07:52:01,FACE-07,9f86d081884c7d659a2feaa0c55ad015
            XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,2019-03-05 07:50:30,FACE-07,9f86d081884c7d659a2feaa0c55ad015
            XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,2019-03-04 07:53:11,FACE-07,60303ae22b998861bce3b28f33eec1be
            XJ-2019-01,640422198807060026,王秀英,2019-03-04,上午,2019-03-04 07:54:20,FACE-07,d41d8cd98f00b204e9800998ecf8427e
            XJ-2019-01,64042219920215003X,张海燕,2019-03-04,上午,2019-03-04 07:55:02,FACE-07,d41d8cd98f00b204e9800998ecf8427e
            """)),
        ]
    }

    /// Hashes of an empty file (MD5, SHA-1, SHA-256): a system that exports them for a
    /// missing photo says nothing about who signed in.
    private static let emptyHashes: Set<String> = [
        "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ]

    func run(_ audit: Audit) -> [Finding] {
        let data = audit.data
        // Sign-ins by photo hash, for hashes on more than one sign-in (most hashes are
        // unique: the core holds no list for those).
        let shared = data.signIns(sharing: { s -> String? in
            guard s.id.id != nil, let raw = s.photoHash, raw.utf8.count >= 8 else { return nil }
            let hash = raw.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? raw.lowercased() : raw
            guard !SharedPhotoHash.emptyHashes.contains(hash), hash.utf8.contains(where: { $0 != 0x30 }) else { return nil }
            return hash
        })
        var out: [Finding] = []
        for (hash, signIns) in shared {
            guard signIns.count > 1 else { continue }
            var firstOf: [ResidentID: SignIn] = [:]
            for s in signIns { if let id = s.id.id, firstOf[id] == nil { firstOf[id] = s } }
            guard firstOf.count > 1 else { continue }
            let people = firstOf.keys.sorted()
            let names = people.compactMap { id in firstOf[id].map { "\($0.name)（\(id)）" } }
            let namesEn = people.compactMap { id in firstOf[id].map { "\($0.name) (\(id))" } }
            let refs = people.compactMap { firstOf[$0]?.source } + signIns.map(\.source)
            let evidence = EvidenceCap.first(refs)
            let cap = EvidenceCap.note(total: signIns.count, shown: evidence.count)
            let classes = Set(signIns.compactMap(\.classID))
            let classID = classes.count == 1 ? classes.first : nil
            let view = data.trainingClass(classID)
            out.append(finding(
                Localized(
                    zh: "\(people.count)个不同人员的\(signIns.count)条签到使用同一照片/签名（哈希\(hash.prefix(12))…）：\(EvidenceCap.list(names, limit: 10).zh)\(cap.zh)",
                    en: "\(signIns.count) sign-ins of \(people.count) different people carry the same photo/signature (hash \(hash.prefix(12))…): \(EvidenceCap.list(namesEn, limit: 10).en)\(cap.en)"),
                subject: hash, evidence: evidence,
                classID: classID, institution: view?.institution, county: view?.county))
        }
        return out
    }
}
