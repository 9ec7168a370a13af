/// What was wrong with, or done to, an ID cell on the way to a ResidentID.
public enum IDIssue: String, Sendable, CaseIterable {
    /// Shown in scientific notation (5.10502E+17) or stored as a number of 16+ digits:
    /// the spreadsheet lost digits; the cell cannot give the ID back (`IDRepair` may infer
    /// it from the one agreeing person elsewhere, and says so).
    case scientificNotation
    /// Not 15 or 18 characters after cleaning.
    case wrongLength
    /// Characters other than digits (and a final X).
    case badCharacters
    /// A 15-digit legacy ID, converted to 18 digits (19 inserted, check digit computed).
    case converted15
    /// Check digit does not match ISO 7064 MOD 11-2.
    case badCheckDigit
    /// The 8 birth-date digits do not name a real day.
    case badBirthDate
    /// A number cell (not text) that still holds all 18 digits with a valid check digit:
    /// read, but the next save in Excel keeps 15 significant digits and loses the ID.
    case storedAsNumber
    /// The cell's ID was lost or mistyped, and the ID is the one person elsewhere in the
    /// run with the same name and an ID that agrees with what the cell still holds
    /// (`IDRepair`): used for the joins, at lowered confidence, and always said.
    case inferred

    /// A short description for evidence and reports.
    public var note: Localized {
        switch self {
        case .scientificNotation:
            return Localized(zh: "证件号码被表格软件显示为科学计数法，已丢失位数，无法恢复",
                             en: "ID shown in scientific notation: digits were lost and cannot be recovered")
        case .wrongLength:
            return Localized(zh: "证件号码位数不是15或18位", en: "ID is not 15 or 18 characters long")
        case .badCharacters:
            return Localized(zh: "证件号码含有非数字字符", en: "ID contains characters other than digits and a final X")
        case .converted15:
            return Localized(zh: "15位旧身份证号已转换为18位（补19并重算校验码）",
                             en: "15-digit legacy ID converted to 18 digits (19 inserted, check digit computed)")
        case .badCheckDigit:
            return Localized(zh: "证件号码校验码错误", en: "ID check digit is wrong (ISO 7064 MOD 11-2)")
        case .badBirthDate:
            return Localized(zh: "证件号码中的出生日期不存在", en: "ID birth date is not a real day")
        case .storedAsNumber:
            return Localized(zh: "证件号码以数字格式保存（18位尚在），在 Excel 中再次保存将只剩15位有效数字",
                             en: "ID stored as a number (all 18 digits still there); saved again in Excel it keeps only 15 significant digits")
        case .inferred:
            return Localized(zh: "证件号码系据同名人员在其他表中的号码推定", en: "ID inferred from the same-named person's ID in another table")
        }
    }
}

/// The result of reading one ID cell.
///
/// Kept small (12 bytes, no reference): every record of every table has one, 28 million
/// at a province-year. The ID is stored packed; what little else there is (the issues,
/// the cell's texts when they differ from the ID's own) is a code in a process-wide
/// table, 0 for the usual clean cell.
public struct IDReading: Hashable, Sendable {
    /// `ResidentID.packed`, or `noID`.
    private var packedID: UInt64
    /// 0, or a code in `IDReading.table`.
    private var detailCode: UInt32

    private static let noID = UInt64.max

    /// The issues as bits (one per `IDIssue` case, in declaration order) and the cell's
    /// texts (nil: the ID's own).
    private struct Detail: Hashable, Sendable {
        var issueBits: UInt8 = 0
        var raw: ExactText?
        var cleaned: ExactText?
        static let none = Detail()
    }

    private static let table = InternTable<Detail>()

    private var detail: Detail {
        get { detailCode == 0 ? .none : Self.table.value(of: detailCode) }
        set { detailCode = newValue == .none ? 0 : Self.table.intern(newValue) }
    }

    /// A cheap hash of the reading, for a reader's table of recent ones (`RecentTable`).
    var recentHash: RecentHash {
        var h = RecentHash()
        h.add(UInt32(truncatingIfNeeded: packedID))
        h.add(UInt32(truncatingIfNeeded: packedID >> 32))
        h.add(detailCode)
        return h
    }

    /// The ID, when the cleaned text has the shape of one (even with a bad check digit).
    public var id: ResidentID? {
        get { packedID == Self.noID ? nil : ResidentID(packed: packedID) }
        set { packedID = newValue?.packed ?? Self.noID }
    }

