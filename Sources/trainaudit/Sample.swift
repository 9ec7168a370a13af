import ArgumentParser
import Foundation
import TrainAudit

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "The spot-check list: whom the phone team calls, with the questions to ask.",
        discussion: """
        A stratified, risk-weighted sample of the trainees (seed 000 附件5 注1: 电话抽查，抽查率不低于30%):
          1. everyone named by a critical or high finding is on the list;
          2. where the pack sets spot_check.every_class (dongxiang, seed 004 三(六): 每期培训班至少抽查一次),
             each class with nobody on the list gets one trainee;
          3. the rest up to ⌈rate × trainees⌉ is drawn per class (each trainee in the class of their first
             enrolment; quotas by largest remainders), weight 1 + 9 × (the person's highest finding score)/100,
             by a seeded generator (SplitMix64): the same seed gives the same list byte for byte.
        Each row is a call-sheet line: 姓名, 电话, 身份证号, 培训班, 培训机构, 培训时间, 培训职业, the questions,
        empty 核实结果 (属实/不属实/无法核实) and 备注, and the fingerprints the row verifies (keep that column:
        scan --verified reads the filled-in sheet back by it). A row's result applies to every fingerprint on it.

        Examples:
          trainaudit sample --pack guyuan --seed 7 -o 抽查名单.xlsx corpus/demo
          trainaudit sample --pack guyuan --rate 0.3 --seed 7 -o 抽查名单.csv corpus/demo
          trainaudit sample --pack guyuan --split county -o '抽查名单_{county}.xlsx' corpus/demo
          trainaudit sample --pack guyuan --split county -o 名单/ corpus/demo     # 名单/抽查名单_西吉县.xlsx
        """
    )

    enum Split: String, ExpressibleByArgument { case county }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Share of the trainees to call, 0 < R ≤ 1. Default: the pack's phone_spot_check_rate (national 0.3).")
    var rate: Double?

    @Option(name: .long, help: "Seed of the draw (a whole number ≥ 0); the same seed gives the same list.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "One file per county: -o is then a folder or a name with {county} in it.")
    var split: Split?

    @Option(name: .long, help: "Output format: xlsx, csv, jsonl, tsv, table, html or pdf. Default: from -o's extension, else table on a terminal, jsonl otherwise (xlsx with --split and a folder).")
    var format: OutputTarget.Format?

    @Option(name: [.short, .customLong("output")], help: "Write to this file (with --split: a folder, or a name containing {county}).")
    var output: String?

    @OptionGroup var inputs: ScanInputs

    func validate() throws {
        try inputs.validateInputs()
        if let rate, !(rate > 0 && rate <= 1) { throw ValidationError("--rate must be above 0 and at most 1 (0.3 is 30%)") }
        if split != nil {
            guard let output else { throw ValidationError("--split county writes one file per county: give -o FOLDER or -o 'NAME_{county}.xlsx'") }
            var isDir: ObjCBool = false
            let folder = FileManager.default.fileExists(atPath: output, isDirectory: &isDir) && isDir.boolValue
            if !folder && !output.contains("{county}") { throw ValidationError("--split county: -o must be an existing folder or a name containing {county}") }
            if !folder { try OutputTarget.validate(output: output.replacingOccurrences(of: "{county}", with: "x"), format: format, inputs: inputs.paths, baseline: nil, lang: common.lang) }
        } else {
            try OutputTarget.validate(output: output, format: format, inputs: inputs.paths, baseline: nil, lang: common.lang)
        }
    }

    func run() throws {
        let lang = common.lang, zh = lang == .zh
        let engine = try common.engine()
        guard let rate = rate ?? engine.settings[.phoneSpotCheckRate]?.value else {
            throw ValidationError("pack \(engine.settings.packName) sets no phone_spot_check_rate: give --rate")
        }
        let everyClass = engine.settings[.spotCheckEveryClass]?.value ?? false
        let scan = try inputs.run(common)
        let result = SpotCheck(data: scan.result.data, lang: lang).draw(findings: scan.shown, rate: rate, seed: seed, everyClass: everyClass)
        var record = inputs.record("sample", scan, common)
        func count(_ r: SpotCheck.Reason) -> Int { result.count[r] ?? 0 }
        record.extra = [("rate", JSONLWriter.number(rate)), ("seed", String(seed)), ("every_class", String(everyClass)),
                        ("trainees", String(result.population)), ("target", String(result.target)), ("rows", String(result.rows.count)),
                        ("forced", String(count(.forced))), ("every_class_added", String(count(.everyClass))), ("drawn", String(count(.drawn)))]
        let p = Presentation(lang: lang, mask: inputs.mask)
        let summary = zh
            ? "抽查名单：\(result.population) 名学员中抽取 \(result.rows.count) 人（比例 \(JSONLWriter.number(rate))，目标 \(result.target)；必查 \(count(.forced)) 人，每班补抽 \(count(.everyClass)) 人，随机 \(count(.drawn)) 人；种子 \(seed)）"
            : "spot-check list: \(result.rows.count) of \(result.population) trainees (rate \(JSONLWriter.number(rate)), target \(result.target); \(count(.forced)) always, \(count(.everyClass)) for every class, \(count(.drawn)) drawn; seed \(seed))"
            + "\n" + RunRecord.headline(settings: engine.settings, asOf: scan.today, reports: scan.result.reports, lang: lang)
        var groups: [(county: String?, rows: [SpotCheck.Row])] = [(nil, result.rows)]
        if split == .county {
            let names = Array(Set(result.rows.map { $0.county ?? "" })).sorted()
            groups = names.map { c in (c, result.rows.filter { ($0.county ?? "") == c }) }
        }
        for g in groups {
            let doc = document(g.rows, p, record: record)
            var target = output
            var fmt = chosenFormat(format, output: output)
            if let county = g.county, let output {
                let name = county.isEmpty ? (zh ? "未知县区" : "unknown") : county.replacingOccurrences(of: "/", with: "_")
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: output, isDirectory: &isDir), isDir.boolValue {
                    fmt = format ?? .xlsx
                    target = (output as NSString).appendingPathComponent((zh ? "抽查名单_" : "spot-check_") + name + "." + (fmt == .jsonl ? "jsonl" : fmt.rawValue))
                } else {
                    target = output.replacingOccurrences(of: "{county}", with: name)
                    fmt = format ?? OutputTarget.format(forExtension: target!) ?? .xlsx
                }
            }
            try writeDocument(doc, jsonl: g.rows.map { jsonLine($0, p) + "\n" }.joined(), format: fmt, output: target, footer: summary, lang: lang)
            if g.county != nil, let target { note((zh ? "已写出 " : "wrote ") + target + (zh ? "（\(g.rows.count) 人）" : " (\(g.rows.count) people)")) }
        }
        try SummaryFile.write(record, to: inputs.summary, lang: lang)
        if !(chosenFormat(format, output: output) == .table && output == nil) { note(summary) }
    }

    /// The call sheet's columns.
    static func headers(_ lang: Lang) -> [String] {
        lang == .zh
            ? ["序号", "姓名", "电话", "身份证号", "培训班", "培训机构", "培训时间", "培训职业", "县区", "抽样原因", "疑点", "核实问题", "核实结果", "备注", "指纹"]
            : ["no", "name", "phone", "resident ID", "class", "institution", "period", "occupation", "county", "why drawn", "suspicions", "questions", "result", "note", "fingerprints"]
    }

    func document(_ rows: [SpotCheck.Row], _ p: Presentation, record: RunRecord) -> TableDocument {
        let lang = p.lang, zh = lang == .zh
        let cells: [[TableDocument.Cell]] = rows.enumerated().map { i, r in
            let suspicions = r.findings.map { "\($0.code) \(p.title($0))" }.joined(separator: zh ? "；" : "; ")
            let questions = r.questions.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            let fps = r.fingerprints.joined(separator: " ")
            return [.number(Double(i + 1)), .text(name(r, p)), .text(phone(r, p)), .text(id(r, p)), .text(r.classID ?? ""),
                    .text(r.institution ?? ""), .text(r.period ?? ""), .text(r.occupation ?? ""), .text(r.county ?? ""),
                    .text(r.reason.label.text(lang)), .text(suspicions), .text(questions), .blank, .blank, .text(fps)]
        }
        var doc = TableDocument(title: zh ? "培训补贴电话抽查核实表" : "Training subsidy spot-check call sheet", sheetName: zh ? "抽查名单" : "Call sheet",
                                headers: SampleCommand.headers(lang), rows: cells, record: record.pairs(lang), lang: lang)
        doc.choices = [12: zh ? ["属实", "不属实", "无法核实"] : ["confirmed", "refuted", "unverifiable"]]
        doc.maxWidth = 60
        return doc
    }

    func name(_ r: SpotCheck.Row, _ p: Presentation) -> String {
        p.mask ? (r.name.first.map { String($0) + String(repeating: "*", count: max(1, r.name.count - 1)) } ?? "") : r.name
    }
    func phone(_ r: SpotCheck.Row, _ p: Presentation) -> String {
        guard let phone = r.phone else { return "" }
        return p.mask ? Presentation.mask(phone) : phone
    }
    func id(_ r: SpotCheck.Row, _ p: Presentation) -> String { p.mask ? Presentation.mask(r.personID) : r.personID }

    func jsonLine(_ r: SpotCheck.Row, _ p: Presentation) -> String {
        let q = JSONLWriter.json
        func opt(_ s: String?) -> String { s.map(q) ?? "null" }
        var s = "{\"person\":{\"id\":" + q(id(r, p)) + ",\"name\":" + q(name(r, p)) + "}"
        s += ",\"phone\":" + (r.phone == nil ? "null" : q(phone(r, p)))
        s += ",\"class\":" + opt(r.classID) + ",\"institution\":" + opt(r.institution) + ",\"period\":" + opt(r.period)
        s += ",\"occupation\":" + opt(r.occupation) + ",\"county\":" + opt(r.county)
        s += ",\"reason\":" + q(["forced", "every_class", "drawn"][r.reason.rawValue])
        s += ",\"questions\":[" + r.questions.map(q).joined(separator: ",") + "]"
        let findings: [String] = r.findings.map { f in
            let code: String = q(f.code), level: String = q(f.severity.name), score: String = JSONLWriter.number(f.score)
            return "{\"code\":" + code + ",\"severity\":" + level + ",\"score\":" + score + "}"
        }
        s += ",\"findings\":[" + findings.joined(separator: ",") + "]"
        s += ",\"fingerprints\":[" + r.fingerprints.map(q).joined(separator: ",") + "]"
        s += ",\"result\":null,\"note\":null}"
        return s
    }
}
