/// Byte-level fast paths for the cell forms that make up nearly every row of a large
/// file (ISO dates, plain 18-digit IDs, names and text with nothing to clean). Each
/// returns nil unless its answer is exactly what the general reader would give, so the
/// readers stay the single definition of what a cell means.
enum FastPath {
    /// True when the text has no byte the cleaners act on: no ASCII control or space,
    /// and only multi-byte characters outside the spaces, invisibles and full-width
    /// forms (lead bytes C2, E1, E2, E3 and EF cover all of those).
    static func isPlain(_ s: String) -> Bool {
        var plain = true
        var s = s
        s.withUTF8 { bytes in
            for b in bytes where b <= 0x20 || b == 0x7F || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF {
                plain = false
                return
            }
        }
        return plain
    }

    /// Plain CJK text (every character a 3-byte sequence with lead byte E4–E9, the CJK
    /// Unified Ideographs block): what most Chinese names are.
    static func isPlainCJK(_ s: String) -> Bool {
        var s = s
        return s.withUTF8(isPlainCJK)
    }

    /// `isPlainCJK` of valid UTF-8 bytes.
    static func isPlainCJK(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count % 3 == 0, !bytes.isEmpty else { return false }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0xE4 || b > 0xE9 { return false }
            i += 3
        }
        return true
    }

    /// YYYY-MM-DD, optionally followed by " HH:MM" or " HH:MM:SS": (day, seconds or nil).
    /// nil when the text is not exactly one of these shapes.
    static func isoMoment(_ b: UnsafeBufferPointer<UInt8>) -> (day: Day?, seconds: Int32?)? {
        guard b.count == 10 || b.count == 16 || b.count == 19 else { return nil }
        func digits(_ from: Int, _ n: Int) -> Int? {
            var v = 0
            for i in from..<from + n {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard b[4] == 0x2D, b[7] == 0x2D, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2) else { return nil }
        let day = Day(year: y, month: m, day: d)
        if b.count == 10 { return (day, nil) }
        guard b[10] == 0x20, b[13] == 0x3A, let hh = digits(11, 2), let mm = digits(14, 2) else { return nil }
        var ss = 0
        if b.count == 19 {
            guard b[16] == 0x3A, let v = digits(17, 2) else { return nil }
            ss = v
        }
        guard hh < 24, mm < 60, ss < 60 else { return nil }
        return (day, Int32(hh * 3600 + mm * 60 + ss))
    }

    /// A clock time alone: H:M, HH:MM, H:MM:SS or HH:MM:SS (hour 1–2 digits, minute 1–2,
    /// seconds exactly 2), the two time cells of every sign-in. `.value(seconds)` or
    /// `.invalid` (hour ≥ 24, minute or second ≥ 60) exactly as `DateReader.time` answers;
    /// nil when the text is any other shape (spaces, 上午, fractions…: the general path).
    static func clockTime(_ s: String) -> Parsed<Int32>? {
        var s = s
        return s.withUTF8 { clockTime($0) }
    }

    /// `clockTime` of a cell's UTF-8 bytes.
    static func clockTime(_ b: UnsafeBufferPointer<UInt8>) -> Parsed<Int32>? {
        let n = b.count
        guard n >= 3, n <= 8 else { return nil }
        var i = 0
        /// A run of 1 to `most` digits at i (the caller checks what follows).
        func run(_ most: Int) -> (value: Int, width: Int)? {
            var v = 0, w = 0
            while i < n, w < most, b[i] >= 0x30, b[i] <= 0x39 { v = v * 10 + Int(b[i] - 0x30); i += 1; w += 1 }
            return w == 0 ? nil : (v, w)
        }
        guard let h = run(2), i < n, b[i] == 0x3A else { return nil }
        i += 1
        guard let m = run(2) else { return nil }
        var sec = 0
        if i < n {
            guard b[i] == 0x3A else { return nil }
            i += 1
            guard let v = run(2), v.width == 2, i == n else { return nil }
            sec = v.value
        }
        guard h.value < 24, m.value < 60, sec < 60 else { return .invalid }
        return .value(Int32(h.value * 3600 + m.value * 60 + sec))
    }

    /// 11 ASCII digits, 1 then 3–9: a mobile number as it is written, which
    /// `PhoneReader.normalize` returns as it stands.
    static func isPlainMobile(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 11, b[0] == 0x31, b[1] >= 0x33, b[1] <= 0x39 else { return false }
        for c in b where c < 0x30 || c > 0x39 { return false }
        return true
    }

    /// True when `TextReader.clean` surely leaves something of the cell: it has a byte of
    /// printable ASCII or a CJK lead byte (`CellProjection.surelyText`). False says nothing.
    static func surelyNotBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where (c >= 0x21 && c <= 0x7E) || (c >= 0xE4 && c <= 0xE9) { return true }
        return false
    }

    /// 1 to 15 ASCII digits, no sign, no separator: a plain whole number.
    static func plainInteger(_ s: String) -> Int? {
        var s = s
        return s.withUTF8 { plainInteger($0) }
    }

    /// `plainInteger` of a cell's UTF-8 bytes.
    static func plainInteger(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 15 else { return nil }
        var v = 0
        for c in b {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }
}
