/// One data row's cells with the problems found reading them: the cell readers every
/// record reader shares (texts, codes, dates, numbers, money, phones, IDs, names), each
/// turning what it cannot read into a `CellProblem`.
///
/// A cell held as bytes (`RawRow.held`: a CSV sheet's read columns) is read from them where
/// the cell has a form the readers' fast paths answer (a plain ID, an ISO date, a clock
/// time, a mobile number; a name or code seen lately, through tables keyed by the bytes),
/// and through the String they make otherwise: the same value either way.
struct RowCells {
    let sheet: SheetReading
    let row: RawRow
    var problems: [CellProblem] = []

    init(_ sheet: SheetReading, _ row: RawRow) {
        self.sheet = sheet
        self.row = row
    }

    var source: SourceRef { sheet.origin.at(row: row.number) }

    func raw(_ column: String) -> String? {
        guard let j = sheet.layout.index(column), j < row.count else { return nil }
        return row.text(at: j)
    }

    func raw(_ column: Column) -> String? {
        guard let j = column.index, j < row.count else { return nil }
        return row.text(at: j)
    }

    /// `read` of the column's held bytes; nil when the column is absent or its cell is not
    /// held.
    @inline(__always)
    private func held<R>(_ column: Column, _ read: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let j = column.index else { return nil }
        return row.held.withBytes(at: j, read)
    }

    /// The run's code of `text(column)`: a held cell's through the column's table of recent
    /// cells, another's reused when the cell is the same as the column's previous one.
    func code(_ column: Column) -> UInt32 {
        guard let j = column.index, j < row.count else { return 0 }
        let sheet = self.sheet
        if let code = row.held.withBytes(at: j, { b in
            sheet.heldCodes.code(column: j, bytes: b) {
                let t = TextReader.clean(String(decoding: b, as: UTF8.self))
                return t.isEmpty ? 0 : sheet.tables.code(t)
            }
        }) ?? nil {
            return code
        }
        if let last = sheet.lastCodes[j], row.held.withBytes(at: j, { UTF8Bytes.equal(last.raw, $0) }) ?? (last.raw == (j < row.cells.count ? row.cells[j] : "")) {
            return last.code
        }
        let r = row.text(at: j)
        let t = TextReader.clean(r)
        let code = t.isEmpty ? 0 : sheet.tables.code(t)
        sheet.lastCodes[j] = (r, code)
        return code
    }

    mutating func problem(_ kind: CellProblem.Kind, _ column: String) {
        let j = sheet.layout.index(column)
        problems.append(CellProblem(kind: kind, source: source, table: sheet.layout.kind, column: column,
                                    header: j.map { sheet.layout.headers[$0] } ?? column,
                                    value: raw(column) ?? ""))
    }

    /// Cleaned text, nil when blank or absent.
    func text(_ column: String) -> String? { text(Column(column, sheet.layout)) }

    func text(_ column: Column) -> String? {
        guard let r = raw(column) else { return nil }
        let t = TextReader.clean(r)
        return t.isEmpty ? nil : sheet.tables.shared(t)
    }

    /// Cleaned text, nil when blank or absent, not pooled: for texts of one row only
    /// (a person number, a bank account), which a pool would only grow by.
    func ownText(_ column: String) -> String? { ownText(Column(column, sheet.layout)) }

    func ownText(_ column: Column) -> String? {
        guard let r = raw(column) else { return nil }
        let t = TextReader.clean(r)
        return t.isEmpty ? nil : t
    }

    /// `ownText` as a `DigitText`: a held cell of plain digits (a household number) is
    /// read from its bytes.
    func digitText(_ column: Column) -> DigitText {
        if let digits = held(column, DigitText.init(digits:)) ?? nil { return digits }
        return DigitText(ownText(column), in: sheet.tables)
    }

    /// Cleaned text of a required column; a blank cell is reported.
    mutating func required(_ column: String) -> String? {
        let t = text(column)
        if t == nil, sheet.layout.index(column) != nil { problem(.missingValue, column) }
        return t
    }

    /// Whether a required column has a value; a blank cell is reported. For cells read
    /// by their own reader (ID, name): their text is not kept, so it is not pooled
    /// (pooling 4 million registry IDs was a third of the registry's load time).
    @discardableResult
    mutating func requirePresent(_ column: Column) -> Bool {
        let present = hasText(column)
        if !present, column.index != nil { problem(.missingValue, column.name) }
        return present
    }

    /// Whether the column's cell has text once cleaned (false when the column is absent).
    func hasText(_ column: Column) -> Bool {
        if held(column, FastPath.surelyNotBlank) == true { return true }
        return !(raw(column).map(TextReader.clean)?.isEmpty ?? true)
    }

    mutating func day(_ column: String) -> Day? { day(Column(column, sheet.layout)) }

