import Foundation
import Testing

/// The built `trainaudit` executable, run as a user would: exit codes, streams, formats.
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String? {
        let candidates = [".build/debug/trainaudit", ".build/release/trainaudit"].map { Repo.path($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ args: [String]) throws -> Run {
        let path = try #require(Self.binary, "swift build --build-tests builds the trainaudit product")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = Repo.root
        // stderr goes to a file, so a long summary cannot block the child while stdout is read.
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    let demo = ["scan", "--pack", "guyuan", "--as-of", "2026-11-23", "--format", "jsonl", "corpus/demo"]

    @Test func demoScanExitsOneWithFindingsOnStdoutAndTheSummaryOnStderr() throws {
        let r = try run(demo)
        #expect(r.status == 1)  // high findings, --fail-on high by default
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count > 40)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"code\":\"") && $0.hasSuffix("}") })
        #expect(r.stderr.contains("发现"))
        #expect(!r.stdout.contains("发现"))
    }

    @Test func sameInputSameBytes() throws {
        let a = try run(demo), b = try run(demo)
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }

    @Test func failOnNeverExitsZero() throws {
        #expect(try run(demo + ["--fail-on", "never"]).status == 0)
    }

    @Test func minSeverityFilters() throws {
        let r = try run(demo + ["--min-severity", "critical"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"severity\":\"critical\"") })
    }

    @Test func englishTitles() throws {
        let r = try run(demo + ["--lang", "en", "--select", "REG002"])
        #expect(r.stdout.contains("\"code\":\"REG002\""))
        #expect(!r.stdout.contains("死亡、自然减少或迁出"))
        #expect(r.stderr.contains("findings"))
    }

    @Test func baselineShowsOnlyWhatIsNew() throws {
        let first = try run(demo + ["--fail-on", "never"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).jsonl")
        try first.stdout.write(to: file, atomically: true, encoding: .utf8)
        let again = try run(demo + ["--baseline", file.path])
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
    }

    @Test func tsvIsOneLinePerFindingPlusHeader() throws {
        let jsonl = try run(demo + ["--fail-on", "never"]).stdout.split(separator: "\n").count
        let tsv = try run(demo.filter { $0 != "jsonl" && $0 != "--format" } + ["--format", "tsv", "--fail-on", "never"])
        let lines = tsv.stdout.split(separator: "\n")
        #expect(lines.count == jsonl + 1)
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 17 })  // 13 fields, verified (issue 11), people, classes, case (issue 9)
    }

    @Test func nothingReadableExitsTwoNamingThePath() throws {
        let r = try run(["scan", "/nonexistent/台账.xlsx"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/台账.xlsx"))
    }

    @Test func badArgumentsExitTwo() throws {
        let r = try run(["scan", "--pack", "nowhere", "corpus/demo"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nowhere.yaml"))
        #expect(try run(["scan", "--format", "xml", "corpus/demo"]).status == 2)
    }

    @Test func rulesExplainsACheckWithItsThresholdsAndSource() throws {
        let r = try run(["rules", "CLS001", "--pack", "guyuan"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("max_class_size = 50"))
        #expect(r.stdout.contains("每个培训班不得超过50人"))
        let list = try run(["rules"])
        #expect(list.stdout.contains("PRX001") && list.stdout.contains("DQ007"))
    }

    /// A source is shown by its document's title (and 文号, date, a note when it is marked
    /// 失效), never by the file a copy came in, in the user's language.
    @Test func rulesShowsTheDocumentsTitleNotAFileName() throws {
        let title = "固原市人民政府办公室关于打赢脱贫攻坚战三年行动职业技能培训工作的实施意见"
        let zh = try run(["rules", "CLS001", "--pack", "guyuan"])
        #expect(zh.stdout.contains("依据：《\(title)》（2018-12-17，该文件已标注“宣布失效”）四(三)：“每个培训班不得超过50人”"))
        #expect(zh.stdout.contains("max_class_size = 50   [guyuan] 《\(title)》"))
        let en = try run(["rules", "CLS001", "--pack", "guyuan", "--lang", "en"])
        #expect(en.stdout.contains("source: Guyuan Municipal Government Office: implementing opinions"))
        #expect(en.stdout.contains("(2018-12-17; marked: declared no longer in force) clause 四(三): “每个培训班不得超过50人”"))
        #expect(!en.stdout.contains(title))
        let dongxiang = try run(["rules", "SCH008", "--pack", "dongxiang"])
        #expect(dongxiang.stdout.contains("min_practical_share = 0.7   [dongxiang] 《东乡族自治县人民政府办公室关于印发东乡县劳动力培训三年行动实施方案(2020—2022年)的通知》（东县府办发〔2020〕57号，2020-06-15）三(四)"))
        let national = try run(["rules", "SCH007", "--pack", "national"])
        #expect(national.stdout.contains("max_daily_hours = 8   [national] 默认值：每天超过8学时"))
        let nationalEn = try run(["rules", "SCH007", "--pack", "national", "--lang", "en"])
        #expect(nationalEn.stdout.contains("max_daily_hours = 8   [national] default: more than 8 class hours a day"))
        let list = try run(["rules", "--pack", "luzhou"])
        #expect(list.stdout.contains("《泸州市人力资源和社会保障局关于对2016年技能培训扶贫实施情况进行目标考核的通知》"))
        #expect(list.stdout.contains("文号：泸市人社函〔2016〕26号；日期：未载明"))
        for r in [zh, en, dongxiang, national, nationalEn, list] { #expect(!r.stdout.contains(".txt"), "\(r.stdout)") }
    }

    @Test func inspectShowsKindsAndHeaderRows() throws {
        let r = try run(["inspect", "--lang", "en", "corpus/demo"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("kind: roster  header: row 3–4"))
        #expect(r.stdout.contains("kind: attendance"))
        #expect(r.stdout.contains("skipped repeated header: 2"))
    }

    @Test func maskHidesIDs() throws {
        let r = try run(demo + ["--mask", "--select", "REG002"])
        #expect(r.stdout.contains("640422********8786"))
        #expect(!r.stdout.contains("640422197702218786"))
    }
    // MARK: -o FILE (issue 10)

    var demoWithoutFormat: [String] { demo.filter { $0 != "--format" && $0 != "jsonl" } }

    func tempPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func outputToAMissingFolderFailsBeforeReadingInChineseOrEnglish() throws {
        let zh = try run(demoWithoutFormat + ["-o", "/nonexistent-dir/问题清单.xlsx"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("文件夹 /nonexistent-dir 不存在"))
        #expect(!zh.stderr.contains("读取"), "no input was read")  // the run summary starts with 读取
        let en = try run(demoWithoutFormat + ["--lang", "en", "-o", "/nonexistent-dir/findings.xlsx"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("the folder /nonexistent-dir does not exist"))
    }

    @Test func outputExtensionPicksTheFormatAndAMismatchIsRefused() throws {
        let csv = tempPath("f.csv"), html = tempPath("f.html"), tsv = tempPath("f.tsv")
        defer { for p in [csv, html, tsv] { try? FileManager.default.removeItem(atPath: p) } }
        #expect(try run(demoWithoutFormat + ["-o", csv]).status == 1)
        let bytes = try #require(FileManager.default.contents(atPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\r\n") && text.hasSuffix("\r\n"))
        #expect(try run(demoWithoutFormat + ["-o", html]).status == 1)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try run(demoWithoutFormat + ["-o", tsv]).status == 1)
        #expect(try String(contentsOfFile: tsv, encoding: .utf8).hasPrefix(TSVHeader.line))
        let mismatch = try run(demo + ["-o", tempPath("f.xlsx")])
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("xlsx") && mismatch.stderr.contains("jsonl"))
    }

    @Test func outputNeverOverwritesAnInputOrTheBaseline() throws {
        let input = Repo.path("corpus/demo/财政供养人员名单.csv")
        let before = FileManager.default.contents(atPath: input)
        let r = try run(["scan", "--pack", "guyuan", "--format", "csv", "-o", input, "corpus/demo"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("是输入文件之一"))
        #expect(FileManager.default.contents(atPath: input) == before)
        let baseline = tempPath("old.jsonl")
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        try "".write(toFile: baseline, atomically: true, encoding: .utf8)
        let b = try run(demo + ["--lang", "en", "--baseline", baseline, "-o", baseline])
        #expect(b.status == 2)
        #expect(b.stderr.contains("is the --baseline file"))
    }

    @Test func versionNamesTheRulesInUse() throws {
        let r = try run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("trainaudit "))
        #expect(r.stdout.contains("rules: ") && r.stdout.contains("/rules"))
    }

    @Test func helpIsChineseByDefaultAndEnglishUnderLangEn() throws {
        let zh = try run(["scan", "--help"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("审计文件和文件夹") && zh.stdout.contains("--format") && zh.stdout.contains("-o, --output"))
        let en = try run(["scan", "--lang", "en", "--help"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("OVERVIEW: Audit files and folders") && !en.stdout.contains("审计文件和文件夹"))
        #expect(try run(["help", "rules"]).stdout.contains("列出所有检查"))
    }

    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let r = try run(demo)
        #expect(!r.stderr.contains("\r"))
        #expect(!r.stderr.contains("\u{1B}"))
    }
}

/// The TSV header, as the tests expect it.
enum TSVHeader {
    static let line = "score\tseverity\tcode\ttitle\tperson_id\tperson_name\tclass\tinstitution\tcounty\tamount\tevidence\tmessage\tfingerprint"
}
