/// Reads subsidy payout lines (补贴发放明细) into payments.
final class PaymentReader: RecordReader {
    let sheet: SheetReading

    init(_ sheet: SheetReading) { self.sheet = sheet }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        var p = Payment(source: c.source, id: c.id(), name: c.name())
        c.requirePresent(sheet.idColumn)
        c.requirePresent(sheet.nameColumn)
        p.amount = c.money("amount")
        if p.amount == nil, c.text("amount") == nil { c.problem(.missingValue, "amount") }
        p.paidOn = c.day("paid_on")
        p.item = c.text("item")
        p.account = c.ownText("account").map { $0.filter { !$0.isWhitespace } }
        p.fund = c.text("fund")
        p.payer = c.text("payer")
        p.classID = c.text("class_id")
        p.holder = c.ownText("holder").map(NameReader.normalize)
        sink.payments.append(p)
    }
}
