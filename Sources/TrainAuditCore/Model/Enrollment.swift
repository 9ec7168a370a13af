/// A trainee line of a training ledger (培训台账, seed 000 附件5): 56 bytes, its texts
/// coded in its run's `RunTables`.
///
/// A province-year has 400 thousand of these, and a line was 300 bytes of Strings and
/// optionals. What a class's lines repeat (occupation, level, class, institution, program,
/// department, county, period, hours, subsidy) is one code for all ten, and what a few
/// values cover (gender, age, assessment, employment) another; the name, the extra cells
/// and the phone are codes or digits of their own. Properties read and write plain values:
/// a setter codes its value in the line's tables. The line holds its tables (a counted
/// reference, unlike `SignIn`'s), so it stays readable after its run is gone.
public struct Enrollment: Sendable {
    public var source: SourceRef
    public var id: IDReading
    private var nameCode: UInt32
    /// A code in `RunTables.rosterClasses`.
    private var classCode: UInt32
    /// A code in `RunTables.rosterLines`.
    private var lineCode: UInt32
    /// A code in `RunTables.extraCells`, 0 for none.
    private var extraCode: UInt32 = 0
    private var phoneDigits = DigitText.none
    let tables: RunTables

    /// What a class's lines share.
    struct ClassPart: Hashable, Sendable {
        var occupation: UInt32 = 0, level: UInt32 = 0, classID: UInt32 = 0, institution: UInt32 = 0
        var program: UInt32 = 0, department: UInt32 = 0, county: UInt32 = 0
        var start = Int32.min, end = Int32.min  // Int32.min: nil
        /// The hours' bits, so that every Double (−0, NaN) comes back as it was read.
        var hoursBits: UInt64?
        var subsidy: Int64?
    }

    /// What varies from line to line but takes few values.
    struct LinePart: Hashable, Sendable {
        var gender: UInt32 = 0, assessment: UInt32 = 0, employment: UInt32 = 0
        var age: Int?
        var certPassed: Bool?
    }

    /// A line of its own, outside any run (tests): its texts are kept in `RunTables.detached`.
    public init(source: SourceRef, id: IDReading, name: String) {
        let tables = RunTables.detached
        self.init(source: source, id: id, nameCode: tables.code(name), in: tables)
    }

    /// A line of a run, its parts blank.
    init(source: SourceRef, id: IDReading, nameCode: UInt32, in tables: RunTables) {
        self.source = source
        self.id = id
        self.nameCode = nameCode
        self.tables = tables
        classCode = tables.blankRosterClass
        lineCode = tables.blankRosterLine
    }

    var classPart: ClassPart {
        get { tables.rosterClasses.value(of: classCode) }
        set { classCode = tables.rosterClasses.intern(newValue) }
    }
    var linePart: LinePart {
        get { tables.rosterLines.value(of: lineCode) }
        set { lineCode = tables.rosterLines.intern(newValue) }
    }
    /// Sets both parts by their codes in the line's tables (the reader's path).
    mutating func setParts(classCode: UInt32, lineCode: UInt32) {
        self.classCode = classCode
        self.lineCode = lineCode
    }

    public var name: String {
        get { tables.text(nameCode) ?? "" }
        set { nameCode = tables.code(newValue) }
    }
    public var gender: String? {
        get { tables.text(linePart.gender) }
        set { linePart.gender = tables.code(newValue) }
    }
    public var age: Int? {
        get { linePart.age }
        set { linePart.age = newValue }
    }
    public var occupation: String? {
        get { tables.text(classPart.occupation) }
        set { classPart.occupation = tables.code(newValue) }
    }
    public var level: String? {
        get { tables.text(classPart.level) }
        set { classPart.level = tables.code(newValue) }
    }
    public var start: Day? {
        get { Self.day(classPart.start) }
        set { classPart.start = newValue?.ordinal ?? Int32.min }
    }
    public var end: Day? {
        get { Self.day(classPart.end) }
        set { classPart.end = newValue?.ordinal ?? Int32.min }
    }
    public var hours: Double? {
        get { classPart.hoursBits.map(Double.init(bitPattern:)) }
        set { classPart.hoursBits = newValue?.bitPattern }
    }
    public var certPassed: Bool? {
        get { linePart.certPassed }
        set { linePart.certPassed = newValue }
    }
    /// 鉴定或考核通过情况 as written (cleaned), for the pack's patterns (PAY002).
    public var assessment: String? {
        get { tables.text(linePart.assessment) }
        set { linePart.assessment = tables.code(newValue) }
    }
    /// In fen.
    public var subsidy: Int64? {
        get { classPart.subsidy }
        set { classPart.subsidy = newValue }
    }
    public var phone: String? {
        get { phoneDigits.text(in: tables) }
        set { phoneDigits = DigitText(newValue, in: tables) }
    }
    public var employment: String? {
        get { tables.text(linePart.employment) }
        set { linePart.employment = tables.code(newValue) }
    }
    public var classID: String? {
        get { tables.text(classPart.classID) }
        set { classPart.classID = tables.code(newValue) }
    }
    public var institution: String? {
        get { tables.text(classPart.institution) }
        set { classPart.institution = tables.code(newValue) }
    }
    public var program: String? {
        get { tables.text(classPart.program) }
        set { classPart.program = tables.code(newValue) }
    }
    public var department: String? {
        get { tables.text(classPart.department) }
        set { classPart.department = tables.code(newValue) }
    }
    public var county: String? {
        get { tables.text(classPart.county) }
        set { classPart.county = tables.code(newValue) }
    }
    /// Columns the mapping did not know, kept for evidence: (header, value).
    public var extra: [(String, String)] {
        get {
            guard extraCode != 0 else { return [] }
            let codes = tables.extraCells.value(of: extraCode)
            return stride(from: 0, to: codes.count, by: 2).map {
                (tables.text(codes[$0]) ?? "", tables.text(codes[$0 + 1]) ?? "")
            }
        }
        set {
            extraCode = newValue.isEmpty ? 0 : tables.extraCells.intern(newValue.flatMap {
                [tables.code($0.0), tables.code($0.1)]
            })
        }
    }

    private static func day(_ ordinal: Int32) -> Day? { ordinal == Int32.min ? nil : Day(ordinal: ordinal) }
}

extension Enrollment: CustomStringConvertible {
    /// Every field, decoded (the stored codes mean nothing outside their run).
    public var description: String {
        let fields: [Any?] = [gender, age, occupation, level, start, end, hours, certPassed, assessment, subsidy, phone,
                              employment, classID, institution, program, department, county]
        return "Enrollment(source: \(source.label), id: \(id), name: \(name), "
            + "fields: \(fields.map { String(describing: $0) }.joined(separator: ", ")), extra: \(extra))"
    }
}
