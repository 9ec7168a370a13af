/// A cell that could not be used as its column needs: kept, counted and reported as a DQ
/// finding (DQ002–DQ005), never silently dropped.
public struct CellProblem: Sendable {
    public enum Kind: String, Sendable {
        case missingValue    // a required cell is blank
        case badDate         // a date or period that cannot be read
        case badNumber       // a number or amount that cannot be read
        case endBeforeStart  // a period that ends before it starts
        case badText         // a cell cut at the size limit
        case undecodable     // bytes the encoding cannot decode, or a missing shared string
    }

    public var kind: Kind
    public var source: SourceRef
    public var table: TableKind
    /// Canonical column name and the header the file gave it.
    public var column: String
    public var header: String
    public var value: String
}

/// What happened to one sheet: its layout, how many rows became records, and every row
/// that did not, with the reason. `trainaudit inspect` prints it; DQ006/DQ007 report it.
public struct TableReport: Sendable {
    public enum SkipReason: String, Sendable, CaseIterable {
        case blank, total, footer, repeatedHeader, beforeHeader
        /// A row of a sheet in which no header was recognised (reported by DQ007).
        case noHeader
        /// A row read before the sheet failed to read further (reported by DQ007).
        case readError

        public var label: Localized {
            switch self {
            case .blank: return Localized(zh: "空行", en: "blank")
            case .total: return Localized(zh: "合计行", en: "total row")
            case .footer: return Localized(zh: "表尾（负责人、填表人等）", en: "footer (signatures)")
            case .repeatedHeader: return Localized(zh: "重复表头", en: "repeated header")
            case .beforeHeader: return Localized(zh: "表头之上（标题、填报单位）", en: "above the header (title, reporting unit)")
            case .noHeader: return Localized(zh: "找不到表头，未读取", en: "not read: no header found")
            case .readError: return Localized(zh: "读取出错，未读取", en: "not read: the sheet failed to read")
            }
        }
    }

    public var file: String
    public var sheet: String?
    public var layout: TableLayout?
    /// Why the sheet could not be read, when it could not.
    public var error: IngestError?
    /// Rows the reader produced; each is a header row, a record or a skipped row (or, in a
    /// sheet without a header, unread and reported).
    public var rowsRead: Int = 0
    public var records: Int = 0
    public var skipped: [SkipReason: Int] = [:]
    /// The first skipped rows of each reason (up to `keptSkippedRows`), for inspect.
    public var skippedRows: [SkipReason: [Int]] = [:]
    static let keptSkippedRows = 20
    /// Rows with a cell cut at the size limit.
    public var truncatedRows: Int = 0
    /// The file (as shown) this one repeats byte for byte: this one was not read (DQ011).
    public var copyOf: String?

    /// The file's `ContentKey`, computed when a finding about the file first asks.
    var content: Lazy<String?>?

    /// What findings about this file and sheet are keyed on (their fingerprint): the
    /// file's content and the sheet, not its name; the name when the content cannot be read.
    public var subject: String { "\(content?.value ?? file)|\(sheet ?? "")" }

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    public var place: SourceRef { SourceRef(file: file, sheet: sheet, row: layout?.headerRows.first ?? 1) }
}
