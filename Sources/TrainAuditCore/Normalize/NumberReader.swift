/// Numbers as offices type them: thousands separators (1,600 and 1，600), full-width
/// digits, a ¥ prefix, a unit suffix (元, 学时, 课时, 小时, 人, 天), spaces around.
///
/// Blank: an empty cell, and the placeholders "-", "—", "——", "–", "/", "\\", "无".
/// Offices type these for "none" or "zero"; they are reported as `.blank`, exactly like
/// an empty cell, and the caller decides what blank means (usually: no amount).
/// Invalid: text in Chinese numerals (壹仟), NaN, inf, misplaced thousands separators
/// (1,60), 万 (a scale this reader does not guess), anything else that is not a number.
/// Scientific notation (1e3, 1.6E+03) is accepted.
public enum NumberReader {
    public static func number(_ cell: String) -> Parsed<Double> {
        if let v = FastPath.plainInteger(cell) { return .value(Double(v)) }
        switch decimal(cell) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .value(let d):
            guard let v = Double(d.text), v.isFinite else { return .invalid }
            return .value(v)
        }
    }

    /// Money in fen (1/100 yuan), so sums are exact. The decimal text is converted without
    /// going through Double ("0.29" is exactly 29 fen). More than two decimals are rounded
    /// half away from zero (1.005 → 101 fen). Amounts beyond Int64 fen are invalid.
    public static func money(_ cell: String) -> Parsed<Int64> {
        if let v = FastPath.plainInteger(cell) { return .value(Int64(v) * 100) }
        switch decimal(cell) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .value(let d): return d.scaled(by: 2, rounding: true).map { .value($0) } ?? .invalid
        }
    }

    /// A whole number: "1600", "1,600", "1600.0", "1.6e3". "800.5" is invalid.
    public static func integer(_ cell: String) -> Parsed<Int> {
        if let v = FastPath.plainInteger(cell) { return .value(v) }
        switch decimal(cell) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .value(let d): return d.scaled(by: 0, rounding: false).map { .value(Int($0)) } ?? .invalid
        }
    }

    /// Units stripped from the end of a number cell.
    static let units = ["元", "学时", "课时", "小时", "人", "天"]

    /// The exact decimal a cell holds: value = ±digits × 10^exponent.
    struct DecimalText {
        var negative: Bool
        var digits: [UInt8]  // ASCII digits, no leading zeros (may be empty for 0)
        var exponent: Int

        var text: String {
            (negative ? "-" : "") + (digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)) + "e\(exponent)"
        }

        /// value × 10^places as an Int64; nil on overflow, or when not whole and
        /// `rounding` is false.
        func scaled(by places: Int, rounding: Bool) -> Int64? {
            let e = exponent + places
            var keep = digits
            var roundUp = false
            if e < 0 {
                // Beyond the digits themselves, dropped places are all zeros: cap them.
                let drop = min(-e, keep.count + 1)
                let dropped: ArraySlice<UInt8>
                if drop >= keep.count {
                    dropped = ArraySlice(repeating: 0x30, count: drop - keep.count) + keep[...]
                    keep = []
                } else {
                    dropped = keep[(keep.count - drop)...]
                    keep = Array(keep[..<(keep.count - drop)])
                }
                if dropped.contains(where: { $0 != 0x30 }) {
                    guard rounding else { return nil }
                    roundUp = dropped.first! >= 0x35
                }
            } else {
                guard e <= 19 else { return digits.isEmpty ? 0 : nil }
                keep += [UInt8](repeating: 0x30, count: e)
            }
            var v: Int64 = 0
            for d in keep {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d - 0x30))
                guard !o1, !o2 else { return nil }
                v = a
            }
            if roundUp {
                let (a, o) = v.addingReportingOverflow(1)
                guard !o else { return nil }
                v = a
            }
            return negative ? -v : v
        }
    }

    static func decimal(_ cell: String) -> Parsed<DecimalText> {
        var s = TextReader.folded(cell)
        if s.isEmpty || TextReader.isPlaceholder(s) { return .blank }
        if s.hasPrefix("\u{A5}") { s.removeFirst() }  // ¥ (￥ is folded to ¥)
        for u in units where s.hasSuffix(u) {
            s.removeLast(u.count)
            break
        }
        let b = Array(s.utf8).filter { $0 != 0x20 }
        if b.isEmpty { return .invalid }  // a unit alone
        var i = 0
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        // Integer part, with thousands separators checked: 1,600 but not 1,60.
        var intDigits: [UInt8] = []
        var groupLen = 0, sawComma = false
        while i < b.count, isDigit(b[i]) || b[i] == 0x2C {
            if b[i] == 0x2C {
                guard groupLen > 0, !sawComma || groupLen == 3, sawComma || groupLen <= 3 else { return .invalid }
                sawComma = true
                groupLen = 0
            } else {
                intDigits.append(b[i])
                groupLen += 1
            }
            i += 1
        }
        if sawComma && groupLen != 3 { return .invalid }
        var fracDigits: [UInt8] = []
        if i < b.count, b[i] == 0x2E {
            i += 1
            while i < b.count, isDigit(b[i]) { fracDigits.append(b[i]); i += 1 }
        }
        guard !intDigits.isEmpty || !fracDigits.isEmpty else { return .invalid }
        var exp = 0
        if i < b.count, b[i] == 0x45 || b[i] == 0x65 {
            i += 1
            var expNeg = false
            if i < b.count, b[i] == 0x2D || b[i] == 0x2B { expNeg = b[i] == 0x2D; i += 1 }
            let start = i
            while i < b.count, isDigit(b[i]) {
                if exp < 100_000 { exp = exp * 10 + Int(b[i] - 0x30) }
                i += 1
            }
            guard i > start else { return .invalid }
            if expNeg { exp = -exp }
        }
        guard i == b.count else { return .invalid }
        var digits = intDigits + fracDigits
        while digits.first == 0x30 { digits.removeFirst() }
        if digits.isEmpty { negative = false }
        return .value(DecimalText(negative: negative, digits: digits, exponent: exp - fracDigits.count))
    }
}

