/// Reads subsidy payout lines (补贴发放明细) into payments.
final class PaymentReader: RecordReader {
    let sheet: SheetReading
    let item, fund, payer, classID: Column
    /// A batch's lines come together.
    private var lastBatch = LastCode<Payment.Batch>()

    init(_ sheet: SheetReading) {
        self.sheet = sheet
        let l = sheet.layout
        item = Column("item", l); fund = Column("fund", l); payer = Column("payer", l); classID = Column("class_id", l)
    }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        let tables = sheet.tables
        var p = Payment(source: c.source, id: c.id(), nameCode: c.nameCode(), in: tables)
        c.requirePresent(sheet.idColumn)
        c.requirePresent(sheet.nameColumn)
        var batch = Payment.Batch(amount: c.money("amount"))
        if batch.amount == nil, c.text("amount") == nil { c.problem(.missingValue, "amount") }
        batch.paidOn = c.day("paid_on")?.ordinal ?? Int32.min
        batch.item = c.code(item)
        // Spaces inside an account number are dropped; a plain cell (no space of any kind,
        // `FastPath.isPlain`) is kept as it is, without walking it character by character.
        p.account = c.ownText("account").map { FastPath.isPlain($0) ? $0 : $0.filter { !$0.isWhitespace } }
        batch.fund = c.code(fund)
        batch.payer = c.code(payer)
        batch.classID = c.code(classID)
        p.setBatch(code: lastBatch.code(for: batch) { tables.paymentBatches.intern($0) })
        p.holder = c.ownText("holder").map(NameReader.normalize)
        sink.payments.append(p)
    }
}
