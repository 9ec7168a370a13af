import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Policies as a reader finds them: documents declared once, settings citing them by id,
/// sources shown by title in the user's language, and values dated by class start.
struct PolicySourceTests {
    /// A folder with the given packs and the shipped columns, regions and documents.
    func folder(_ packs: [String: String], documents: String? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in packs { try text.write(to: dir.appendingPathComponent(name + ".yaml"), atomically: true, encoding: .utf8) }
        for f in ["columns.yaml", "regions.tsv"] {
            try FileManager.default.copyItem(atPath: Repo.rules + "/" + f, toPath: dir.path + "/" + f)
        }
        if let documents {
            try documents.write(to: dir.appendingPathComponent("documents.yaml"), atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.copyItem(atPath: Repo.rules + "/documents.yaml", toPath: dir.path + "/documents.yaml")
        }
        return dir.path
    }

    func loadError(_ pack: String, in dir: String) -> RulePack.LoadError? {
        do { _ = try RulePack.load(pack, directory: dir); return nil } catch { return error as? RulePack.LoadError }
    }

    // MARK: documents

    @Test func theShippedDocumentsSayWhatTheyStateAndNoMore() throws {
        let docs = try PolicyDocuments.load(directory: Repo.rules)
        let guyuan = try #require(docs["guyuan-2018"])
        #expect(guyuan.title.zh == "固原市人民政府办公室关于打赢脱贫攻坚战三年行动职业技能培训工作的实施意见")
        #expect(guyuan.number == nil)  // the page's 文号 field is blank
        #expect(guyuan.date == "2018-12-17")
        #expect(guyuan.validity?.zh == "宣布失效" && guyuan.isRepealed)
        let dongxiang = try #require(docs["dongxiang-2020-57"])
        #expect(dongxiang.number == "东县府办发〔2020〕57号" && dongxiang.date == "2020-06-15" && !dongxiang.isRepealed)
        #expect(docs["luzhou-2016-26"]?.number == "泸市人社函〔2016〕26号")
        #expect(docs["luzhou-2016-26"]?.date == nil)
        #expect(docs["ningxia-assessment"]?.issuer == nil)
    }

    @Test func aDocumentMustSayItsNumberDateAndValidityEvenWhenAbsent() throws {
        let text = """
        documents:
          d1:
            title: {zh: 某文件, en: a document}
            issuer: ~
            date: 2020-01-01
            validity: ~
        """
        #expect {
            try PolicyDocuments.parse(text, file: "documents.yaml")
        } throws: { e in
            let e = e as! RulePack.LoadError
            return e.line == 3 && e.message.contains("number")
        }
        let bad = text.replacingOccurrences(of: "date: 2020-01-01", with: "number: ~\n    date: 2020-1-1")
        #expect(throws: RulePack.LoadError.self) { try PolicyDocuments.parse(bad, file: "documents.yaml") }
        let good = text.replacingOccurrences(of: "date: 2020-01-01", with: "number: ~\n    date: 2020-01-01")
        let docs = try PolicyDocuments.parse(good, file: "documents.yaml")
        #expect(docs["d1"]?.title.en == "a document" && docs["d1"]?.number == nil && docs["d1"]?.date == "2020-01-01")
    }

    @Test func aSettingCitingAnUnknownDocumentIsRefusedWithItsLine() throws {
        let dir = try folder(["p": """
        name: p
        settings:
          max_class_size:
            value: 50
            source: {document: guyuan-2019, clause: 四(三), quote: 每个培训班不得超过50人}
        """])
        let e = try #require(loadError("p", in: dir))
        #expect(e.line == 5 && e.message.contains("unknown document 'guyuan-2019'") && e.message.contains("guyuan-2018"))
    }

    @Test func aFreeTextSourceOrAOneLanguageDefaultIsRefused() throws {
        let dir = try folder([
            "text": "name: text\nsettings:\n  max_class_size: {value: 50, source: \"001_d8d3e9ef7cd7fd28.txt 四(三)\"}\n",
            "half": "name: half\nsettings:\n  max_class_size: {value: 50, source: {default: {en: why}}}\n",
            "noquote": "name: noquote\nsettings:\n  max_class_size: {value: 50, source: {document: guyuan-2018, clause: 四(三)}}\n",
        ])
        #expect(loadError("text", in: dir)?.message.contains("no longer taken") == true)
        #expect(loadError("half", in: dir)?.message.contains("both languages") == true)
        #expect(loadError("noquote", in: dir)?.message.contains("quote") == true)
    }

