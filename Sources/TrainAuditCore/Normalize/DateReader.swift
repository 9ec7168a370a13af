/// Dates, periods and times in the forms offices write them.
///
/// Every reader first folds the cell: trimmed, full-width digits and punctuation to ASCII
/// (２０１６．３．５, 08：01), runs of spaces to one. A blank cell or a placeholder
/// ("-", "—", "/", "无") is `.blank`; text that names no real day is `.invalid`.
public enum DateReader {
    /// Excel serial day numbers accepted as dates: 10000 (1927-05-18) to 99999 (2173).
    /// Shorter numbers are far more likely to be something else (an age, a count).
    static let serialRange = 10_000...99_999

    /// 2016-03-05, 2016/3/5, 2016.3.5, 2016年3月5日 (日 or 号 optional), 20160305,
    /// Excel serial 42434 (a fraction, 42434.5, is the time of day and is dropped),
    /// "2016-03-05 08:01:23" and "2016-03-05T08:01:23" (the time is checked and dropped).
    public static func day(_ cell: String) -> Parsed<Day> {
        var bytes = cell
        return bytes.withUTF8(fastDay) ?? generalDay(cell)
    }

    /// `day(_:)` of a cell's UTF-8 bytes: an ISO date is read from them, anything else from
    /// the String they make.
    static func day(utf8 cell: UnsafeBufferPointer<UInt8>) -> Parsed<Day> {
        fastDay(cell) ?? generalDay(String(decoding: cell, as: UTF8.self))
    }

    /// An ISO date (or date-time, its time dropped); nil for any other form.
    private static func fastDay(_ cell: UnsafeBufferPointer<UInt8>) -> Parsed<Day>? {
        FastPath.isoMoment(cell).map { fast in fast.day.map { .value($0) } ?? .invalid }
    }

    /// `day` without the fast path.
    private static func generalDay(_ cell: String) -> Parsed<Day> {
        let s = TextReader.folded(cell)
        if s.isEmpty || TextReader.isPlaceholder(s) { return .blank }
        if let serial = excelSerial(s) { return serial.day.map { .value($0) } ?? .invalid }
        var sc = DateScanner(s)
        guard let d = sc.fullDate() else { return .invalid }
        guard let day = d.day else { return .invalid }
        if sc.atEnd { return .value(day) }
        // A time after the date: accepted only when it is a valid time.
        guard sc.dateTimeSeparator(), let _ = sc.clock(), sc.atEnd else { return .invalid }
        return .value(day)
    }

