import ArgumentParser
import Foundation
import TrainAudit

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the checks, or explain one: what it catches, why (policy source), and the thresholds in force.",
        discussion: """
        Examples:
          trainaudit rules
          trainaudit rules CLS001 --pack guyuan
        """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "A check code such as DUP001.")
    var code: String?

    func run() throws {
        let engine = try common.engine()
        let lang = common.lang, zh = lang == .zh
        let settings = engine.settings
        var out = ""
        guard let code else {
            out += zh ? "规则包：\(settings.chain.joined(separator: " → "))\n" : "pack: \(settings.chain.joined(separator: " → "))\n"
            for family in Family.allCases {
                let checks = AllChecks.all.filter { $0.info.family == family }
                guard !checks.isEmpty else { continue }
                out += "\n\(family.rawValue)  \(family.title.text(lang))\n"
                for c in checks {
                    let w = TableWriter.displayWidth(c.info.severity.label.text(lang))
                    out += "  \(c.info.code)  \(c.info.severity.label.text(lang))\(String(repeating: " ", count: max(1, 9 - w)))\(c.info.title.text(lang))\n"
                }
            }
            let docs = settings.citedDocuments
            out += "\n" + (zh ? "规则包 \(settings.packName) 的阈值所依据的政策文件：" : "policy documents the thresholds of pack \(settings.packName) cite:") + "\n"
            if docs.isEmpty { out += zh ? "  无（均为默认值）\n" : "  none (all are defaults)\n" }
            for d in docs { out += "  " + d.card(lang) + "\n" }
            FileHandle.standardOutput.write(out.data(using: .utf8)!)
            return
        }
        guard let check = AllChecks.check(code) else {
            throw ValidationError("no check \(code); `trainaudit rules` lists them")
        }
        let i = check.info
        out += "\(i.code)  \(i.title.text(lang))\n"
        out += (zh ? "级别：" : "severity: ") + i.severity.label.text(lang) + "\n\n"
        out += i.summary.text(lang) + "\n\n"
        out += (zh ? "依据：" : "source: ") + i.source.text(lang, settings.documents) + "\n"
        if !i.needs.isEmpty { out += (zh ? "需要：" : "needs: ") + i.needs.map { $0.title.text(lang) }.joined(separator: zh ? "、" : ", ") + "\n" }
        if !i.settings.isEmpty {
            out += "\n" + (zh ? "规则包 \(settings.packName) 下的阈值：" : "thresholds under pack \(settings.packName):") + "\n"
            for key in i.settings {
                let values = settings.describe(key)
                if values.isEmpty {
                    out += "  \(key): " + (zh ? "未设定（此检查不会运行）" : "not set (the check will not run)") + "\n"
                }
                for d in values {
                    out += "  \(key)\(Rules.period(d.from, d.until, lang)) = \(d.value)   [\(d.pack)] \(settings.text(d.source, lang))\n"
                }
            }
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }

    /// The class-start days a dated value is for: "（2020-01-01 起开班的班级）".
    static func period(_ from: Day?, _ until: Day?, _ lang: Lang) -> String {
        switch (from, until, lang) {
        case (nil, nil, _): return ""
        case (let f?, nil, .zh): return "（\(f) 起开班的班级）"
        case (nil, let u?, .zh): return "（\(u) 及以前开班的班级）"
        case (let f?, let u?, .zh): return "（\(f) 至 \(u) 开班的班级）"
        case (let f?, nil, .en): return " (classes starting from \(f))"
        case (nil, let u?, .en): return " (classes starting until \(u))"
        case (let f?, let u?, .en): return " (classes starting \(f) to \(u))"
        }
    }
}
