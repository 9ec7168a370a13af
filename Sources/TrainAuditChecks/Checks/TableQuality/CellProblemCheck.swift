import TrainAuditCore
/// The shared shape of DQ002–DQ005 and DQ008: one finding per file, sheet, column and
/// kind of problem, with the rows as evidence (the first 20; the message counts all).
protocol CellProblemCheck: Check {
    var problemKind: CellProblem.Kind { get }
}

extension CellProblemCheck {
    func run(_ audit: Audit) -> [Finding] {
        var groups: [String: [CellProblem]] = [:]
        for p in audit.data.problems where p.kind == problemKind {
            groups["\(p.source.file)|\(p.source.sheet ?? "")|\(p.column)", default: []].append(p)
        }
        // The fingerprint names the file by its content (TableReport.subject), not its name.
        let subjects = Dictionary(audit.data.reports.map { ("\($0.file)|\($0.sheet ?? "")", $0.subject) },
                                  uniquingKeysWith: { first, _ in first })
        return groups.keys.sorted().compactMap { key in
            guard let list = groups[key], let first = list.first else { return nil }
            let place = "\(first.source.file)|\(first.source.sheet ?? "")"
            let subject = "\(subjects[place] ?? place)|\(first.column)"
            let column = first.header.isEmpty ? "" : "“\(first.header)”栏"
            let columnEN = first.header.isEmpty ? "" : " column \"\(first.header)\""
            let rows = list.map { String($0.source.row) }
            let shownRows = rows.prefix(10).joined(separator: "、") + (rows.count > 10 ? "…" : "")
            let values = Array(Set(list.map(\.value).filter { !$0.isEmpty })).sorted().prefix(3)
            let valueNote = values.isEmpty ? Localized(zh: "", en: "") : Localized(
                zh: "，如“" + values.joined(separator: "”“") + "”", en: ", e.g. \"" + values.joined(separator: "\", \"") + "\"")
            let what = problemKind.label
            return finding(
                Localized(zh: "\(first.table.title.zh)\(column)\(what.zh)：\(list.count)行（第\(shownRows)行）\(valueNote.zh)",
                          en: "\(first.table.title.en)\(columnEN) \(what.en): \(list.count) row(s) (\(shownRows))\(valueNote.en)"),
                subject: subject, evidence: list.prefix(20).map(\.source))
        }
    }
}

extension CellProblem.Kind {
    var label: Localized {
        switch self {
        case .missingValue: return Localized(zh: "为空", en: "is blank")
        case .badDate: return Localized(zh: "日期无法识别", en: "has dates that cannot be read")
        case .badNumber: return Localized(zh: "数字无法识别", en: "has numbers that cannot be read")
        case .endBeforeStart: return Localized(zh: "结束早于开始", en: "ends before it starts")
        case .badText: return Localized(zh: "单元格超长被截断", en: "has cells cut at the size limit")
        case .undecodable: return Localized(zh: "含无法解码的字符", en: "has cells that could not be decoded")
        }
    }
}

/// A roster header and a row, for examples.
let rosterHeader = "姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,培训和鉴定补贴金额(元),班级编号"
