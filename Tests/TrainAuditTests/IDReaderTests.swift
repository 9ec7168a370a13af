import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Tests/Fixtures, found from this file's path.
func fixturesDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// The repository root, found from this file's path.
func repositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

// 11010519491231002X is the GB 11643-1999 example; 510502199001011248's check digit was
// taken from python-stdnum (calc_check_digit("510502199001011240") == "8").
let validX = "11010519491231002X"
let valid1 = "510502199001011248"

@Test func plainValidIDs() {
    let r = IDReader.read(validX)
    #expect(r.id?.description == validX)
    #expect(r.issues.isEmpty)
    #expect(r.isClean)
    let r2 = IDReader.read(valid1)
    #expect(r2.id?.description == valid1)
    #expect(r2.issues.isEmpty)
}

@Test(arguments: [
    "１１０１０５１９４９１２３１００２Ｘ",     // full-width digits and X
    "１１０１０５１９４９１２３１００２ｘ",     // full-width lower-case x
    "110105 19491231 002X",                 // spaces
    "110105\u{3000}19491231\u{3000}002X",   // full-width spaces
    "110105\u{A0}19491231002X\u{A0}",       // NBSP
    "'11010519491231002X",                  // leading apostrophe
    "\u{2019}11010519491231002X",           // ’
    "\u{2018}11010519491231002X",           // ‘
    "`11010519491231002X",                  // backtick
    "11010519491231002x",                   // lower-case x
    " 11010519491231002x ",
    "=\"11010519491231002X\"",              // Excel ="…" text trick
    "1101\u{200B}0519491231002X",           // zero-width space
])
func cleanedForms(cell: String) {
    let r = IDReader.read(cell)
    #expect(r.id?.description == validX, "\(cell)")
    #expect(r.issues.isEmpty, "\(cell)")
    #expect(r.cleaned == validX)
}

@Test func trailingPointZeroFromANumberCell() {
    let r = IDReader.read("510502199001011248.0")
    #expect(r.id?.description == valid1)
    #expect(r.issues.isEmpty)
    #expect(IDReader.read("510502199001011248.00").id?.description == valid1)
    // ".5" is not a number cell's artefact.
    #expect(IDReader.read("510502199001011248.5").id == nil)
}

@Test(arguments: ["5.10502E+17", "5.10502199001011E+17", "5.10502e+17", "5.10502E17", "５．１０５０２Ｅ＋１７", "'5.10502E+17", "1E+17"])
func scientificNotationIsLost(cell: String) {
    let r = IDReader.read(cell)
    #expect(r.id == nil)
    #expect(r.issues == [.scientificNotation])
}

@Test func legacy15DigitIDsAreConverted() {
    // 110105491231002 → 110105 19 491231 002 + check; the 18-digit form is the GB example.
    let r = IDReader.read("110105491231002")
    #expect(r.id?.description == validX)
    #expect(r.issues == [.converted15])
    #expect(r.isClean)
    #expect(r.cleaned == validX)
    // Full-width and spaced 15-digit forms too.
    #expect(IDReader.read("１１０１０５ ４９１２３１ ００２").id?.description == validX)
    // A 15-digit ID with an impossible birth date: converted, flagged.
    let bad = IDReader.read("110105491331002")
    #expect(bad.id != nil)
    #expect(bad.issues == [.converted15, .badBirthDate])
}

@Test func wrongCheckDigitStillGivesTheID() {
    let r = IDReader.read("510502199001011249")
    #expect(r.id?.description == "510502199001011249")
    #expect(r.issues == [.badCheckDigit])
    #expect(!r.isClean)
}

@Test func impossibleBirthDateStillGivesTheID() {
    // 1990-02-30; check digit computed for the body so only the date is wrong.
    let body: UInt64 = 51050219900230123
    let check = ResidentID.checkValue(forBody: body)
    let text = "51050219900230123" + (check == 10 ? "X" : String(check))
    let r = IDReader.read(text)
    #expect(r.id?.description == text)
    #expect(r.issues == [.badBirthDate])
}

@Test(arguments: ["51050219900101123", "5105021990010112484", "1234", "51050219900101", "5105021990010112345678"])
func wrongLength(cell: String) {
    let r = IDReader.read(cell)
    #expect(r.id == nil)
    #expect(r.issues == [.wrongLength])
}

@Test(arguments: ["51050219900101123A", "5105021990X1011233", "510502-19900101-1233", "5105021990010112３３号",
                  "510502199001011248😀", "5\u{301}10502199001011233", "无", "身份证号", "51050219900101123X3"])
