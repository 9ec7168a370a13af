import Foundation

/// A findings file this tool wrote (`scan --format jsonl`), read back for `--baseline` and
/// `diff`. Anything else is refused with the file and line, so a baseline cannot be
/// silently matched against nothing (issue 11 §4).
public struct FindingsFile {
    public struct Line {
        public var number: Int
        public var text: String
        public var code: String
        public var fingerprint: String
        public var object: [String: Any]
    }

    public struct NotFindings: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var reason: Localized
        public func text(_ lang: Lang) -> String {
            let zh = lang == .zh
            let place = file + (line.map { zh ? " 第 \($0) 行" : " line \($0)" } ?? "")
            return zh ? "\(place)：\(reason.zh)；需要 trainaudit scan --format jsonl 的输出"
                      : "\(place): \(reason.en); expected the output of trainaudit scan --format jsonl"
        }
        public var description: String { text(.en) }
    }

    public let path: String
    /// The findings, in file order; lines a diff marked resolved are not findings and are left out.
    public let lines: [Line]

    public init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotFindings(file: path, line: nil, reason: Localized(zh: "无法读取", en: "cannot be read"))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw NotFindings(file: path, line: nil, reason: Localized(zh: "不是 UTF-8 文本", en: "not UTF-8 text"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var out: [Line] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw NotFindings(file: path, line: i + 1, reason: Localized(zh: "不是 JSON 对象", en: "not a JSON object"))
            }
            guard let code = obj["code"] as? String, let fp = obj["fingerprint"] as? String, obj["severity"] is String else {
                throw NotFindings(file: path, line: i + 1, reason: Localized(zh: "缺少 code、severity 或 fingerprint", en: "no code, severity or fingerprint"))
            }
            if (obj["status"] as? String) == "resolved" { continue }
            out.append(Line(number: i + 1, text: line, code: code, fingerprint: fp, object: obj))
        }
        lines = out
    }

    public var fingerprints: Set<String> { Set(lines.map(\.fingerprint)) }
}

/// Quarter after quarter: each finding of two scans with its status.
public enum DiffStatus: String, Sendable, CaseIterable {
    /// In NEW only.
    case new
    /// In both.
    case open
    /// In OLD only.
    case resolved

    public var label: Localized {
        switch self {
        case .new: return Localized(zh: "新增", en: "new")
        case .open: return Localized(zh: "仍存在", en: "open")
        case .resolved: return Localized(zh: "已解决", en: "resolved")
        }
    }
}

public struct FindingsDiff {
    public struct Entry {
        public var status: DiffStatus
        public var line: FindingsFile.Line
    }

    /// New findings in NEW's order, then open ones in NEW's order, then resolved ones in OLD's.
    public let entries: [Entry]

    public init(old: FindingsFile, new: FindingsFile) {
        let before = old.fingerprints, after = new.fingerprints
        var seen = Set<String>()
        var fresh: [Entry] = [], open: [Entry] = [], gone: [Entry] = []
        for l in new.lines where seen.insert(l.fingerprint).inserted {
            (before.contains(l.fingerprint) ? { open.append(Entry(status: .open, line: l)) } : { fresh.append(Entry(status: .new, line: l)) })()
        }
        for l in old.lines where !after.contains(l.fingerprint) && seen.insert(l.fingerprint).inserted {
            gone.append(Entry(status: .resolved, line: l))
        }
        entries = fresh + open + gone
    }

    public func count(_ s: DiffStatus) -> Int { entries.filter { $0.status == s }.count }

    /// The finding's own line with `"status"` added (a status already there is replaced).
    public static func jsonLine(_ e: Entry) -> String {
        var text = e.line.text
        if let r = text.range(of: #",\s*"status"\s*:\s*"[a-z]*""#, options: .regularExpression) { text.removeSubrange(r) }
        guard text.hasSuffix("}") else { return text }
        return String(text.dropLast()) + ",\"status\":\"\(e.status.rawValue)\"}"
    }

    /// The finding as the writers take it, rebuilt from its line (texts as written: the
    /// language of the scan that wrote them).
    public static func finding(_ l: FindingsFile.Line) -> Finding {
        let o = l.object
        func str(_ k: String) -> String? { o[k] as? String }
        func yuan(_ v: Any?) -> Int64? { (v as? NSNumber).map { Int64(($0.doubleValue * 100).rounded()) } }
        let title = str("title") ?? l.code, message = str("message") ?? ""
        let person = (o["person"] as? [String: Any]).flatMap { p in (p["id"] as? String).map { PersonRef(id: $0, name: p["name"] as? String ?? "") } }
        let evidence: [SourceRef] = (o["evidence"] as? [[String: Any]] ?? []).compactMap { e in
            guard let file = e["file"] as? String, let row = (e["row"] as? NSNumber)?.intValue else { return nil }
            return SourceRef(file: file, sheet: e["sheet"] as? String, row: row)
        }
        let factors = o["factors"] as? [String: Any]
        var f = Finding(code: l.code, severity: Severity(name: str("severity") ?? "") ?? .info,
                        title: Localized(zh: title, en: title), message: Localized(zh: message, en: message),
                        subject: l.fingerprint, evidence: evidence, confidence: (factors?["confidence"] as? NSNumber)?.doubleValue ?? 1,
                        person: person, classID: str("class"), institution: str("institution"), county: str("county"),
                        amount: yuan(o["amount"]))
        f.score = (o["score"] as? NSNumber)?.doubleValue ?? 0
        f.fingerprint = l.fingerprint
        f.verified = str("verified").flatMap(Verification.init(rawValue:))
        return f
    }
}
