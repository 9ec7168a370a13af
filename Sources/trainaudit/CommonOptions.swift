import ArgumentParser
import Foundation
import TrainAudit

/// Options every command shares: the rule pack, where rules live, the language.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Rule pack: national, ningxia, guyuan, gansu, dongxiang, luzhou, or a path to a .yaml pack.")
    var pack: String = "national"

    @Option(name: .long, help: ArgumentHelp("The rules folder (columns.yaml, regions.tsv, packs).", discussion: "Default: $TRAINAUDIT_RULES, else the rules/ folder of the checkout the executable was built in.", valueName: "dir"))
    var rules: String?

    @Option(name: .long, help: "Language of titles and messages: zh or en.")
    var lang: Lang = .zh

    func engine() throws -> Engine {
        let dir = rules ?? RulesDirectory.locate()
        do {
            return try Engine(rulesDirectory: dir, pack: pack)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

extension Lang: ExpressibleByArgument {}

/// Writes to stderr (diagnostics and summaries never mix with findings on stdout).
func note(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
}

func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
