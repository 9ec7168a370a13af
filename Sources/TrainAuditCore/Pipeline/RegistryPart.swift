/// The registry entries one reader wrote: the 40-byte rows and their source rows as breaks.
struct RegistryPart: Sendable {
    private(set) var rows: [RegistryRow] = []
    private(set) var numbers = RowNumbers()

    mutating func reserve(_ extra: Int) { rows.reserveCapacity(rows.count + extra) }

    mutating func append(_ row: RegistryRow, source: SourceRef) {
        numbers.append(source)
        rows.append(row)
    }
}