    /// A training period in one cell, start to end. `.invalid` when either end is not a
    /// real day or the end is before the start (use `periodBounds` to see such a period).
    public static func period(_ cell: String) -> Parsed<ClosedRange<Day>> {
        switch periodBounds(cell) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .value(let b): return b.end >= b.start ? .value(b.start...b.end) : .invalid
        }
    }

    /// Both ends of a period as written, even when the end is before the start (a DQ
    /// finding the caller reports). Forms:
    /// 2016.3.1-2016.3.25, 2016.3.1—2016.3.25, 2016.03.01~2016.03.25, 2016/3/1至2016/3/25,
    /// 2016年3月1日至2016年3月25日, 2016年3月1日至3月25日, 2016年3月1日-25日, 2016.3.1-3.25,
    /// 20160301-20160325, spaces around the separator. Separators: - — – ~ ～ 至 到 －.
    /// When the end gives no year and its month is before the start's month
    /// (2016.12.20-1.10), it is read as the next year. A single date is a one-day period.
    public static func periodBounds(_ cell: String) -> Parsed<(start: Day, end: Day)> {
        let s = TextReader.folded(cell)
        if s.isEmpty || TextReader.isPlaceholder(s) { return .blank }
        var sc = DateScanner(s)
        guard let startParts = sc.fullDate(), let start = startParts.day else { return .invalid }
        if sc.atEnd { return .value((start, start)) }
        sc.skipSpaces()
        guard sc.rangeSeparator() else { return .invalid }
        sc.skipSpaces()
        let mark = sc.pos
        if let e = sc.fullDate(), sc.atEnd {
            guard let end = e.day else { return .invalid }
            return .value((start, end))
        }
        sc.pos = mark
        let (sy, sm, _) = start.components
        if let md = sc.monthDay(), sc.atEnd {
            let year = md.month < sm ? sy + 1 : sy
            guard let end = Day(year: year, month: md.month, day: md.day) else { return .invalid }
            return .value((start, end))
        }
        sc.pos = mark
        if let d = sc.dayOnly(), sc.atEnd {
            guard let end = Day(year: sy, month: sm, day: d) else { return .invalid }
            return .value((start, end))
        }
        return .invalid
    }

    /// 08:01, 8:01:23, 08：01, 8时1分, 8点01分, 8点, 8点半, 上午8:01, 下午2:30, 8:01 PM, an
    /// Excel day fraction (0.334); seconds since midnight.
    /// Conventions: 下午/晚上/傍晚/PM add 12 hours to an hour below 12; 中午 adds 12 to hours
    /// 1–5 (中午1点 = 13:00); AM/上午/早上/凌晨 leave the hour (12 AM becomes 0).
    /// Fractional seconds (08:01:23.500) are dropped. 24:00 is invalid.
    public static func time(_ cell: String) -> Parsed<Int32> {
        if let fast = FastPath.clockTime(cell) { return fast }
        return generalTime(cell)
    }

    /// `time` without the fast path: the definition the fast path must agree with.
    static func generalTime(_ cell: String) -> Parsed<Int32> {
        let s = TextReader.folded(cell)
        if s.isEmpty || TextReader.isPlaceholder(s) { return .blank }
        if let f = dayFraction(s) { return .value(f) }
        var sc = DateScanner(s)
        guard let t = sc.clock(), sc.atEnd else { return .invalid }
        return .value(t)
    }

    /// "2018-03-05 08:01:23", "2018/3/5 8:01", "2018-03-05T08:01:23", "2018年3月5日 8时1分",
    /// an Excel serial with a fraction (43164.334), or a time alone on `day`.
    /// A date without a time is `.invalid`: a moment needs its time.
    public static func moment(_ cell: String, on day: Day?) -> Parsed<Moment> {
        var bytes = cell
        return bytes.withUTF8 { fastMoment($0, on: day) } ?? generalMoment(cell, on: day)
    }

    /// `moment(_:on:)` of a cell's UTF-8 bytes: an ISO date-time or a clock time is read
    /// from them, anything else from the String they make.
    static func moment(utf8 cell: UnsafeBufferPointer<UInt8>, on day: Day?) -> Parsed<Moment> {
        fastMoment(cell, on: day) ?? generalMoment(String(decoding: cell, as: UTF8.self), on: day)
    }

    /// An ISO date-time, or a clock time alone; nil for any other form.
    private static func fastMoment(_ cell: UnsafeBufferPointer<UInt8>, on day: Day?) -> Parsed<Moment>? {
        if let fast = FastPath.isoMoment(cell), let t = fast.seconds { return fast.day.map { .value(Moment(day: $0, seconds: t)) } ?? .invalid }
        // A time alone (a sign-in's 07:41:23) is a moment on `day`; without a day it is invalid.
        if let fast = FastPath.clockTime(cell) {
            guard let day, case .value(let t) = fast else { return .invalid }
            return .value(Moment(day: day, seconds: t))
        }
        return nil
    }

    /// `moment` without the fast paths: the definition they must agree with.
    static func generalMoment(_ cell: String, on day: Day?) -> Parsed<Moment> {
        let s = TextReader.folded(cell)
        if s.isEmpty || TextReader.isPlaceholder(s) { return .blank }
        if let serial = excelSerial(s), serial.hasFraction {
            guard let d = serial.day else { return .invalid }
            return .value(Moment(day: d, seconds: serial.seconds))
        }
        var sc = DateScanner(s)
        if let d = sc.fullDate() {
            guard let dd = d.day, sc.dateTimeSeparator(), let t = sc.clock(), sc.atEnd else { return .invalid }
            return .value(Moment(day: dd, seconds: t))
        }
        if let day, case .value(let t) = generalTime(s) { return .value(Moment(day: day, seconds: t)) }
        return .invalid
    }

    /// An Excel serial day: 5 digits, optionally with a fraction of a day.
    static func excelSerial(_ s: String) -> (day: Day?, seconds: Int32, hasFraction: Bool)? {
        let b = Array(s.utf8)
        let dot = b.firstIndex(of: 0x2E) ?? b.count
        let intPart = b[..<dot], fracPart = dot < b.count ? b[(dot + 1)...] : []
        guard intPart.count == 5, intPart.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              fracPart.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), dot == b.count || !fracPart.isEmpty,
              let n = Int(String(decoding: intPart, as: UTF8.self)), serialRange.contains(n) else { return nil }
        let secs = fracPart.isEmpty ? 0 : fractionSeconds(fracPart)
        if secs >= 86_400 { return (Day(excelSerial: n + 1), 0, true) }
        return (Day(excelSerial: n), secs, !fracPart.isEmpty)
    }

    /// "0.334": a time as Excel stores it, a fraction of a day.
    static func dayFraction(_ s: String) -> Int32? {
        let b = Array(s.utf8)
        guard b.count >= 3, b[0] == 0x30, b[1] == 0x2E, b[2...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let secs = fractionSeconds(b[2...])
        return secs < 86_400 ? secs : nil
    }

    /// Seconds in a fraction of a day given by its decimal digits, rounded to the nearest
    /// second (exact decimal arithmetic on the first 15 digits).
    static func fractionSeconds(_ digits: ArraySlice<UInt8>) -> Int32 {
        var num: Int64 = 0, den: Int64 = 1
        for d in digits.prefix(15) { num = num * 10 + Int64(d - 0x30); den *= 10 }
        // round(num * 86400 / den) without overflow: 86400 * 10^15 > Int64.max, so split.
        let whole = num / den * 86_400
        let rest = num % den
        let q = rest.multipliedFullWidth(by: 86_400)
        let (quot, rem) = den.dividingFullWidth(q)
        return Int32(whole + quot + (rem * 2 >= den ? 1 : 0))
    }
}

