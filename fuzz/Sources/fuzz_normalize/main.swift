// The cell normalisers (ID, date, period, time, moment, number, money, integer, phone,
// gender, flag, text, name): the input as one cell (invalid UTF-8 replaced, as the readers
// never see it). Besides not crashing, each must answer the same for the cell with a
// zero-width space (U+200B) in front, which every reader drops: that cell never takes a
// byte-level fast path, so this checks each fast path against the general reader. And a
// few consistencies: period against periodBounds, a day or an ID read back from its own
// text, an integer against the number and money readers.
import TrainAudit
import CFuzzerDriver
import FuzzSupport
import Foundation

let zwsp = "\u{200B}"
let someDay = Day(year: 2019, month: 3, day: 5)!
/// The national pack's words for a failed assessment, as the roster reader gets them.
let failedAssessment = (try? RulePack.load("national", directory: RepoRoot.rules))?[.failedAssessment]?.value

func same<T: Equatable>(_ a: Parsed<T>, _ b: Parsed<T>) -> Bool {
    switch (a, b) {
    case (.blank, .blank), (.invalid, .invalid): return true
    case (.value(let x), .value(let y)): return x == y
    default: return false
    }
}

func show<T>(_ p: Parsed<T>) -> String {
    switch p {
    case .blank: return "blank"
    case .invalid: return "invalid"
    case .value(let v): return "value(\(v))"
    }
}

func bytesEqual(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let cell = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let shadow = zwsp + cell
    func agree<T: Equatable>(_ name: String, _ f: (String) -> Parsed<T>) {
        let a = f(cell), b = f(shadow)
        require(same(a, b), "\(name)(\(String(reflecting: cell))) = \(show(a)) but \(show(b)) after U+200B")
    }

    // Identity numbers.
    let id = IDReader.read(cell)
    if cell.unicodeScalars.count < 4 * 64 {
        let id2 = IDReader.read(shadow)
        require(id.id == id2.id && id.issues == id2.issues,
                "IDReader.read(\(String(reflecting: cell))) = \(String(describing: id.id)) \(id.issues) but \(String(describing: id2.id)) \(id2.issues) after U+200B")
    }
    _ = id.raw; _ = id.cleaned; _ = id.isBlank; _ = id.isClean; _ = id.note(lang: .zh)
    if let rid = id.id {
        let back = IDReader.read(rid.description)
        require(back.id == rid, "ID \(rid) read back as \(String(describing: back.id))")
        _ = rid.birthDate; _ = rid.masked; _ = rid.region; _ = rid.isMale
    }

    // Dates, periods, times.
    agree("DateReader.day", DateReader.day)
    agree("DateReader.time", DateReader.time)
    agree("DateReader.moment(nil)") { DateReader.moment($0, on: nil) }
    agree("DateReader.moment(day)") { DateReader.moment($0, on: someDay) }
    agree("DateReader.period") { c -> Parsed<[Day]> in
        switch DateReader.period(c) { case .blank: .blank; case .invalid: .invalid; case .value(let r): .value([r.lowerBound, r.upperBound]) }
    }
    if case .value(let d) = DateReader.day(cell), d.year >= 1000 {
        require(same(DateReader.day(d.description), .value(d)), "day \(d) does not read back from its own text")
    }
    switch (DateReader.periodBounds(cell), DateReader.period(cell)) {
    case (.blank, .blank), (.invalid, .invalid): break
    case (.value(let b), .value(let r)): require(b.start == r.lowerBound && b.end == r.upperBound && b.start <= b.end, "period \(r) vs bounds \(b)")
    case (.value(let b), .invalid): require(b.end < b.start, "period invalid with ordered bounds \(b)")
    case (let b, let p): require(false, "periodBounds \(show(b)) but period \(show(p))")
    }
    if case .value(let t) = DateReader.time(cell) { require(t >= 0 && t < 86_400, "time of \(t) seconds") }
    if case .value(let m) = DateReader.moment(cell, on: someDay) { require(m.seconds >= 0 && m.seconds < 86_400, "moment with \(m.seconds) seconds") }

    // Numbers.
    agree("NumberReader.number", NumberReader.number)
    agree("NumberReader.money", NumberReader.money)
    agree("NumberReader.integer", NumberReader.integer)
    if case .value(let i) = NumberReader.integer(cell) {
        if i.magnitude < 1 << 53 {
            require(same(NumberReader.number(cell), .value(Double(i))), "integer \(i) but number \(show(NumberReader.number(cell)))")
        }
        let (m, o) = Int64(i).multipliedReportingOverflow(by: 100)
        if !o { require(same(NumberReader.money(cell), .value(m)), "integer \(i) but money \(show(NumberReader.money(cell)))") }
    }

    // Phone, gender, flag, text, names.
    agree("PhoneReader.normalize", PhoneReader.normalize)
    if case .value(let p) = PhoneReader.normalize(cell) { _ = PhoneReader.masked(p) }
    agree("GenderReader.read", GenderReader.read)
    agree("FlagReader.read") { FlagReader.read($0, failed: failedAssessment) }
    let clean = TextReader.clean(cell)
    require(bytesEqual(clean, TextReader.clean(shadow)), "TextReader.clean differs after U+200B: \(String(reflecting: clean)) vs \(String(reflecting: TextReader.clean(shadow)))")
    require(bytesEqual(TextReader.clean(clean), clean), "TextReader.clean not idempotent: \(String(reflecting: clean)) → \(String(reflecting: TextReader.clean(clean)))")
    let name = NameReader.normalize(cell)
    require(bytesEqual(name, NameReader.normalize(shadow)), "NameReader.normalize differs after U+200B: \(String(reflecting: name)) vs \(String(reflecting: NameReader.normalize(shadow)))")
    _ = TextReader.halfWidth(cell)
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
