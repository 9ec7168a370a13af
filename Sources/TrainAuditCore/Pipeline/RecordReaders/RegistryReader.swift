/// Reads a poverty-registry extract (建档立卡) into compact registry entries coded in the
/// run's tables. 4 million rows at a province-year: the columns are looked up once.
final class RegistryReader: RecordReader {
    let sheet: SheetReading
    let relation, county, town, village, personStatus, povertyStatus, laborCapacity, studentStatus,
        workStatus, householdID, statusDate, phone, householdPhone: Column
    /// Places and their codes: a village's rows come one after another.
    private var places = RecentTable<RegistryRow.Place>()
    /// Relations and statuses and their codes: a registry has a few hundred combinations.
    private var statuses = RecentTable<RegistryRow.Statuses>()
    /// Where this reader keeps its names' bytes.
    private var names = ByteStore.Writer()

    init(_ sheet: SheetReading) {
        self.sheet = sheet
        let l = sheet.layout
        relation = Column("relation", l); county = Column("county", l); town = Column("town", l)
        village = Column("village", l); personStatus = Column("person_status", l)
        povertyStatus = Column("poverty_status", l); laborCapacity = Column("labor_capacity", l)
        studentStatus = Column("student_status", l); workStatus = Column("work_status", l)
        householdID = Column("household_id", l); statusDate = Column("status_date", l)
        phone = Column("phone", l); householdPhone = Column("household_phone", l)
    }

    func read(_ c: inout RowCells, into sink: inout RecordSink) {
        var r = RegistryRow(id: c.id(), nameCode: 0, placeCode: 0, statusCode: 0)
        if let ref = c.keptName(through: &names, in: self.sheet.tables.registryNames) { r.nameRef = ref } else { r.nameCode = c.nameCode() }
        c.requirePresent(sheet.idColumn)
        c.requirePresent(sheet.nameColumn)
        r.householdID = c.digitText(householdID)
        r.placeCode = code(of: RegistryRow.Place(county: c.code(county), town: c.code(town), village: c.code(village)))
        r.statusCode = code(of: RegistryRow.Statuses(
            relation: c.code(relation), personStatus: c.code(personStatus), povertyStatus: c.code(povertyStatus),
            laborCapacity: c.code(laborCapacity), studentStatus: c.code(studentStatus), workStatus: c.code(workStatus)))
        if let d = c.day(statusDate) { r.statusOrdinal = d.ordinal }
        r.phone = DigitText(c.phone(phone) ?? c.phone(householdPhone), in: sheet.tables)
        sink.registry.append(r, source: c.source)
    }

    /// The run's code of `place`, through the table of recent ones.
    private func code(of place: RegistryRow.Place) -> UInt32 {
        var hash = RecentHash()
        hash.add(place.county); hash.add(place.town); hash.add(place.village)
        let tables = sheet.tables
        return places.code(for: place, hash: hash) { tables.registryPlaces.intern($0) }
    }

    /// The run's code of `statuses`, through the table of recent ones.
    private func code(of statuses: RegistryRow.Statuses) -> UInt32 {
        var hash = RecentHash()
        hash.add(statuses.relation); hash.add(statuses.personStatus); hash.add(statuses.povertyStatus)
        hash.add(statuses.laborCapacity); hash.add(statuses.studentStatus); hash.add(statuses.workStatus)
        let tables = sheet.tables
        return self.statuses.code(for: statuses, hash: hash) { tables.registryStatuses.intern($0) }
    }
}
