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
        return groups.keys.sorted().compactMap { key in
            guard let list = groups[key], let first = list.first else { return nil }
            let rows = list.map { String($0.source.row) }
            let shownRows = rows.prefix(10).joined(separator: "、") + (rows.count > 10 ? "…" : "")
            let values = Array(Set(list.map(\.value).filter { !$0.isEmpty })).sorted().prefix(3)
            let valueNote = values.isEmpty ? Localized(zh: "", en: "") : Localized(
                zh: "，如“" + values.joined(separator: "”“") + "”", en: ", e.g. \"" + values.joined(separator: "\", \"") + "\"")
            let what = problemKind.label
            return finding(
                Localized(zh: "\(first.table.title.zh)“\(first.header)”栏\(what.zh)：\(list.count)行（第\(shownRows)行）\(valueNote.zh)",
                          en: "\(first.table.title.en) column \"\(first.header)\" \(what.en): \(list.count) row(s) (\(shownRows))\(valueNote.en)"),
                subject: key, evidence: list.prefix(20).map(\.source))
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
        }
    }
}

/// A roster header and a row, for examples.
let rosterHeader = "姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,培训和鉴定补贴金额(元),班级编号"
