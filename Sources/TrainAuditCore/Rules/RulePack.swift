import Foundation
import Yams

/// Loads a rule pack (`rules/NAME.yaml`) with its `extends` chain into Settings.
///
/// A pack is:
///     name: guyuan
///     extends: ningxia
///     title: {zh: …, en: …}
///     settings:
///       max_class_size:
///         value: 50
///         source: {document: guyuan-2018, clause: 四(三), quote: 每个培训班不得超过50人}
///       max_daily_hours:
///         value: 8
///         source: {default: {zh: …, en: …}}
/// Every setting carries its source: a clause of a document declared once in
/// `documents.yaml` beside the packs, or a default with why in both languages. A setting
/// a class is judged by (`SettingKey.byClassStart`) may be dated, by `from`/`until` days of
/// the class start or as several `periods: [{from, until, value, source}]`. An unknown
/// key or document, a wrong type, overlapping periods or a cycle in `extends` is refused
/// with the file and line.
public enum RulePack {
    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// `pack` is a name in `directory` (guyuan) or a path to a .yaml file.
    public static func load(_ pack: String, directory: String) throws -> Settings {
        var settings = Settings()
        settings.documents = try PolicyDocuments.load(directory: (path(pack, directory: directory) as NSString).deletingLastPathComponent)
        var seen: [String] = []
        try apply(pack, directory: directory, into: &settings, seen: &seen)
        settings.packName = seen.first.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") } ?? pack
        settings.chain = seen.reversed().map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") }
        return settings
    }

    /// The packs shipped in `directory` (every .yaml but columns.yaml and documents.yaml).
    public static func available(directory: String) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return items.filter { $0.hasSuffix(".yaml") && $0 != "columns.yaml" && $0 != PolicyDocuments.fileName }
            .map { String($0.dropLast(5)) }.sorted()
    }

    public static func path(_ pack: String, directory: String) -> String {
        pack.hasSuffix(".yaml") || pack.contains("/") ? pack : directory + "/" + pack + ".yaml"
    }

    private static func apply(_ pack: String, directory: String, into settings: inout Settings, seen: inout [String]) throws {
        let file = path(pack, directory: directory)
        if seen.contains(file) {
            throw LoadError(file: file, line: nil, message: "extends makes a cycle: " + (seen + [file]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → "))
        }
        seen.append(file)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw LoadError(file: file, line: nil, message: "no such rule pack (available: \(available(directory: directory).joined(separator: ", ")))")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw LoadError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let map = root?.mapping else { throw LoadError(file: file, line: 1, message: "expected a mapping at the top") }
        func fail(_ node: Node?, _ message: String) -> LoadError {
            LoadError(file: file, line: node?.mark.map { $0.line }, message: message)
        }
        for (k, _) in map where !["name", "extends", "title", "settings", "notes"].contains(k.string ?? "") {
            throw fail(k, "unknown key '\(k.string ?? "")' (allowed: name, extends, title, settings, notes)")
        }
        let name = map["name"]?.string ?? (file as NSString).lastPathComponent
        if let parent = map["extends"] {
            guard let p = parent.string else { throw fail(parent, "extends must be a pack name") }
            try apply(p, directory: (file as NSString).deletingLastPathComponent, into: &settings, seen: &seen)
        }
        guard let entries = map["settings"]?.mapping else { return }
        for (keyNode, entry) in entries {
            guard let key = keyNode.string else { throw fail(keyNode, "a setting name must be text") }
            guard let setting = AnySettingKey.named(key) else { throw fail(keyNode, "unknown setting '\(key)'") }
            guard let body = entry.mapping else { throw fail(entry, "\(key): expected {value: …, source: …}") }
            let reader = SettingReader(key: key, fail: fail)
            var periods: [(value: any Sendable, source: PolicySource, from: Day?, until: Day?)] = []
            if let list = body["periods"] {
                for (k, _) in body where k.string != "periods" {
                    throw fail(k, "\(key): with periods, each period has its own value and source")
                }
                guard let items = list.sequence, !items.isEmpty else { throw fail(list, "\(key): periods is a list of {from, until, value, source}") }
                for item in items {
                    guard let m = item.mapping else { throw fail(item, "\(key): a period is {from, until, value, source}") }
                    periods.append(try period(m, item, key: key, setting: setting, reader: reader, settings: settings, fail: fail))
                }
            } else {
                periods.append(try period(body, entry, key: key, setting: setting, reader: reader, settings: settings, fail: fail))
            }
            if periods.contains(where: { $0.from != nil || $0.until != nil }) {
                guard setting.byClassStart else {
                    throw fail(entry, "\(key): only a setting a class is judged by when it started may carry dates (\(AnySettingKey.all.filter(\.byClassStart).map(\.name).joined(separator: ", ")))")
                }
                periods.sort { ($0.from?.ordinal ?? .min) < ($1.from?.ordinal ?? .min) }
                for (a, b) in zip(periods, periods.dropFirst()) {
                    guard let end = a.until, let start = b.from, end < start else {
                        throw fail(entry, "\(key): periods overlap or leave no end: each period but the last needs an until before the next one's from")
                    }
                }
            }
            settings.set(setting, periods, pack: name)
        }
    }

    /// One value of a setting: `{value, source}` with `from` and `until` when dated.
    private static func period(_ m: Node.Mapping, _ node: Node, key: String, setting: AnySettingKey, reader: SettingReader,
                               settings: Settings, fail: (Node?, String) -> LoadError) throws
        -> (value: any Sendable, source: PolicySource, from: Day?, until: Day?) {
        for (k, _) in m where !["value", "source", "from", "until"].contains(k.string ?? "") {
            throw fail(k, "\(key): unknown key '\(k.string ?? "")' (allowed: value, source, from, until; or periods)")
        }
        guard let value = m["value"] else { throw fail(node, "\(key): expected {value: …, source: …}") }
        guard let sourceNode = m["source"] else {
            throw fail(node, "\(key): every setting needs a source ({document, clause, quote} or {default: {zh, en}})")
        }
        func day(_ field: String) throws -> Day? {
            guard let n = m[field] else { return nil }
            guard let text = n.string, let d = DayText.parse(text) else { throw fail(n, "\(key).\(field): expected a day YYYY-MM-DD") }
            return d
        }
        let from = try day("from"), until = try day("until")
        if let from, let until, until < from { throw fail(node, "\(key): until \(until) is before from \(from)") }
        let read = try setting.read(value, reader)
        return (read, try PolicySource.read(sourceNode, key: key, documents: settings.documents, fail: fail), from, until)
    }
}
