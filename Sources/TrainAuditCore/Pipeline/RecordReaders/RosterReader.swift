/// Reads a training ledger's lines (培训台账, seed 000 附件5) into enrollments.
final class RosterReader: RecordReader {
    let sheet: SheetReading
    /// The pack's words for a failed assessment (`patterns.failed_assessment`).
    let failedAssessment: Pattern?

    let gender, occupation, level, assessment, employment, classID, institution, program, department, county: Column
    /// A class's lines come together.
    private var lastClass = LastCode<Enrollment.ClassPart>()
    private var lastLine = LastCode<Enrollment.LinePart>()

    init(_ sheet: SheetReading, failedAssessment: Pattern?) {
        self.sheet = sheet
        self.failedAssessment = failedAssessment
        let l = sheet.layout
        gender = Column("gender", l); occupation = Column("occupation", l); level = Column("level", l)
        assessment = Column("cert_passed", l); employment = Column("employment", l); classID = Column("class_id", l)
        institution = Column("institution", l); program = Column("program", l)
        department = Column("department", l); county = Column("county", l)
    }

    /// Unknown columns are kept with each enrolment (`Enrollment.extra`).
    var readsUnknownColumns: Bool { true }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        let tables = sheet.tables
        var e = Enrollment(source: c.source, id: c.id(), nameCode: c.nameCode(), in: tables)
        if !c.requirePresent(sheet.idColumn) { e.id = IDReader.read("") }
        c.requirePresent(sheet.nameColumn)
        // Cells are read in the order they always were: their problems are reported in it.
        let gender = c.code(gender), age = c.integer("age")
        var cls = Enrollment.ClassPart(occupation: c.code(occupation), level: c.code(level))
        let (start, end) = c.period()
        cls.start = start?.ordinal ?? Int32.min
        cls.end = end?.ordinal ?? Int32.min
        cls.hoursBits = c.number("hours")?.bitPattern
        let line = Enrollment.LinePart(
            gender: gender, assessment: c.code(assessment), employment: c.code(employment), age: age,
            certPassed: c.raw("cert_passed").flatMap { FlagReader.read($0, failed: failedAssessment).value })
        cls.subsidy = c.money("subsidy")
        cls.classID = c.code(classID)
        cls.institution = c.code(institution)
        cls.program = c.code(program)
        cls.department = c.code(department)
        cls.county = c.code(county)
        e.setParts(classCode: lastClass.code(for: cls) { tables.rosterClasses.intern($0) },
                   lineCode: lastLine.code(for: line) { tables.rosterLines.intern($0) })
        e.phone = c.phone("phone")
        e.extra = c.extra()
        sink.enrollments.append(e)
    }
}
