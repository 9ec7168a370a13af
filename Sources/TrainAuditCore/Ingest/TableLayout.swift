/// Where a table's header is and what each column means: what `trainaudit inspect` shows.
public struct TableLayout: Sendable {
    public var kind: TableKind
    /// The header's row numbers (two for a two-row header).
    public var headerRows: [Int]
    /// Header text per column index (a two-row header as "parent/child").
    public var headers: [String]
    /// Canonical column name → column index.
    public var columns: [String: Int]
    /// Indexes of columns with a header that no alias knows: kept for evidence.
    public var unknown: [Int]
    /// Expected columns the table lacks (DQ001), each as its alternatives (period|start_date).
    public var missing: [String]
    public var score: Double

    /// For each mapped column, the texts a repeated header may show there: the header,
    /// and the parent and child of a two-row header.
    public let headerForms: [(Int, [String])]
    /// Per entry of `headerForms`, the first bytes of its texts as 256 bits (four words): a
    /// cell whose first byte (past ASCII white space) is none of them starts none of them.
    private let headerLeadBits: [UInt64]
    /// Every text of `headerForms` begins with a byte of 0x80 or up (a header in Chinese),
    /// and no two entries are one column: a cell can start one only if its first byte is
    /// not printable ASCII, and it is counted once.
    let headerFormsStartNonASCII: Bool

    public init(kind: TableKind, headerRows: [Int], headers: [String], columns: [String: Int],
                unknown: [Int], missing: [String], score: Double) {
        self.kind = kind
        self.headerRows = headerRows
        self.headers = headers
        self.columns = columns
        self.unknown = unknown
        self.missing = missing
        self.score = score
        headerForms = columns.values.sorted().map { j in
            let h = headers[j]
            let parts = h.split(separator: "/").map(String.init)
            return (j, parts.count > 1 ? [h] + parts : [h])
        }
        var bits = [UInt64](repeating: 0, count: 4 * headerForms.count)
        for (k, (_, forms)) in headerForms.enumerated() {
            for b in forms.compactMap(\.utf8.first) { bits[4 * k + Int(b >> 6)] |= 1 << UInt64(b & 63) }
        }
        headerLeadBits = bits
        headerFormsStartNonASCII = Set(headerForms.map(\.0)).count == headerForms.count
            && headerForms.allSatisfy { $0.1.allSatisfy { ($0.utf8.first ?? 0x80) >= 0x80 } }
    }

    /// Whether `lead` is the first byte of one of entry `k`'s texts in `headerForms`.
    @inline(__always)
    func headerMayStart(_ k: Int, with lead: UInt8) -> Bool {
        headerLeadBits[4 * k + Int(lead >> 6)] >> UInt64(lead & 63) & 1 != 0
    }

    public func index(_ column: String) -> Int? { columns[column] }

    /// Canonical names in column order, for display.
    public var mapping: [(column: String, header: String, index: Int)] {
        columns.map { (column: $0.key, header: headers[$0.value], index: $0.value) }.sorted { $0.index < $1.index }
    }
}

/// Finds the header row of a sheet and the table kind it belongs to.
public struct HeaderFinder: Sendable {
    public let catalog: ColumnCatalog

    public init(catalog: ColumnCatalog) { self.catalog = catalog }

    /// The best header among `rows` (the first rows of a sheet), or nil when none is
    /// recognisable. `fileName` lets a file hint (在校生名单.xlsx) break ties.
    /// A cell longer than this is no header text (the longest real ones, 培训和鉴定补贴金额（元）
    /// and the like, are a few dozen bytes): it is not matched against the aliases, so a
    /// sheet of wide, long cells costs the search no more than a narrow one (30 rows of
    /// 512 cells of 4 KiB took a minute before).
    static let maxHeaderBytes = 256
    /// Columns past this many are not searched for header texts (they are kept as unknown
    /// columns): real exports have a few dozen, and 30 rows of 512 short cells cost
    /// seconds of matching (a fuzz reproducer).
    static let maxHeaderColumns = 128

    static func headerTexts(_ row: RawRow) -> [String] {
        row.cells.enumerated().map { j, cell in
            j >= maxHeaderColumns || cell.utf8.count > maxHeaderBytes ? "" : ColumnCatalog.cleanHeader(cell)
        }
    }

    public func find(in rows: [RawRow], fileName: String) -> TableLayout? {
        var best: TableLayout?
        let matcher = AliasMatcher(catalog)
        for (i, row) in rows.enumerated() where !row.isBlank {
            let single = HeaderFinder.headerTexts(row)
            if let l = layout(headers: single, rows: [row.number], fileName: fileName, matcher), l.score > (best?.score ?? 0) {
                best = l
            }
            if i + 1 < rows.count, !rows[i + 1].isBlank {
                let combined = HeaderFinder.combine(single, HeaderFinder.headerTexts(rows[i + 1]))
                if let l = layout(headers: combined, rows: [row.number, rows[i + 1].number], fileName: fileName, matcher),
                   l.score > (best?.score ?? 0) {
                    best = l
                }
            }
        }
        // A two-row header whose second row only repeats the first (vertically merged
        // cells, filled by the reader) is still part of the header, not a repeated header.
        if var b = best, b.headerRows.count == 1, let i = rows.firstIndex(where: { $0.number == b.headerRows[0] }),
           i + 1 < rows.count, HeaderFinder.repeats(rows[i + 1], b) {
            b.headerRows.append(rows[i + 1].number)
            best = b
        }
        return best
    }

