import Testing
@testable import TrainAuditCore

/// `Pattern.matches` skips PCRE2 for a subject that cannot begin a match of an anchored
/// pattern (PCRE2's own first-code-unit information): it must answer exactly as PCRE2
/// does. `captures(in:)` asks PCRE2 every time, so it is the reference.
struct PatternTests {
    @Test func firstByteShortcutAnswersAsPCRE2() throws {
        let patterns = [
            "^(合计|小计|总计|共计|累计)",
            "^(负责人|单位负责人|填表人|填报人|制表人|审核人|审批人|经办人|联系电话|填表日期|填报日期|注:|说明:|备注:)",
            "^(?:abc)$", "^(a|)", "合计", "^\\d+$", "^(?:x|y|\\s)", "^[^a]", "(?i)^abc", "^.", "(?i)^(k|合计)", "^(?i:k|s)x", "^(?:[a-z]|合)",
        ]
        let subjects = ["", "合计", "合计 12人", " 合计", "小计", "负责人：张三", "注:本表", "说明:", "123", "abc", "ABC",
                        "xa", "y", "\t", "a", "b", "\u{212A}", "\u{212A}x", "ſx", "本表合计", "累", "\u{FEFF}合计", "é", "6404221990"]
        for source in patterns {
            let pattern = try Pattern(source)
            let caseless = try Pattern(source, caseless: true)
            for subject in subjects {
                #expect(pattern.matches(subject) == (pattern.captures(in: subject) != nil), "/\(source)/ on \(subject)")
                #expect(caseless.matches(subject) == (caseless.captures(in: subject) != nil), "/\(source)/i on \(subject)")
                let bytes = Array(subject.utf8)
                #expect(bytes.withUnsafeBufferPointer { pattern.matches(bytes: $0) } == pattern.matches(subject))
            }
        }
        // The shortcut is taken where it applies: the total pattern rejects a number without PCRE2
        // and still matches what it should.
        let total = try Pattern("^(合计|小计|总计|共计|累计)")
        #expect(!total.matches("1") && total.matches("合计") && !total.matches("备注"))
    }
}