/// Phone numbers, digits only.
///
/// Mobile: 11 digits starting with 1 (second digit 3–9), after dropping +86 / 0086 / 86,
/// spaces, dashes, parentheses and a number cell's ".0". Landline: 10–12 digits starting
/// with 0 (area code with its 0, then 7–8 digits: 0954-1234567 → 09541234567), or a
/// local number of 7–8 digits not starting with 0 or 1.
/// Blank: empty, and "无", "暂无", "没有", "空", "-", "—", "/".
/// Invalid: anything else, including two numbers in one cell and scientific notation.
public enum PhoneReader {
    /// `normalize(_:)` of a cell's UTF-8 bytes: a plain mobile number is taken as it
    /// stands, anything else read from the String they make.
    static func normalize(utf8 cell: UnsafeBufferPointer<UInt8>) -> Parsed<String> {
        let s = String(decoding: cell, as: UTF8.self)
        return FastPath.isPlainMobile(cell) ? .value(s) : normalize(s)
    }

    public static func normalize(_ cell: String) -> Parsed<String> {
        var c = cell
        if c.withUTF8(FastPath.isPlainMobile) { return .value(cell) }
        let f = TextReader.folded(cell)
        if f.isEmpty || TextReader.isPlaceholder(f) || ["暂无", "没有", "空"].contains(f) { return .blank }
        var b = Array(f.utf8)
        while let first = b.first, first == 0x27 || first == 0x60 { b.removeFirst() }  // leading apostrophe
        if b.isEmpty { return .blank }
        if let dot = b.firstIndex(of: 0x2E), dot > 0, b.count - dot >= 2, b[(dot + 1)...].allSatisfy({ $0 == 0x30 }) {
            b = Array(b[..<dot])  // number cell: 13812345678.0
        }
        var plus = false
        if b.first == 0x2B { plus = true; b.removeFirst() }
        var digits: [UInt8] = []
        for c in b {
            switch c {
            case 0x30...0x39: digits.append(c)
            case 0x20, 0x2D, 0x28, 0x29: continue  // space, -, ( )
            default: return .invalid
            }
        }
        if digits.isEmpty { return .invalid }
        var hadCountryCode = false
        if digits.starts(with: [0x30, 0x30, 0x38, 0x36]) { digits.removeFirst(4); hadCountryCode = true }
        else if plus {
            guard digits.starts(with: [0x38, 0x36]) else { return .invalid }
            digits.removeFirst(2); hadCountryCode = true
        } else if digits.count == 13, digits.starts(with: [0x38, 0x36, 0x31]) { digits.removeFirst(2); hadCountryCode = true }
        if hadCountryCode, let first = digits.first, first != 0x31, first != 0x30 { digits.insert(0x30, at: 0) }
        let s = String(decoding: digits, as: UTF8.self)
        if digits.count == 11, digits[0] == 0x31, (0x33...0x39).contains(digits[1]) { return .value(s) }
        if (10...12).contains(digits.count), digits[0] == 0x30, digits[1] != 0x30 { return .value(s) }
        if !hadCountryCode, (7...8).contains(digits.count), digits[0] != 0x30, digits[0] != 0x31 { return .value(s) }
        return .invalid
    }

