// TEMPORARY until the ingest branch lands with the real readers.
import Foundation
public enum InputFiles {
    public static func expand(_ paths: [String]) -> (files: [String], problems: [IngestError]) {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                let items = (FileManager.default.enumerator(atPath: p)?.allObjects as? [String]) ?? []
                out += items.filter { $0.hasSuffix(".csv") }.sorted().map { (p.hasSuffix("/") ? p : p + "/") + $0 }
            } else { out.append(p) }
        }
        return (out, [])
    }
}
public enum Workbook {
    public static func open(_ path: String, limits: IngestLimits = .default) throws -> [any SheetSource] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw IngestError(file: path, Localized(zh: "无法读取", en: "cannot read")) }
        return [SimpleCSV(text: text)]
    }
}
struct SimpleCSV: SheetSource {
    let text: String
    var sheetName: String? { nil }
    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if n > 1 && l.isEmpty { continue }
            if try !body(RawRow(number: n, cells: l.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) { return }
        }
    }
}
