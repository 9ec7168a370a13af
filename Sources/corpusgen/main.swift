// corpusgen: seeded generator of province-scale audit data with planted cases (issue 4).
//
//   corpusgen --scale 1.0 --seed 42 --out DIR
//
// writes registry.csv, roster.csv, classes.csv, attendance.csv and payments.csv (UTF-8,
// comma, header row with the first alias of each column in rules/columns.yaml) and
// planted.json (what was planted, for the benchmark's report). Same seed and scale, same
// bytes. Independent of the TrainAudit library on purpose: it is a second implementation
// of the ID rules and the tables' layout, not a user of the first.
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

struct Corpusgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpusgen",
        abstract: "Generate a province-year of training-subsidy data with planted cases.",
        discussion: """
        Scale 1.0 is a province-year: 4,000,000 registry rows, about 400,000 roster rows in
        10,000 classes, about 24,000,000 attendance rows and 400,000 payment rows.
        Planted, at known rates: trainees not in the registry (REG001), the same occupation
        and level subsidised twice (DUP001), sign-ins to two overlapping classes (SCH001),
        bursts of different people on one device (PRX001), classes over 50 (CLS001).
        """)

    @Option(help: "Size relative to a province-year (1.0 = 4 million registry rows).")
    var scale: Double = 1.0

    @Option(help: "Seed of the generator: the same seed and scale give the same bytes.")
    var seed: UInt64 = 42

    @Option(help: "Folder to write the CSV files to (created if missing).")
    var out: String

    func validate() throws {
        guard scale > 0, scale <= 10 else { throw ValidationError("--scale must be in (0, 10]") }
    }

    func run() throws {
        mkdir(out, 0o755)
        var g = Generator(scale: scale, seed: seed, out: out)
        g.run()
    }
}

Corpusgen.main()
