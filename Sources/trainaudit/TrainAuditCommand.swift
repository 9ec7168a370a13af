import ArgumentParser
import Foundation
import TrainAudit

@main
struct TrainAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainaudit",
        abstract: "Find fraud and data-quality problems in vocational-training subsidy data (精准扶贫 职业技能培训).",
        discussion: """
        Reads what county offices have (training ledgers, attendance sheets, subsidy payments, \
        the poverty-registry extract, class registers, task tables, watchlists) as .xlsx or CSV \
        (UTF-8 or GBK/GB18030), joins them on the resident ID, and reports ranked findings with \
        the file, sheet and row behind each.

        Findings go to stdout; progress and the run summary to stderr.
        Exit status: 0 no finding at or above --fail-on; 1 findings; 2 the run itself failed.
        """,
        version: "trainaudit \(ToolVersion.current)\nrules: \(RulesDirectory.locate())",
        subcommands: [Scan.self, Inspect.self, Rules.self, RollupCommand.self, SampleCommand.self, DiffCommand.self],
        defaultSubcommand: Scan.self
    )

    /// Runs the command; a usage error (bad option, unknown pack) exits 2, as the run
    /// itself failing does (DESIGN.md), rather than ArgumentParser's 64.
    static func main() {
        Allocator.configure()
        if let page = ChineseHelp.page(for: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardOutput.write(Data((page + "\n").utf8))
            Foundation.exit(0)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 || code.rawValue == 2 { exit(withError: error) }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
