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

/// Refuses paths that do not exist before anything is read, so a typo is exit 2 with a
/// message, never a scan of the rest; a bare word that is no path may be a mistyped
/// subcommand (`trainaudit inspcet corpus/demo`), and the message says which there are.
func validatePaths(_ paths: [String], lang: Lang) throws {
    if paths.isEmpty {
        throw ValidationError(lang == .zh ? "请给出至少一个文件或文件夹" : "give at least one file or folder")
    }
    let commands = TrainAuditCommand.configuration.subcommands.map { $0._commandName }
    for path in paths where !FileManager.default.fileExists(atPath: path) {
        let word = !path.contains("/") && !path.contains(".")
        if word {
            let list = commands.joined(separator: lang == .zh ? "、" : ", ")
            throw ValidationError(lang == .zh ? "“\(path)”既不是文件或文件夹，也不是子命令（\(list)）"
                                              : "'\(path)' is neither a file or folder nor a subcommand (\(list))")
        }
        throw ValidationError(lang == .zh ? "文件或文件夹不存在：\(path)" : "no such file or folder: \(path)")
    }
}

/// Writes to stderr (diagnostics and summaries never mix with findings on stdout).
func note(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
}

func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
