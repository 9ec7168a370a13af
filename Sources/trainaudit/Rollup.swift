import ArgumentParser
import Foundation
import TrainAudit

struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Rank institutions, classes, counties, towns or departments: where to inspect first.",
        discussion: """
        Runs the scan and rolls its findings up, one row per unit: trainees, trainees with \
        findings, findings per family and code, money paid, money at risk (each payment \
        counted once), the risk score and its parts, the top codes. A unit's findings are \
        exactly the scan's findings naming it (their institution, class or county; for town \
        the person's 乡(镇) in the registry; for department the 实施部门 of the enrolment). \
        Findings naming no unit make the blank row, so the rows add up to the scan.

        \(UnitRollup.formula.en)

        Examples:
          trainaudit rollup --by institution --pack guyuan corpus/demo
          trainaudit rollup --by class --pack guyuan --format jsonl corpus/demo | jq -r 'select(.score > 50) | .unit'
          trainaudit rollup --by county --pack guyuan -o 按县汇总.xlsx corpus/demo
        """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The unit: institution, class, county, town or department.")
    var by: RollupDimension = .institution

    @Option(name: .long, help: "Output format: jsonl, tsv, csv, table, xlsx, html or pdf. Default: from -o's extension, else table on a terminal, jsonl otherwise.")
    var format: OutputTarget.Format?

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.")
    var output: String?

    @OptionGroup var inputs: ScanInputs

    func validate() throws {
        try inputs.validateInputs()
        try OutputTarget.validate(output: output, format: format, inputs: inputs.paths, baseline: nil, lang: common.lang)
    }

    func run() throws {
        let lang = common.lang, zh = lang == .zh
        let scan = try inputs.run(common)
        let rows = Rollup(data: scan.result.data, by: by).rows(scan.shown)
        var record = inputs.record("rollup", scan, common)
        record.extra = [("by", JSONLWriter.json(by.rawValue)), ("units", String(rows.count)), ("findings", String(scan.shown.count)),
                        ("money_at_risk", Money.yuan(RunSummary.moneyAtRisk(scan.shown, data: scan.result.data)))]
        let blank = zh ? "（未填）" : "(blank)"
        let families = Family.allCases
        let headers = [zh ? "排名" : "rank", by.title.text(lang), zh ? "学员" : "trainees", zh ? "有问题学员" : "flagged",
                       zh ? "问题数" : "findings"] + families.map(\.rawValue)
            + [zh ? "发放金额（元）" : "paid (yuan)", zh ? "涉及金额（元，每笔只计一次）" : "at risk (yuan, each payment once)",
               zh ? "风险分" : "score", zh ? "证据/问题学员占比/金额" : "evidence/flagged share/money", zh ? "主要问题" : "top codes"]
        let cells: [[TableDocument.Cell]] = rows.enumerated().map { i, r in
            let fam = r.families
            return [.number(Double(i + 1)), .text(r.unit ?? blank), .number(Double(r.trainees)), .number(Double(r.flagged)),
                    .number(Double(r.findingCount))] + families.map { .number(Double(fam[$0] ?? 0)) }
                + [.yuan(r.paid), .yuan(r.atRisk), .number(r.score),
                   .text([r.evidence, r.flaggedShare, r.money].map { String(format: "%.2f", $0) }.joined(separator: " / ")),
                   .text(r.topCodes().map { "\($0.code)×\($0.count)" }.joined(separator: " "))]
        }
        let title = zh ? "按\(by.title.zh)汇总的问题与风险" : "Findings and risk by \(by.title.en)"
        let doc = TableDocument(title: title, sheetName: zh ? "按\(by.title.zh)" : "By \(by.title.en)", headers: headers, rows: cells,
                                record: record.pairs(lang) + [(zh ? "风险分" : "score", UnitRollup.formula.text(lang))], lang: lang)
        let summary = RunSummary.text(scan.result, shown: scan.shown, lang: lang)
            + (zh ? "\n按\(by.title.zh)汇总：\(rows.count) 个单位" : "\nrolled up by \(by.rawValue): \(rows.count) units")
            + "\n" + RunRecord.headline(settings: scan.engine.settings, asOf: scan.today, reports: scan.result.reports, lang: lang)
        let format = chosenFormat(format, output: output)
        try writeDocument(doc, jsonl: rows.enumerated().map { $0.element.jsonLine(rank: $0.offset + 1) + "\n" }.joined(),
                          format: format, output: output, footer: summary + "\n" + UnitRollup.formula.text(lang), lang: lang)
        try SummaryFile.write(record, to: inputs.summary, lang: lang)
        if !(format == .table && output == nil) { note(summary) }
    }
}

extension RollupDimension: ExpressibleByArgument {}
