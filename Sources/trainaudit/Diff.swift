import ArgumentParser
import Foundation
import TrainAudit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two scans: each finding new, open (in both) or resolved (in OLD only).",
        discussion: """
        OLD and NEW are JSON Lines from trainaudit scan (--format jsonl); findings are matched by \
        fingerprint, which stays the same across runs and row moves. Output: new findings (in NEW's \
        order), then open ones, then resolved ones (in OLD's order), each with "status"; in JSON Lines \
        each finding's own line with "status" added. Counts go to stderr. A file that is not JSON Lines \
        from this tool is refused (exit 2).

        Examples:
          trainaudit scan --pack guyuan --format jsonl 2019Q3/ > q3.jsonl
          trainaudit scan --pack guyuan --format jsonl 2019Q4/ > q4.jsonl
          trainaudit diff q3.jsonl q4.jsonl | jq -c 'select(.status=="new")'
          trainaudit diff q3.jsonl q4.jsonl -o 对比.xlsx
        """
    )

    @Argument(help: "The earlier scan (JSON Lines).") var old: String
    @Argument(help: "The later scan (JSON Lines).") var new: String

    @Option(name: .long, help: "Output format: jsonl, tsv, csv, table, xlsx or html. Default: from -o's extension, else table on a terminal, jsonl otherwise.")
    var format: OutputTarget.Format?

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Language of headers and counts: zh or en (finding texts stay as the scans wrote them).")
    var lang: Lang = .zh

    @Flag(name: .long, help: "Mask IDs, phones and names.")
    var mask = false

    @Option(name: .long, help: "Exit 1 when a new finding is at or above this severity (info, low, medium, high, critical, never).")
    var failOn: Scan.Threshold = .never

    func validate() throws {
        if format == .pdf { throw ValidationError("diff writes jsonl, tsv, csv, table, xlsx or html") }
        try OutputTarget.validate(output: output, format: format, inputs: [old, new], baseline: nil, lang: lang)
    }

    func run() throws {
        let zh = lang == .zh
        let before: FindingsFile, after: FindingsFile
        do {
            before = try FindingsFile(path: old)
            after = try FindingsFile(path: new)
        } catch let e as FindingsFile.NotFindings {
            note("trainaudit diff: " + e.text(lang))
            throw ExitCode(2)
        }
        let diff = FindingsDiff(old: before, new: after)
        let p = Presentation(lang: lang, mask: mask)
        let findings = diff.entries.map { FindingsDiff.finding($0.line) }
        let counts = zh
            ? "新增 \(diff.count(.new))，仍存在 \(diff.count(.open))，已解决 \(diff.count(.resolved))（旧 \(before.lines.count) 项，新 \(after.lines.count) 项）"
            : "\(diff.count(.new)) new, \(diff.count(.open)) open, \(diff.count(.resolved)) resolved (old \(before.lines.count), new \(after.lines.count))"
        let format = chosenFormat(format, output: output)
        let headers = ["status"] + TSVWriter.columns
        let rows: [[TableDocument.Cell]] = zip(diff.entries, findings).map { e, f in
            [.text(e.status.rawValue)] + TSVWriter.fields(f, p).map { .text($0) }
        }
        let record: [(String, String)] = [(zh ? "工具版本" : "tool version", "trainaudit " + ToolVersion.current),
                                          (zh ? "旧" : "old", old + "  " + (SHA256.file(old) ?? "")),
                                          (zh ? "新" : "new", new + "  " + (SHA256.file(new) ?? "")),
                                          (zh ? "结果" : "counts", counts)]
        let doc = TableDocument(title: zh ? "两次检查结果对比" : "Findings compared", sheetName: zh ? "对比" : "Diff",
                                headers: headers, rows: rows, record: record, lang: lang)
        if format == .table {
            let marked = zip(diff.entries, findings).map { e, f -> Finding in
                var f = f
                let label = "[" + e.status.label.text(lang) + "] "
                f.title = Localized(zh: label + f.title.zh, en: label + f.title.en)
                return f
            }
            let text = TableWriter(presentation: p, colour: output == nil && isTerminal(1), width: terminalSize()?.columns ?? 120).render(marked, summary: counts)
            if let output { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
        } else {
            let jsonl = diff.entries.map { e -> String in
                guard mask else { return FindingsDiff.jsonLine(e) + "\n" }
                let f = FindingsDiff.finding(e.line)
                let line = JSONLWriter.line(f, p)
                return String(line.dropLast()) + ",\"status\":\"\(e.status.rawValue)\"}\n"
            }.joined()
            try writeDocument(doc, jsonl: jsonl, format: format, output: output, footer: counts, lang: lang)
        }
        if !(format == .table && output == nil) { note(counts) }
        if failOn != .never, let limit = Severity(name: failOn.rawValue),
           zip(diff.entries, findings).contains(where: { $0.0.status == .new && $0.1.severity >= limit }) {
            throw ExitCode(1)
        }
    }
}
