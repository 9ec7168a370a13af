import ArgumentParser
import Foundation
import TrainAudit

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit files and folders and report ranked findings.",
        discussion: """
        Every file's table kind is recognised from its header. Folders are read recursively.

        Examples:
          trainaudit scan --pack guyuan corpus/demo
          trainaudit scan --pack guyuan --format jsonl corpus/demo | jq 'select(.severity=="high") | .person.id'
          trainaudit scan --format tsv data/ | grep PRX001 | cut -f5,7
          trainaudit scan --pack guyuan -o 问题清单.xlsx corpus/demo     # the findings workbook
          trainaudit scan --pack guyuan -o 报告.html corpus/demo         # one page that prints to PDF
          trainaudit scan --pack guyuan -o 报告.pdf corpus/demo          # that page printed by Chromium

        -o picks the format from its extension (.xlsx .html .pdf .csv .tsv .jsonl) when --format is not given.
        """
    )

    typealias Format = OutputTarget.Format
    enum Threshold: String, ExpressibleByArgument, CaseIterable { case info, low, medium, high, critical, never }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: jsonl, tsv, csv (for Excel: BOM, CRLF), table, xlsx (the findings workbook), html (one page that prints to PDF) or pdf (that page printed by Chromium headless). Default: from -o's extension, else table on a terminal, jsonl otherwise.")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "Write findings to this file instead of stdout (checked before any input is read; never an input or the --baseline file).")
    var output: String?

    @Option(name: .long, help: "Exit 1 when a finding at or above this severity is reported (info, low, medium, high, critical, never).")
    var failOn: Threshold = .high

    @Option(name: .long, help: "Report only findings at or above this severity (info shows skipped-row notes too).")
    var minSeverity: Threshold = .low

    @Flag(name: .long, help: "Mask IDs, phones and names for reports that leave the audit team.")
    var mask = false

    @Option(name: .long, help: ArgumentHelp("Report only findings whose fingerprint is not in this earlier JSON Lines output.", valueName: "old.jsonl"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("The audit's 'today' (YYYY-MM-DD), for sign-ins in the future; default: today. Fix it to reproduce a run byte for byte.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Run only these checks (comma-separated codes or families: DUP001,PRX).", valueName: "codes"))
    var select: String?

    @Option(name: .long, help: ArgumentHelp("A call sheet filled in (xlsx or CSV from trainaudit sample, or JSON Lines of {\"fingerprint\",\"result\",\"note\"}); repeat for several. 不属实: left out and counted; 属实: marked confirmed and ranked first; 无法核实: marked.", valueName: "sheet"))
    var verified: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the run record (tool version, pack and its settings hash, as-of day, each input with its SHA-256 and rows read, counts) to this JSON file.", valueName: "file"))
    var summary: String?

    @Argument(help: "Files (.xlsx, .xls, .et, .csv) and folders.")
    var paths: [String]

    func validate() throws {
        try validatePaths(paths, lang: common.lang)
        if let asOf, DateReader.day(asOf).value == nil { throw ValidationError("--as-of: '\(asOf)' is not a date (YYYY-MM-DD)") }
        if minSeverity == .never { throw ValidationError("--min-severity never would report nothing") }
        try OutputTarget.validate(output: output, format: format, inputs: paths, baseline: baseline, lang: common.lang)
        if let summary { try SummaryFile.validate(summary, inputs: paths + verified + (baseline.map { [$0] } ?? [])) }
        if let output, verified.contains(where: { OutputTarget.realPath($0) == OutputTarget.realPath(output) }) {
            throw ValidationError(common.lang == .zh ? "-o \(output) 是 --verified 核查表，不能覆盖" : "-o \(output) is a --verified call sheet: it would be overwritten")
        }
    }

    func run() throws {
        let engine = try common.engine()
        let zh = common.lang == .zh
        let today = asOf.flatMap { DateReader.day($0).value } ?? Scan.today()
        let checks = try selectedChecks()
        // The baseline and the call sheets are read first: a wrong file fails before the scan.
        let known = try baseline.map { try Scan.fingerprints(in: $0, lang: common.lang) }
        let sheets = try Scan.callSheets(verified, lang: common.lang)
        let progress = ProgressLine()
        let fileCount = InputFiles.expand(paths).files.count
        progress.set(zh ? "读取 \(fileCount) 个文件…" : "reading \(fileCount) files…")
        let loaded = engine.load(paths)
        let rows = loaded.reports.map(\.records).reduce(0, +)
        progress.set(zh ? "已读取 \(fileCount) 个文件、\(rows) 行，检查中…" : "read \(fileCount) files, \(rows) rows; checking…")
        let result = engine.scan(loaded.data, asOf: today, checks: checks)
        let readable = result.reports.contains { $0.error == nil && $0.layout != nil }
        var findings = result.findings.filter { $0.severity >= Severity(name: minSeverity.rawValue)! }
        var hidden = 0
        if let known {
            hidden = findings.count
            findings = findings.filter { !known.contains($0.fingerprint) }
            hidden -= findings.count
        }
        let applied = sheets.map { $0.apply(to: findings, all: result.findings) }
        if let applied { findings = applied.findings }
        progress.set(zh ? "\(findings.count) 项问题，写出中…" : "\(findings.count) findings; writing…")
        let presentation = Presentation(lang: common.lang, mask: mask)
        let format = self.format ?? output.flatMap(OutputTarget.format(forExtension:)) ?? (output == nil && isTerminal(1) ? .table : .jsonl)
        var summary = RunSummary.text(result, shown: findings, lang: common.lang)
        if let baseline { summary += zh ? "\n基线 \(baseline) 隐藏了 \(hidden) 项已知问题" : "\nthe baseline \(baseline) hid \(hidden) known findings" }
        if let sheets, let applied { summary += "\n" + Scan.verificationSummary(sheets, applied, lang: common.lang) }
        summary += "\n" + RunRecord.headline(settings: engine.settings, asOf: today, reports: result.reports, lang: common.lang)
        let toTerminal = output == nil && isTerminal(1)
        var summaryShown = false
        func report() -> FindingsReport {
            FindingsReport(result: result, shown: findings, settings: engine.settings, asOf: today, presentation: presentation, paths: paths)
        }
        var text = ""
        switch format {
        case .jsonl: for f in findings { text += JSONLWriter.line(f, presentation) + "\n" }
        case .tsv:
            text = TSVWriter.header + "\n"
            for f in findings { text += TSVWriter.line(f, presentation) + "\n" }
        case .csv: text = CSVWriter.document(findings, presentation)
        case .table:
            // On a terminal the table ends with the summary (not repeated on stderr).
            let size = toTerminal ? terminalSize() : nil
            text = TableWriter(presentation: presentation, colour: toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
                               width: size?.columns ?? 120).render(findings, summary: toTerminal ? summary : nil)
            if toTerminal {
                summaryShown = true
                progress.finish()
                if let size, text.split(separator: "\n", omittingEmptySubsequences: false).count > size.rows, page(text) { text = "" }
            }
        case .html: text = HTMLWriter(report: report()).render()
        case .pdf: try writePDF(HTMLWriter(report: report()).render())
        case .xlsx:
            let r = report()
            let cells = EvidenceCells(findings: findings, files: FindingsReport.inputFiles(paths), reports: result.reports, limits: engine.limits)
            try writeWorkbook(XLSXWriter(report: r, evidence: cells))
        }
        progress.finish()
        if let path = self.summary {
            var record = RunRecord(command: "scan", arguments: Array(CommandLine.arguments.dropFirst(2)), engine: engine, packArgument: common.pack,
                                   asOf: today, reports: result.reports, paths: paths)
            record.extra = Scan.recordCounts(findings, result: result, baseline: baseline, hidden: hidden, verified: verified, sheets: sheets, applied: applied)
            try SummaryFile.write(record, to: path, lang: common.lang)
        }
        if format != .xlsx, format != .pdf, !text.isEmpty || output != nil { try emit(text) }
        if !summaryShown { note(summary) }
        if !readable {
            note(zh ? "trainaudit: 没有可读取的表格" : "trainaudit: nothing could be read")
            throw ExitCode(2)
        }
        if let failure = result.failure {
            note("trainaudit: " + failure.text(common.lang))
            throw ExitCode(2)
        }
        if failOn != .never, let limit = Severity(name: failOn.rawValue), findings.contains(where: { $0.severity >= limit }) {
            throw ExitCode(1)
        }
    }

    /// Writes text output to -o FILE (whole, through a temporary file) or to stdout.
    func emit(_ text: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            note(common.lang == .zh ? "trainaudit: 无法写入 \(output)：\(error.localizedDescription)" : "trainaudit: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }

    /// The page printed by Chromium to -o FILE, or through a temporary file to stdout.
    func writePDF(_ html: String) throws {
        let path = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-\(UUID().uuidString).pdf").path
        do { try Browser.printToPDF(html: html, pdf: path, lang: common.lang) } catch {
            note(common.lang == .zh ? "trainaudit: 无法生成 PDF \(output ?? "")：\(error.localizedDescription)" : "trainaudit: cannot print the PDF \(output ?? ""): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if output == nil {
            defer { try? FileManager.default.removeItem(atPath: path) }
            if let data = FileManager.default.contents(atPath: path) { FileHandle.standardOutput.write(data) }
        }
    }

    /// The workbook goes to -o FILE, or through a temporary file to stdout (a pipe).
    func writeWorkbook(_ writer: XLSXWriter) throws {
        let path = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-\(UUID().uuidString).xlsx").path
        do { try writer.write(to: path) } catch {
            note(common.lang == .zh ? "trainaudit: 无法写入 \(output ?? "xlsx")：\(error)" : "trainaudit: cannot write \(output ?? "xlsx"): \(error)")
            throw ExitCode(2)
        }
        if output == nil {
            defer { try? FileManager.default.removeItem(atPath: path) }
            if let data = FileManager.default.contents(atPath: path) { FileHandle.standardOutput.write(data) }
        }
    }

    func selectedChecks() throws -> [any Check] { try Scan.checks(select) }

    /// The checks --select names (codes or families); all when nil.
    static func checks(_ select: String?) throws -> [any Check] {
        guard let select else { return AllChecks.all }
        let wanted = select.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let chosen = AllChecks.all.filter { c in wanted.contains { c.info.code == $0 || c.info.family.rawValue == $0 } }
        let unknown = wanted.filter { w in !AllChecks.all.contains { $0.info.code == w || $0.info.family.rawValue == w } }
        if !unknown.isEmpty { throw ValidationError("--select: no check or family \(unknown.joined(separator: ", "))") }
        return chosen
    }

    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
    }

    /// The fingerprints of a baseline: JSON Lines from this tool, or the run fails (exit 2)
    /// with the file and line, rather than hiding nothing without a word.
    static func fingerprints(in path: String, lang: Lang) throws -> Set<String> {
        do { return try FindingsFile(path: path).fingerprints } catch let e as FindingsFile.NotFindings {
            note("trainaudit: --baseline " + e.text(lang))
            throw ExitCode(2)
        }
    }
}