    mutating func day(_ column: Column) -> Day? {
        let read: Parsed<Day>
        if let h = held(column, DateReader.day(utf8:)) { read = h } else if let r = raw(column) { read = DateReader.day(r) } else { return nil }
        switch read {
        case .value(let d): return d
        case .blank: return nil
        case .invalid: problem(.badDate, column.name); return nil
        }
    }

    /// A check-in or check-out time on `day`; unreadable is reported.
    mutating func moment(_ column: Column, on day: Day?) -> Moment? {
        let read: Parsed<Moment>
        if let h = held(column, { DateReader.moment(utf8: $0, on: day) }) { read = h } else if let r = raw(column) { read = DateReader.moment(r, on: day) } else { return nil }
        switch read {
        case .value(let m): return m
        case .blank: return nil
        case .invalid: problem(.badDate, column.name); return nil
        }
    }

    mutating func number(_ column: String) -> Double? {
        guard let r = raw(column) else { return nil }
        switch NumberReader.number(r) {
        case .value(let v): return v
        case .blank: return nil
        case .invalid: problem(.badNumber, column); return nil
        }
    }

    mutating func integer(_ column: String) -> Int? {
        guard let r = raw(column) else { return nil }
        switch NumberReader.integer(r) {
        case .value(let v): return v
        case .blank: return nil
        case .invalid: problem(.badNumber, column); return nil
        }
    }

    mutating func money(_ column: String) -> Int64? {
        guard let r = raw(column) else { return nil }
        switch NumberReader.money(r) {
        case .value(let v): return v
        case .blank: return nil
        case .invalid: problem(.badNumber, column); return nil
        }
    }

    func phone(_ column: String) -> String? { phone(Column(column, sheet.layout)) }

    func phone(_ column: Column) -> String? {
        if let h = held(column, PhoneReader.normalize(utf8:)) { return h.value }
        return raw(column).flatMap { PhoneReader.normalize($0).value }
    }

    func id() -> IDReading { id(held: IDReader.read(utf8:)) }

    /// `id()`, a held cell read through `recent`.
    func id(through recent: RecentIDs) -> IDReading { id(held: recent.reading) }

    @inline(__always)
    private func id(held read: (UnsafeBufferPointer<UInt8>) -> IDReading) -> IDReading {
        var reading = held(sheet.idColumn, read) ?? IDReader.read(raw(sheet.idColumn) ?? "")
        if !row.idsStoredAsNumbers.isEmpty, let j = sheet.idColumn.index, row.idsStoredAsNumbers.contains(j) {
            reading.issues.append(.storedAsNumber)
        }
        return reading
    }

    func name() -> String { NameReader.normalize(raw(sheet.nameColumn) ?? "") }

    /// The run's code of `name()`, through the sheet's table of recent names.
    func nameCode() -> UInt32 {
        let sheet = self.sheet
        if let code = held(sheet.nameColumn, { b in
            sheet.heldNames.code(column: 0, bytes: b) { sheet.tables.code(NameReader.normalize(String(decoding: b, as: UTF8.self))) }
        }) ?? nil {
            return code
        }
        var r = raw(sheet.nameColumn) ?? ""
        var hash = RecentTable<ExactText>.Hash()
        r.withUTF8 { for b in $0 { hash.add(UInt32(b)) } }
        let tables = sheet.tables
        return sheet.names.code(for: ExactText(text: r), hash: hash) {
            tables.code(NameReader.normalize($0.text))
        }
    }

    /// The name cell's bytes kept through `writer` (a held cell's as held, another's as
    /// its text): their reference in `store`, 0 when the column is absent or the cell
    /// empty, nil when the store cannot take them.
    func keptName(through writer: inout ByteStore.Writer, in store: @autoclosure () -> ByteStore) -> UInt32? {
        guard let j = sheet.nameColumn.index, j < row.count else { return 0 }
        if let kept = row.held.withBytes(at: j, { $0.isEmpty ? 0 : writer.append($0, in: store()) }) { return kept }
        var r = row.text(at: j)
        return r.isEmpty ? 0 : r.withUTF8 { writer.append($0, in: store()) }
    }

    /// Start and end from a period cell or from start/end columns; end before start is
    /// reported (DQ005) and both kept.
    mutating func period() -> (Day?, Day?) {
        var start = day("start_date"), end = day("end_date")
        if start == nil || end == nil, let r = raw("period") {
            switch DateReader.periodBounds(r) {
            case .value(let p): start = start ?? p.start; end = end ?? p.end
            case .blank: break
            case .invalid: problem(.badDate, "period")
            }
        }
        if let s = start, let e = end, e < s {
            problem(.endBeforeStart, sheet.layout.index("period") != nil ? "period" : "end_date")
        }
        return (start, end)
    }

    /// Unknown columns with a value, for evidence.
    func extra() -> [(String, String)] {
        sheet.layout.unknown.compactMap { j in
            guard j < row.count else { return nil }
            let v = TextReader.clean(row.text(at: j))
            return v.isEmpty ? nil : (sheet.layout.headers[j], v)
        }
    }
}
