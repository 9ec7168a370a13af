#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a cell style shows a number: as a number, a date, a time of day, or both.
enum XLSXNumberKind: Sendable, Equatable {
    case number
    case date
    case time
    case dateTime
}

/// Number formats by cell style index (the `s` attribute), from xl/styles.xml.
struct XLSXStyles: Sendable {
    /// Kind per `cellXfs` index.
    var kinds: [XLSXNumberKind] = []

    func kind(ofStyle s: Int) -> XLSXNumberKind {
        s >= 0 && s < kinds.count ? kinds[s] : .number
    }

    /// Built-in number format ids that show dates or times (ECMA-376 18.8.30, plus the
    /// CJK ids Excel uses for 年月日 formats).
    static func builtInKind(_ id: Int) -> XLSXNumberKind? {
        switch id {
        case 14...17, 27...31, 36, 50...54, 57, 58: return .date
        case 18...21, 32...35, 45...47, 55, 56: return .time
        case 22: return .dateTime
        default: return nil
        }
    }

    /// Classifies a custom format code: y/m/d/h/s (either case) outside quotes, brackets
    /// like [Red] or [$-804], and escapes, make it a date or time. `[h]`, `[mm]`, `[ss]`
    /// (elapsed time) count as time.
    static func customKind(_ code: String) -> XLSXNumberKind {
        // Only the first section (positive numbers) matters for the kind.
        var date = false, time = false
        var inQuote = false
        var bytes = Array(code.utf8)
        // AM/PM and A/P contain letters that are not date parts.
        bytes = removing(bytes, Array("AM/PM".utf8))
        bytes = removing(bytes, Array("am/pm".utf8))
        bytes = removing(bytes, Array("A/P".utf8))
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inQuote {
                if b == 0x22 { inQuote = false }
                i += 1
                continue
            }
            switch b {
            case 0x22: inQuote = true
            case 0x5C, 0x5F, 0x2A: i += 1 // \x escape, _x space, *x fill: skip the next byte
            case 0x5B: // [ ... ]
                var j = i + 1
                var letters: [UInt8] = []
                while j < bytes.count && bytes[j] != 0x5D { letters.append(bytes[j] | 0x20); j += 1 }
                if !letters.isEmpty && letters.allSatisfy({ $0 == 0x68 || $0 == 0x6D || $0 == 0x73 }) { time = true }
                i = j
            case 0x3B: i = bytes.count // end of first section
            default:
                switch b | 0x20 {
                case 0x79, 0x64: date = true      // y d
                case 0x68, 0x73: time = true      // h s
                case 0x6D: date = true            // m: month, or minutes next to h/s (resolved below)
                default: break
                }
            }
            i += 1
        }
        if time {
            // "m" beside h or s is minutes: a date only if y or d appear too.
            let hasYD = hasLetter(bytes, [0x79, 0x64])
            return hasYD ? .dateTime : .time
        }
        return date ? .date : .number
    }

    private static func hasLetter(_ bytes: [UInt8], _ letters: [UInt8]) -> Bool {
        var inQuote = false
        var inBracket = false
        var skip = false
        for b in bytes {
            if skip { skip = false; continue }
            if inQuote { if b == 0x22 { inQuote = false }; continue }
            if inBracket { if b == 0x5D { inBracket = false }; continue }
            if b == 0x22 { inQuote = true; continue }
            if b == 0x5B { inBracket = true; continue }
            if b == 0x5C || b == 0x5F || b == 0x2A { skip = true; continue }
            if b == 0x3B { return false }
            if letters.contains(b | 0x20) { return true }
        }
        return false
    }

    /// The kind of each cell style, from its number format id. A custom format's code is
    /// classified once per id, not once per style that names it: 65,536 `<xf>` naming one
    /// 16 KB format classified 1 GiB of code, three times per read (a 4 KB workbook,
    /// fuzz/crashes/xlsx/slow-styles-one-format-65536-xfs.xlsx). `classifiedBytes`: the
    /// code bytes classified, at most the bytes of the formats (the tests bound it).
    static func kinds(formatIds: [Int], customFormats: [Int: String]) -> (kinds: [XLSXNumberKind], classifiedBytes: Int) {
        var known: [Int: XLSXNumberKind] = [:]
        var classified = 0
        let kinds = formatIds.map { id -> XLSXNumberKind in
            if let kind = known[id] { return kind }
            let kind: XLSXNumberKind
            if let code = customFormats[id] {
                classified += code.utf8.count
                kind = customKind(code)
            } else {
                kind = builtInKind(id) ?? .number
            }
            known[id] = kind
            return kind
        }
        return (kinds, classified)
    }

    private static func removing(_ bytes: [UInt8], _ needle: [UInt8]) -> [UInt8] {
        guard bytes.count >= needle.count, let first = needle.first else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first && i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                i += needle.count
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

/// Parses xl/styles.xml: `<numFmts>` and the `<xf>` entries of `<cellXfs>`.
final class XLSXStylesHandler: XMLHandler {
    var wantsText: Bool { false }
    private var customFormats: [Int: String] = [:]
    private var xfFormatIds: [Int] = []
    private var inCellXfs = false
    /// Excel keeps at most about 64,000 cell formats: entries past this many are ignored
    /// (their cells read as plain numbers), so a styles part of a million `<xf>` tags
    /// cannot grow memory.
    static let maxEntries = 65_536

    func start(_ tag: XMLTag, selfClosing: Bool) throws {
        if tag.named("numFmt") {
            if customFormats.count < Self.maxEntries,
               let id = tag.attribute("numFmtId").flatMap({ Int($0) }), let code = tag.attribute("formatCode") {
                customFormats[id] = code
            }
        } else if tag.named("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && tag.named("xf") && xfFormatIds.count < Self.maxEntries {
            xfFormatIds.append(tag.attribute("numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    func end(_ localName: UnsafeBufferPointer<UInt8>) throws {
        if XMLNames.equal(localName, "cellXfs") { inCellXfs = false }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}

    var styles: XLSXStyles {
        var s = XLSXStyles()
        s.kinds = XLSXStyles.kinds(formatIds: xfFormatIds, customFormats: customFormats).kinds
        return s
    }
}

/// Cell value rendering: numbers, dates, times, as the audit wants to read them.
enum XLSXValueText {
    /// Decodes the `_xHHHH_` escapes Excel writes in strings (ECMA-376 ST_Xstring): a CR
    /// in a cell is stored as `_x000D_`, a literal `_x` sequence as `_x005F_x…`.
    static func unescapeXString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        var out: [UInt8] = []
        var runStart = 0
        var i = 0
        while i + 6 < n {
            guard bytes[i] == 0x5F, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F else { i += 1; continue }
            var value: UInt32 = 0
            var ok = true
            for k in 2..<6 {
                let c = bytes[i + k]
                switch c {
                case 0x30...0x39: value = value * 16 + UInt32(c - 0x30)
                case 0x41...0x46: value = value * 16 + UInt32(c - 0x41 + 10)
                case 0x61...0x66: value = value * 16 + UInt32(c - 0x61 + 10)
                default: ok = false
                }
            }
            guard ok, let scalar = Unicode.Scalar(value) else { i += 1; continue }
            if out.isEmpty { out.reserveCapacity(n) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
            i += 7
            runStart = i
        }
        if runStart == 0 { return String(decoding: bytes, as: UTF8.self) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        return String(decoding: out, as: UTF8.self)
    }

    /// A number as the shortest decimal text (1600, not 1600.0) of its value to 15
    /// significant digits (0.1 + 0.2 is 0.3, as Excel shows it). Sixteen or more integer
    /// digits cannot be held by a spreadsheet: such a value is shown as Excel's General
    /// format shows it, 15 significant digits in scientific notation
    /// (5.10502199001011E+17), so that the ID reader reports the loss and never guesses.
    static func number(_ raw: String) -> String {
        let trimmed = raw.trimmingSpaces
        guard let v = Double(trimmed), v.isFinite else { return trimmed }
        return number(v)
    }

    /// A number cell's stored text when it is a whole resident ID: exactly 18 digits,
    /// a valid check digit and birth date, and not ending in 000. Writers that keep an
    /// integer (openpyxl, pandas' int64 columns) store all 18 digits, and the file still
    /// holds the ID; Excel and Calc store at most 15-17 significant digits (in E notation,
    /// or padded with zeros to 15 significant ones), which this never takes for an ID.
    /// The residual doubt: an ID padded to 16 or 17 significant digits whose last digits
    /// happen to make a valid check digit (1 in 11 of such cells) is taken as read.
    static func wholeID(_ raw: String) -> String? {
        let t = raw.utf8
        guard t.count == 18, t.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !raw.hasSuffix("000"),
              let id = ResidentID(raw), id.hasValidCheckDigit, id.birthDate != nil else { return nil }
        return raw
    }

    /// A stored double (an .xls cell) as `number(_: String)` shows the same value.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "#NUM!" : (v < 0 ? "-INF" : "INF") }
        if abs(v) >= 1e15 {
            return scientific15(v)
        }
        if v == v.rounded() {
            if v == 0 { return "0" }
            return String(Int64(v))
        }
        // 15 significant digits, as Excel shows a number and as Calc stores one in .xlsx
        // (0.333333333333333): 0.1 + 0.2 reads 0.3, and a value from an .xls (a full
        // double) reads as the same value from the .xlsx the same suite writes.
        let v = Double(cFormat("%.15g", v)) ?? v
        if v == v.rounded() {
            if v == 0 { return "0" }
            return String(Int64(v))
        }
        let d = v.description
        if d.contains("e") {
            // Tiny values: plain decimal without exponent, as General shows them.
            var s = String(format15: v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }
        return d
    }

    /// 15 significant digits, mantissa without trailing zeros: 5.10502199001011E+17.
    static func scientific15(_ v: Double) -> String {
        let s = cFormat("%.14E", v)
        guard let e = s.firstIndex(of: "E") else { return s }
        var mantissa = String(s[..<e])
        let exponent = String(s[e...])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + exponent
    }

    /// An Excel serial as "yyyy-mm-dd", " HH:MM:SS" added when it has a time part;
    /// "HH:MM:SS" alone for a value below 1 in a time format.
    static func date(_ raw: String, kind: XLSXNumberKind, date1904: Bool) -> String {
        let trimmed = raw.trimmingSpaces
        guard let v = Double(trimmed), v.isFinite, v >= 0, v < 2_958_466 else { return number(raw) }
        return date(v, kind: kind, date1904: date1904)
    }

    /// A stored double (an .xls cell) as `date(_: String, …)` shows the same value.
    static func date(_ v: Double, kind: XLSXNumberKind, date1904: Bool) -> String {
        guard v.isFinite, v >= 0, v < 2_958_466 else { return number(v) }
        var days = Int(v.rounded(.down))
        var seconds = Int(((v - Double(days)) * 86400).rounded())
        if seconds >= 86400 { days += 1; seconds -= 86400 }
        let time = String(format2: seconds / 3600) + ":" + String(format2: seconds / 60 % 60) + ":" + String(format2: seconds % 60)
        if v < 1 && (kind == .time || kind == .dateTime) { return time }
        if kind == .time && days == 0 { return time }
        // Days since 1970-01-01. 1900 system: serial 25569 = 1970-01-01; serials below 61
        // count Excel's fictitious 1900-02-29, so they are one day later than the formula.
        var unixDays: Int
        if date1904 {
            unixDays = days + 1462 - 25569
        } else {
            unixDays = days - 25569
            if days < 61 { unixDays += 1 }
        }
        let (y, m, d) = civil(fromDays: unixDays)
        let dateText = String(y) + "-" + String(format2: m) + "-" + String(format2: d)
        return seconds == 0 ? dateText : dateText + " " + time
    }

    /// Howard Hinnant's days → (year, month, day), proleptic Gregorian.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// A `t="d"` cell (ISO 8601 text): "2016-03-05T00:00:00" → "2016-03-05".
    static func isoDate(_ raw: String) -> String {
        var s = raw.trimmingSpaces
        if s.hasSuffix("Z") { s.removeLast() }
        if let dot = s.firstIndex(of: ".") , s.contains("T") { s = String(s[..<dot]) }
        s = String(s.map { $0 == "T" ? " " : $0 })
        if s.hasSuffix(" 00:00:00") { s.removeLast(9) }
        return s
    }
}

/// printf-style formatting of one Double (for %E / %f, which Swift lacks without Foundation).
func cFormat(_ format: String, _ v: Double) -> String {
    var buf = [CChar](repeating: 0, count: 400)
    let n = withVaList([v]) { vsnprintf(&buf, buf.count, format, $0) }
    let length = max(0, min(Int(n), buf.count - 1))
    return String(decoding: buf[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

extension String {
    init(format2 v: Int) {
        self = v < 10 ? "0" + String(v) : String(v)
    }

    init(format15 v: Double) {
        self = cFormat("%.15f", v)
    }

    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
