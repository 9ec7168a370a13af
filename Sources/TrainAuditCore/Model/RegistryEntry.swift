/// How a person of the poverty-registry extract (建档立卡) is stored: 48 bytes.
///
/// 4 million at a province-year, so stored compactly like `SignInRow`: the name is its
/// cell's bytes kept in the run's `RunTables` (a reference, `nameRef`), and the nine texts
/// that describe a person's place and status are two codes: one for the place (county,
/// town, village), which the rows of a village repeat one after another, and one for the
/// relation and statuses, of which a registry has a few hundred combinations. (One code
/// for all nine had nearly as many combinations as households: 160,028 of 400,000 rows at
/// bench scale 0.1, so nearly every row missed the reader's table of recent ones and took
/// the run table's lock.) Texts of one person stay Strings. The person number (人编号) and
/// the bank account (银行卡号) are not kept: no check reads them, and the source row leads an
/// auditor to them (the account was a heap String per person, 4 million of them at a
/// province-year). The source row is kept beside the rows (`RegistryPart`): rows come in
/// order, one place after another.
struct RegistryRow: Sendable {
    var id: IDReading
    var nameCode: UInt32
    /// A code in `RunTables.registryPlaces`.
    var placeCode: UInt32
    /// A code in `RunTables.registryStatuses`.
    var statusCode: UInt32
    var statusOrdinal = Int32.min  // Int32.min: no status date
    /// The name cell as read, in `RunTables.registryNames`: most registry names are never
    /// read back, so they are not interned. 0: the name is `nameCode` (blank, set, or a cell
    /// the store could not take).
    var nameRef: UInt32 = 0
    var householdID = DigitText.none
    var phone = DigitText.none

    init(id: IDReading, nameCode: UInt32, placeCode: UInt32, statusCode: UInt32) {
        self.id = id
        self.nameCode = nameCode
        self.placeCode = placeCode
        self.statusCode = statusCode
    }

    /// Where the person is registered, as text codes.
    struct Place: Hashable, Sendable {
        var county: UInt32 = 0, town: UInt32 = 0, village: UInt32 = 0
    }

    /// The relation to the head of household and the statuses, as text codes.
    struct Statuses: Hashable, Sendable {
        var relation: UInt32 = 0, personStatus: UInt32 = 0, povertyStatus: UInt32 = 0
        var laborCapacity: UInt32 = 0, studentStatus: UInt32 = 0, workStatus: UInt32 = 0
    }
}

/// A person in the poverty-registry extract (建档立卡), as checks read it: a stored
/// `RegistryRow` and its run's tables, decoded property by property.
///
/// An entry from `AuditData.registry` is valid while that `AuditData` is: the reference to
/// the run's tables is not counted (`unowned(unsafe)`).
public struct RegistryEntry: Sendable {
    var stored: RegistryRow
    public var source: SourceRef
    unowned(unsafe) let tables: RunTables

    @inline(__always)
    init(_ stored: RegistryRow, source: SourceRef, in tables: RunTables) {
        self.stored = stored
        self.source = source
        self.tables = tables
    }

    /// An entry of its own, outside any run (tests): its texts are kept in
    /// `RunTables.detached`.
    public init(source: SourceRef, id: IDReading, name: String) {
        let tables = RunTables.detached
        self.tables = tables
        self.source = source
        self.stored = RegistryRow(id: id, nameCode: tables.code(name), placeCode: tables.blankRegistryPlace,
                                  statusCode: tables.blankRegistryStatuses)
    }

    public var id: IDReading {
        get { stored.id }
        set { stored.id = newValue }
    }
    public var householdID: String? {
        get { stored.householdID.text(in: tables) }
        set { stored.householdID = DigitText(newValue, in: tables) }
    }
    /// The household number as a grouping code, nil when blank (no text made).
    var householdCode: DigitText? { stored.householdID.isBlank(in: tables) ? nil : stored.householdID }
    public var phone: String? {
        get { stored.phone.text(in: tables) }
        set { stored.phone = DigitText(newValue, in: tables) }
    }

    var place: RegistryRow.Place {
        @inline(__always) get { tables.registryPlaces.value(of: stored.placeCode) }
        set { stored.placeCode = tables.registryPlaces.intern(newValue) }
    }

    var statuses: RegistryRow.Statuses {
        @inline(__always) get { tables.registryStatuses.value(of: stored.statusCode) }
        set { stored.statusCode = tables.registryStatuses.intern(newValue) }
    }

    public var name: String {
        get { stored.nameRef != 0 ? tables.registryName(stored.nameRef) : tables.text(stored.nameCode) ?? "" }
        set { stored.nameCode = tables.code(newValue); stored.nameRef = 0 }
    }
    public var relation: String? {
        get { tables.text(statuses.relation) }
        set { statuses.relation = tables.code(newValue) }
    }
    public var county: String? {
        get { tables.text(place.county) }
        set { place.county = tables.code(newValue) }
    }
    public var town: String? {
        get { tables.text(place.town) }
        set { place.town = tables.code(newValue) }
    }
    public var village: String? {
        get { tables.text(place.village) }
        set { place.village = tables.code(newValue) }
    }
    public var personStatus: String? {
        get { tables.text(statuses.personStatus) }
        set { statuses.personStatus = tables.code(newValue) }
    }
    public var povertyStatus: String? {
        get { tables.text(statuses.povertyStatus) }
        set { statuses.povertyStatus = tables.code(newValue) }
    }
    public var laborCapacity: String? {
        get { tables.text(statuses.laborCapacity) }
        set { statuses.laborCapacity = tables.code(newValue) }
    }
    public var studentStatus: String? {
        get { tables.text(statuses.studentStatus) }
        set { statuses.studentStatus = tables.code(newValue) }
    }
    public var workStatus: String? {
        get { tables.text(statuses.workStatus) }
        set { statuses.workStatus = tables.code(newValue) }
    }
    public var statusDate: Day? {
        get { stored.statusOrdinal == Int32.min ? nil : Day(ordinal: stored.statusOrdinal) }
        set { stored.statusOrdinal = newValue?.ordinal ?? Int32.min }
    }
}

extension RegistryEntry: CustomStringConvertible {
    /// Every field, decoded (the stored codes mean nothing outside their run).
    public var description: String {
        let texts = [relation, county, town, village, personStatus, povertyStatus, laborCapacity, studentStatus,
                     workStatus, householdID, phone].map { String(describing: $0) }
        return "RegistryEntry(source: \(source.label), id: \(id), name: \(name), statusDate: \(String(describing: statusDate)), "
            + "texts: \(texts.joined(separator: ", ")))"
    }
}
