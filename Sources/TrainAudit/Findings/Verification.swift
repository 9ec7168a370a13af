import Foundation

/// The call sheets read back: xlsx or CSV as `trainaudit sample` wrote them and the team
/// filled them in (read with the project's own readers, `Workbook.open`), or JSON Lines of
/// {"fingerprint", "result", "note"}. A row's result applies to every fingerprint on it.
public struct CallSheets {
    public struct Verdict: Sendable {
        public var result: Verification
        public var note: String
        /// Where it was read: file, sheet and row.
        public var place: String
    }

    /// A row or line that could not be used, with where and why.
    public struct Problem: Sendable {
        public var place: String
        public var reason: Localized
    }

    public private(set) var verdicts: [String: Verdict] = [:]
    public private(set) var problems: [Problem] = []
    /// Rows with a result but no fingerprint (a trainee drawn without findings): what the
    /// call found is not a finding of this run.
    public private(set) var withoutFingerprint: [(place: String, result: Verification, note: String)] = []
    /// Rows not filled in yet.
    public private(set) var pending = 0
    /// A fingerprint given twice with different results: the later one is kept.
    public private(set) var overridden: [(fingerprint: String, place: String)] = []

    public init() {}

    /// Reads the files; a file that cannot be opened at all throws (the run fails, exit 2).
    public init(files: [String], limits: IngestLimits = .default) throws {
        for f in files { try read(f, limits: limits) }
    }

    static let fingerprintHeads = ["指纹", "fingerprints", "fingerprint"]
    static let resultHeads = ["核实结果", "result", "verification"]
    static let noteHeads = ["备注", "note", "notes"]

    /// Fingerprints in a cell: 16 hex digits each, separated by spaces, commas or
    /// semicolons; a leading '#' (some teams type one so Excel keeps the cell text) is allowed.
    static func fingerprints(in cell: String) -> [String]? {
        var out: [String] = []
        for piece in cell.split(whereSeparator: { " ,;，；、\n\r\t".contains($0) }) {
            var p = Substring(piece)
            if p.hasPrefix("#") { p = p.dropFirst() }
            let hex = p.lowercased()
            guard hex.count == 16, hex.allSatisfy({ $0.isHexDigit }) else { return nil }
            out.append(hex)
        }
        return out
    }

    mutating func add(_ fps: [String], _ v: Verdict) {
        for fp in fps {
            if let old = verdicts[fp], old.result != v.result { overridden.append((fp, v.place)) }
            verdicts[fp] = v
        }
    }

