import Yams

/// Where a setting or a check comes from, as a reader finds it: a clause of a document
/// declared in `documents.yaml`, a default with why, or a basis that is no policy
/// document (a national standard's rule, what the data shows). Shown in the user's
/// language; only the quoted clause stays in Chinese under `--lang en`.
public enum PolicySource: Sendable, Hashable {
    /// A clause of a declared document (by id), with its words.
    case clause(document: String, clause: String, quote: String?, note: Localized?)
    /// A number no document gives, and why the pack takes it.
    case `default`(Localized)
    /// A basis other than a policy document.
    case reason(Localized)

    /// `.cite("guyuan-2018", "四(三)", "每个培训班不得超过50人")`.
    public static func cite(_ document: String, _ clause: String, _ quote: String? = nil, note: Localized? = nil) -> PolicySource {
        .clause(document: document, clause: clause, quote: quote, note: note)
    }

    public static func byDefault(zh: String, en: String) -> PolicySource { .default(Localized(zh: zh, en: en)) }
    public static func because(zh: String, en: String) -> PolicySource { .reason(Localized(zh: zh, en: en)) }

    /// The document cited, if any.
    public var document: String? {
        if case .clause(let d, _, _, _) = self { return d }
        return nil
    }

    /// The source as a reader reads it: the document's title, 文号 and date (a note when
    /// the document is marked 失效), the clause and its words; or the default with why.
    public func text(_ lang: Lang, _ documents: PolicyDocuments) -> String {
        let zh = lang == .zh
        switch self {
        case .default(let why):
            return (zh ? "默认值：" : "default: ") + why.text(lang)
        case .reason(let why):
            return why.text(lang)
        case .clause(let id, let clause, let quote, let note):
            var out = documents[id].map { PolicySource.cited($0, lang) } ?? id
            out += zh ? clause : " clause \(clause)"
            if let quote { out += zh ? "：“\(quote)”" : ": “\(quote)”" }
            if let note { out += zh ? "（\(note.zh)）" : " (\(note.en))" }
            return out
        }
    }

    /// 《title》（文号，date，该文件已标注“宣布失效”） / title (文号, date; marked …).
    public static func cited(_ d: PolicyDocument, _ lang: Lang) -> String {
        var meta = [d.number, d.date].compactMap { $0 }
        if lang == .zh {
            if d.isRepealed, let v = d.validity { meta.append("该文件已标注“\(v.zh)”") }
            return "《\(d.title.zh)》" + (meta.isEmpty ? "" : "（\(meta.joined(separator: "，"))）")
        }
        var tail = meta.joined(separator: ", ")
        if d.isRepealed, let v = d.validity { tail += (tail.isEmpty ? "" : "; ") + "marked: \(v.en)" }
        return d.title.en + (tail.isEmpty ? "" : " (\(tail))")
    }

    /// One line for the settings digest of a run record: stable, language-independent.
    public var canonical: String {
        switch self {
        case .clause(let d, let c, let q, let n): return "\(d) \(c) \(q ?? "")" + (n.map { " (\($0.zh) | \($0.en))" } ?? "")
        case .default(let l): return "default: \(l.zh) | \(l.en)"
        case .reason(let l): return "\(l.zh) | \(l.en)"
        }
    }
}

extension [PolicySource] {
    /// Several sources in one line.
    public func text(_ lang: Lang, _ documents: PolicyDocuments) -> String {
        map { $0.text(lang, documents) }.joined(separator: lang == .zh ? "；" : "; ")
    }
}

extension PolicySource {
    /// A pack setting's `source:` (RulePack):
    ///     source: {document: guyuan-2018, clause: 四(三), quote: 每个培训班不得超过50人}
    ///     source: {default: {zh: …, en: …}}
    /// A citation names a declared document, its clause and its words (an optional
    /// `note: {zh, en}` says how the pack reads them).
    static func read(_ node: Node, key: String, documents: PolicyDocuments,
                     fail: (Node?, String) -> RulePack.LoadError) throws -> PolicySource {
        let shape = "\(key): source is {document, clause, quote} or {default: {zh, en}}"
        guard let m = node.mapping else {
            throw fail(node, shape + (node.string.map { " (a free text such as \"\($0.prefix(30))…\" is no longer taken)" } ?? ""))
        }
        func localized(_ n: Node, _ field: String) throws -> Localized {
            guard let l = n.mapping, let zh = l["zh"]?.string, let en = l["en"]?.string, !zh.isEmpty, !en.isEmpty else {
                throw fail(n, "\(key): source \(field) needs {zh: …, en: …}, the reason in both languages")
            }
            return Localized(zh: zh, en: en)
        }
        if let d = m["default"] {
            for (k, _) in m where k.string != "default" { throw fail(k, "\(key): a default has only its reason ({default: {zh, en}})") }
            return .default(try localized(d, "default"))
        }
        for (k, _) in m where !["document", "clause", "quote", "note"].contains(k.string ?? "") {
            throw fail(k, "\(key): unknown key '\(k.string ?? "")' in source (allowed: document, clause, quote, note; or default)")
        }
        guard let idNode = m["document"], let id = idNode.string else { throw fail(node, shape) }
        guard documents[id] != nil else {
            let known = documents.all.map(\.id).joined(separator: ", ")
            throw fail(idNode, "\(key): source cites unknown document '\(id)' (documents.yaml declares: \(known.isEmpty ? "none" : known))")
        }
        guard let clause = m["clause"]?.string, !clause.isEmpty else { throw fail(node, "\(key): source needs the clause of \(id)") }
        guard let quote = m["quote"]?.string, !quote.isEmpty else { throw fail(node, "\(key): source needs the words of \(id) \(clause) (quote)") }
        return .clause(document: id, clause: clause, quote: quote, note: try m["note"].map { try localized($0, "note") })
    }
}
