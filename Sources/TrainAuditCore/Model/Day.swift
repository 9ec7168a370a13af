/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01 so that it
/// compares and subtracts as an integer.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// nil when the components do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146097 + doe - 719468)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Excel's serial day numbers count from 1899-12-30 (the 1900 leap-year bug included).
    public init(excelSerial: Int) { ordinal = Int32(excelSerial - 25569) }

    public static func + (d: Day, n: Int) -> Day { Day(ordinal: d.ordinal + Int32(n)) }
    public static func - (a: Day, b: Day) -> Int { Int(a.ordinal - b.ordinal) }
    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO 8601: 2016-03-05.
    public var description: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    /// Whole years of age on `day` for someone born on `self`.
    public func age(on day: Day) -> Int {
        let b = components, d = day.components
        var age = d.year - b.year
        if (d.month, d.day) < (b.month, b.day) { age -= 1 }
        return age
    }
}

/// A moment on a day, to the second; what sign-in records carry.
public struct Moment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var day: Day
    public var seconds: Int32  // since midnight

    public init(day: Day, seconds: Int32) {
        self.day = day
        self.seconds = seconds
    }

    /// Seconds since 1970-01-01 00:00 (local civil time, no zone: the sheets have none).
    public var absolute: Int64 { Int64(day.ordinal) * 86400 + Int64(seconds) }

    public static func < (a: Moment, b: Moment) -> Bool { a.absolute < b.absolute }

    public var description: String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day) \(two(h)):\(two(m)):\(two(s))"
    }
}
