/// Typed records, one per table kind (DATA.md). Each carries its source, so every
/// finding can name the file, sheet and row an auditor pulls.
///
/// Values the row could not supply are nil; why they are nil (blank or unreadable) is
/// reported as a DQ finding when the record is built, not here.

/// A class as registered (开班申请/备案).
public struct ClassRegistration: Sendable {
    public var source: SourceRef
    public var classID: String
    public var institution: String?
    public var occupation: String?
    public var level: String?
    public var program: String?
    public var start: Day?
    public var end: Day?
    public var hoursTotal: Double?
    public var hoursTheory: Double?
    public var hoursPractical: Double?
    public var teachers: [String]
    public var location: String?
    public var county: String?
    public var capacity: Int?
    public var certificate: String?

    public init(source: SourceRef, classID: String) {
        self.source = source
        self.classID = classID
        self.teachers = []
    }
}

/// A county's yearly training target (任务分解表, seed 000 附件2).
public struct TaskTarget: Sendable {
    public var source: SourceRef
    public var county: String
    public var year: Int?
    public var target: Int?

    public init(source: SourceRef, county: String) {
        self.source = source
        self.county = county
    }
}

/// Someone another office lists as not eligible: public payroll, student, pensioner,
/// dead, employed and insured.
public struct WatchEntry: Sendable {
    public var source: SourceRef
    public var id: IDReading
    public var name: String
    public var list: String
    public var from: Day?
    public var to: Day?

    public init(source: SourceRef, id: IDReading, name: String, list: String) {
        self.source = source
        self.id = id
        self.name = name
        self.list = list
    }
}
