/// Turns data rows into typed records of the table's kind. Cells that cannot be read
/// become CellProblems (DQ findings); the record keeps nil there.
/// A class: every row's `Cells` holds it, and a reference is one retain, not one per field.
final class RecordBuilder {
    let layout: TableLayout
    let file: String
    let sheet: String?
    /// The watchlist's list name when the table has no 名单类型 column: the file's name.
    let listName: String
    /// This sheet's place, interned once: each row's source is it at the row's number.
    let origin: SourceRef

    /// Attendance columns looked up once, not per row (24 million rows at a province-year).
    let signInColumns: SignInColumns
    let registryColumns: RegistryColumns
    /// The ID and name columns every person table has, looked up once.
    let idColumn, nameColumn: Column
    /// The last cell text seen in each column and its `SharedText` code: consecutive
    /// sign-ins repeat the class, session and device, so most rows skip cleaning and
    /// hashing those cells.
    let recentCodes: RecentCodes
    /// The pack's words for a failed assessment (`patterns.failed_assessment`).
    var failedAssessment: Pattern?

    init(layout: TableLayout, file: String, sheet: String?, listName: String) {
        self.layout = layout
        self.file = file
        self.sheet = sheet
        self.listName = listName
        self.origin = SourceRef(file: file, sheet: sheet, row: 0)
        self.signInColumns = SignInColumns(layout)
        self.registryColumns = RegistryColumns(layout)
        self.idColumn = Column("id_number", layout)
        self.nameColumn = Column("name", layout)
        self.recentCodes = RecentCodes(columns: layout.headers.count)
    }

    /// A canonical column and where the layout has it.
    struct Column {
        let name: String
        let index: Int?
        init(_ name: String, _ layout: TableLayout) {
            self.name = name
            self.index = layout.index(name)
        }
    }

    struct SignInColumns {
        let id, classID, date, session, checkIn, checkOut, method, device, location, photo, signature: Column
        init(_ l: TableLayout) {
            id = Column("id_number", l); classID = Column("class_id", l); date = Column("date", l)
            session = Column("session", l); checkIn = Column("check_in", l); checkOut = Column("check_out", l)
            method = Column("method", l); device = Column("device", l); location = Column("location", l)
            photo = Column("photo_hash", l); signature = Column("signature_hash", l)
        }
    }

    /// Registry columns kept as `SharedText` codes, looked up once (4 million rows).
    struct RegistryColumns {
        let relation, county, town, village, personStatus, povertyStatus, laborCapacity, studentStatus,
            workStatus, householdID, statusDate, phone, householdPhone, bankAccount: Column
        init(_ l: TableLayout) {
            relation = Column("relation", l); county = Column("county", l); town = Column("town", l)
            village = Column("village", l); personStatus = Column("person_status", l)
            povertyStatus = Column("poverty_status", l); laborCapacity = Column("labor_capacity", l)
            studentStatus = Column("student_status", l); workStatus = Column("work_status", l)
            householdID = Column("household_id", l); statusDate = Column("status_date", l)
            phone = Column("phone", l); householdPhone = Column("household_phone", l)
            bankAccount = Column("bank_account", l)
        }
    }

    /// Per column: the raw cell last coded and its code. One sheet is read by one thread.
    final class RecentCodes {
        var last: [(raw: String, code: UInt32)?]
        var context: (context: SignIn.Context, code: UInt32)?
        /// Names (sign-ins, registry): a class's few dozen names come back session after
        /// session. Keyed by the raw cell.
        var names = RecentTable<SharedText.Bytes>()
        /// Registry profiles: a village's households share a few.
        var profiles = RecentTable<RegistryEntry.Profile>()
        init(columns: Int) { last = Array(repeating: nil, count: columns) }

        /// `RegistryEntry.profiles`' code for `profile`, through the table of recent ones.
        func code(of profile: RegistryEntry.Profile) -> UInt32 {
            var hash = RecentTable<RegistryEntry.Profile>.Hash()
            hash.add(profile.relation); hash.add(profile.county); hash.add(profile.town); hash.add(profile.village)
            hash.add(profile.personStatus); hash.add(profile.povertyStatus); hash.add(profile.laborCapacity)
            hash.add(profile.studentStatus); hash.add(profile.workStatus)
            return profiles.code(for: profile, hash: hash) { RegistryEntry.profiles.intern($0) }
        }
    }

