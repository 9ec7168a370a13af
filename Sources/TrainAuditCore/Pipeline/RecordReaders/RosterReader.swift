/// Reads a training ledger's lines (培训台账, seed 000 附件5) into enrollments.
final class RosterReader: RecordReader {
    let sheet: SheetReading
    /// The pack's words for a failed assessment (`patterns.failed_assessment`).
    let failedAssessment: Pattern?

    init(_ sheet: SheetReading, failedAssessment: Pattern?) {
        self.sheet = sheet
        self.failedAssessment = failedAssessment
    }

    /// Unknown columns are kept with each enrolment (`Enrollment.extra`).
    var readsUnknownColumns: Bool { true }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        var e = Enrollment(source: c.source, id: c.id(), name: c.name())
        if !c.requirePresent(sheet.idColumn) { e.id = IDReader.read("") }
        c.requirePresent(sheet.nameColumn)
        e.gender = c.text("gender")
        e.age = c.integer("age")
        e.occupation = c.text("occupation")
        e.level = c.text("level")
        (e.start, e.end) = c.period()
        e.hours = c.number("hours")
        e.certPassed = c.raw("cert_passed").flatMap { FlagReader.read($0, failed: failedAssessment).value }
        e.assessment = c.text("cert_passed")
        e.subsidy = c.money("subsidy")
        e.phone = c.phone("phone")
        e.employment = c.text("employment")
        e.classID = c.text("class_id")
        e.institution = c.text("institution")
        e.program = c.text("program")
        e.department = c.text("department")
        e.county = c.text("county")
        e.extra = c.extra()
        sink.enrollments.append(e)
    }
}
