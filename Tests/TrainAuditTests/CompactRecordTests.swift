import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

// The compact stored forms (RowIndex, SignIn, IDReading, SourceRef) must give back exactly
// what was put in: these tests compare them with the plain computation.

@Test func rowIndexGroupsLikeADictionaryOfArrays() {
    // Keys in scrambled order, some records without a key.
    let keys: [Int?] = (0..<500).map { i in i % 7 == 0 ? nil : (i * 37) % 23 }
    let index = RowIndex(keys) { $0 }
    var plain: [Int: [Int]] = [:]
    for (i, k) in keys.enumerated() { if let k { plain[k, default: []].append(i) } }
    #expect(index.keys == plain.keys.sorted())
    for (k, rows) in plain { #expect(Array(index[k] ?? []) == rows) }
    #expect(index[999] == nil)
    #expect(index.count == plain.count)
    let sorted = RowIndex(mostlyDistinct: keys) { $0 }
    #expect(sorted.keys == index.keys)
    for k in index.keys { #expect(Array(sorted[k] ?? []) == Array(index[k] ?? [])) }
    let empty = RowIndex([Int?]()) { $0 }
    #expect(empty.keys.isEmpty && empty[1] == nil)
}

@Test func rowIndexByCodeMergesCodesWithEqualKeys() {
    // Codes 1 and 3 name the same key: their rows make one group, in record order.
    let codes: [UInt32] = [3, 1, 2, 3, 1, 2]
    let index = RowIndex(codes, code: { $0 }, key: { $0 == 2 ? "b" : "a" })
    #expect(index.keys == ["a", "b"])
    #expect(Array(index["a"] ?? []) == [0, 1, 3, 4])
    #expect(Array(index["b"] ?? []) == [2, 5])
}

@Test func rowIndexByTableCodeLeavesOutCodesWithoutAKey() {
    // Codes as an intern table gives them (nearly dense), some far past the rest (kept
    // aside in a dictionary), in scrambled order; a code's key nil for every fifth, and
    // codes sharing keys. The groups are those of a dictionary of arrays by key.
    var random = SeededGenerator(seed: 11)
    let codes: [UInt32] = (0..<4000).map { _ in
        Int.random(in: 0..<50, using: &random) == 0 ? UInt32.random(in: 1_000_000...UInt32.max, using: &random)
            : UInt32.random(in: 0..<3000, using: &random)
    }
    func key(_ c: UInt32) -> Int? { c % 5 == 0 ? nil : Int(c % 97) }
    let index = RowIndex(codes, tableCode: { $0 }, key: key)
    var plain: [Int: [Int]] = [:]
    for (i, c) in codes.enumerated() { if let k = key(c) { plain[k, default: []].append(i) } }
    #expect(index.keys == plain.keys.sorted())
    for (k, rows) in plain { #expect(Array(index[k] ?? []) == rows) }
    #expect(index[-1] == nil)
    // The numbering alone: first sight order, the same for near and far codes.
    var numbers = TableCodeNumbers()
    var reference: [UInt32: Int32] = [:]
    for c in codes where reference[c] == nil {
        #expect(numbers.number(of: c) == nil)
        reference[c] = Int32(reference.count)
        numbers.add(c, number: reference[c]!)
    }
    #expect(codes.allSatisfy { numbers.number(of: $0) == reference[$0] })
    #expect(numbers.number(of: 3000) == nil && numbers.number(of: 999_999) == nil)
}

@Test func rowIndexByTableCodeFindsACodeTheNumbersGrewPast() {
    // 10,000 comes when the codes seen are few, so it is set aside; 12,000, after 3,000
    // nearly dense codes, grows the numbers past it. Its one record (row 1) is in its
    // group, the other codes' too, as in a dictionary of arrays.
    let codes: [UInt32] = [1, 10_000] + (2..<3000).map { UInt32($0) } + [12_000, 1]
    let index = RowIndex(codes, tableCode: { $0 }, key: { Int($0) })
    #expect(Array(index[10_000] ?? []) == [1])
    #expect(Array(index[12_000] ?? []) == [codes.count - 2])
    #expect(Array(index[1] ?? []) == [0, codes.count - 1])
    #expect(index.count == 3001)
    var numbers = TableCodeNumbers()
    var reference: [UInt32: Int32] = [:]
    for c in codes where reference[c] == nil {
        reference[c] = Int32(reference.count)
        numbers.add(c, number: reference[c]!)
    }
    #expect(codes.allSatisfy { numbers.number(of: $0) == reference[$0] })
}

@Test func rowIndexKeepsStretchesOfOneKeyAsRuns() {
    // Records in stretches of one code (a class's sign-ins, session by session), some
    // without a key; codes 1 and 3 name one key, and a stretch of 1 next to one of 3 makes
    // one run of that key.
    var seed: UInt64 = 7
    func next(_ n: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(seed >> 33) % n
    }
    var codes: [UInt32?] = []
    while codes.count < 3000 {
        let code: UInt32? = next(10) == 0 ? nil : UInt32(next(12))
        codes.append(contentsOf: repeatElement(code, count: 1 + next(40)))
    }
    codes.append(contentsOf: [1, 1, 3, 3, 1])
    func key(_ c: UInt32) -> String { c == 3 ? "k1" : "k\(c)" }
    let index = RowIndex(codes, code: { $0 }, key: key)
    #expect(!index.runs.isEmpty && index.positions.isEmpty)
    var plain: [String: [Int]] = [:]
    for (i, c) in codes.enumerated() { if let c { plain[key(c), default: []].append(i) } }
    #expect(index.keys == plain.keys.sorted())
    for (k, expected) in plain {
        let rows = index[k] ?? []
        #expect(Array(rows) == expected)                           // walked run by run
        #expect(rows.indices.map { rows[$0] } == expected)         // found by search
        #expect(rows.count == expected.count)
    }
    // The joined stretch: the last five records are one run of k1.
    let k1 = Array(index["k1"] ?? [])
    #expect(Array(k1.suffix(5)) == Array(codes.count - 5 ..< codes.count))
    // Records read through the runs are the records at those positions.
    let table = RecordList(codes.map { $0 ?? 99 })
    for (k, expected) in plain {
        #expect(Array(Records(table, index[k])) == expected.map { codes[$0] ?? 99 })
    }
    // Scrambled keys are kept as a list (runs would cost more).
    let scrambled = RowIndex((0..<500).map { ($0 * 37) % 23 }) { $0 }
    #expect(scrambled.runs.isEmpty && scrambled.positions.count == 500)
}

@Test func signInKeepsItsTimesWhateverTheDay() {
    let source = SourceRef(file: "考勤.csv", row: 7)
    var s = SignIn(source: source, id: IDReader.read("640422199001010017"), name: "李建华")
    let day = Day(year: 2019, month: 3, day: 4)!
    let checkIn = Moment(day: day, seconds: 7 * 3600 + 53 * 60 + 11)
    // A check-out on the next day, and one a mistyped century away.
    let nextDay = Moment(day: Day(year: 2019, month: 3, day: 5)!, seconds: 60)
    let farOff = Moment(day: Day(year: 1919, month: 3, day: 4)!, seconds: 12 * 3600)
    s.checkIn = checkIn
    #expect(s.checkIn == checkIn && s.day == nil)
    s.day = day
    s.checkOut = nextDay
    #expect(s.day == day && s.checkIn == checkIn && s.checkOut == nextDay)
    s.checkOut = farOff
    #expect(s.checkOut == farOff && s.checkIn == checkIn)
    // Changing the day leaves the moments as they were.
    s.day = Day(year: 1900, month: 1, day: 1)
    #expect(s.checkIn == checkIn && s.checkOut == farOff)
    s.day = nil
    #expect(s.checkIn == checkIn && s.checkOut == farOff)
    s.checkIn = nil
    #expect(s.checkIn == nil && s.checkOut == farOff)
    // Before 1970 (negative ordinals) with no day.
    let early = Moment(day: Day(year: 1969, month: 12, day: 31)!, seconds: 86399)
    s.checkOut = early
    #expect(s.checkOut == early)
}

@Test func signInKeepsItsTexts() {
    var s = SignIn(source: SourceRef(file: "a.csv", row: 2), id: IDReader.read(""), name: "王秀英")
    s.session = "上午"
    s.method = "人脸"
    s.device = "FACE-07"
    s.location = "将台乡"
    s.classID = "XJ-2019-01"
    s.photoHash = "ab12"
    #expect([s.session, s.method, s.device, s.location, s.classID, s.photoHash] == ["上午", "人脸", "FACE-07", "将台乡", "XJ-2019-01", "ab12"])
    s.device = nil
    #expect(s.device == nil && s.session == "上午" && s.location == "将台乡")
    #expect(s.name == "王秀英" && s.source.row == 2 && s.source.file == "a.csv")
}

@Test func idReadingKeepsTextsAndIssues() {
    let plain = IDReader.read("640422199001010017")
    #expect(plain.raw == "640422199001010017" && plain.issues.isEmpty && plain.isClean)
    let spaced = IDReader.read(" 6404 2219 9001 0100 17 ")
    #expect(spaced.raw == " 6404 2219 9001 0100 17 " && spaced.id == plain.id)
    let bad = IDReader.read("640422199001010016")
    #expect(bad.issues == [.badCheckDigit] && bad.raw == "640422199001010016" && !bad.isClean)
    let lost = IDReader.read("6.40422E+17")
    #expect(lost.id == nil && lost.issues.contains(.scientificNotation) && lost.raw == "6.40422E+17")
    #expect(MemoryLayout<IDReading>.size == 12)
    #expect(MemoryLayout<SignInRow>.stride == 16)
    #expect(MemoryLayout<RegistryRow>.stride == 48)
    #expect(MemoryLayout<Enrollment>.stride == 56)
    #expect(MemoryLayout<Payment>.stride == 56)
    #expect(MemoryLayout<SourceRef>.stride == 8)
}

@Test func sourceRowsPastUInt32AreClamped() {
    var s = SourceRef(file: "a.csv", row: 5)
    s.row = Int(UInt32.max) + 10
    #expect(s.row == Int(UInt32.max))
}

@Test func recordListReadsItsChunksAsOneCollection() {
    var list = RecordList<Int>()
    #expect(list.isEmpty && Array(list) == [])
    list.append(contentsOf: [0, 1, 2])
    list.append(contentsOf: [])
    list.append(contentsOf: [3])
    list.append(contentsOf: RecordList([4, 5, 6, 7]))
    #expect(list.count == 8)
    #expect(Array(list) == Array(0..<8))
    #expect(list.indices.map { list[$0] } == Array(0..<8))
    #expect(list.enumerated().allSatisfy { $0.offset == $0.element })
}

@Test func eachRunCodesInItsOwnTablesAndFreesThem() throws {
    let folder = try writeTables([("attendance.csv", """
        班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号
        XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,2019-03-04 08:01:10,1919-03-04 11:50:02,FACE-07
        XJ-2019-02,640422199001010015,李建华,2019-03-04,下午,2019-03-04 13:58:12,2019-03-04 17:51:00,FACE-09
        """), ("registry.csv", """
        县(市、区、旗),乡(镇),行政村,户编号,姓名,证件号码,与户主关系
        西吉县,将台乡,明台村,H1,马小军,640422198503120016,户主
        """)])
    let loader = Loader(catalog: try Engines.pack("guyuan").catalog)
    weak var firstRunTables: RunTables?
    do {
        let a = loader.load(paths: [folder]).data
        let b = loader.load(paths: [folder]).data
        firstRunTables = a.signIns.tables
        #expect(a.signIns.tables !== b.signIns.tables && a.signIns.tables !== RunTables.detached)
        #expect(a.registry.tables === a.signIns.tables)
        #expect(a.signIns.map(\.classID) == ["XJ-2019-01", "XJ-2019-02"] && a.signIns.map(\.session) == ["上午", "下午"])
        #expect(a.signIns[0].checkOut == Moment(day: Day(year: 1919, month: 3, day: 4)!, seconds: 11 * 3600 + 50 * 60 + 2))
        // Across runs, classes are compared by their texts, not by codes of two tables.
        #expect(a.signIns[0].sameClass(as: b.signIns[0]) && !a.signIns[0].sameClass(as: b.signIns[1]))
        var loose = SignIn(source: SourceRef(file: "a.csv", row: 2), id: IDReader.read(""), name: "马小军")
        loose.classID = "XJ-2019-02"
        #expect(loose.sameClass(as: a.signIns[1]) && !loose.sameClass(as: a.signIns[0]))
        #expect(a.registry[0].name == "马小军" && a.registry[0].county == "西吉县" && a.registry[0].village == "明台村")
        #expect(a.registry[0].householdID == "H1" && a.registry[0].relation == "户主" && a.registry[0].personStatus == nil)
    }
    // The run's tables go with its data.
    #expect(firstRunTables == nil)
}

@Test func accountNumbersLoseTheirSpacesOfEveryKind() throws {
    // ASCII spaces, a tab, an ideographic space (U+3000) and a no-break space (U+00A0)
    // inside the number are dropped; a plain number and one with letters stay as written.
    let folder = try writeTables([("payments.csv", """
        身份证号码,姓名,发放金额,发放日期,银行账号
        640422198503120016,马小军,800,2019-04-15,6228 4800 1234 5678 901
        640422199001010015,李建华,800,2019-04-15,"6228\t4800\u{3000}1234\u{00A0}5678901"
        640422198807060026,王秀英,800,2019-04-15,6228480012345678901
        64042219920215003X,张海燕,800,2019-04-15,NX-6228-0001
        """)])
    let loader = Loader(catalog: try Engines.pack("guyuan").catalog)
    let data = loader.load(paths: [folder]).data
    #expect(data.payments.map(\.account) == ["6228480012345678901", "6228480012345678901", "6228480012345678901", "NX-6228-0001"])
}

@Test func signInsKeepTheirRowNumbersAndPhotosBesideTheRows() throws {
    // Row numbers as the office sees them, past a blank line and a repeated header; a
    // photo column that is empty for the first rows, then filled.
    let folder = try writeTables([("attendance.csv", """
        班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,照片哈希
        XJ-2019-01,640422198503120016,马小军,2019-03-04,上午,08:01:10,11:50:02,
        XJ-2019-01,640422199001010015,李建华,2019-03-04,上午,08:01:12,11:51:00,

        XJ-2019-01,640422198503120016,马小军,2019-03-04,下午,13:58:12,17:51:00,
        班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,照片哈希
        XJ-2019-01,640422199001010015,李建华,2019-03-04,下午,13:59:02,17:52:00,a1f3.jpg
        XJ-2019-01,640422198503120016,马小军,2019-03-05,上午,08:00:40,11:49:10,
        XJ-2019-01,640422199001010015,李建华,2019-03-05,上午,08:02:00,11:50:30,a1f3.jpg
        """)])
    let data = Loader(catalog: try Engines.pack("guyuan").catalog).load(paths: [folder]).data
    #expect(data.signIns.map(\.source.row) == [2, 3, 5, 7, 8, 9])
    #expect(data.signIns.map(\.photoHash) == [nil, nil, nil, "a1f3.jpg", nil, "a1f3.jpg"])
    #expect(data.signIns.map(\.name) == ["马小军", "李建华", "马小军", "李建华", "马小军", "李建华"])
    #expect(data.signIns[3].day == Day(year: 2019, month: 3, day: 4) && data.signIns[4].day == Day(year: 2019, month: 3, day: 5))
    // Walked and found by index alike.
    #expect(data.signIns.indices.map { data.signIns[$0].source.row } == [2, 3, 5, 7, 8, 9])
}

@Test func registryEntriesKeepTheirSourceRowsBesideTheRows() throws {
    // Past a blank line and a repeated header; walked and found by index alike.
    let folder = try writeTables([("registry.csv", """
        姓名,证件号码,户编号,人员状态
        马小军,640422198503120016,6404220001,正常

        李建华,640422199001010015,6404220002,正常
        姓名,证件号码,户编号,人员状态
        周平,642223197007070238,6404220003,正常
        李梅,642223198802020023,6404220003,正常
        """)])
    let data = Loader(catalog: try Engines.pack("guyuan").catalog).load(paths: [folder]).data
    #expect(data.registry.map(\.source.row) == [2, 4, 6, 7])
    #expect(data.registry.indices.map { data.registry[$0].source.row } == [2, 4, 6, 7])
    #expect(data.registry.map(\.source.file).allSatisfy { $0.hasSuffix("registry.csv") })
    #expect(data.registry.map(\.name) == ["马小军", "李建华", "周平", "李梅"])
}

@Test func rowNumbersBreakAtSkippedRowsAndNewPlaces() {
    // Two sheets of one file: rows 2, 3, 4, then 6 (a skipped row), then sheet B from row 3.
    let a = SourceRef(file: "台账.xlsx", sheet: "A", row: 2), b = SourceRef(file: "台账.xlsx", sheet: "B", row: 3)
    let sources = [a, a.at(row: 3), a.at(row: 4), a.at(row: 6), b, b.at(row: 4)]
    var numbers = RowNumbers()
    for s in sources { numbers.append(s) }
    #expect(numbers.breaks.count == 3)
    #expect(sources.indices.map { RowNumbers.source(at: $0, numbers.breaks) } == sources)
    var cursor = 0
    #expect(sources.indices.map { RowNumbers.source(at: $0, numbers.breaks, cursor: &cursor) } == sources)
}

@Test func rosterLinesAndPaymentsGiveBackWhatWasSet() {
    var e = Enrollment(source: SourceRef(file: "台账.csv", row: 2), id: IDReader.read("640422198503120016"), name: "马小军")
    e.hours = -0.0
    e.subsidy = 80_000
    e.occupation = "中式烹调师"
    e.level = ""
    e.age = Int.max
    e.phone = "0954-1234567"
    e.extra = [("备注", "补录"), ("序号", "7")]
    #expect(e.hours?.sign == .minus && e.subsidy == 80_000 && e.occupation == "中式烹调师")
    #expect(e.level == "" && e.gender == nil && e.age == Int.max && e.phone == "0954-1234567")
    #expect(e.extra.map { "\($0.0)=\($0.1)" } == ["备注=补录", "序号=7"])
    e.extra = []
    #expect(e.extra.isEmpty && e.name == "马小军")
    var p = Payment(source: SourceRef(file: "发放.csv", row: 2), id: IDReader.read("640422198503120016"), name: "马小军")
    for account in ["6228480012345678901", "0001234567890123456", "62284800123456789012", "6228XX01", "", "１２３"] {
        p.account = account
        #expect(p.account == account)
    }
    p.account = nil
    p.amount = Int64.min
    p.paidOn = Day(year: 2019, month: 4, day: 15)
    #expect(p.account == nil && p.amount == Int64.min && p.paidOn == Day(year: 2019, month: 4, day: 15) && p.holder == nil)
}

@Test func internTableGivesEachValueOneCode() async {
    // Four tasks intern overlapping texts at once: one code a value, codes unique, values back.
    let table = InternTable<String>()
    let codes = await withTaskGroup(of: [String: UInt32].self) { group in
        for t in 0..<4 {
            group.addTask {
                var mine: [String: UInt32] = [:]
                for i in 0..<30_000 {
                    let text = "名\((i * 7 + t * 5_003) % 50_000)"
                    mine[text] = table.intern(text)
                }
                return mine
            }
        }
        var all: [[String: UInt32]] = []
        for await m in group { all.append(m) }
        return all
    }
    var seen: [String: UInt32] = [:]
    for m in codes {
        for (text, code) in m {
            #expect(code != 0)
            if let other = seen[text] { #expect(other == code) } else { seen[text] = code }
        }
    }
    #expect(Set(seen.values).count == seen.count)
    for (text, code) in seen { #expect(table.value(of: code) == text) }
    #expect(table.intern("名12") == seen["名12"])

    // Values that all hash alike still get codes of their own.
    struct Alike: Hashable, Sendable {
        let n: Int
        func hash(into hasher: inout Hasher) { hasher.combine(0) }
    }
    let alike = InternTable<Alike>()
    let first = (0..<600).map { alike.intern(Alike(n: $0)) }
    #expect(Set(first).count == 600)
    #expect((0..<600).map { alike.intern(Alike(n: $0)) } == first)
    #expect((0..<600).allSatisfy { alike.value(of: first[$0]).n == $0 })
}

@Test func digitTextGivesBackItsText() {
    // Digits up to 17 are kept in place, leading zeros and all; anything else is a code.
    let tables = RunTables()
    let texts: [String?] = [nil, "", "0", "007", "64032300000001", "18877767229", "12345678901234567",
                            "123456789012345678", "0951-1234567", "H1", "１２３", "6403230000000101 "]
    var seen: [DigitText: String?] = [:]
    for t in texts {
        let d = DigitText(t, in: tables)
        #expect(d.text(in: tables) == t)
        #expect(d.isBlank(in: tables) == (t?.isEmpty ?? true))
        #expect(DigitText(t, in: tables) == d)
        #expect(seen[d] == nil)  // equal bits, equal texts
        seen[d] = t
    }
    #expect(DigitText(nil, in: tables) == .none)
}

@Test func signInIndexesGroupLikeADictionaryOfTheSignIns() throws {
    // Sign-ins of people, classes and devices in scrambled order; some without an ID, a
    // class, a device or a check-in, one ID written two ways (with spaces), one name twice.
    var lines = ["班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号"]
    let ids = ["640422198503120016", "640422199001010015", "64042219920215003X", "6404 2219 8503 1200 16", ""]
    for i in 0..<300 {
        let cls = i % 11 == 0 ? "" : "XJ-2019-0\(i % 4)"
        let device = i % 5 == 0 ? "" : "FACE-\(i % 3)"
        let checkIn = i % 7 == 0 ? "" : "2019-03-0\(1 + i % 5) 08:0\(i % 10):00"
        lines.append("\(cls),\(ids[(i * 7) % ids.count]),\(i % 9 == 0 ? "马晓军" : "马小军"),2019-03-0\(1 + i % 5),上午,\(checkIn),,\(device)")
    }
    let folder = try writeTables([("attendance.csv", lines.joined(separator: "\n") + "\n")])
    let data = Loader(catalog: try Engines.pack("guyuan").catalog).load(paths: [folder]).data
    let all = Array(data.signIns)
    #expect(all.count == 300)
    func plain<Key: Hashable>(_ key: (SignIn) -> Key?) -> [Key: [Int]] {
        var groups: [Key: [Int]] = [:]
        for (i, s) in all.enumerated() { if let k = key(s) { groups[k, default: []].append(i) } }
        return groups
    }
    let byPerson = plain { $0.id.id }
    #expect(data.signInsByPerson.keys == byPerson.keys.sorted())
    for (k, rows) in byPerson { #expect(Array(data.signInsByPerson[k] ?? []) == rows) }
    let byClass = plain { $0.classID }
    #expect(data.signInsByClass.keys == byClass.keys.sorted())
    for (k, rows) in byClass { #expect(Array(data.signInsByClass[k] ?? []) == rows) }
    let byDevice = plain { s in s.id.id != nil && s.checkIn != nil ? s.device : nil }
    #expect(data.signInsByDevice.keys == byDevice.keys.sorted())
    for (k, rows) in byDevice { #expect(Array(data.signInsByDevice[k] ?? []) == rows) }
    // A person's sign-ins as checks walk them (fetched ahead) are those rows' sign-ins.
    for trainee in data.attendees {
        #expect(trainee.signIns.map(\.source) == (byPerson[trainee.id] ?? []).map { all[$0].source })
    }
}

@Test func attendeesOfSeveralClassesAreThoseWhoseSignInsNameTwoClassesOrMore() throws {
    // 640422198503120016: class 1, and class 2 only under its ID written with spaces (another
    // signer) and another name; 640422199001010015: class 1 all along, and sign-ins without
    // a class; 64042219920215003X: classes 1 and 3; 640422198709230047: no class at all.
    let rows = [
        "XJ-2019-01,640422198503120016,马小军", "XJ-2019-01,640422199001010015,李建华",
        ",640422199001010015,李建华", "XJ-2019-01,64042219920215003X,张海燕",
        ",640422198709230047,杨桂兰", "XJ-2019-01,640422198503120016,马小军",
        "XJ-2019-02,6404 2219 8503 1200 16,马晓军", "XJ-2019-01,640422199001010015,李建华",
        "XJ-2019-03,64042219920215003X,张海燕", ",640422198709230047,杨桂兰",
    ]
    var lines = ["班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号"]
    for r in rows { lines.append("\(r),2019-03-04,上午,2019-03-04 08:01:00,,FACE-07") }
    let folder = try writeTables([("attendance.csv", lines.joined(separator: "\n") + "\n")])
    let data = Loader(catalog: try Engines.pack("guyuan").catalog).load(paths: [folder]).data
    var classes: [ResidentID: Set<String>] = [:]
    for s in data.signIns { if let id = s.id.id, let c = s.classID { classes[id, default: []].insert(c) } }
    let expected = classes.filter { $0.value.count > 1 }.keys.sorted()
    #expect(expected.map(\.description) == ["640422198503120016", "64042219920215003X"])
    #expect(data.attendeesOfSeveralClasses.map(\.trainee.id) == expected)
    // Each with all their sign-ins, as the person's own view gives them.
    for (trainee, signIns) in data.attendeesOfSeveralClasses {
        #expect(signIns.map(\.source) == trainee.signIns.map(\.source))
        #expect(signIns.count == data.signIns.filter { $0.id.id == trainee.id }.count)
    }
}

@Test func parallelFlatMapGivesTheLoopsResultsInOrder() {
    let items = Array(0..<1_000)
    let body: @Sendable (Int) -> [Int] = { i in Array(repeating: i, count: i % 3) }
    #expect(Parallel.flatMap(items, body) == items.flatMap(body))
    #expect(Parallel.flatMap([Int](), body).isEmpty)
    #expect(Parallel.flatMap([5], body) == [5, 5])
    #expect(Parallel.flatMap(Array(0..<3), body) == [1, 2, 2])
}

@Test func repeatedHeaderTestAgreesWithComparingEveryCell() throws {
    // Rows made of the header's texts (whole, spaced, as parent or child of a two-row
    // header), lookalikes that share only the first character (姓氏 for 姓名), data and blanks.
    let catalog = try Engines.pack("guyuan").catalog
    let header = ["班级编号", "身份证号码", "姓名", "考勤日期", "时段", "签到时间", "签退时间", "设备编号"]
    guard let layout = HeaderFinder(catalog: catalog).find(in: [RawRow(number: 1, cells: header)], fileName: "attendance.csv") else {
        Issue.record("no layout")
        return
    }
    let choices: [[String]] = header.map { h in
        [h, " \(h) ", String(h.prefix(1)) + "氏", "", "XJ-01", "640422198503120016", h + "x"]
    }
    func plain(_ row: RawRow) -> Bool {
        let needed = max(2, (layout.columns.count + 1) / 2)
        let same = layout.headerForms.filter { j, forms in
            j < row.cells.count && forms.contains(ColumnCatalog.cleanHeader(row.cells[j]))
        }.count
        return same >= needed
    }
    var state: UInt64 = 42
    var seen = Set<Bool>()
    var csv: [String] = []
    for n in 0..<3_000 {
        var cells: [String] = []
        for c in choices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            cells.append(c[Int(state >> 33) % c.count])
        }
        let row = RawRow(number: n + 2, cells: Array(cells.prefix(n % 50 == 0 ? 3 : cells.count)))
        #expect(HeaderFinder.repeats(row, layout) == plain(row), "row \(row.cells)")
        seen.insert(plain(row))
        csv.append(row.cells.joined(separator: ","))
    }
    #expect(seen == [true, false])
    // The same rows as the CSV parser makes them, with their count of cells that begin
    // with a byte that is not printable ASCII (the quick no of a header in Chinese).
    var parser = CSVParser(separator: 0x2C, maxCellBytes: 1 << 16, maxColumns: 1 << 10)
    var parsed: [RawRow] = []
    let bytes = Array((csv.joined(separator: "\n") + "\n").utf8)
    bytes.withUnsafeBufferPointer { buf in _ = parser.feed(buf) { parsed.append($0); return true } }
    #expect(parsed.count == csv.count)
    #expect(layout.headerFormsStartNonASCII)
    var counted = Set<Bool>()
    for row in parsed {
        #expect(row.nonASCIILeads < Int.max)
        #expect(HeaderFinder.repeats(row, layout) == plain(row), "row \(row.cells)")
        counted.insert(row.nonASCIILeads < max(2, (layout.columns.count + 1) / 2))
    }
    #expect(counted == [true, false])
}

@Test func idCellsWithIssuesAreTheCellsOfEveryTableWithAnIssue() throws {
    // Bad check digits, 15-digit IDs, lost digits, wrong lengths and clean IDs, in the
    // registry, the roster, the sign-ins (a signer with an issue among clean ones, row
    // after row) and the payments.
    let ids = ["640422199001010015", "640422199001010016", "640422900101001", "6.40422E+17", "64042219900101",
               "64042219920215003X", "", "640422198503120016"]
    func id(_ i: Int) -> String { ids[(i * 5) % ids.count] }
    let registry = ["姓名,证件号码,户编号,人员状态"] + (0..<40).map { "马\($0),\(id($0)),64042200\($0),正常" }
    let roster = ["姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期"]
        + (0..<40).map { "马\($0),\(id($0 + 1)),中式烹调师,2019-03-01,2019-03-25" }
    let attendance = ["班级编号,身份证号码,姓名,考勤日期,时段,签到时间"]
        + (0..<300).map { "XJ-2019-01,\(id($0 / 3)),马\($0 % 7),2019-03-0\(1 + $0 % 5),上午,08:00:00" }
    let payments = ["身份证号码,姓名,发放金额,发放日期"] + (0..<40).map { "\(id($0 + 3)),马\($0),800,2019-04-01" }
    let folder = try writeTables([("registry.csv", registry.joined(separator: "\n") + "\n"),
                                  ("roster.csv", roster.joined(separator: "\n") + "\n"),
                                  ("attendance.csv", attendance.joined(separator: "\n") + "\n"),
                                  ("payments.csv", payments.joined(separator: "\n") + "\n")])
    let data = Loader(catalog: try Engines.pack("guyuan").catalog).load(paths: [folder]).data
    var all: [String] = [], withIssues: [String] = []
    data.forEachIDCell(where: { !$0.issues.isEmpty }) { r, name, source, table in all.append("\(table) \(source.label) \(r.raw) \(name)") }
    data.forEachIDCellWithIssues(where: { _ in true }) { r, name, source, table in withIssues.append("\(table) \(source.label) \(r.raw) \(name)") }
    #expect(withIssues == all)
    #expect(Set(all.map { $0.split(separator: " ")[0] }).count == 4)
    #expect(all.count > 100)
    // A filter is still applied.
    var lost: [String] = []
    data.forEachIDCellWithIssues(where: { $0.issues.contains(.scientificNotation) }) { r, _, _, _ in lost.append(r.raw) }
    #expect(!lost.isEmpty && lost.allSatisfy { $0 == "6.40422E+17" })
}

@Test func byteStoreGivesBackEveryCellAcrossPagesAndWriters() {
    // Two writers in turn, cells of every length class (empty, one-byte and two-byte
    // lengths, the longest kept), enough to fill several pages each.
    let store = ByteStore()
    var writers = [ByteStore.Writer(), ByteStore.Writer()]
    var random = SeededGenerator(seed: 5)
    var kept: [(UInt32, [UInt8])] = []
    for i in 0..<3000 {
        let count = [0, 1, 9, 127, 128, 300, ByteStore.maxCount][Int(random.next() % 7)]
        let cell = (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ i) }
        let ref = cell.withUnsafeBufferPointer { writers[i % 2].append($0, in: store) }
        guard let ref else { Issue.record("cell \(i) of \(count) bytes not kept"); continue }
        #expect(ref != 0)
        kept.append((ref, cell))
    }
    #expect(Set(kept.map(\.0)).count == kept.count)
    for (ref, cell) in kept { #expect(store.withBytes(ref) { Array($0) } == cell) }
    // A cell longer than an entry's length can say is refused, for the caller to keep another way.
    let long = [UInt8](repeating: 0x41, count: ByteStore.maxCount + 1)
    #expect(long.withUnsafeBufferPointer { writers[0].append($0, in: store) } == nil)
}