    /// 138****5678: the first 3 and last 4 digits kept. Shorter numbers are returned as is.
    public static func masked(_ phone: String) -> String {
        guard phone.count >= 7 else { return phone }
        return String(phone.prefix(3)) + String(repeating: "*", count: phone.count - 7) + String(phone.suffix(4))
    }
}

/// Gender cells in text form: 男, 男性, 男士, M, Male → true; 女, 女性, 女士, F, Female → false
/// (case-insensitive). Numeric codes (1/2, 0/1) are `.invalid`: systems disagree on them
/// (GB/T 2261.1 uses 1 = 男, 2 = 女, others 0/1), so they are never guessed.
public enum GenderReader {
    public static func read(_ cell: String) -> Parsed<Bool> {
        let s = TextReader.folded(cell).lowercased()
        if s.isEmpty || TextReader.isPlaceholder(s) { return .blank }
        switch s {
        case "男", "男性", "男士", "m", "male": return .value(true)
        case "女", "女性", "女士", "f", "female": return .value(false)
        default: return .invalid
        }
    }
}

/// Pass/fail cells (鉴定或考核通过情况 and similar yes/no columns), read conservatively:
/// false: what the pack's `patterns.failed_assessment` matches (national: 0, 否, 不合格,
/// 未通过, 不通过, 考核不合格, 鉴定不合格, 未取证, 未取得证书, × ✗ ✘, N, no, false; none without it);
/// true: 1, 是, 合格, 通过, 已通过, 考核合格, 鉴定合格, 考核通过, 鉴定通过, 取得证书, 已取证, √ ✓ ✔, Y, yes, true.
/// Blank: empty, "-", "—", "/". Anything else (无, 缺考, 待考核, 良好, 2 …) is `.invalid`:
/// such cells are reported, not read as a pass or a fail. 1.0 / 0.0 from number cells count.
public enum FlagReader {
    public static func read(_ cell: String, failed: Pattern?) -> Parsed<Bool> {
        let s = TextReader.folded(cell).lowercased()
        if s.isEmpty || (TextReader.isPlaceholder(s) && s != "无") { return .blank }
        if failed?.matches(s) == true { return .value(false) }
        switch s {
        case "1", "1.0", "是", "合格", "通过", "已通过", "考核合格", "鉴定合格", "考核通过", "鉴定通过",
             "取得证书", "已取证", "√", "✓", "✔", "y", "yes", "true":
            return .value(true)
        default:
            return .invalid
        }
    }
}
