/// Numbers as offices type them: thousands separators, full-width digits, 元 suffix,
/// blank for zero (blank is reported as blank; the caller decides what blank means).
public enum NumberReader {
    public static func number(_ cell: String) -> Parsed<Double> {
        var s = ""
        for scalar in cell.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: s.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: s.append(".")
            case 0x2C, 0xFF0C, 0x20, 0x3000, 0xA0: continue
            default: s.unicodeScalars.append(scalar)
            }
        }
        for suffix in ["元", "学时", "课时", "人", "天"] where s.hasSuffix(suffix) { s = String(s.dropLast(suffix.count)) }
        if s.isEmpty { return .blank }
        guard let v = Double(s), v.isFinite else { return .invalid }
        return .value(v)
    }

    /// Money in fen (1/100 yuan), so sums are exact.
    public static func money(_ cell: String) -> Parsed<Int64> {
        switch number(cell) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .value(let v):
            guard abs(v) < 1e13 else { return .invalid }
            return .value(Int64((v * 100).rounded()))
        }
    }

    public static func integer(_ cell: String) -> Parsed<Int> {
        switch number(cell) {
        case .blank: return .blank
        case .invalid: return .invalid
        case .value(let v):
            guard v == v.rounded(), abs(v) < 1e15 else { return .invalid }
            return .value(Int(v))
        }
    }
}

/// Phone numbers, digits only; mobile numbers are 11 digits starting with 1.
public enum PhoneReader {
    public static func normalize(_ cell: String) -> Parsed<String> {
        var s = ""
        for scalar in cell.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: s.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x30...0x39: s.unicodeScalars.append(scalar)
            case 0x20, 0x2D, 0x3000, 0xA0, 0x27, 0x28, 0x29, 0x2B, 0xFF0D: continue
            default: return .invalid
            }
        }
        if s.isEmpty { return .blank }
        if s.hasPrefix("86"), s.count == 13 { s.removeFirst(2) }
        if s.count == 11, s.hasPrefix("1") { return .value(s) }
        if (7...12).contains(s.count), s.hasPrefix("0") { return .value(s) }
        return .invalid
    }

    public static func masked(_ phone: String) -> String {
        guard phone.count >= 7 else { return phone }
        return String(phone.prefix(3)) + String(repeating: "*", count: phone.count - 7) + String(phone.suffix(4))
    }
}
