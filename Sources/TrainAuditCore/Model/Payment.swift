/// One subsidy payout line (补贴发放明细): 56 bytes, its texts coded in its run's
/// `RunTables`.
///
/// A province-year has 400 thousand of these. What a batch of payouts repeats (amount,
/// date, item, fund, payer, class) is one code for all six; the name and the account holder
/// are text codes, the account its digits. Properties read and write plain values: a
/// setter codes its value in the line's tables, which the line holds (as `Enrollment`).
public struct Payment: Sendable {
    public var source: SourceRef
    public var id: IDReading
    private var nameCode: UInt32
    /// A code in `RunTables.paymentBatches`.
    private var batchCode: UInt32
    private var holderCode: UInt32 = 0
    private var accountDigits = LongDigitText.none
    let tables: RunTables

    /// What a batch of payouts shares.
    struct Batch: Hashable, Sendable {
        var amount: Int64?
        var paidOn = Int32.min  // Int32.min: nil
        var item: UInt32 = 0, fund: UInt32 = 0, payer: UInt32 = 0, classID: UInt32 = 0
    }

    /// A line of its own, outside any run (tests): its texts are kept in `RunTables.detached`.
    public init(source: SourceRef, id: IDReading, name: String) {
        let tables = RunTables.detached
        self.init(source: source, id: id, nameCode: tables.code(name), in: tables)
    }

    /// A line of a run, its batch blank.
    init(source: SourceRef, id: IDReading, nameCode: UInt32, in tables: RunTables) {
        self.source = source
        self.id = id
        self.nameCode = nameCode
        self.tables = tables
        batchCode = tables.blankPaymentBatch
    }

    var batch: Batch {
        get { tables.paymentBatches.value(of: batchCode) }
        set { batchCode = tables.paymentBatches.intern(newValue) }
    }
    /// Sets the batch by its code in the line's tables (the reader's path).
    mutating func setBatch(code: UInt32) { batchCode = code }

    public var name: String {
        get { tables.text(nameCode) ?? "" }
        set { nameCode = tables.code(newValue) }
    }
    /// In fen.
    public var amount: Int64? {
        get { batch.amount }
        set { batch.amount = newValue }
    }
    public var paidOn: Day? {
        get { batch.paidOn == Int32.min ? nil : Day(ordinal: batch.paidOn) }
        set { batch.paidOn = newValue?.ordinal ?? Int32.min }
    }
    public var item: String? {
        get { tables.text(batch.item) }
        set { batch.item = tables.code(newValue) }
    }
    public var account: String? {
        get { accountDigits.text(in: tables) }
        set { accountDigits = LongDigitText(newValue, in: tables) }
    }
    public var fund: String? {
        get { tables.text(batch.fund) }
        set { batch.fund = tables.code(newValue) }
    }
    public var payer: String? {
        get { tables.text(batch.payer) }
        set { batch.payer = tables.code(newValue) }
    }
    public var classID: String? {
        get { tables.text(batch.classID) }
        set { batch.classID = tables.code(newValue) }
    }
    /// The account holder (户名/开户人/收款人) where the ledger names one beside the trainee.
    public var holder: String? {
        get { tables.text(holderCode) }
        set { holderCode = tables.code(newValue) }
    }
}

extension Payment: CustomStringConvertible {
    /// Every field, decoded (the stored codes mean nothing outside their run).
    public var description: String {
        let fields: [Any?] = [amount, paidOn, item, account, fund, payer, classID, holder]
        return "Payment(source: \(source.label), id: \(id), name: \(name), "
            + "fields: \(fields.map { String(describing: $0) }.joined(separator: ", ")))"
    }
}