    /// Values that come back row after row and their codes in a shared table: a small
    /// table, one slot per cheap hash, answers most rows without the shared table's lock
    /// (which both cores otherwise take every row) and without Swift's hasher.
    struct RecentTable<Key: Equatable> {
        private var slots = [(key: Key, code: UInt32)?](repeating: nil, count: 1024)

        /// FNV-1a over 32-bit values (bytes are values too).
        struct Hash {
            private(set) var value: UInt32 = 2_166_136_261
            mutating func add(_ v: UInt32) { value = (value ^ v) &* 16_777_619 }
        }

        /// `key`'s code: the remembered one, or `make(key)`, remembered.
        mutating func code(for key: Key, hash: Hash, make: (Key) -> UInt32) -> UInt32 {
            let slot = Int(hash.value & 1023)
            if let hit = slots[slot], hit.key == key { return hit.code }
            let code = make(key)
            slots[slot] = (key, code)
            return code
        }
    }

    /// One row's cells with the problems found while reading them.
    struct Cells {
        let builder: RecordBuilder
        let row: RawRow
        var problems: [CellProblem] = []

        var source: SourceRef { builder.origin.at(row: row.number) }

        func raw(_ column: String) -> String? {
            guard let j = builder.layout.index(column), j < row.cells.count else { return nil }
            return row.cells[j]
        }

        func raw(_ column: Column) -> String? {
            guard let j = column.index, j < row.cells.count else { return nil }
            return row.cells[j]
        }

        /// `SharedText.code(text(column))`, reusing the code when the cell is the same as
        /// the column's previous one.
        func code(_ column: Column) -> UInt32 {
            guard let j = column.index, j < row.cells.count else { return 0 }
            let r = row.cells[j]
            if let last = builder.recentCodes.last[j], last.raw == r { return last.code }
            let t = TextReader.clean(r)
            let code = t.isEmpty ? 0 : SharedText.code(t)
            builder.recentCodes.last[j] = (r, code)
            return code
        }

        mutating func problem(_ kind: CellProblem.Kind, _ column: String) {
            let j = builder.layout.index(column)
            problems.append(CellProblem(kind: kind, source: source, table: builder.layout.kind, column: column,
                                        header: j.map { builder.layout.headers[$0] } ?? column,
                                        value: raw(column) ?? ""))
        }

        /// Cleaned text, nil when blank or absent.
        func text(_ column: String) -> String? { text(Column(column, builder.layout)) }

        func text(_ column: Column) -> String? {
            guard let r = raw(column) else { return nil }
            let t = TextReader.clean(r)
            return t.isEmpty ? nil : SharedText.shared(t)
        }

        /// Cleaned text, nil when blank or absent, not pooled: for texts of one row only
        /// (a person number, a bank account), which a pool would only grow by.
        func ownText(_ column: String) -> String? { ownText(Column(column, builder.layout)) }

        func ownText(_ column: Column) -> String? {
            guard let r = raw(column) else { return nil }
            let t = TextReader.clean(r)
            return t.isEmpty ? nil : t
        }

        /// Cleaned text of a required column; a blank cell is reported.
        mutating func required(_ column: String) -> String? {
            let t = text(column)
            if t == nil, builder.layout.index(column) != nil { problem(.missingValue, column) }
            return t
        }

        /// Whether a required column has a value; a blank cell is reported. For cells read
        /// by their own reader (ID, name): their text is not kept, so it is not pooled
        /// (pooling 4 million registry IDs was a third of the registry's load time).
        @discardableResult
        mutating func requirePresent(_ column: Column) -> Bool {
            let present = !(raw(column).map(TextReader.clean)?.isEmpty ?? true)
            if !present, column.index != nil { problem(.missingValue, column.name) }
            return present
        }

        mutating func day(_ column: String) -> Day? { day(Column(column, builder.layout)) }

        mutating func day(_ column: Column) -> Day? {
            guard let r = raw(column) else { return nil }
            switch DateReader.day(r) {
            case .value(let d): return d
            case .blank: return nil
            case .invalid: problem(.badDate, column.name); return nil
            }
        }

