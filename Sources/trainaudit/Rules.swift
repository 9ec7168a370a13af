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
        var out = ""
        guard let code else {
            out += zh ? "规则包：\(engine.settings.chain.joined(separator: " → "))\n" : "pack: \(engine.settings.chain.joined(separator: " → "))\n"
            for family in Family.allCases {
                let checks = AllChecks.all.filter { $0.info.family == family }
                guard !checks.isEmpty else { continue }
                out += "\n\(family.rawValue)  \(family.title.text(lang))\n"
                for c in checks {
                    let w = TableWriter.displayWidth(c.info.severity.label.text(lang))
                    out += "  \(c.info.code)  \(c.info.severity.label.text(lang))\(String(repeating: " ", count: max(1, 9 - w)))\(c.info.title.text(lang))\n"
                }
            }
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
        out += (zh ? "依据：" : "source: ") + i.source + "\n"
        if !i.needs.isEmpty { out += (zh ? "需要：" : "needs: ") + i.needs.map { $0.title.text(lang) }.joined(separator: zh ? "、" : ", ") + "\n" }
        if !i.settings.isEmpty {
            out += "\n" + (zh ? "规则包 \(engine.settings.packName) 下的阈值：" : "thresholds under pack \(engine.settings.packName):") + "\n"
            for key in i.settings {
                if let d = engine.settings.describe(key) {
                    out += "  \(key) = \(d.value)   [\(d.pack)] \(d.source)\n"
                } else {
                    out += "  \(key): " + (zh ? "未设定（此检查不会运行）" : "not set (the check will not run)") + "\n"
                }
            }
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }
}
