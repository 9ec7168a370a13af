import ArgumentParser
import Foundation
import TrainAudit

/// The scan options the workflow commands (rollup, sample) share with `scan`: they run
/// the same scan on the same inputs, then lay its findings out otherwise.
struct ScanInputs: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The audit's 'today' (YYYY-MM-DD); fix it to reproduce a run byte for byte.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Use only these checks (comma-separated codes or families: DUP001,PRX).", valueName: "codes"))
    var select: String?

    @Option(name: .long, help: "Use only findings at or above this severity (info, low, medium, high, critical).")
    var minSeverity: Scan.Threshold = .low

    @Flag(name: .long, help: "Mask IDs, phones and names.")
    var mask = false

    @Option(name: .long, help: ArgumentHelp("Write the run record (tool version, pack and its settings hash, as-of day, each input with its SHA-256 and rows read) to this JSON file.", valueName: "file"))
    var summary: String?

    @Argument(help: "Files (.xlsx, .csv) and folders.")
    var paths: [String] = []

    func validateInputs() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if let asOf, DateReader.day(asOf).value == nil { throw ValidationError("--as-of: '\(asOf)' is not a date (YYYY-MM-DD)") }
        if minSeverity == .never { throw ValidationError("--min-severity never would leave nothing") }
        if let summary { try SummaryFile.validate(summary, inputs: paths) }
    }
}

/// What a scan for a workflow command gave.
struct WorkflowScan {
    var engine: Engine
    var result: ScanResult
    var shown: [Finding]
    var today: Day
}

extension ScanInputs {
    /// Loads and checks the inputs as `scan` does; exits 2 when nothing could be read.
    func run(_ common: CommonOptions) throws -> WorkflowScan {
        let engine = try common.engine()
        let zh = common.lang == .zh
        let today = asOf.flatMap { DateReader.day($0).value } ?? Scan.today()
        let checks = try Scan.checks(select)
        let progress = ProgressLine()
        progress.set(zh ? "读取中…" : "reading…")
        let result = engine.scan(paths, asOf: today, checks: checks)
        progress.finish()
        if !result.reports.contains(where: { $0.error == nil && $0.layout != nil }) {
            note(RunSummary.text(result, shown: [], lang: common.lang))
            note(zh ? "trainaudit: 没有可读取的表格" : "trainaudit: nothing could be read")
            throw ExitCode(2)
        }
        let limit = Severity(name: minSeverity.rawValue)!
        return WorkflowScan(engine: engine, result: result, shown: result.findings.filter { $0.severity >= limit }, today: today)
    }

    func record(_ command: String, _ scan: WorkflowScan, _ common: CommonOptions) -> RunRecord {
        RunRecord(command: command, arguments: Array(CommandLine.arguments.dropFirst(2)), engine: scan.engine, packArgument: common.pack,
                  asOf: scan.today, reports: scan.result.reports, paths: paths)
    }
}

enum SummaryFile {
    static func validate(_ path: String, inputs: [String]) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("--summary \(path): the folder \(folder) does not exist")
        }
        let target = OutputTarget.realPath(path)
        if InputFiles.expand(inputs).files.contains(where: { OutputTarget.realPath($0) == target }) {
            throw ValidationError("--summary \(path) is one of the input files: it would be overwritten")
        }
    }

    static func write(_ record: RunRecord, to path: String?, lang: Lang) throws {
        guard let path else { return }
        do { try record.write(to: path) } catch {
            note(lang == .zh ? "trainaudit: 无法写入 \(path)：\(error.localizedDescription)" : "trainaudit: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}

/// Writes a table in the chosen format (jsonl lines given separately) to -o FILE or stdout.
func writeDocument(_ doc: TableDocument, jsonl: @autoclosure () -> String, format: OutputTarget.Format, output: String?,
                   footer: String?, lang: Lang) throws {
    func fail(_ error: Error) throws -> Never {
        note(lang == .zh ? "trainaudit: 无法写入 \(output ?? "")：\(error)" : "trainaudit: cannot write \(output ?? ""): \(error)")
        throw ExitCode(2)
    }
    func emit(_ text: String) throws {
        guard let output else { FileHandle.standardOutput.write(Data(text.utf8)); return }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch { try fail(error) }
    }
    func binary(_ make: (String) throws -> Void, ext: String) throws {
        let path = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-\(UUID().uuidString).\(ext)").path
        do { try make(path) } catch { try fail(error) }
        if output == nil {
            defer { try? FileManager.default.removeItem(atPath: path) }
            if let data = FileManager.default.contents(atPath: path) { FileHandle.standardOutput.write(data) }
        }
    }
    switch format {
    case .jsonl: try emit(jsonl())
    case .tsv: try emit(doc.tsv())
    case .csv: try emit(doc.csv())
    case .table: try emit(doc.table(footer: footer))
    case .html: try emit(doc.html())
    case .xlsx: try binary({ try doc.writeXLSX(to: $0) }, ext: "xlsx")
    case .pdf: try binary({ try Browser.printToPDF(html: doc.html(), pdf: $0, lang: lang) }, ext: "pdf")
    }
}

/// The format: --format, else -o's extension, else table on a terminal, JSON Lines otherwise.
func chosenFormat(_ format: OutputTarget.Format?, output: String?) -> OutputTarget.Format {
    format ?? output.flatMap(OutputTarget.format(forExtension:)) ?? (output == nil && isTerminal(1) ? .table : .jsonl)
}
