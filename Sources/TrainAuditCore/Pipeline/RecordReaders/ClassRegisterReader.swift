/// Reads a class register's lines (开班申请/开班备案) into classes.
final class ClassRegisterReader: RecordReader {
    let sheet: SheetReading

    init(_ sheet: SheetReading) { self.sheet = sheet }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        guard let id = c.required("class_id") else { return }
        var k = ClassRegistration(source: c.source, classID: id)
        k.institution = c.text("institution")
        k.occupation = c.text("occupation")
        k.level = c.text("level")
        k.program = c.text("program")
        (k.start, k.end) = c.period()
        k.hoursTotal = c.number("hours_total")
        k.hoursTheory = c.number("hours_theory")
        k.hoursPractical = c.number("hours_practical")
        k.teachers = c.text("teacher").map(Self.splitNames) ?? []
        k.location = c.text("location")
        k.county = c.text("county")
        k.capacity = c.integer("capacity")
        k.certificate = c.text("certificate")
        sink.classes.append(k)
    }

    /// Teacher lists: 张三、李四 / 张三,李四 / 张三 李四.
    static func splitNames(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，/;；".contains($0) || $0.isWhitespace })
            .map { NameReader.normalize(String($0)) }
            .filter { !$0.isEmpty }
    }
}
