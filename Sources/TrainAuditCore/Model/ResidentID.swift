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
        var text = text
        // Read in place (no byte array): this runs for every row of every table.
        guard let id = text.withUTF8({ ResidentID(utf8: $0) }) else { return nil }
        self = id
    }

    /// From a cell's UTF-8 bytes, as `init(_:)`.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let read = Self.read(utf8: bytes) else { return nil }
        self = read.id
    }

    /// The ID in exactly 18 bytes (as `init(_:)`), and whether its check digit is right
    /// (`hasValidCheckDigit`), summed as the digits are read.
    static func read(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (id: ResidentID, validCheck: Bool)? {
        guard bytes.count == 18 else { return nil }
        // ISO 7064 MOD 11-2 weights of the 17 digits, first digit first (2^(17-k) mod 11).
        let weights: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        var body: UInt64 = 0, sum = 0
        let ok = withUnsafeBytes(of: weights) { w -> Bool in
            for k in 0..<17 {
                let b = bytes[k]
                guard b >= 0x30, b <= 0x39 else { return false }
                body = body * 10 + UInt64(b - 0x30)
                sum += Int(b - 0x30) * Int(w[k])
            }
            return true
        }
        guard ok else { return nil }
        let last = bytes[17]
        let check: Int
        if last >= 0x30, last <= 0x39 { check = Int(last - 0x30) } else if last == 0x58 { check = 10 } else { return nil }
        return (ResidentID(packed: body << 4 | UInt64(check)), check == (12 - sum % 11) % 11)
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
        // Weights of the 17 digits, last digit first (no arrays: this runs for every row).
        let weights: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) =
            (2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10, 9, 7)
        var rest = body, sum = 0
        withUnsafeBytes(of: weights) { w in
            for i in 0..<17 {
                sum += Int(rest % 10) * w.load(fromByteOffset: i * MemoryLayout<Int>.stride, as: Int.self)
                rest /= 10
            }
        }
        let checks: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2)
        return withUnsafeBytes(of: checks) { $0.load(fromByteOffset: (sum % 11) * MemoryLayout<Int>.stride, as: Int.self) }
    }

    public var hasValidCheckDigit: Bool { ResidentID.checkValue(forBody: body) == checkValue }

    /// The ID with a masked middle for reports that leave the audit team: 510502********123X.
    public var masked: String {
        let s = description
        return String(s.prefix(6)) + "********" + String(s.suffix(4))
    }
}
