/// Reads another office's list of people who must not be subsidised trainees (public
/// payroll, students, pensioners, the dead, the employed and insured) into watch entries.
final class WatchlistReader: RecordReader {
    let sheet: SheetReading
    /// The list's name when the table has no 名单类型 column: the file's name.
    let listName: String

    init(_ sheet: SheetReading, listName: String) {
        self.sheet = sheet
        self.listName = listName
    }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        var w = WatchEntry(source: c.source, id: c.id(), name: c.name(), list: c.text("list") ?? listName)
        c.requirePresent(sheet.idColumn)
        w.from = c.day("from")
        w.to = c.day("to")
        if w.from == nil, w.to == nil, let r = c.raw("period") {
            // One cell for both (起止日期 2018.9.1-2022.6.30).
            if case .value(let p) = DateReader.periodBounds(r) { (w.from, w.to) = (p.start, p.end) }
        }
        sink.watchlist.append(w)
    }
}