        /// A check-in or check-out time on `day`; unreadable is reported.
        mutating func moment(_ column: Column, on day: Day?) -> Moment? {
            guard let r = raw(column) else { return nil }
            switch DateReader.moment(r, on: day) {
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

        func phone(_ column: String) -> String? { phone(Column(column, builder.layout)) }

        func phone(_ column: Column) -> String? {
            raw(column).flatMap { PhoneReader.normalize($0).value }
        }

        func id() -> IDReading { IDReader.read(raw(builder.idColumn) ?? "") }

        func name() -> String { NameReader.normalize(raw(builder.nameColumn) ?? "") }

        /// `SharedText.code(name())`, through the builder's table of recent names.
        func nameCode() -> UInt32 {
            var r = raw(builder.nameColumn) ?? ""
            var hash = RecentTable<SharedText.Bytes>.Hash()
            r.withUTF8 { for b in $0 { hash.add(UInt32(b)) } }
            return builder.recentCodes.names.code(for: SharedText.Bytes(text: r), hash: hash) {
                SharedText.code(NameReader.normalize($0.text))
            }
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
                problem(.endBeforeStart, builder.layout.index("period") != nil ? "period" : "end_date")
            }
            return (start, end)
        }

        /// Unknown columns with a value, for evidence.
        func extra() -> [(String, String)] {
            builder.layout.unknown.compactMap { j in
                guard j < row.cells.count else { return nil }
                let v = TextReader.clean(row.cells[j])
                return v.isEmpty ? nil : (builder.layout.headers[j], v)
            }
        }
    }

    func cells(_ row: RawRow) -> Cells { Cells(builder: self, row: row) }
}

/// The records one reader (a sheet, or a part of a big CSV file) wrote, table by table;
/// `RecordTables` joins the readers' sinks.
struct RecordSink {
    var enrollments: [Enrollment] = []
    var signIns: [SignIn] = []
    var classes: [TrainingClass] = []
    var payments: [Payment] = []
    var registry: [RegistryEntry] = []
    var targets: [TaskTarget] = []
    var watchlist: [WatchEntry] = []
    var problems: [CellProblem] = []

    /// Capacity for `rows` more records of a table of `kind`.
    mutating func reserve(_ kind: TableKind, _ rows: Int) {
        switch kind {
        case .roster: enrollments.reserveCapacity(enrollments.count + rows)
        case .attendance: signIns.reserveCapacity(signIns.count + rows)
        case .classes: classes.reserveCapacity(classes.count + rows)
        case .payments: payments.reserveCapacity(payments.count + rows)
        case .registry: registry.reserveCapacity(registry.count + rows)
        case .targets: targets.reserveCapacity(targets.count + rows)
        case .watchlist: watchlist.reserveCapacity(watchlist.count + rows)
        }
    }

