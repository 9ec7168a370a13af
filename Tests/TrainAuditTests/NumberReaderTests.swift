import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

@Test(arguments: [
    ("1,600", 1600.0), ("1，600", 1600), ("１６００", 1600), ("1600元", 1600), ("1600.00", 1600), (" 800 ", 800),
    ("800.5", 800.5), ("1,234,567.89", 1_234_567.89), ("¥1,600", 1600), ("￥1600元", 1600), ("１，６００元", 1600),
    ("１６００．５", 1600.5), ("1e3", 1000), ("1.6E+03", 1600), ("-50", -50), ("+50", 50), ("0", 0), (".5", 0.5),
    ("96学时", 96), ("30人", 30), ("1600 元", 1600), ("\u{3000}800\u{3000}", 800),
])
func numberForms(cell: String, expected: Double) {
    #expect(NumberReader.number(cell).value == expected, "\(cell)")
}

@Test(arguments: ["", " ", "\u{3000}", "-", "—", "——", "/", "无", "－", "／"])
func numberBlanks(cell: String) {
    let p = NumberReader.number(cell)
    #expect(p.value == nil && !p.isInvalid, "\(cell)")
    #expect(NumberReader.money(cell).value == nil && !NumberReader.money(cell).isInvalid)
    #expect(NumberReader.integer(cell).value == nil && !NumberReader.integer(cell).isInvalid)
}

@Test(arguments: ["壹仟", "一千", "NaN", "nan", "inf", "-inf", "Infinity", "1,60", "16,00", "1,6000", ",600", "1.600,5",
                  "1600万", "1.6万元", "元", "abc", "1e", "1e+", "--5", "5-", "1.2.3", "1600元元", "50%", "0x10", "1e999999999"])
func numberInvalid(cell: String) {
    #expect(NumberReader.number(cell).isInvalid, "\(cell)")
    #expect(NumberReader.money(cell).isInvalid, "\(cell)")
}

@Test(arguments: [
    ("0.29", Int64(29)), ("1600", 160_000), ("1,600.00", 160_000), ("800.5", 80_050), ("0.1", 10), ("0.07", 7),
    ("19.99", 1999), ("1.005", 101), ("1.004", 100), ("-0.29", -29), ("1e3", 100_000), ("2.5E-1", 25),
    ("１２３４．５６元", 123_456), ("92233720368547758.07", Int64.max), ("0.000", 0),
])
func moneyInFen(cell: String, fen: Int64) {
    #expect(NumberReader.money(cell).value == fen, "\(cell)")
}

@Test func moneyOverflowIsInvalid() {
    #expect(NumberReader.money("92233720368547758.08").isInvalid)
    #expect(NumberReader.money("1e30").isInvalid)
    #expect(NumberReader.money("0e30").value == 0)
    // Exactness: 0.1 + 0.2 in fen.
    let sum = NumberReader.money("0.1").value! + NumberReader.money("0.2").value!
    #expect(sum == 30)
}

@Test func integers() {
    #expect(NumberReader.integer("1600").value == 1600)
    #expect(NumberReader.integer("1,600").value == 1600)
    #expect(NumberReader.integer("1600.0").value == 1600)
    #expect(NumberReader.integer("1.6e3").value == 1600)
    #expect(NumberReader.integer("９６学时").value == 96)
    #expect(NumberReader.integer("-3").value == -3)
    #expect(NumberReader.integer("800.5").isInvalid)
    #expect(NumberReader.integer("1e-1").isInvalid)
    #expect(NumberReader.integer("99999999999999999999").isInvalid)
}

@Test func genders() {
    for cell in ["男", "男性", " 男 ", "M", "m", "Male", "男士"] { #expect(GenderReader.read(cell).value == true, "\(cell)") }
    for cell in ["女", "女性", "F", "female", "女士"] { #expect(GenderReader.read(cell).value == false, "\(cell)") }
    for cell in ["1", "0", "2", "未知", "男女"] { #expect(GenderReader.read(cell).isInvalid, "\(cell)") }
    #expect(GenderReader.read("").value == nil && !GenderReader.read("").isInvalid)
}

@Test func flags() throws {
    let failed = try #require(try Engines.pack("national").settings[.failedAssessment]?.value)
    for cell in ["1", "1.0", "合格", "通过", "已通过", "是", "√", "✓", "考核合格", "鉴定合格", "取得证书", "Y", "yes", "１"] {
        #expect(FlagReader.read(cell, failed: failed).value == true, "\(cell)")
    }
    for cell in ["0", "0.0", "不合格", "未通过", "不通过", "否", "×", "N", "no", "未取证"] {
        #expect(FlagReader.read(cell, failed: failed).value == false, "\(cell)")
    }
    for cell in ["无", "缺考", "待考核", "良好", "2", "合格?"] { #expect(FlagReader.read(cell, failed: failed).isInvalid, "\(cell)") }
    for cell in ["", " ", "-", "/"] { #expect(FlagReader.read(cell, failed: failed).value == nil && !FlagReader.read(cell, failed: failed).isInvalid, "\(cell)") }
    // The fail words are the pack's: without the pattern nothing reads as failed.
    #expect(FlagReader.read("不合格", failed: nil).isInvalid)
    #expect(FlagReader.read("1", failed: nil).value == true)
}
