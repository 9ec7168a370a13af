@testable import TrainAudit
import CFuzzerDriver
import FuzzSupport
import Foundation

/// One input: the bytes as a CSV file, every row read.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let path = Scratch.write("input.csv", bytes)
    var limits = IngestLimits()
    limits.maxCellBytes = 4096
    limits.maxColumns = 64
    guard let reader = try? CSVReader(path: path, limits: limits) else { return 0 }
    _ = try? reader.forEachRow { _ in true }
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
