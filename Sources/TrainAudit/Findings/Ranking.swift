import Foundation

/// Scores and orders findings: most urgent first, deterministically.
///
/// score = 100 × severity × confidence × (0.6 + 0.4 × money), where severity is the
/// level's weight (critical 1.0 … info 0.05), confidence is the check's 0…1, and money is
/// log10(1 + yuan at risk) / log10(1 + 10,000), capped at 1: a 1,600-yuan subsidy counts
/// 0.80, none counts 0. Money never lifts a finding above its severity's ceiling, so a
/// critical finding about a small sum still outranks a medium one about a large sum.
public enum Ranking {
    public static func moneyFactor(_ fen: Int64?) -> Double {
        guard let fen, fen > 0 else { return 0 }
        return min(1, log10(1 + Double(fen) / 100) / log10(1 + 10_000))
    }

    public static func score(_ f: Finding) -> Double {
        let raw = 100 * f.severity.weight * max(0, min(1, f.confidence)) * (0.6 + 0.4 * moneyFactor(f.amount))
        return (raw * 10).rounded() / 10
    }

    /// Removes repeats (same code and subject), scores, fingerprints, gives each finding its
    /// payment rows and the names it may show (from `data`, when given) and its case, and sorts case by case (`Cases`).
    public static func rank(_ findings: [Finding], data: AuditData? = nil) -> [Finding] {
        var seen = Set<String>()
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        for var f in findings where seen.insert(f.code + "\u{1}" + f.subject).inserted {
            f.score = score(f)
            f.fingerprint = Fingerprint.of(code: f.code, subject: f.subject)
            f.caseKey = Cases.key(f)
            out.append(f)
        }
        if let data {
            let attribution = PaymentAttribution(data: data, rows: Set(out.flatMap(\.paymentRefs)))
            for i in out.indices {
                out[i].payments = attribution.payments(of: out[i])
                out[i].otherNames = OtherNames.of(out[i], in: data, payments: attribution)
            }
        }
        out.sort(by: precedes)
        return Cases.order(out)
    }

    /// The order of findings before cases: score, severity, code, first evidence row, subject.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.code != b.code { return a.code < b.code }
        let ea = a.evidence.first, eb = b.evidence.first
        if ea != eb {
            guard let ea else { return false }
            guard let eb else { return true }
            return ea < eb
        }
        return a.subject < b.subject
    }
}

/// A stable identifier for a finding across runs and row moves: FNV-1a 64 over the code
/// and the subject (what the finding is about, never its row numbers).
public enum Fingerprint {
    public static func of(code: String, subject: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in (code + "\u{1F}" + subject).utf8 {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
