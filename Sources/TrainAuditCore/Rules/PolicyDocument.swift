import Foundation
import Yams

/// A policy document as a reader finds it: its title, who issued it, its 文号, its date
/// and its validity, each as the document states them (`rules/documents.yaml`). A field
/// the document does not state is nil, never guessed.
public struct PolicyDocument: Sendable, Hashable {
    /// The id packs and checks cite it by (`guyuan-2018`).
    public var id: String
    /// The title as printed (zh) and in English.
    public var title: Localized
    public var issuer: Localized?
    /// The 文号 (document number), as printed; nil when the document has none.
    public var number: String?
    /// The date the document bears (2018-12-17), as printed.
    public var date: String?
    /// The validity the document's page states (001: 宣布失效), with its English.
    public var validity: Localized?

    /// Whether the document says it is no longer in force (失效, 废止).
    public var isRepealed: Bool {
        guard let v = validity?.zh else { return false }
        return v.contains("失效") || v.contains("废止")
    }
}

/// The documents declared once in `documents.yaml` beside the packs, by id.
public struct PolicyDocuments: Sendable {
    public private(set) var all: [PolicyDocument] = []
    private var byID: [String: PolicyDocument] = [:]

    public init(_ documents: [PolicyDocument] = []) {
        all = documents
        byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(id: String) -> PolicyDocument? { byID[id] }

    public static let fileName = "documents.yaml"

    /// Reads `documents.yaml` in `directory`; no file means no documents (a folder of
    /// packs whose settings are all defaults needs none).
    public static func load(directory: String) throws -> PolicyDocuments {
        let file = (directory as NSString).appendingPathComponent(fileName)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return PolicyDocuments() }
        return try parse(text, file: file)
    }

    /// Reads the text of a `documents.yaml`:
    ///     documents:
    ///       guyuan-2018:
    ///         title: {zh: 固原市人民政府办公室关于…的实施意见, en: …}
    ///         issuer: {zh: 固原市人民政府办公室, en: …}
    ///         number: ~            # 文号: the page leaves it blank
    ///         date: 2018-12-17
    ///         validity: {zh: 宣布失效, en: declared no longer in force}
    /// `number`, `date` and `validity` must be written even when the document does not
    /// state them (`~`), so that an absence is said, not forgotten.
    public static func parse(_ text: String, file: String) throws -> PolicyDocuments {
        func fail(_ node: Node?, _ message: String) -> RulePack.LoadError {
            RulePack.LoadError(file: file, line: node?.mark.map { $0.line }, message: message)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw fail(nil, "not valid YAML: \(error)") }
        guard let top = root?.mapping, let entries = top["documents"]?.mapping else {
            throw fail(root, "expected `documents:` with one entry per document")
        }
        var out: [PolicyDocument] = []
        let fields = ["title", "issuer", "number", "date", "validity"]
        for (idNode, entry) in entries {
            guard let id = idNode.string, !id.isEmpty else { throw fail(idNode, "a document id must be text") }
            guard let m = entry.mapping else { throw fail(entry, "\(id): expected {title, issuer, number, date, validity}") }
            for (k, _) in m where !fields.contains(k.string ?? "") {
                throw fail(k, "\(id): unknown key '\(k.string ?? "")' (allowed: \(fields.joined(separator: ", ")))")
            }
            for f in ["number", "date", "validity"] where m[f] == nil {
                throw fail(entry, "\(id): say \(f) even when the document gives none (\(f): ~)")
            }
            func localized(_ f: String, required: Bool) throws -> Localized? {
                guard let n = m[f], !isNull(n) else {
                    if required { throw fail(entry, "\(id): needs \(f) {zh, en}") }
                    return nil
                }
                guard let l = n.mapping, let zh = l["zh"]?.string, let en = l["en"]?.string, !zh.isEmpty, !en.isEmpty else {
                    throw fail(n, "\(id).\(f): expected {zh: …, en: …}")
                }
                return Localized(zh: zh, en: en)
            }
            func plain(_ f: String) throws -> String? {
                guard let n = m[f], !isNull(n) else { return nil }
                guard let s = n.string, !s.isEmpty else { throw fail(n, "\(id).\(f): expected text or ~") }
                return s
            }
            let date = try plain("date")
            if let date, DayText.parse(date) == nil { throw fail(m["date"], "\(id).date: expected YYYY-MM-DD") }
            if out.contains(where: { $0.id == id }) { throw fail(idNode, "document \(id) is declared twice") }
            out.append(PolicyDocument(id: id, title: try localized("title", required: true)!,
                                      issuer: try localized("issuer", required: false), number: try plain("number"),
                                      date: date, validity: try localized("validity", required: false)))
        }
        return PolicyDocuments(out)
    }

    static func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar else { return false }
        return s.style == .plain && ["~", "null", "Null", "NULL", ""].contains(s.string)
    }
}

/// Days as the YAML files write them (2020-01-01).
enum DayText {
    static func parse(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

extension PolicyDocument {
    /// Everything the declaration says, for the list of a pack's documents: what the
    /// document does not state is said so.
    public func card(_ lang: Lang) -> String {
        let zh = lang == .zh
        let unstated = zh ? "未载明" : "not stated"
        let parts = zh
            ? ["发文机关：\(issuer?.zh ?? unstated)", "文号：\(number ?? "无")", "日期：\(date ?? unstated)", "有效性：\(validity?.zh ?? unstated)"]
            : ["issuer: \(issuer?.en ?? unstated)", "document no.: \(number ?? "none")", "date: \(date ?? unstated)", "validity: \(validity?.en ?? unstated)"]
        return (zh ? "《\(title.zh)》" : title.en) + (zh ? "\n    " : "\n    ") + parts.joined(separator: zh ? "；" : "; ")
    }
}

extension Settings {
    /// The documents the pack's settings cite, in the order documents.yaml declares them.
    public var citedDocuments: [PolicyDocument] {
        let cited = Set(AnySettingKey.all.flatMap { describe($0).compactMap(\.source.document) })
        return documents.all.filter { cited.contains($0.id) }
    }

    /// A setting's source as the user reads it.
    public func text(_ source: PolicySource, _ lang: Lang) -> String { source.text(lang, documents) }
}
