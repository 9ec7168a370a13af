import TrainAuditCore
/// DQ011: a file given twice (a copy beside the original, a re-export with the same
/// bytes, a file also named on the command line): read once, never counted twice.
struct CopiedFile: Check {
    let info = CheckInfo(
        code: "DQ011", severity: .low,
        title: Localized(zh: "同一文件重复提供", en: "the same file given twice"),
        summary: Localized(zh: "两个文件内容逐字节相同（如“… - 副本.xlsx”、重复导出，或命令行又单独给出了文件夹中的文件）：只读取一次，以免同一批记录被算作重复补贴、补贴金额被加倍。",
                           en: "Two files hold the same bytes (a '… - 副本.xlsx', a repeated export, or a file of a folder also given by name): read once, so the same records are not taken for duplicate subsidies and the money is not doubled."),
        source: [.byDefault(zh: "一个文件无论在文件夹里有几份副本，都只算一份证据", en: "a file is evidence once, however many copies of it a folder holds")], needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let original = r.copyOf else { return nil }
            return finding(Localized(zh: "\(r.file) 与 \(original) 内容完全相同，只读取了后者", en: "\(r.file) holds the same bytes as \(original): only the latter was read"),
                           subject: "\(r.file)|\(original)", evidence: [SourceRef(file: r.file, row: 1), SourceRef(file: original, row: 1)])
        }
    }

    let examples: [CheckExample] = [
        .triggers("a ledger and its copy", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """), ("roster - 副本.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
        .passes("two ledgers", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """), ("roster2.csv", """
        \(rosterHeader)
        李梅,642223198802020023,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