/// A small scanner over a folded cell's Unicode scalars.
struct DateScanner {
    let s: [Unicode.Scalar]
    var pos = 0

    init(_ text: String) { s = Array(text.unicodeScalars) }

    var atEnd: Bool { pos >= s.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { pos + offset < s.count ? s[pos + offset] : nil }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }

    mutating func skipSpaces() { while let c = peek(), c == " " { pos += 1 } }

    /// A run of digits of length in `len`, not followed by another digit.
    mutating func number(_ len: ClosedRange<Int>) -> (value: Int, width: Int)? {
        var i = pos, v = 0
        while i < s.count, DateScanner.isDigit(s[i]), i - pos < len.upperBound {
            v = v * 10 + Int(s[i].value - 0x30); i += 1
        }
        let w = i - pos
        guard len.contains(w), !DateScanner.isDigit(i < s.count ? s[i] : nil) else { return nil }
        pos = i
        return (v, w)
    }

    mutating func eat(_ c: Unicode.Scalar) -> Bool {
        if peek() == c { pos += 1; return true }
        return false
    }

    mutating func eat(anyOf set: [Unicode.Scalar]) -> Unicode.Scalar? {
        if let c = peek(), set.contains(c) { pos += 1; return c }
        return nil
    }

    /// A date with a 4-digit year: Y-M-D, Y/M/D, Y.M.D, Y年M月D日, or YYYYMMDD.
    /// `day` is nil when the parts do not name a real day.
    mutating func fullDate() -> (y: Int, m: Int, d: Int, day: Day?)? {
        let start = pos
        if let compact = number(8...8) {
            let n = compact.value
            let (y, m, d) = (n / 10000, (n / 100) % 100, n % 100)
            return (y, m, d, Day(year: y, month: m, day: d))
        }
        pos = start
        guard let y = number(4...4) else { pos = start; return nil }
        if let sep = eat(anyOf: ["-", "/", "."]) {
            guard let m = number(1...2), eat(sep), let d = number(1...2) else { pos = start; return nil }
            return (y.value, m.value, d.value, Day(year: y.value, month: m.value, day: d.value))
        }
        skipSpaces()
        guard eat("年") else { pos = start; return nil }
        skipSpaces()
        guard let m = number(1...2) else { pos = start; return nil }
        skipSpaces()
        guard eat("月") else { pos = start; return nil }
        skipSpaces()
        guard let d = number(1...2) else { pos = start; return nil }
        eatDayMark()
        return (y.value, m.value, d.value, Day(year: y.value, month: m.value, day: d.value))
    }

