import TrainAuditCore

/// What the loader did to rows, said in every finding that cites them: a row whose ID was
/// inferred (`IDRepair`) lowers the finding's confidence and names the ID and where it
/// came from; a row that another file repeats (`RepeatedRows`) brings that file's row into
/// the evidence, so the auditor sees both papers.
enum RowNotes {
    static func apply(_ findings: [Finding], _ data: AuditData) -> [Finding] {
        let inferred = data.inferredIDs
        var twins: [SourceRef: [SourceRef]] = [:]
        for r in data.repeatedRows { twins[r.of, default: []].append(r.row) }
        guard !inferred.isEmpty || !twins.isEmpty else { return findings }
        return findings.map { f in
            var f = f
            if !twins.isEmpty, f.code != "DQ012" {
                var evidence = f.evidence
                for e in f.evidence { for t in twins[e] ?? [] where !evidence.contains(t) { evidence.append(t) } }
                f.evidence = evidence
            }
            if !inferred.isEmpty {
                let rows = (f.evidence + f.paymentRefs).filter { inferred[$0] != nil }
                var seen = Set<SourceRef>()
                for row in rows where seen.insert(row).inserted {
                    let i = inferred[row]!
                    // The ID and DQ families report the cell itself; the others rest on the join.
                    if !f.code.hasPrefix("ID"), !f.code.hasPrefix("DQ") { f.confidence *= i.confidence }
                    f.message.zh += "（\(place(row, .zh)) 的身份证号系推定：\(i.id)，依据 \(place(i.from, .zh)) 的同名人员）"
                    f.message.en += " (the ID of \(place(row, .en)) is inferred: \(i.id), from the same-named person at \(place(i.from, .en)))"
                }
            }
            return f
        }
    }

    static func place(_ s: SourceRef, _ lang: Lang) -> String {
        let sheet = s.sheet.map { " [\($0)]" } ?? ""
        return lang == .zh ? "\(s.file)\(sheet) 第\(s.row)行" : "\(s.file)\(sheet) row \(s.row)"
    }
}
