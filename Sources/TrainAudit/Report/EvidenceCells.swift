import Foundation

/// The cells of the rows findings point at, read again from the input files after the
/// scan (the engine keeps typed records, not cells), so the workbook's evidence sheet shows
/// what was read and an auditor need not open the source files. Each file is read once,
/// up to its last wanted row; a file that cannot be read again simply gives no cells.
public struct EvidenceCells {
    /// One non-blank cell of an evidence row, with its column's header.
    public struct Cell: Sendable {
        public var header: String
        public var value: String

        /// "header：value", or the value alone under no header.
        public var text: String { header.isEmpty ? value : header + "：" + value }
    }

    /// Row → its non-blank cells, in column order.
    public private(set) var cells: [SourceRef: [Cell]] = [:]

    public init() {}

    /// - Parameters:
    ///   - files: display name → path (FindingsReport.inputFiles).
    ///   - headers: (file, sheet) → the table's header names, from the scan's reports.
    public init(findings: [Finding], files: [String: String], reports: [TableReport], limits: IngestLimits = .default) {
        struct Place: Hashable { var file: String; var sheet: String? }
        var wanted: [Place: Set<Int>] = [:]
        for f in findings { for e in f.evidence { wanted[Place(file: e.file, sheet: e.sheet), default: []].insert(e.row) } }
        var headers: [Place: [String]] = [:]
        for r in reports { if let l = r.layout { headers[Place(file: r.file, sheet: r.sheet)] = l.headers } }
        let byFile = Dictionary(grouping: wanted.keys, by: \.file)
        for (file, places) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let path = files[file], let sheets = try? Workbook.open(path, limits: limits) else { continue }
            for sheet in sheets {
                let place = Place(file: file, sheet: sheet.sheetName)
                guard places.contains(place), let rows = wanted[place], let last = rows.max() else { continue }
                let names = headers[place] ?? []
                try? sheet.forEachRow { row in
                    if rows.contains(row.number) {
                        var out: [Cell] = []
                        for (i, v) in row.cells.enumerated() {
                            let value = v.trimmingCharacters(in: .whitespaces)
                            guard !value.isEmpty else { continue }
                            let name = i < names.count ? names[i].trimmingCharacters(in: .whitespaces) : ""
                            out.append(Cell(header: name, value: value))
                        }
                        cells[SourceRef(file: file, sheet: sheet.sheetName, row: row.number)] = out
                    }
                    return row.number < last
                }
            }
        }
    }
}
