#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings a CSV from a Chinese office comes in.
public enum TextEncoding: String, Sendable {
    case utf8
    /// UTF-8 with a byte-order mark (the mark is dropped).
    case utf8BOM
    /// GBK and its superset GB18030, what Excel and WPS write on Chinese Windows.
    case gb18030
    /// UTF-16, little-endian (Excel's "Unicode 文本" export: tab-separated, with a BOM)
    /// or big-endian; UTF-32 likewise. All read through iconv.
    case utf16LE, utf16BE, utf32LE, utf32BE

    /// True for the encodings read as UTF-8 bytes with no transcoding.
    var isUTF8: Bool { self == .utf8 || self == .utf8BOM }

    /// Bytes of the byte-order mark the file starts with (dropped before transcoding).
    var markLength: Int {
        switch self {
        case .utf8BOM: return 3
        case .utf16LE, .utf16BE: return 2
        case .utf32LE, .utf32BE: return 4
        case .utf8, .gb18030: return 0
        }
    }

    /// The iconv name of an encoding that is transcoded to UTF-8.
    var iconvName: String? {
        switch self {
        case .utf8, .utf8BOM: return nil
        case .gb18030: return "GB18030"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .utf32LE: return "UTF-32LE"
        case .utf32BE: return "UTF-32BE"
        }
    }

    /// Line feeds can be searched for as single 0x0A bytes (so a big file can be cut at
    /// one): not in UTF-16 or UTF-32, where a line feed is two or four bytes and 0x0A is
    /// also part of other characters.
    var cutsAtLineFeeds: Bool { isUTF8 || self == .gb18030 }

    /// The encoding a byte-order mark names, and the mark's length.
    static func fromMark(_ head: [UInt8]) -> TextEncoding? {
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LE }
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BE }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    /// UTF-16 without a mark, told by where its NUL bytes fall: mostly Latin and digits
    /// (a CSV's separators, numbers and IDs) put a NUL in every other byte.
    static func unmarkedUTF16(_ sample: [UInt8]) -> TextEncoding? {
        let pairs = sample.count / 2
        guard pairs >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in 0..<pairs {
            if sample[2 * i] == 0 { evenZero += 1 }
            if sample[2 * i + 1] == 0 { oddZero += 1 }
        }
        if oddZero * 10 >= pairs * 3 && evenZero * 50 <= pairs { return .utf16LE }
        if evenZero * 10 >= pairs * 3 && oddZero * 50 <= pairs { return .utf16BE }
        return nil
    }
}

/// Byte helpers shared by the readers.
enum UTF8Bytes {
    /// What stands at `i` (a non-ASCII lead byte position): a valid sequence of that many
    /// bytes, an invalid one to skip that many bytes past, or a sequence cut by the end.
    enum Sequence { case valid(Int), invalid(Int), cut }

    @inline(__always)
    static func sequence(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Sequence {
        let n = bytes.count
        var need: Int
        var minSecond: UInt8 = 0x80
        var maxSecond: UInt8 = 0xBF
        switch bytes[i] {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; minSecond = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; maxSecond = 0x9F
        case 0xF0: need = 3; minSecond = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; maxSecond = 0x8F
        default: return .invalid(1)
        }
        var k = 1
        while k <= need {
            if i + k >= n { return .cut }
            let c = bytes[i + k]
            let ok = k == 1 ? (c >= minSecond && c <= maxSecond) : (c & 0xC0 == 0x80)
            if !ok { return .invalid(k) }
            k += 1
        }
        return .valid(need + 1)
    }

    /// True when `bytes` is valid UTF-8. With `allowCutEnd`, an incomplete (but so far
    /// valid) sequence at the very end is accepted: a sample cut mid-character.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, allowCutEnd: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // The common case first: a three-byte character whose lead byte allows any
            // continuation bytes (all of CJK), as `sequence` would find.
            if (b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF, i + 2 < n,
               bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            switch sequence(at: i, in: bytes) {
            case .valid(let length): i += length
            case .invalid: return false
            case .cut: return allowCutEnd
            }
        }
        return true
    }

    /// How many invalid sequences `bytes` holds, in one pass (a bad byte counts once and
    /// the scan goes on after it); with `allowCutEnd`, an incomplete sequence at the very
    /// end is not counted.
    static func invalidCount(_ bytes: UnsafeBufferPointer<UInt8>, allowCutEnd: Bool) -> Int {
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] < 0x80 { i += 1; continue }
            switch sequence(at: i, in: bytes) {
            case .valid(let length): i += length
            case .invalid(let skip): count += 1; i += skip
            case .cut: return allowCutEnd ? count : count + 1
            }
        }
        return count
    }

    /// True when every byte is below 0x80, looked at eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// True when `text`'s UTF-8 is exactly `bytes` (so decoding them would give `text`,
    /// with nothing replaced).
    static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { t in
            t.count == bytes.count && (t.isEmpty || memcmp(t.baseAddress!, bytes.baseAddress!, t.count) == 0)
        } ?? false
    }

    /// The largest length ≤ `limit` that does not split a UTF-8 sequence, given that
    /// `bytes` holds more than `limit` bytes.
    static func cutLength(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard limit < bytes.count else { return bytes.count }
        var p = limit
        // Step back over continuation bytes (at most 3) to the start of a character.
        var steps = 0
        while p > 0 && steps < 4 && bytes[p] & 0xC0 == 0x80 { p -= 1; steps += 1 }
        return p
    }

    /// `text` cut to at most `limit` UTF-8 bytes at a character boundary.
    static func cut(_ text: String, limit: Int) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > limit else { return text }
        return bytes.withUnsafeBufferPointer { buf in
            String(decoding: UnsafeBufferPointer(rebasing: buf[0..<cutLength(buf, limit: limit)]), as: UTF8.self)
        }
    }

    /// Decodes bytes to a String, replacing invalid sequences with U+FFFD; returns how
    /// many replacements were made.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, replaced: Int) {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii || isValid(bytes, allowCutEnd: false) {
            return (String(decoding: bytes, as: UTF8.self), 0)
        }
        let s = String(decoding: bytes, as: UTF8.self)
        var inserted = 0
        for u in s.unicodeScalars where u == "\u{FFFD}" { inserted += 1 }
        // U+FFFD already present in the input (EF BF BD) is not a replacement.
        var present = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { present += 1; i += 3 } else { i += 1 }
        }
        return (s, max(0, inserted - present))
    }
}

