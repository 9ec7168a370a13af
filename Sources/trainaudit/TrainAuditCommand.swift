import ArgumentParser
import TrainAudit

@main
struct TrainAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trainaudit", abstract: "Audit vocational-training subsidy data.")
    func run() throws {}
}
