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
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, tsv, table }
    enum Threshold: String, ExpressibleByArgument, CaseIterable { case info, low, medium, high, critical, never }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: jsonl, tsv or table (default: table on a terminal, jsonl otherwise).")
    var format: Format?

    @Option(name: [.short, .customLong("output")], help: "Write findings to this file instead of stdout.")
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

    @Argument(help: "Files (.xlsx, .xls, .et, .csv) and folders.")
    var paths: [String]

    func validate() throws {
        try validatePaths(paths, lang: common.lang)
        if let asOf, DateReader.day(asOf).value == nil { throw ValidationError("--as-of: '\(asOf)' is not a date (YYYY-MM-DD)") }
        if minSeverity == .never { throw ValidationError("--min-severity never would report nothing") }
    }

    func run() throws {
        let engine = try common.engine()
        let today = asOf.flatMap { DateReader.day($0).value } ?? Scan.today()
        let result = engine.scan(paths, asOf: today, checks: try selectedChecks())
        let readable = result.reports.contains { $0.error == nil && $0.layout != nil }
        var findings = result.findings.filter { $0.severity >= Severity(name: minSeverity.rawValue)! }
        if let baseline {
            let known = try Scan.fingerprints(in: baseline)
            findings = findings.filter { !known.contains($0.fingerprint) }
        }
        let presentation = Presentation(lang: common.lang, mask: mask)
        let format = self.format ?? (output == nil && isTerminal(1) ? .table : .jsonl)
        var text = ""
        switch format {
        case .jsonl: for f in findings { text += JSONLWriter.line(f, presentation) + "\n" }
        case .tsv:
            text = TSVWriter.header + "\n"
            for f in findings { text += TSVWriter.line(f, presentation) + "\n" }
        case .table:
            text = TableWriter(presentation: presentation, colour: output == nil && isTerminal(1) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil).render(findings)
        }
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                note("trainaudit: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(text.data(using: .utf8)!)
        }
        note(RunSummary.text(result, shown: findings, lang: common.lang))
        if !readable {
            note(common.lang == .zh ? "trainaudit: 没有可读取的表格" : "trainaudit: nothing could be read")
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

    func selectedChecks() throws -> [any Check] {
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

    static func fingerprints(in path: String) throws -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("--baseline: cannot read \(path)")
        }
        var out = Set<String>()
        for line in text.split(separator: "\n") {
            guard let r = line.range(of: "\"fingerprint\":\"") else { continue }
            let rest = line[r.upperBound...]
            if let end = rest.firstIndex(of: "\"") { out.insert(String(rest[..<end])) }
        }
        return out
    }
}
