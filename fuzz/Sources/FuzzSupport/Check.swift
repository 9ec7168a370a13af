import TrainAudit

/// Stops the fuzzer with a message when a property that must hold does not: libFuzzer
/// reports the trap as a crash and saves the input.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("property failed: \(message())", file: file, line: line) }
}

/// Rows as comparable values (RawRow is not Equatable).
public struct RowValue: Equatable, CustomStringConvertible {
    public var number: Int
    public var cells: [String]
    public var truncated: Bool
    public init(_ row: RawRow) { number = row.number; cells = row.cells; truncated = row.truncated }
    public var description: String { "row \(number)\(truncated ? " (truncated)" : ""): \(cells.map { String(reflecting: $0) }.joined(separator: ", "))" }
}

/// Where two row lists first differ, for a failure message.
public func firstDifference(_ a: [RowValue], _ b: [RowValue]) -> String {
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? a[i].description : "(none)"
        let y = i < b.count ? b[i].description : "(none)"
        if x != y || i >= a.count || i >= b.count || a[i] != b[i] { return "row index \(i): \(x) vs \(y) (\(a.count) vs \(b.count) rows)" }
    }
    return "no difference"
}