    /// M.D, M/D, M-D or M月D日 (日/号 optional).
    mutating func monthDay() -> (month: Int, day: Int)? {
        let start = pos
        guard let m = number(1...2) else { return nil }
        if eat(anyOf: ["-", "/", "."]) != nil {
            guard let d = number(1...2) else { pos = start; return nil }
            return (m.value, d.value)
        }
        skipSpaces()
        guard eat("月") else { pos = start; return nil }
        skipSpaces()
        guard let d = number(1...2) else { pos = start; return nil }
        eatDayMark()
        return (m.value, d.value)
    }

    /// An optional 日 or 号 after the day, spaces allowed before it.
    mutating func eatDayMark() {
        let p = pos
        skipSpaces()
        if eat(anyOf: ["日", "号"]) == nil { pos = p }
    }

    /// D or D日: the end day of a period within the start's month.
    mutating func dayOnly() -> Int? {
        let start = pos
        guard let d = number(1...2) else { return nil }
        _ = eat(anyOf: ["日", "号"])
        if !atEnd { pos = start; return nil }
        return d.value
    }

    /// Range separators between the two ends of a period (after folding: ～ is ~, － is -).
    mutating func rangeSeparator() -> Bool {
        guard let c = eat(anyOf: ["-", "~", "\u{2014}", "\u{2013}", "\u{2012}", "\u{2015}", "\u{2212}",
                                  "\u{301C}", "至", "到"]) else { return false }
        // Doubled dashes: ——, --, ~~.
        while let n = peek(), n == c { pos += 1 }
        return true
    }

    /// Between a date and its time: spaces, or ISO's T.
    mutating func dateTimeSeparator() -> Bool {
        if eat("T") { return true }
        let p = pos
        skipSpaces()
        return pos > p
    }

    /// A clock time with an optional 上午/下午/AM/PM marker; seconds since midnight.
    mutating func clock() -> Int32? {
        let start = pos
        var meridiem: String? = nil
        for word in ["上午", "早上", "早晨", "凌晨", "中午", "下午", "傍晚", "晚上", "AM", "PM", "am", "pm"] where lookingAt(word) {
            meridiem = word
            pos += word.unicodeScalars.count
            skipSpaces()
            break
        }
        guard let h = number(1...2) else { pos = start; return nil }
        var minute = 0, second = 0
        if eat(":") {
            guard let m = number(2...2) ?? number(1...1) else { pos = start; return nil }
            minute = m.value
            if eat(":") {
                guard let sec = number(2...2) else { pos = start; return nil }
                second = sec.value
                if eat(".") { guard number(1...9) != nil else { pos = start; return nil } }
            }
        } else if eat("时") || eat("点") {
            if eat("半") {
                minute = 30
            } else if let m = number(1...2) {
                minute = m.value
                _ = eat("分")
                if let sec = number(1...2) {
                    second = sec.value
                    _ = eat("秒")
                }
            }
        } else {
            pos = start
            return nil
        }
        if meridiem == nil {
            skipSpaces()
            for word in ["AM", "PM", "am", "pm"] where lookingAt(word) {
                meridiem = word
                pos += 2
                break
            }
        }
        var hour = h.value
        switch meridiem {
        case "下午", "傍晚", "晚上", "PM", "pm":
            if hour < 12 { hour += 12 }
        case "中午":
            if (1...5).contains(hour) { hour += 12 }
        case "AM", "am":
            if hour == 12 { hour = 0 }
        default:
            break
        }
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { pos = start; return nil }
        return Int32(hour * 3600 + minute * 60 + second)
    }

    func lookingAt(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard pos + w.count <= s.count else { return false }
        return Array(s[pos..<(pos + w.count)]) == w
    }
}
