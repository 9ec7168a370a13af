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

/// The header search's `AliasMatcher` asks one joined pattern first and each alias only
/// when it matches: its answer must be each alias's own, for the catalogue's aliases and
/// for aliases that cannot be joined (backreferences, branch resets, verbs, \K).
struct AliasMatcherTests {
    @Test func joinedAliasesAnswerAsEachAlias() throws {
        let real = try Engines.pack("guyuan").catalog
        let odd = try ColumnCatalog(yaml: """
        header_search_rows: 30
        skip_rows:
          total: '^(合计)'
          footer: '^(制表人)'
        kinds:
          roster:
            required: [name]
            signature: [occupation]
            expected: []
            columns:
              name: ['姓名', '(名)\\1', '(?|(甲)|(乙))\\1']
              occupation: ['工种(*ACCEPT)x', '职业\\K名称', '(?i)job', '.*/起', '序号']
        """)
        let texts = ["姓名", "学员姓名", "名名", "名", "甲甲", "乙乙", "甲乙", "工种", "工种x", "职业名称", "JOB", "Job", "job",
                     "培训期限(起止时间)/起", "/起", "起", "序号", "1", "640422199001010015", "张三", "2019-03-05", "",
                     "身份证号码", "证件号码", "培训职业(工种)", "开班日期", "鉴定(考核)结果", "补贴金额(元)", "ID", "x"]
        for catalog in [real, odd] {
            let matcher = AliasMatcher(catalog)
            let aliases = catalog.kinds.flatMap { $0.columns.flatMap(\.aliases) }
            for text in texts {
                #expect(matcher.row(text) == aliases.map { $0.matches(text) }, "\(text)")
            }
        }
        // The odd aliases do match what they should, so the comparison above means something.
        let oddAliases = odd.kinds.flatMap { $0.columns.flatMap(\.aliases) }
        #expect(oddAliases[1].matches("名名") && oddAliases[2].matches("乙乙") && oddAliases[3].matches("工种")
                && oddAliases[5].matches("JOB"))
        #expect(!JoinedAliases.joinable("(名)\\1") && !JoinedAliases.joinable("工种(*ACCEPT)x") && JoinedAliases.joinable("培训职业\\(工种\\)"))
    }
}