func badCharacters(cell: String) {
    let r = IDReader.read(cell)
    #expect(r.id == nil, "\(cell)")
    #expect(r.issues == [.badCharacters], "\(cell)")
}

@Test func blankCells() {
    for cell in ["", " ", "\u{3000}", "'", "\u{A0}\u{A0}"] {
        let r = IDReader.read(cell)
        #expect(r.isBlank)
        #expect(r.id == nil)
        #expect(r.issues.isEmpty)
    }
}

@Test func hostileInputDoesNotCrash() {
    let long = String(repeating: "5", count: 100_000)
    #expect(IDReader.read(long).issues == [.wrongLength])
    #expect(IDReader.read(String(repeating: "😀", count: 1000)).id == nil)
    #expect(IDReader.read(String(repeating: "e", count: 50)).id == nil)
    #expect(IDReader.read("E+17").issues == [.badCharacters])
    #expect(IDReader.read(".0").id == nil)
    #expect(IDReader.read("=\"").id == nil)
    #expect(IDReader.read("99999999999999999X").issues.contains(.badBirthDate))
    #expect(IDReader.read("\u{0301}\u{0301}").issues == [.badCharacters])
    #expect(IDReader.read("000000000000000").issues.contains(.converted15))
}

@Test func notesInBothLanguages() {
    let r = IDReader.read("110105491231002")
    #expect(r.note(lang: .en).contains("15-digit"))
    #expect(r.note(lang: .zh).contains("15位"))
}

/// Agreement with python-stdnum (stdnum.cn.ric) on every line of Tests/Fixtures/ids.tsv.
@Test func agreesWithStdnumFixture() throws {
    let text = try String(contentsOf: fixturesDirectory().appendingPathComponent("ids.tsv"), encoding: .utf8)
    var lines = 0
    for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        try #require(f.count == 5)
        let (input, expected, checkOK, birthOK, kind) = (f[0], f[1], f[2] == "1", f[3] == "1", f[4])
        let r = IDReader.read(input)
        #expect(r.id?.description == expected, "\(input)")
        #expect(r.id?.hasValidCheckDigit == checkOK, "\(input)")
        #expect((r.id?.birthDate != nil) == birthOK, "\(input)")
        #expect(r.issues.contains(.badCheckDigit) == !checkOK, "\(input)")
        #expect(r.issues.contains(.badBirthDate) == !birthOK, "\(input)")
        #expect(r.issues.contains(.converted15) == (kind == "legacy15"), "\(input)")
        lines += 1
    }
    #expect(lines > 300)
}

/// Every reader over deterministic pseudo-random cells mixing digits, separators, CJK,
/// full-width forms, combining marks, emoji and control characters: no crash, no trap.
@Test func readersSurviveRandomCells() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {  // SplitMix64
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let pool: [String] = ["0", "1", "5", "9", "X", "x", "e", "E", "+", "-", ".", ",", ":", "/", " ", "\u{3000}", "\u{A0}",
                          "年", "月", "日", "至", "时", "分", "点", "半", "下午", "元", "万", "·", "•", "０", "９", "Ｘ", "：",
                          "．", "－", "～", "'", "\"", "=", "\u{0301}", "\u{200B}", "\u{FEFF}", "😀", "👨‍👩‍👧", "\r\n", "\t", "\0",
                          "42434", "2016", "13812345678", "510502", "E+17", "1e9999", "99999999999999999999"]
    let day = Day(year: 2018, month: 3, day: 5)!
    for _ in 0..<3000 {
        let n = Int(next() % 30)
        var cell = ""
        for _ in 0..<n { cell += pool[Int(next() % UInt64(pool.count))] }
        _ = IDReader.read(cell)
        _ = DateReader.day(cell)
        _ = DateReader.period(cell)
        _ = DateReader.periodBounds(cell)
        _ = DateReader.time(cell)
        _ = DateReader.moment(cell, on: day)
        _ = NumberReader.number(cell)
        _ = NumberReader.money(cell)
        _ = NumberReader.integer(cell)
        _ = PhoneReader.normalize(cell)
        _ = NameReader.normalize(cell)
        _ = GenderReader.read(cell)
        _ = FlagReader.read(cell, failed: nil)
    }
    #expect(NumberReader.money("1e-99999").value == 0)
    #expect(NumberReader.money("5e-3").value == 1)
    #expect(NumberReader.money("4e-3").value == 0)
}