    /// Whether a row holds its header's own texts in at least half of the mapped columns
    /// (and at least two): a repeated header. Runs on every data row, so a cell is
    /// cleaned and compared only when its first bytes could start one of the header's
    /// texts (the whole header, or either part of a two-row "parent/child").
    public static func repeats(_ row: RawRow, _ layout: TableLayout) -> Bool {
        let needed = max(2, (layout.columns.count + 1) / 2)
        // A header in Chinese: a row with fewer cells whose first byte is not printable
        // ASCII than `needed` cannot repeat it (most sign-in rows: IDs, dates, times).
        if layout.headerFormsStartNonASCII, row.nonASCIILeads < needed { return false }
        // First only the cells' first bytes, by bits: a row with fewer than `needed` cells
        // that could start their header's text is no header (nearly every row), and the
        // test below counts only such cells.
        @inline(__always) func leads(_ k: Int) -> Bool {
            let j = layout.headerForms[k].0
            return j < row.count && row.leadByte(at: j).map { layout.headerMayStart(k, with: $0) } == true
        }
        var leading = 0
        for k in layout.headerForms.indices {
            if leads(k) {
                leading += 1
                if leading >= needed { break }
            } else if leading + (layout.headerForms.count - 1 - k) < needed {
                return false
            }
        }
        if leading < needed { return false }
        var same = 0, missed = 0
        for (k, (j, forms)) in layout.headerForms.enumerated() {
            guard j < row.count else { missed += 1; continue }
            let may = leads(k)
                && (row.held.withBytes(at: j) { b in forms.contains { mayStart(b, $0) } }
                    ?? (j < row.cells.count && forms.contains { mayStart(row.cells[j].utf8, $0) }))
            if may {
                let c = ColumnCatalog.cleanHeader(row.text(at: j))
                if !c.isEmpty, forms.contains(where: { $0.utf8.elementsEqual(c.utf8) }) { same += 1 }
                else { missed += 1 }
            } else {
                missed += 1
            }
            if same >= needed { return true }
            if layout.columns.count - missed < needed { return false }
        }
        return same >= needed
    }

    /// The cell's first byte past leading ASCII white space, as `mayStart` skips it.
    static func leadByte<Bytes: Sequence<UInt8>>(_ cell: Bytes) -> UInt8? {
        cell.first { !(0x20 == $0 || 0x09 == $0 || 0x0A == $0 || 0x0D == $0) }
    }

    /// Whether `cell`, past leading ASCII white space, begins with the first character's
    /// bytes of `form` (cleaning never changes a header's first character).
    static func mayStart<Bytes: Sequence<UInt8>>(_ cell: Bytes, _ form: String) -> Bool {
        var a = cell.makeIterator()
        var first = a.next()
        while let b = first, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { first = a.next() }
        var f = form.utf8.makeIterator()
        guard let x = first, let y = f.next(), x == y else { return false }
        guard y >= 0x80 else { return true }
        // The rest of a multi-byte first character.
        let n = y >= 0xF0 ? 3 : y >= 0xE0 ? 2 : 1
        for _ in 0..<n where a.next() != f.next() { return false }
        return true
    }

    /// Two header rows as one: "parent/child" where they differ, the one that is set otherwise.
    static func combine(_ top: [String], _ bottom: [String]) -> [String] {
        (0..<max(top.count, bottom.count)).map { j in
            let p = j < top.count ? top[j] : "", c = j < bottom.count ? bottom[j] : ""
            if c.isEmpty || p == c { return p }
            if p.isEmpty { return c }
            return p + "/" + c
        }
    }

    /// The best kind for these header texts, if any kind's required columns are all there.
    func layout(headers: [String], rows: [Int], fileName: String, _ matcher: AliasMatcher) -> TableLayout? {
        var best: TableLayout?
        // Each header's matches against every alias, looked up once per candidate rather
        // than once per (kind, column, alias, header): hashing the texts took 5% of a scan.
        // A text no alias matches (a data cell among the searched rows) is as good as empty.
        let matches = headers.map { $0.isEmpty ? nil : matcher.row($0) }.map { $0?.contains(true) == true ? $0 : nil }
        for (k, spec) in catalog.kinds.enumerated() {
            let columns = HeaderFinder.map(matches, spec, kind: k, matcher)
            guard spec.required.allSatisfy({ columns[$0] != nil }) else { continue }
            let hinted = spec.fileHint?.matches(fileName) ?? false
            guard hinted || spec.signature.contains(where: { columns[$0] != nil }) else { continue }
            let score = Double(columns.count) + (hinted ? 0.5 : 0)
            if score > (best?.score ?? 0) {
                let known = Set(columns.values)
                let unknown = headers.indices.filter { !known.contains($0) && !headers[$0].isEmpty }
                let missing = spec.expected.filter { alts in !alts.contains { columns[$0] != nil } }
                    .map { $0.joined(separator: "|") }
                best = TableLayout(kind: spec.kind, headerRows: rows, headers: headers, columns: columns,
                                   unknown: unknown, missing: missing, score: score)
            }
        }
        return best
    }

