import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

@Test(arguments: [
    ("张三", "张三"), ("张 三", "张三"), ("张　三", "张三"), (" 张三 ", "张三"), ("张\u{A0}三", "张三"), ("张 \u{3000} 三", "张三"),
    ("张\u{200B}三", "张三"), ("欧阳 娜娜", "欧阳娜娜"),
    ("阿依古丽·买买提", "阿依古丽·买买提"),          // U+00B7
    ("阿依古丽•买买提", "阿依古丽·买买提"),          // U+2022
    ("阿依古丽・买买提", "阿依古丽·买买提"),         // U+30FB
    ("阿依古丽･买买提", "阿依古丽·买买提"),          // U+FF65
    ("阿依古丽‧买买提", "阿依古丽·买买提"),          // U+2027
    ("阿依古丽．买买提", "阿依古丽·买买提"),         // U+FF0E
    ("阿依古丽.买买提", "阿依古丽·买买提"),          // ASCII full stop
    ("阿依古丽 · 买买提", "阿依古丽·买买提"),        // spaces around the dot
    ("阿依古丽··买买提", "阿依古丽·买买提"),         // doubled dot
    ("·阿依古丽·买买提·", "阿依古丽·买买提"),       // dots at the ends
    ("阿 依 古 丽 • 买 买 提", "阿依古丽·买买提"),
    ("JOHN  SMITH", "JOHN SMITH"), ("ＪＯＨＮ", "JOHN"), ("", ""), ("   ", ""),
])
func names(cell: String, expected: String) {
    #expect(NameReader.normalize(cell) == expected, "\(cell)")
}

@Test func namesCompareAfterNormalizing() {
    #expect(NameReader.normalize("阿依古丽・买买提") == NameReader.normalize("阿依古丽 • 买买提"))
    #expect(NameReader.normalize("张 三") != NameReader.normalize("张四"))
}

@Test(arguments: [
    ("13812345678", "13812345678"), ("138 1234 5678", "13812345678"), ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"), ("+8613812345678", "13812345678"), ("86 13812345678", "13812345678"),
    ("8613812345678", "13812345678"), ("0086-13812345678", "13812345678"), ("１３８１２３４５６７８", "13812345678"),
    ("13812345678.0", "13812345678"), ("'13812345678", "13812345678"), (" 13812345678 ", "13812345678"),
    ("(0954)1234567", "09541234567"), ("0954-1234567", "09541234567"), ("010-12345678", "01012345678"),
    ("０９５４－１２３４５６７", "09541234567"), ("+86 954 1234567", "09541234567"), ("5123456", "5123456"),
    ("（0954）1234567", "09541234567"),
])
func phones(cell: String, expected: String) {
    #expect(PhoneReader.normalize(cell).value == expected, "\(cell)")
}

@Test(arguments: ["", " ", "无", "暂无", "没有", "空", "-", "—", "/"])
func phoneBlanks(cell: String) {
    let p = PhoneReader.normalize(cell)
    #expect(p.value == nil && !p.isInvalid, "\(cell)")
}

@Test(arguments: ["1381234567", "138123456789", "12812345678", "1.38123E+10", "13812345678/13987654321",
                  "abc", "138１２３４５６７８号", "+1 2025550123", "00954", "123", "13812345678.5", "0012345678"])
func phoneInvalid(cell: String) {
    #expect(PhoneReader.normalize(cell).isInvalid, "\(cell)")
}

@Test func phoneMasking() {
    #expect(PhoneReader.masked("13812345678") == "138****5678")
    #expect(PhoneReader.masked("09541234567") == "095****4567")
    #expect(PhoneReader.masked("123456") == "123456")
}

@Test func textClean() {
    #expect(TextReader.clean("  a \u{3000} b\u{A0}\n c ") == "a b c")
    #expect(TextReader.clean("\u{FEFF}序号") == "序号")
    #expect(TextReader.halfWidth("０１２ＡＢ：，．") == "012AB:,.")
}
