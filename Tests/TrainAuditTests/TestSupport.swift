import Foundation
import ZIPFoundation
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Paths inside the repository, from this file's place in it.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var rules: String { root.appendingPathComponent("rules").path }
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Engines per pack, loaded once.
enum Engines {
    nonisolated(unsafe) private static var cache: [String: Engine] = [:]
    private static let lock = NSLock()

    static func pack(_ name: String) throws -> Engine {
        lock.lock()
        defer { lock.unlock() }
        if let e = cache[name] { return e }
        let e = try Engine(rulesDirectory: Repo.rules, pack: name)
        cache[name] = e
        return e
    }
}

/// Writes CSV texts into a fresh temporary folder and returns it. A U+FFFF in a text (a
/// noncharacter no real table holds) is written as the byte 0xFF, which is never valid
/// UTF-8: a damaged byte. A table named `*.xlsx` is written as a one-sheet workbook
/// (`ExampleWorkbook`): its cells are strings, except those written `#…`, which are number
/// cells storing the text after the `#` as a writer that keeps integers stores it.
func writeTables(_ tables: [(file: String, csv: String)]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for t in tables {
        if t.file.hasSuffix(".xlsx") {
            try ExampleWorkbook.write(csv: t.csv, to: dir.appendingPathComponent(t.file))
            continue
        }
        var bytes: [UInt8] = []
        for scalar in t.csv.unicodeScalars {
            if scalar == "\u{FFFF}" { bytes.append(0xFF) } else { bytes.append(contentsOf: String(scalar).utf8) }
        }
        try Data(bytes).write(to: dir.appendingPathComponent(t.file))
    }
    return dir.path
}

/// The fixed "today" of tests, so checks that compare with now are deterministic.
let testToday = Day(year: 2026, month: 11, day: 23)!

/// The smallest workbook that holds a CSV text as Excel would: one sheet, strings as
/// inline strings, `#…` cells as number cells. For check examples about number cells.
enum ExampleWorkbook {
    static func write(csv: String, to url: URL) throws {
        var rows = ""
        for (r, line) in csv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            var cells = ""
            for (c, cell) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where !cell.isEmpty {
                let ref = String(UnicodeScalar(UInt8(65 + c))) + String(r + 1)
                if cell.hasPrefix("#") {
                    cells += "<c r=\"\(ref)\"><v>\(cell.dropFirst())</v></c>"
                } else {
                    let text = cell.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    cells += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
                }
            }
            rows += "<row r=\"\(r + 1)\">\(cells)</row>"
        }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """),
            ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
            ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
            ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """),
            ("xl/worksheets/sheet1.xml", """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
            """),
        ]
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
    }
}