    /// Each canonical column takes the first header its aliases match, in alias order;
    /// a header serves one column only.
    /// `matches[j]`: header j's row of `AliasMatcher.row`, nil for an empty header.
    static func map(_ matches: [[Bool]?], _ spec: ColumnCatalog.KindSpec, kind k: Int, _ matcher: AliasMatcher) -> [String: Int] {
        var taken = Set<Int>()
        var out: [String: Int] = [:]
        for (c, column) in spec.columns.enumerated() {
            let first = matcher.offset(kind: k, column: c)
            search: for a in column.aliases.indices {
                for (j, m) in matches.enumerated() where m?[first + a] == true && !taken.contains(j) {
                    out[column.name] = j
                    taken.insert(j)
                    break search
                }
            }
        }
        return out
    }
}

/// The catalogue's aliases, and those of them joined into one pattern: a text none of them
/// matches (the data cells among a sheet's searched rows, nearly every text) costs one
/// match, not one per alias (a 27-column registry's search made 214,000).
final class JoinedAliases: Sendable {
    let patterns: [Pattern]
    /// The joinable aliases as one pattern; nil when none can be joined.
    let joined: Pattern?
    /// The aliases left out of `joined` (`joinable`): asked one by one whatever it says.
    let alone: [Int]

    init(_ patterns: [Pattern]) {
        self.patterns = patterns
        let joins = patterns.map { !$0.caseless && Self.joinable($0.source) }
        let joinable = patterns.indices.filter { joins[$0] }
        alone = patterns.indices.filter { !joins[$0] }
        joined = joinable.isEmpty ? nil : try? Pattern(joinable.map { "(?:" + patterns[$0].source + ")" }.joined(separator: "|"))
    }

    /// Whether a pattern means the same as one alternative among others: nothing in it
    /// refers to groups by number or position, or to the whole pattern (backreferences,
    /// subroutine calls, conditions, branch resets, backtracking verbs, \K).
    static func joinable(_ source: String) -> Bool {
        let b = Array(source.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x5C {  // a backslash: what it escapes
                guard i + 1 < b.count else { return false }
                switch b[i + 1] {
                case 0x30...0x39, 0x67, 0x6B, 0x4B: return false  // \1 \g \k \K
                default: i += 2; continue
                }
            }
            if b[i] == 0x28, i + 1 < b.count, b[i + 1] == 0x2A { return false }  // (*VERB)
            if b[i] == 0x28, i + 2 < b.count, b[i + 1] == 0x3F {
                switch b[i + 2] {
                case 0x30...0x39, 0x2B, 0x2D, 0x52, 0x26, 0x28, 0x7C, 0x50: return false  // (?1 (?+ (?- (?R (?& (?( (?| (?P
                default: break
                }
            }
            i += 1
        }
        return true
    }

    /// Whether `text` matches each alias, in catalogue order.
    func row(_ text: String) -> [Bool] {
        if let joined, !joined.matches(text) {
            var none = [Bool](repeating: false, count: patterns.count)
            for k in alone { none[k] = patterns[k].matches(text) }
            return none
        }
        return patterns.map { $0.matches(text) }
    }
}

/// Which aliases of the catalogue a header text matches, each distinct text matched once
/// per header search: the same texts come back in every single and two-row candidate.
final class AliasMatcher {
    private let aliases: JoinedAliases
    /// `offsets[k][c]`: where kind k's column c's aliases start in a `row`.
    private let offsets: [[Int]]
    private var known: [String: [Bool]] = [:]

    init(_ catalog: ColumnCatalog) {
        aliases = catalog.aliases
        var offsets: [[Int]] = []
        var count = 0
        for spec in catalog.kinds {
            offsets.append(spec.columns.map { column in
                defer { count += column.aliases.count }
                return count
            })
        }
        self.offsets = offsets
    }

    /// Whether `text` matches each alias of the catalogue, in catalogue order.
    func row(_ text: String) -> [Bool] {
        if let row = known[text] { return row }
        let row = aliases.row(text)
        known[text] = row
        return row
    }

    /// Where kind k's column c's aliases start in a `row`.
    func offset(kind k: Int, column c: Int) -> Int { offsets[k][c] }
}
