/// Reads sign-in lines (考勤表/签到表) into compact sign-ins coded in the run's tables.
/// 24 million rows at a province-year: the columns are looked up once, and what repeats
/// from row to row is coded once.
final class AttendanceReader: RecordReader {
    let sheet: SheetReading
    let id, classID, date, session, checkIn, checkOut, method, device, location, photo, signature: Column
    /// Rows repeat their context, so it is interned (a lock) only when it changes.
    private var lastContext = LastCode<SignInRow.Context>()
    /// Recent signers and their codes: a class's roster signs in session after session.
    private var signers = RecentTable<SignInRow.Signer>()
    /// Recent ID cells and how they read: a class's IDs come back session after session.
    private let recentIDs = RecentIDs()

    init(_ sheet: SheetReading) {
        self.sheet = sheet
        let l = sheet.layout
        id = Column("id_number", l); classID = Column("class_id", l); date = Column("date", l)
        session = Column("session", l); checkIn = Column("check_in", l); checkOut = Column("check_out", l)
        method = Column("method", l); device = Column("device", l); location = Column("location", l)
        photo = Column("photo_hash", l); signature = Column("signature_hash", l)
    }

    deinit { recentIDs.deallocate() }

    /// The run's tables are shared by the readers of all files and parts, on two threads:
    /// they are reached only where a row needs them (a new signer, context or far moment),
    /// never held per row, so their reference count is not a cache line the processors
    /// take in turn.
    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        var context = SignInRow.Context(place: sheet.origin.placeCode, classID: c.code(classID), session: c.code(session),
                                        method: c.code(method), device: c.code(device), location: c.code(location))
        let signer = SignInRow.Signer(id: c.id(through: recentIDs), nameCode: c.nameCode())
        let signerCode = signers.code(for: signer, hash: signer.recentHash) { self.sheet.tables.signers.intern($0) }
        if !c.hasText(id), id.index != nil { c.problem(.missingValue, id.name) }
        var day = c.day(date)
        let inAt = c.moment(checkIn, on: day)
        let outAt = c.moment(checkOut, on: day)
        if day == nil { day = inAt?.day }
        if day == nil, c.text("date") == nil { c.problem(.missingValue, "date") }
        context.dayOrdinal = day?.ordinal ?? SignInRow.none
        let contextCode = lastContext.code(for: context) { self.sheet.tables.signInContexts.intern($0) }
        var row = SignInRow(signerCode: signerCode, contextCode: contextCode)
        row.inTime = SignInRow.Times.encode(inAt, from: context.dayOrdinal, far: self.sheet.tables.farMoments)
        row.outTime = SignInRow.Times.encode(outAt, from: context.dayOrdinal, far: self.sheet.tables.farMoments)
        var photoCode = c.code(photo)
        if photoCode == 0 { photoCode = c.code(signature) }
        sink.signIns.append(row, source: c.source, photoCode: photoCode)
    }
}