    mutating func read(_ path: String, limits: IngestLimits) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        let name = (path as NSString).lastPathComponent
        if ext == "jsonl" || ext == "ndjson" || ext == "json" {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw IngestError(file: path, Localized(zh: "无法读取（不是 UTF-8 文本）", en: "cannot be read (not UTF-8 text)"))
            }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
                let place = "\(name):\(n + 1)"
                guard let obj = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any] else {
                    problems.append(Problem(place: place, reason: Localized(zh: "不是 JSON 对象", en: "not a JSON object"))); continue
                }
                var fps: [String] = []
                if let one = obj["fingerprint"] as? String { fps = [one] } else if let many = obj["fingerprints"] as? [String] { fps = many }
                let note = obj["note"] as? String ?? obj["备注"] as? String ?? ""
                guard let resultText = obj["result"] as? String ?? obj["核实结果"] as? String, !resultText.isEmpty else {
                    if obj["result"] is NSNull || obj["result"] == nil { pending += 1; continue }
                    problems.append(Problem(place: place, reason: Localized(zh: "result 不是文字", en: "result is not text"))); continue
                }
                guard let result = Verification(cell: resultText) else {
                    problems.append(Problem(place: place, reason: Localized(zh: "核实结果“\(resultText)”不是 属实/不属实/无法核实", en: "result '\(resultText)' is not confirmed/refuted/unverifiable"))); continue
                }
                let clean = fps.compactMap { CallSheets.fingerprints(in: $0)?.first }
                if clean.count != fps.count {
                    problems.append(Problem(place: place, reason: Localized(zh: "指纹不是16位十六进制", en: "a fingerprint is not 16 hex digits"))); continue
                }
                if clean.isEmpty { withoutFingerprint.append((place, result, note)); continue }
                add(clean, Verdict(result: result, note: note, place: place))
            }
            return
        }
        let sheets = try Workbook.open(path, limits: limits)
        var found = false
        for sheet in sheets {
            var columns: (fp: Int, result: Int, note: Int?)?
            var rowsBeforeHeader = 0
            let sheetPlace = sheet.sheetName.map { "\(name) [\($0)]" } ?? name
            try sheet.forEachRow { row in
                guard let c = columns else {
                    let cells = row.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    let fp = cells.firstIndex { c in CallSheets.fingerprintHeads.contains { c.hasPrefix($0) } }
                    let result = cells.firstIndex { c in CallSheets.resultHeads.contains { c.hasPrefix($0) } }
                    if let fp, let result {
                        columns = (fp, result, cells.firstIndex { c in CallSheets.noteHeads.contains { c.hasPrefix($0) } })
                    }
                    rowsBeforeHeader += 1
                    return rowsBeforeHeader < 10
                }
                if row.isBlank { return true }
                let place = "\(sheetPlace) \(row.number)"
                func cell(_ i: Int) -> String { i < row.cells.count ? row.cells[i].trimmingCharacters(in: .whitespacesAndNewlines) : "" }
                let resultText = cell(c.result), note = c.note.map(cell) ?? ""
                if resultText.isEmpty { pending += 1; return true }
                guard let result = Verification(cell: resultText) else {
                    problems.append(Problem(place: place, reason: Localized(zh: "核实结果“\(resultText)”不是 属实/不属实/无法核实", en: "result '\(resultText)' is not 属实/不属实/无法核实")))
                    return true
                }
                guard let fps = CallSheets.fingerprints(in: cell(c.fp)) else {
                    problems.append(Problem(place: place, reason: Localized(zh: "指纹列“\(cell(c.fp))”无法识别", en: "fingerprint cell '\(cell(c.fp))' cannot be read")))
                    return true
                }
                if fps.isEmpty { withoutFingerprint.append((place, result, note)); return true }
                add(fps, Verdict(result: result, note: note, place: place))
                return true
            }
            if columns != nil { found = true }
        }
        if !found {
            throw IngestError(file: path, Localized(zh: "找不到“指纹”和“核实结果”两列：不是 trainaudit sample 生成的核查表",
                                                    en: "no 'fingerprints' and 'result' columns: not a call sheet from trainaudit sample"))
        }
    }

    /// What applying the verdicts to a scan did.
    public struct Applied: Sendable {
        public var findings: [Finding]
        public var confirmed: Int
        public var unverifiable: Int
        /// Refuted findings left out, with the caller's note.
        public var refuted: [(finding: Finding, note: String)]
        /// Verdicts whose fingerprint is not among the run's findings.
        public var unknown: [(fingerprint: String, place: String)]
    }

    /// Refuted findings out, confirmed ones marked and moved first (in rank order among
    /// themselves), unverifiable ones marked where they were. `all` is every finding of the
    /// run (before --min-severity and --baseline), so a fingerprint filtered out of the
    /// output is not reported as unknown.
    public func apply(to shown: [Finding], all: [Finding]) -> Applied {
        let known = Set(all.map(\.fingerprint))
        var confirmed: [Finding] = [], rest: [Finding] = [], refuted: [(Finding, String)] = []
        var unverifiable = 0
        for var f in shown {
            switch verdicts[f.fingerprint]?.result {
            case .confirmed?: f.verified = .confirmed; confirmed.append(f)
            case .refuted?: f.verified = .refuted; refuted.append((f, verdicts[f.fingerprint]!.note))
            case .unverifiable?: f.verified = .unverifiable; unverifiable += 1; rest.append(f)
            case nil: rest.append(f)
            }
        }
        let unknown = verdicts.filter { !known.contains($0.key) }.map { ($0.key, $0.value.place) }.sorted { $0.1 < $1.1 }
        return Applied(findings: confirmed + rest, confirmed: confirmed.count, unverifiable: unverifiable, refuted: refuted, unknown: unknown)
    }
}
