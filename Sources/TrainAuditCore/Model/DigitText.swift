/// A text of a compact record that is mostly digits (a household number, a phone): up to
/// 17 ASCII digits are kept in the 8 bytes themselves, any other text is a code in the
/// run's texts, and nil is 0. In place of a `String?` (16 bytes) in each of a
/// province-year's 4 million registry rows; equal texts have equal bits.
struct DigitText: Hashable, Sendable {
    private var bits: UInt64

    static let none = DigitText(bits: 0)
    private static let digitsTag: UInt64 = 1 << 63
    private static let valueMask: UInt64 = (1 << 57) - 1

    private init(bits: UInt64) { self.bits = bits }

    init(_ text: String?, in tables: RunTables) {
        guard let text else {
            bits = 0
            return
        }
        // 17 digits are below 2^57.
        if let (value, count) = asciiDigits(text, upTo: 17) {
            bits = Self.digitsTag | UInt64(count) << 57 | value
        } else {
            bits = UInt64(tables.code(text))
        }
    }

    /// The text of a cell's UTF-8 that is 1 to 17 ASCII digits and nothing else (cleaning
    /// leaves such a cell as it is): what `init(_:in:)` gives its String, without making it.
    /// nil for any other cell.
    init?(digits bytes: UnsafeBufferPointer<UInt8>) {
        guard let (value, count) = asciiDigits(bytes, upTo: 17) else { return nil }
        bits = Self.digitsTag | UInt64(count) << 57 | value
    }

    private var isDigits: Bool { bits & Self.digitsTag != 0 }

    func text(in tables: RunTables) -> String? {
        if bits == 0 { return nil }
        guard isDigits else { return tables.text(UInt32(truncatingIfNeeded: bits)) }
        return digitText(bits & Self.valueMask, count: Int((bits >> 57) & 0x1F))
    }

    /// Whether the text is nil or empty, without making it when it is digits.
    func isBlank(in tables: RunTables) -> Bool {
        bits == 0 || (!isDigits && (tables.text(UInt32(truncatingIfNeeded: bits))?.isEmpty ?? true))
    }
}

/// `DigitText` for bank accounts (16 to 19 digits): up to 19 ASCII digits kept in 16 bytes,
/// any other text a code in the run's texts, nil none. In place of a `String?` and the heap
/// string behind it (an account is longer than the 15 bytes Swift keeps inline).
struct LongDigitText: Hashable, Sendable {
    /// 0: nil; 1 to 19: that many digits, `value` their number; `textTag`: `value` a text code.
    private var count: UInt64
    private var value: UInt64

    static let none = LongDigitText(count: 0, value: 0)
    private static let textTag = UInt64.max

    private init(count: UInt64, value: UInt64) {
        self.count = count
        self.value = value
    }

    init(_ text: String?, in tables: RunTables) {
        guard let text else {
            self = .none
            return
        }
        // 19 digits are below 2^64.
        if let (value, count) = asciiDigits(text, upTo: 19) {
            self.init(count: UInt64(count), value: value)
        } else {
            self.init(count: Self.textTag, value: UInt64(tables.code(text)))
        }
    }

    func text(in tables: RunTables) -> String? {
        if count == 0 { return nil }
        if count == Self.textTag { return tables.text(UInt32(truncatingIfNeeded: value)) }
        return digitText(value, count: Int(count))
    }
}

/// The number that `text` spells in 1 to `limit` ASCII digits, and how many; nil for any
/// other text (empty, longer, any other character).
private func asciiDigits(_ text: String, upTo limit: Int) -> (value: UInt64, count: Int)? {
    var text = text
    return text.withUTF8 { asciiDigits($0, upTo: limit) }
}

/// `asciiDigits` of UTF-8 bytes.
private func asciiDigits(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> (value: UInt64, count: Int)? {
    guard !bytes.isEmpty, bytes.count <= limit else { return nil }
    var value: UInt64 = 0
    for b in bytes {
        guard b >= 0x30, b <= 0x39 else { return nil }
        value = value * 10 + UInt64(b - 0x30)
    }
    return (value, bytes.count)
}

/// `value` as `count` ASCII digits, leading zeros kept.
private func digitText(_ value: UInt64, count: Int) -> String {
    var value = value
    return String(unsafeUninitializedCapacity: count) { buffer in
        for i in stride(from: count - 1, through: 0, by: -1) {
            buffer[i] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
            value /= 10
        }
        return count
    }
}