    /// What is wrong with the cell. Readers note issues in `IDIssue`'s declaration order,
    /// each once; that is the order they come back in.
    public var issues: [IDIssue] {
        get {
            let bits = detail.issueBits
            if bits == 0 { return [] }
            return IDIssue.allCases.enumerated().compactMap { bits & (1 << $0.offset) != 0 ? $0.element : nil }
        }
        set {
            var bits: UInt8 = 0
            for issue in newValue { bits |= 1 << IDIssue.allCases.firstIndex(of: issue)! }
            detail.issueBits = bits
        }
    }

    private var rawText: String? {
        get { detail.raw?.text }
        set { detail.raw = newValue.map(ExactText.init) }
    }

    private var cleanedText: String? {
        get { detail.cleaned?.text }
        set { detail.cleaned = newValue.map(ExactText.init) }
    }

    public init(raw: String, cleaned: String, id: ResidentID?, issues: [IDIssue]) {
        packedID = id?.packed ?? Self.noID
        detailCode = 0
        let own = id.map { $0.description }
        if raw != own { rawText = raw }
        if cleaned != own { cleanedText = cleaned }
        self.issues = issues
    }

    /// A cell that held exactly the ID's 18 characters.
    init(plain id: ResidentID, issues: [IDIssue]) {
        packedID = id.packed
        detailCode = 0
        if !issues.isEmpty { self.issues = issues }
    }

    /// The cell as it was.
    public var raw: String {
        get { rawText ?? id?.description ?? "" }
        set { rawText = newValue }
    }

    /// The cleaned text (full-width to ASCII, spaces, apostrophe, `.0`, lower-case x removed).
    /// For a converted 15-digit ID, the 18-digit form.
    public var cleaned: String {
        get { cleanedText ?? id?.description ?? "" }
        set { cleanedText = newValue }
    }

    public var isBlank: Bool { id == nil && (cleanedText ?? "").isEmpty }

    /// Whether `issues` is not empty, without making the list.
    var hasIssues: Bool { detailCode != 0 && detail.issueBits != 0 }

    /// An ID was read and nothing is wrong with it (a converted 15-digit ID, or one still
    /// whole in a number cell, counts as clean).
    public var isClean: Bool { id != nil && issues.allSatisfy { $0 == .converted15 || $0 == .storedAsNumber } }

    /// The ID was not read from the cell but inferred (`IDIssue.inferred`).
    public var isInferred: Bool { issues.contains(.inferred) }

    /// All issues, one per line, in the given language.
    public func note(lang: Lang) -> String { issues.map { $0.note.text(lang) }.joined(separator: "\n") }
}

public enum IDReader {
    /// Cells longer than this (in Unicode scalars) are not worth cleaning: reported as
    /// wrong length with the first characters kept.
    static let maxScalars = 64

    /// Reads a resident ID from a cell as offices export it.
    ///
    /// Accepted noise: full-width digits and X, spaces of every width inside (incl. NBSP
    /// and zero-width), a leading apostrophe (' ’ ‘ `) or Excel's `="…"` text trick, a
    /// trailing `.0` (or `.00`…) from a number cell, lower-case x.
    /// Scientific notation (5.10502E+17, 5.10502199001011e+17) is `.scientificNotation`
    /// with no id: never guessed. An 18-digit number ending in 000 that lost precision
    /// in a number cell cannot be told apart from a real ID here.
    /// A 15-digit legacy ID is converted to 18 digits: "19" inserted after the region,
    /// check digit computed (`.converted15`). A wrong check digit or impossible birth date
    /// still yields the id (it is still the join key), with the issue noted.
    public static func read(_ cell: String) -> IDReading {
        var bytes = cell
        return bytes.withUTF8(plainRead) ?? generalRead(cell)
    }

    /// `read(_:)` of a cell's UTF-8 bytes: a plain ID is read from them, anything else
    /// from the String they make.
    static func read(utf8 cell: UnsafeBufferPointer<UInt8>) -> IDReading {
        plainRead(cell) ?? generalRead(String(decoding: cell, as: UTF8.self))
    }

    /// A cell of exactly an ID's 18 characters (17 digits and a digit or X); nil otherwise.
    private static func plainRead(_ cell: UnsafeBufferPointer<UInt8>) -> IDReading? {
        guard let (id, validCheck) = ResidentID.read(utf8: cell) else { return nil }
        var issues: [IDIssue] = []
        if !validCheck { issues.append(.badCheckDigit) }
        if id.birthDate == nil { issues.append(.badBirthDate) }
        return IDReading(plain: id, issues: issues)
    }

