/// Reads a poverty-registry extract (建档立卡) into compact registry entries coded in the
/// run's tables. 4 million rows at a province-year: the columns are looked up once.
final class RegistryReader: RecordReader {
    let sheet: SheetReading
    let relation, county, town, village, personStatus, povertyStatus, laborCapacity, studentStatus,
        workStatus, householdID, statusDate, phone, householdPhone: Column
    /// Profiles and their codes: a village's households share a few.
    private var profiles = RecentTable<RegistryRow.Profile>()

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
        var r = RegistryRow(id: c.id(), nameCode: c.nameCode(), profileCode: 0)
        c.requirePresent(sheet.idColumn)
        c.requirePresent(sheet.nameColumn)
        r.householdID = c.digitText(householdID)
        let profile = RegistryRow.Profile(
            relation: c.code(relation), county: c.code(county), town: c.code(town), village: c.code(village),
            personStatus: c.code(personStatus), povertyStatus: c.code(povertyStatus),
            laborCapacity: c.code(laborCapacity), studentStatus: c.code(studentStatus), workStatus: c.code(workStatus))
        r.profileCode = code(of: profile)
        if let d = c.day(statusDate) { r.statusOrdinal = d.ordinal }
        r.phone = DigitText(c.phone(phone) ?? c.phone(householdPhone), in: sheet.tables)
        sink.registry.append(r, source: c.source)
    }

    /// The run's code of `profile`, through the table of recent ones.
    private func code(of profile: RegistryRow.Profile) -> UInt32 {
        var hash = RecentTable<RegistryRow.Profile>.Hash()
        hash.add(profile.relation); hash.add(profile.county); hash.add(profile.town); hash.add(profile.village)
        hash.add(profile.personStatus); hash.add(profile.povertyStatus); hash.add(profile.laborCapacity)
        hash.add(profile.studentStatus); hash.add(profile.workStatus)
        let tables = sheet.tables
        return profiles.code(for: profile, hash: hash) { tables.profiles.intern($0) }
    }
}
