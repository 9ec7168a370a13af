/// An 18-character resident identity number (GB 11643-1999), the join key across tables.
///
/// Stored as one integer: the 17 leading digits times 16 plus the check character
/// (0–9, X = 10). Comparison and hashing are integer operations; the text is derived.
/// A ResidentID may have a wrong check digit or an impossible birth date: those are
/// findings about the ID, not reasons to lose the join.
public struct ResidentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let packed: UInt64

    public init(packed: UInt64) { self.packed = packed }

    /// From exactly 17 ASCII digits followed by 0–9 or X (upper case); nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 18 else { return nil }
        var body: UInt64 = 0
        for b in bytes.prefix(17) {
            guard b >= 0x30, b <= 0x39 else { return nil }
            body = body * 10 + UInt64(b - 0x30)
        }
        let last = bytes[17]
        let check: UInt64
        if last >= 0x30, last <= 0x39 { check = UInt64(last - 0x30) } else if last == 0x58 { check = 10 } else { return nil }
        packed = body << 4 | check
    }

    public var body: UInt64 { packed >> 4 }
    public var checkValue: Int { Int(packed & 0xF) }

    public var description: String {
        var digits = String(body)
        while digits.count < 17 { digits = "0" + digits }
        return digits + (checkValue == 10 ? "X" : String(checkValue))
    }

    public static func < (a: ResidentID, b: ResidentID) -> Bool { a.packed < b.packed }

    /// The 6-digit region code (GB/T 2260) the person was registered under.
    public var region: Int { Int(body / 100_000_000_000) }

    /// The birth date as written, if it names a real day.
    public var birthDate: Day? {
        let ymd = Int((body / 1000) % 100_000_000)
        return Day(year: ymd / 10000, month: (ymd / 100) % 100, day: ymd % 100)
    }

    /// The 3-digit sequence: odd for men, even for women.
    public var sequence: Int { Int(body % 1000) }
    public var isMale: Bool { sequence % 2 == 1 }

    /// ISO 7064 MOD 11-2 check value (10 = X) for 17 digits.
    public static func checkValue(forBody body: UInt64) -> Int {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var rest = body
        var digits = [Int](repeating: 0, count: 17)
        for i in stride(from: 16, through: 0, by: -1) {
            digits[i] = Int(rest % 10)
            rest /= 10
        }
        var sum = 0
        for i in 0..<17 { sum += digits[i] * weights[i] }
        return [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2][sum % 11]
    }

    public var hasValidCheckDigit: Bool { ResidentID.checkValue(forBody: body) == checkValue }

    /// The ID with a masked middle for reports that leave the audit team: 510502********123X.
    public var masked: String {
        let s = description
        return String(s.prefix(6)) + "********" + String(s.suffix(4))
    }
}