    @Test func everyShippedSettingAndCheckCitesADeclaredDocument() throws {
        let docs = try PolicyDocuments.load(directory: Repo.rules)
        for pack in RulePack.available(directory: Repo.rules) {
            let s = try RulePack.load(pack, directory: Repo.rules)
            for key in AnySettingKey.all {
                for d in s.describe(key) {
                    if let id = d.source.document { #expect(docs[id] != nil, "\(pack) \(key) cites \(id)") }
                }
            }
        }
        for c in AllChecks.all {
            #expect(!c.info.source.isEmpty, "\(c.info.code) cites no source")
            for s in c.info.source {
                if let id = s.document { #expect(docs[id] != nil, "\(c.info.code) cites undeclared \(id)") }
            }
        }
    }

    /// A number from one city's document is that city's pack only.
    @Test func noOtherPackInheritsFromGuyuansDocument() throws {
        for pack in ["national", "ningxia", "gansu", "dongxiang", "luzhou"] {
            let s = try RulePack.load(pack, directory: Repo.rules)
            for key in AnySettingKey.all {
                for d in s.describe(key) { #expect(d.source.document != "guyuan-2018", "\(pack) \(key) cites Guyuan's document") }
            }
            #expect(!s.citedDocuments.contains { $0.id == "guyuan-2018" }, "\(pack)")
        }
        let national = try RulePack.load("national", directory: Repo.rules)
        #expect(national.citedDocuments.isEmpty)  // national numbers are all defaults
    }

    // MARK: how a source reads

    static func hasChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Under --lang en only the quoted clause (with its label) and a document's 文号 stay
    /// in Chinese; under --lang zh every source is in Chinese. No source names a file.
    @Test func sourcesNameTheDocumentNeverAFileAndSpeakTheUsersLanguage() throws {
        let docs = try PolicyDocuments.load(directory: Repo.rules)
        var all: [PolicySource] = AllChecks.all.flatMap(\.info.source)
        for pack in RulePack.available(directory: Repo.rules) {
            let s = try RulePack.load(pack, directory: Repo.rules)
            all += AnySettingKey.all.flatMap { s.describe($0).map(\.source) }
        }
        let seedFile = try Regex(#"[0-9]{3}_[0-9a-f]{16}"#)
        for source in all {
            let zh = source.text(.zh, docs), en = source.text(.en, docs)
            for t in [zh, en] { #expect(!t.contains(".txt") && t.firstMatch(of: seedFile) == nil, "\(t)") }
            #expect(Self.hasChinese(zh), "\(zh)")
            switch source {
            case .clause(let id, _, _, let note):
                let d = try #require(docs[id])
                let title = PolicySource.cited(d, .en).replacingOccurrences(of: d.number ?? "\u{0}", with: "")
                #expect(!Self.hasChinese(title), "\(title)")
                #expect(!Self.hasChinese(note?.en ?? ""), "\(note?.en ?? "")")
            case .default(let why), .reason(let why):
                #expect(!Self.hasChinese(why.en), "\(why.en)")
            }
        }
    }

    @Test func aRepealedDocumentIsSaidSo() throws {
        let docs = try PolicyDocuments.load(directory: Repo.rules)
        let s = PolicySource.cite("guyuan-2018", "四(三)", "每个培训班不得超过50人")
        #expect(s.text(.zh, docs) == "《固原市人民政府办公室关于打赢脱贫攻坚战三年行动职业技能培训工作的实施意见》（2018-12-17，该文件已标注“宣布失效”）四(三)：“每个培训班不得超过50人”")
        #expect(s.text(.en, docs).hasPrefix("Guyuan Municipal Government Office: implementing opinions"))
        #expect(s.text(.en, docs).contains("marked: declared no longer in force"))
        let dx = PolicySource.cite("dongxiang-2020-57", "三(四)", "实操课时与理论课时比例为7∶3")
        #expect(dx.text(.zh, docs).contains("（东县府办发〔2020〕57号，2020-06-15）三(四)"))
        #expect(!dx.text(.zh, docs).contains("失效"))
        #expect(PolicySource.byDefault(zh: "理由", en: "why").text(.en, docs) == "default: why")
        #expect(PolicySource.byDefault(zh: "理由", en: "why").text(.zh, docs) == "默认值：理由")
    }

    // MARK: values in force by class start

    @Test func theValueInForceIsTheOneOfTheClassStartDay() {
        let early = Setting(50, source: .byDefault(zh: "前", en: "before"), pack: "p", until: Day(year: 2019, month: 12, day: 31))
        let late = Setting(40, source: .byDefault(zh: "后", en: "after"), pack: "p", from: Day(year: 2020, month: 1, day: 1))
        let byStart = SettingInForce(periods: [early, late])
        #expect(byStart.forClass(startingOn: Day(year: 2019, month: 12, day: 31))?.value == 50)
        #expect(byStart.forClass(startingOn: Day(year: 2020, month: 1, day: 1))?.value == 40)
        #expect(byStart.forClass(startingOn: nil) == nil)  // no start day: no dated rule judges it
        let undated = SettingInForce(periods: [Setting(50, source: .byDefault(zh: "总", en: "always"), pack: "p")])
        #expect(undated.forClass(startingOn: nil)?.value == 50)
        let fromOnly = SettingInForce(periods: [late])
        #expect(fromOnly.forClass(startingOn: Day(year: 2019, month: 6, day: 1)) == nil)
    }

    static let twoPeriods = """
    name: p
    settings:
      max_class_size:
        periods:
          - until: 2019-12-31
            value: 3
            source: {default: {zh: 旧规定, en: the old rule}}
          - from: 2020-01-01
            value: 2
            source: {default: {zh: 新规定, en: the new rule}}
    """

    @Test func aClassIsJudgedByTheRuleInForceWhenItStarted() throws {
        let dir = try folder(["p": Self.twoPeriods])
        let engine = try Engine(rulesDirectory: dir, pack: "p")
        #expect(engine.settings.describe(AnySettingKey(.maxClassSize)).map(\.value) == ["3", "2"])
        var lines = ["姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号,培训机构"]
        for (cls, start, end) in [("OLD-2019", "2019-06-01", "2019-06-25"), ("NEW-2020", "2020-03-01", "2020-03-25")] {
            for n in 1...3 {
                lines.append("学员\(n),\(ExampleIDs.make(region: 642223, birth: 19800101 + n, sequence: 100 + n)),中式面点师,\(start),\(end),\(cls),原州区阳光职业培训学校")
            }
        }
        let tables = try writeTables([("roster.csv", lines.joined(separator: "\n"))])
        let found = engine.scan([tables], asOf: testToday, checks: [ClassTooLarge()]).findings
        // Three trainees: within the old limit of 3, over the new limit of 2.
        #expect(found.map(\.classID) == ["NEW-2020"])
        #expect(found.first?.message.en.contains("limit of 2") == true)
    }

    @Test func datesAreRefusedOnASettingNoClassIsJudgedBy() throws {
        let dir = try folder([
            "dated": "name: dated\nsettings:\n  burst.window_seconds: {value: 10, from: 2020-01-01, source: {default: {zh: 理由, en: why}}}\n",
            "overlap": Self.twoPeriods.replacingOccurrences(of: "until: 2019-12-31", with: "until: 2020-06-30"),
            "badday": "name: badday\nsettings:\n  max_class_size: {value: 50, from: 2020-13-01, source: {default: {zh: 理由, en: why}}}\n",
        ])
        #expect(loadError("dated", in: dir)?.message.contains("only a setting a class is judged by") == true)
        #expect(loadError("overlap", in: dir)?.message.contains("overlap") == true)
        #expect(loadError("badday", in: dir)?.line == 3)
    }

    @Test func theRunRecordDigestTakesTheDates() throws {
        let dir = try folder(["p": Self.twoPeriods, "q": Self.twoPeriods.replacingOccurrences(of: "2020-01-01", with: "2020-01-02")])
        let p = try RulePack.load("p", directory: dir), q = try RulePack.load("q", directory: dir)
        #expect(RunRecord.settingsHash(p) != RunRecord.settingsHash(q))
    }
}