/// GB18030 (or UTF-16, UTF-32) → UTF-8 through glibc iconv, chunk by chunk. Incomplete
/// multibyte sequences at a chunk's end (iconv's EINVAL) are carried into the next chunk.
/// An invalid byte (EILSEQ) is passed on as the byte 0xFF, which is never valid UTF-8:
/// the CSV parser then replaces it with U+FFFD, counts it and marks its row, as it does
/// for a bad byte in a UTF-8 file.
final class TranscodingDecoder {
    private let cd: iconv_t
    private var carry: [UInt8] = []
    /// Bytes skipped past an invalid sequence: one in GB18030, a code unit in UTF-16/32
    /// (so the rest stays aligned).
    private let unit: Int
    /// Invalid sequences met so far.
    private(set) var invalid = 0

    init?(_ encoding: TextEncoding) {
        guard let name = encoding.iconvName,
              let cd = iconv_open("UTF-8", name), cd != iconv_t(bitPattern: -1) else { return nil }
        self.cd = cd
        switch encoding {
        case .utf16LE, .utf16BE: unit = 2
        case .utf32LE, .utf32BE: unit = 4
        default: unit = 1
        }
    }

    deinit { iconv_close(cd) }

    /// How many invalid sequences iconv meets in `sample` (nil when iconv cannot convert
    /// from `encoding` at all); an incomplete sequence at the very end is not counted when
    /// `allowCutEnd`.
    static func invalidCount(_ sample: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, allowCutEnd: Bool) -> Int? {
        guard let dec = TranscodingDecoder(encoding) else { return nil }
        dec.convert(sample, final: !allowCutEnd) { _ in }
        return dec.invalid
    }

    /// Converts one chunk, calling `output` with UTF-8 bytes (possibly several times).
    /// `final` says no more input follows (a carried incomplete sequence is then invalid).
    func convert(_ input: UnsafeBufferPointer<UInt8>, final: Bool,
                 _ output: (UnsafeBufferPointer<UInt8>) -> Void) {
        var data = carry
        carry.removeAll()
        data.append(contentsOf: input)
        let outCapacity = max(4096, data.count * 2 + 16)
        var out = [UInt8](repeating: 0, count: outCapacity)
        data.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                func flush(_ outPtr: UnsafeMutablePointer<CChar>?) {
                    guard let outPtr else { return }
                    let written = UnsafeMutableRawPointer(outPtr) - UnsafeMutableRawPointer(outBase)
                    if written > 0 { output(UnsafeBufferPointer(start: outBase, count: written)) }
                }
                while inLeft > 0 {
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let err = r == -1 ? errno : 0
                    flush(outPtr)
                    if r != -1 { break }
                    if err == E2BIG { continue }
                    if err == EINVAL {
                        // Incomplete sequence at the end of this chunk.
                        if final {
                            // Nothing follows: its first unit is invalid, and what comes after
                            // it is decoded on its own (a part of a file cut after a line feed
                            // ends "9D 30 0A": the 0 and the line feed are text, as when the
                            // whole file is read).
                            invalid += 1
                            emitInvalid(output)
                            let step = min(unit, inLeft)
                            inPtr = inPtr.map { $0 + step }
                            inLeft -= step
                            iconv(cd, nil, nil, nil, nil)
                            continue
                        } else if let p = inPtr {
                            let start = UnsafeMutableRawPointer(p).assumingMemoryBound(to: UInt8.self)
                            carry = Array(UnsafeBufferPointer(start: start, count: inLeft))
                            inLeft = 0
                        }
                        break
                    }
                    // EILSEQ (or anything else): pass one unit on as invalid and go on.
                    invalid += 1
                    emitInvalid(output)
                    let step = min(unit, inLeft)
                    inPtr = inPtr.map { $0 + step }
                    inLeft -= step
                    iconv(cd, nil, nil, nil, nil)
                }
            }
        }
    }

    private func emitInvalid(_ output: (UnsafeBufferPointer<UInt8>) -> Void) {
        let marker: [UInt8] = [0xFF]
        marker.withUnsafeBufferPointer { output($0) }
    }
}