    mutating func add(_ row: RawRow, _ b: RecordBuilder) {
        var c = b.cells(row)
        if row.truncated { c.problems.append(CellProblem(kind: .badText, source: c.source, table: b.layout.kind,
                                                         column: "", header: "", value: "")) }
        if row.undecodable { c.problems.append(CellProblem(kind: .undecodable, source: c.source, table: b.layout.kind,
                                                           column: "", header: "", value: "")) }
        switch b.layout.kind {
        case .roster:
            var e = Enrollment(source: c.source, id: c.id(), name: c.name())
            if !c.requirePresent(b.idColumn) { e.id = IDReader.read("") }
            c.requirePresent(b.nameColumn)
            e.gender = c.text("gender")
            e.age = c.integer("age")
            e.occupation = c.text("occupation")
            e.level = c.text("level")
            (e.start, e.end) = c.period()
            e.hours = c.number("hours")
            e.certPassed = c.raw("cert_passed").flatMap { FlagReader.read($0, failed: b.failedAssessment).value }
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
            enrollments.append(e)
        case .attendance:
            let k = b.signInColumns
            let context = SignIn.Context(place: b.origin.placeCode, classID: c.code(k.classID), session: c.code(k.session),
                                         method: c.code(k.method), device: c.code(k.device), location: c.code(k.location))
            // Rows repeat their context: intern it (a lock) only when it changes.
            let contextCode: UInt32
            if let last = b.recentCodes.context, last.context == context {
                contextCode = last.code
            } else {
                contextCode = SignIn.contexts.intern(context)
                b.recentCodes.context = (context, contextCode)
            }
            var s = SignIn(id: c.id(), row: row.number, nameCode: c.nameCode(), contextCode: contextCode)
            if c.raw(k.id).map(TextReader.clean)?.isEmpty ?? true, k.id.index != nil { c.problem(.missingValue, k.id.name) }
            if let r = c.raw(k.date) {
                switch DateReader.day(r) {
                case .value(let d): s.day = d
                case .blank: break
                case .invalid: c.problem(.badDate, k.date.name)
                }
            }
            s.checkIn = c.moment(k.checkIn, on: s.day)
            s.checkOut = c.moment(k.checkOut, on: s.day)
            if s.day == nil { s.day = s.checkIn?.day }
            if s.day == nil, c.text("date") == nil { c.problem(.missingValue, "date") }
            s.photoCode = c.code(k.photo)
            if s.photoCode == 0 { s.photoCode = c.code(k.signature) }
            signIns.append(s)
        case .classes:
            guard let id = c.required("class_id") else { break }
            var k = TrainingClass(source: c.source, classID: id)
            k.institution = c.text("institution")
            k.occupation = c.text("occupation")
            k.level = c.text("level")
            k.program = c.text("program")
            (k.start, k.end) = c.period()
            k.hoursTotal = c.number("hours_total")
            k.hoursTheory = c.number("hours_theory")
            k.hoursPractical = c.number("hours_practical")
            k.teachers = c.text("teacher").map(RecordBuilder.splitNames) ?? []
            k.location = c.text("location")
            k.county = c.text("county")
            k.capacity = c.integer("capacity")
            k.certificate = c.text("certificate")
            classes.append(k)
        case .payments:
            var p = Payment(source: c.source, id: c.id(), name: c.name())
            c.requirePresent(b.idColumn)
            c.requirePresent(b.nameColumn)
            p.amount = c.money("amount")
            if p.amount == nil, c.text("amount") == nil { c.problem(.missingValue, "amount") }
            p.paidOn = c.day("paid_on")
            p.item = c.text("item")
            p.account = c.ownText("account").map { $0.filter { !$0.isWhitespace } }
            p.fund = c.text("fund")
            p.payer = c.text("payer")
            p.classID = c.text("class_id")
            p.holder = c.ownText("holder").map(NameReader.normalize)
            payments.append(p)
        case .registry:
            var r = RegistryEntry(source: c.source, id: c.id(), nameCode: c.nameCode())
            c.requirePresent(b.idColumn)
            c.requirePresent(b.nameColumn)
            let k = b.registryColumns
            r.householdID = c.text(k.householdID)
            let profile = RegistryEntry.Profile(
                relation: c.code(k.relation), county: c.code(k.county), town: c.code(k.town), village: c.code(k.village),
                personStatus: c.code(k.personStatus), povertyStatus: c.code(k.povertyStatus),
                laborCapacity: c.code(k.laborCapacity), studentStatus: c.code(k.studentStatus), workStatus: c.code(k.workStatus))
            r.profileKey = b.recentCodes.code(of: profile)
            r.statusDate = c.day(k.statusDate)
            r.phone = c.phone(k.phone) ?? c.phone(k.householdPhone)
            r.bankAccount = c.ownText(k.bankAccount)
            registry.append(r)
        case .targets:
            guard let county = c.required("county") else { break }
            var t = TaskTarget(source: c.source, county: county)
            t.year = c.integer("year")
            t.target = c.integer("target")
            targets.append(t)
        case .watchlist:
            var w = WatchEntry(source: c.source, id: c.id(), name: c.name(), list: c.text("list") ?? b.listName)
            c.requirePresent(b.idColumn)
            w.from = c.day("from")
            w.to = c.day("to")
            if w.from == nil, w.to == nil, let r = c.raw("period") {
                // One cell for both (起止日期 2018.9.1-2022.6.30).
                if case .value(let p) = DateReader.periodBounds(r) { (w.from, w.to) = (p.start, p.end) }
            }
            watchlist.append(w)
        }
        problems.append(contentsOf: c.problems)
    }
}

extension RecordBuilder {
    /// Teacher lists: 张三、李四 / 张三,李四 / 张三 李四.
    static func splitNames(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，/;；".contains($0) || $0.isWhitespace })
            .map { NameReader.normalize(String($0)) }
            .filter { !$0.isEmpty }
    }
}
