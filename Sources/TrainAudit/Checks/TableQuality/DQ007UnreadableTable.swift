/// DQ007: a file or sheet that could not be read at all.
struct UnreadableTable: Check {
    let info = CheckInfo(
        code: "DQ007", severity: .medium,
        title: Localized(zh: "文件或工作表无法读取", en: "file or sheet cannot be read"),
        summary: Localized(zh: "文件损坏、加密或格式不符（如 Excel 95 等更旧格式、伪装的 .xlsx、网页格式的 .xls、未知编码）或找不到可识别的表头：其中数据未参与核查。",
                           en: "A file is damaged, encrypted or not what it claims (Excel 95 or older, a fake .xlsx, an .xls that is a web page, an unknown encoding) or has no recognisable header: its data took no part in the checks."),
        source: "DATA.md (bad input gets a clear message naming file and row)", needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let e = r.error else { return nil }
            return finding(Localized(zh: e.text(.zh), en: e.text(.en)), subject: r.subject,
                           evidence: [SourceRef(file: r.file, sheet: r.sheet, row: e.row ?? 1)])
        }
    }

    let examples: [CheckExample] = [
        .triggers("a sheet of notes with no header", ("notes.csv", """
        会议纪要
        一、培训工作安排
        二、资金拨付
        """)),
        .passes("a ledger", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}

/// DQ010: a table whose header was found but that holds no data row.
struct EmptyTable: Check {
    let info = CheckInfo(
        code: "DQ010", severity: .medium,
        title: Localized(zh: "表格只有表头，没有数据", en: "table has a header but no data"),
        summary: Localized(zh: "识别出了表头，但其下没有一行数据（只有空行、合计或表尾）：该表没有参与核查，不能当作“未发现问题”。",
                           en: "The header was found but no data row follows it (only blank, total or footer rows): the table took no part in the checks, which is not the same as finding nothing."),
        source: "default: a run that could not do its job never looks like a clean one", needs: [])

    func run(_ audit: Audit) -> [Finding] {
        audit.data.reports.compactMap { r in
            guard let layout = r.layout, r.error == nil, r.records == 0 else { return nil }
            return finding(Localized(zh: "\(layout.kind.title.zh)只有表头，没有数据行", en: "the \(layout.kind.title.en) has a header and no data rows"),
                           subject: r.subject, evidence: [r.place])
        }
    }

    let examples: [CheckExample] = [
        .triggers("a ledger of only its header and a total", ("roster.csv", """
        \(rosterHeader)
        合计,,,,,0,0,
        """)),
        .passes("a ledger with a line", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}

/// DQ011: a file given twice (a copy beside the original, a re-export with the same
/// bytes, a file also named on the command line): read once, never counted twice.
struct CopiedFile: Check {
    let info = CheckInfo(
        code: "DQ011", severity: .low,
        title: Localized(zh: "同一文件重复提供", en: "the same file given twice"),
        summary: Localized(zh: "两个文件内容逐字节相同（如“… - 副本.xlsx”、重复导出，或命令行又单独给出了文件夹中的文件）：只读取一次，以免同一批记录被算作重复补贴、补贴金额被加倍。",
                           en: "Two files hold the same bytes (a '… - 副本.xlsx', a repeated export, or a file of a folder also given by name): read once, so the same records are not taken for duplicate subsidies and the money is not doubled."),
        source: "default: a file is evidence once, however many copies of it a folder holds", needs: [])

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
