import ArgumentParser
import Foundation
import TrainAudit

extension Scan {
    /// The call sheets of --verified, read before the scan; nil when none were given. A
    /// sheet that cannot be opened, or is no call sheet, fails the run (exit 2).
    static func callSheets(_ files: [String], lang: Lang) throws -> CallSheets? {
        guard !files.isEmpty else { return nil }
        do { return try CallSheets(files: files) } catch let e as IngestError {
            note("trainaudit: --verified " + e.text(lang))
            throw ExitCode(2)
        } catch {
            note("trainaudit: --verified \(error)")
            throw ExitCode(2)
        }
    }

    /// What the call sheets did, for the run summary: counts, each refuted finding with its
    /// note, and every row that could not be used or named no finding of this run.
    static func verificationSummary(_ sheets: CallSheets, _ applied: CallSheets.Applied, lang: Lang) -> String {
        let zh = lang == .zh
        var lines: [String] = [zh
            ? "核查表：属实 \(applied.confirmed) 项（排在最前），不属实 \(applied.refuted.count) 项（已剔除），无法核实 \(applied.unverifiable) 项；未填 \(sheets.pending) 行，无法读取 \(sheets.problems.count) 行，未知指纹 \(applied.unknown.count) 个"
            : "call sheets: \(applied.confirmed) confirmed (ranked first), \(applied.refuted.count) refuted (left out), \(applied.unverifiable) unverifiable; \(sheets.pending) rows not filled in, \(sheets.problems.count) unreadable, \(applied.unknown.count) unknown fingerprints"]
        for (f, text) in applied.refuted {
            let who = [f.person?.name, f.person?.id, f.classID].compactMap { $0 }.joined(separator: " ")
            lines.append("  " + (zh ? "不属实" : "refuted") + " \(f.code) \(f.fingerprint) \(who)" + (text.isEmpty ? "" : (zh ? "  备注：" : "  note: ") + text))
        }
        for p in sheets.problems { lines.append("  ! " + p.place + ": " + p.reason.text(lang)) }
        for u in applied.unknown { lines.append("  ! " + u.place + ": " + (zh ? "指纹 \(u.fingerprint) 不是本次检查的问题" : "fingerprint \(u.fingerprint) is no finding of this run")) }
        for (fp, place) in sheets.overridden { lines.append("  ! " + place + ": " + (zh ? "指纹 \(fp) 的核实结果与之前的不同，以此为准" : "fingerprint \(fp) had another result before; this one is kept")) }
        if !sheets.withoutFingerprint.isEmpty {
            let found = sheets.withoutFingerprint.filter { $0.result != .refuted }
            lines.append(zh ? "  无问题学员的回访 \(sheets.withoutFingerprint.count) 行（其中 \(found.count) 行结果不是“不属实”，请人工跟进）"
                            : "  \(sheets.withoutFingerprint.count) calls to trainees without findings (\(found.count) with a result other than refuted: follow up by hand)")
        }
        return lines.joined(separator: "\n")
    }

    /// The scan's counts for the run record.
    static func recordCounts(_ shown: [Finding], result: ScanResult, baseline: String?, hidden: Int, verified: [String],
                             sheets: CallSheets?, applied: CallSheets.Applied?) -> [(key: String, json: String)] {
        var bySeverity: [Severity: Int] = [:]
        for f in shown { bySeverity[f.severity, default: 0] += 1 }
        let q = JSONLWriter.json
        var out: [(key: String, json: String)] = [
            ("findings", String(shown.count)),
            ("by_severity", "{" + Severity.allCases.reversed().compactMap { s in bySeverity[s].map { q(s.name) + ": \($0)" } }.joined(separator: ", ") + "}"),
            ("money_at_risk", Money.yuan(RunSummary.moneyAtRisk(shown, data: result.data))),
            ("checks_run", "[" + result.ran.map(q).joined(separator: ", ") + "]"),
            ("checks_skipped", "[" + result.skipped.map { q($0.code) }.joined(separator: ", ") + "]"),
        ]
        if let baseline {
            out.append(("baseline", "{\"file\": \(q(baseline)), \"sha256\": \(SHA256.file(baseline).map(q) ?? "null"), \"hidden\": \(hidden)}"))
        }
        if let sheets, let applied {
            out.append(("verified", "{\"files\": [" + verified.map { "{\"file\": \(q($0)), \"sha256\": \(SHA256.file($0).map(q) ?? "null")}" }.joined(separator: ", ")
                + "], \"confirmed\": \(applied.confirmed), \"refuted\": \(applied.refuted.count), \"unverifiable\": \(applied.unverifiable), "
                + "\"unknown\": \(applied.unknown.count), \"unreadable\": \(sheets.problems.count), \"pending\": \(sheets.pending), "
                + "\"refuted_findings\": [" + applied.refuted.map { "{\"fingerprint\": \(q($0.finding.fingerprint)), \"note\": \(q($0.note))}" }.joined(separator: ", ") + "]}"))
        }
        return out
    }
}
