import Foundation
import Yams

/// Loads a rule pack (`rules/NAME.yaml`) with its `extends` chain into Settings.
///
/// A pack is:
///     name: guyuan
///     extends: ningxia
///     title: {zh: …, en: …}
///     settings:
///       max_class_size: {value: 50, source: "001_… 三(三)：每个培训班不得超过50人"}
/// Every setting carries its source. An unknown key, a wrong type or a cycle in `extends`
/// is refused with the file and line.
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
        var seen: [String] = []
        try apply(pack, directory: directory, into: &settings, seen: &seen)
        settings.packName = seen.first.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") } ?? pack
        settings.chain = seen.reversed().map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") }
        return settings
    }

    /// The packs shipped in `directory` (every .yaml but columns.yaml).
    public static func available(directory: String) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return items.filter { $0.hasSuffix(".yaml") && $0 != "columns.yaml" }.map { String($0.dropLast(5)) }.sorted()
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
            guard let body = entry.mapping, let value = body["value"] else {
                throw fail(entry, "\(key): expected {value: …, source: …}")
            }
            for (k, _) in body where !["value", "source"].contains(k.string ?? "") {
                throw fail(k, "\(key): unknown key '\(k.string ?? "")' (allowed: value, source)")
            }
            guard let source = body["source"]?.string, !source.isEmpty else {
                throw fail(entry, "\(key): every setting needs a source (seed file and clause, or \"default: why\")")
            }
            guard let setting = AnySettingKey.named(key) else { throw fail(value, "unknown setting '\(key)'") }
            settings.set(setting, try setting.read(value, SettingReader(key: key, fail: fail)), source: source, pack: name)
        }
    }
}
