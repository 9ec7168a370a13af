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
                // One note per inferred ID and where it came from, naming its rows.
                var notes: [(id: InferredID, rows: [SourceRef])] = []
                for row in f.evidence + f.paymentRefs {
                    guard let i = inferred[row] else { continue }
                    if let k = notes.firstIndex(where: { $0.id == i }) {
                        if !notes[k].rows.contains(row) { notes[k].rows.append(row) }
                    } else {
                        notes.append((i, [row]))
                    }
                }
                for (i, rows) in notes {
                    // The ID and DQ families report the cell itself; the others rest on the join.
                    if !f.code.hasPrefix("ID"), !f.code.hasPrefix("DQ") { f.confidence *= i.confidence }
                    f.message.zh += "（\(rows.map { place($0, .zh) }.joined(separator: "、")) 的身份证号系推定：\(i.id)，依据 \(place(i.from, .zh)) 的同名人员）"
                    f.message.en += " (the ID of \(rows.map { place($0, .en) }.joined(separator: ", ")) is inferred: \(i.id), from the same-named person at \(place(i.from, .en)))"
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
