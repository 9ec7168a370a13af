/// Reads a task table's lines (任务分解表, seed 000 附件2) into county targets.
final class TargetReader: RecordReader {
    let sheet: SheetReading

    init(_ sheet: SheetReading) { self.sheet = sheet }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        guard let county = c.required("county") else { return }
        var t = TaskTarget(source: c.source, county: county)
        t.year = c.integer("year")
        t.target = c.integer("target")
        sink.targets.append(t)
    }
}