    /// `read` without the plain-ID fast path.
    private static func generalRead(_ cell: String) -> IDReading {
        var reading = IDReading(raw: cell, cleaned: "", id: nil, issues: [])
        let scalars = Array(cell.unicodeScalars)
        if scalars.count > maxScalars * 4 {
            reading.cleaned = String(String.UnicodeScalarView(scalars.prefix(maxScalars)))
            reading.issues.append(.wrongLength)
            return reading
        }
        var out: [UInt8] = []   // ASCII bytes; non-ASCII scalars make the cell bad
        var nonASCII = false
        var other = String.UnicodeScalarView()  // cleaned text when non-ASCII stays
        for scalar in scalars {
            var v = scalar.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }  // full-width ASCII forms
            if TextReader.isSpaceScalar(v) || TextReader.isInvisibleScalar(v) { continue }
            // Combining marks and other non-ASCII characters: kept for the cleaned text.
            if v >= 0x80 {
                if v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D {  // ‘ ’ “ ”
                    out.append(v == 0x2018 || v == 0x2019 ? 0x27 : 0x22)
                    other.append(Unicode.Scalar(UInt8(v == 0x2018 || v == 0x2019 ? 0x27 : 0x22)))
                    continue
                }
                nonASCII = true
                other.append(scalar)
                continue
            }
            let b = UInt8(v)
            out.append(b == 0x78 ? 0x58 : b)  // x -> X
            other.append(Unicode.Scalar(b == 0x78 ? 0x58 : b))
        }
        if out.isEmpty && !nonASCII { return reading }
        if nonASCII {
            reading.cleaned = String(other)
            reading.issues.append(.badCharacters)
            return reading
        }
        // Excel's text tricks: ="510502…" and a leading apostrophe (or backtick).
        if out.first == 0x3D, out.count >= 3, out[1] == 0x22, out.last == 0x22 { out = Array(out[2..<(out.count - 1)]) }
        while let f = out.first, f == 0x27 || f == 0x60 { out.removeFirst() }
        if out.count >= 2, out.first == 0x22, out.last == 0x22 { out = Array(out[1..<(out.count - 1)]) }
        var text = String(decoding: out, as: UTF8.self)
        reading.cleaned = text
        if out.isEmpty { return reading }

        if isScientific(out) {
            reading.issues.append(.scientificNotation)
            return reading
        }
        // A number cell's ".0" (or ".00"): the integer part is the ID.
        if let dot = out.firstIndex(of: 0x2E), dot > 0, out[(dot + 1)...].allSatisfy({ $0 == 0x30 }), out.count - dot >= 2 {
            out = Array(out[..<dot])
            text = String(decoding: out, as: UTF8.self)
            reading.cleaned = text
        }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }

        if out.count == 15, out.allSatisfy(isDigit) {
            let body17 = Array(out[0..<6]) + [0x31, 0x39] + Array(out[6...])
            var body: UInt64 = 0
            for b in body17 { body = body * 10 + UInt64(b - 0x30) }
            let check = ResidentID.checkValue(forBody: body)
            let id = ResidentID(packed: body << 4 | UInt64(check))
            reading.cleaned = id.description
            reading.id = id
            reading.issues.append(.converted15)
            if id.birthDate == nil { reading.issues.append(.badBirthDate) }
            return reading
        }
        let shapeOK = out.allSatisfy { isDigit($0) || $0 == 0x58 } && !out.dropLast().contains(0x58)
        guard out.count == 18 else {
            reading.issues.append(shapeOK ? .wrongLength : .badCharacters)
            return reading
        }
        guard shapeOK, let id = ResidentID(text) else {
            reading.issues.append(.badCharacters)
            return reading
        }
        reading.id = id
        if !id.hasValidCheckDigit { reading.issues.append(.badCheckDigit) }
        if id.birthDate == nil { reading.issues.append(.badBirthDate) }
        return reading
    }

    /// digits [. digits] (e|E) [+|-] digits: how Excel shows a long number.
    static func isScientific(_ b: [UInt8]) -> Bool {
        var i = 0
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        var mantissa = 0
        while i < b.count, isDigit(b[i]) { i += 1; mantissa += 1 }
        if i < b.count, b[i] == 0x2E {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; mantissa += 1 }
        }
        guard mantissa > 0, i < b.count, b[i] == 0x45 || b[i] == 0x65 else { return false }
        i += 1
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        let expStart = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        return i == b.count && i > expStart
    }
}
