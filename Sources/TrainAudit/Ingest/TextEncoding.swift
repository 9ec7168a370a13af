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
}

/// Byte helpers shared by the readers.
enum UTF8Bytes {
    /// True when `bytes` is valid UTF-8. With `allowCutEnd`, an incomplete (but so far
    /// valid) sequence at the very end is accepted: a sample cut mid-character.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, allowCutEnd: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need: Int
            var minSecond: UInt8 = 0x80
            var maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; maxSecond = 0x9F
            case 0xF0: need = 3; minSecond = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; maxSecond = 0x8F
            default: return false
            }
            var k = 1
            while k <= need {
                if i + k >= n { return allowCutEnd }
                let c = bytes[i + k]
                if k == 1 {
                    if c < minSecond || c > maxSecond { return false }
                } else if c & 0xC0 != 0x80 {
                    return false
                }
                k += 1
            }
            i += need + 1
        }
        return true
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

/// GB18030 → UTF-8 through glibc iconv, chunk by chunk. Incomplete multibyte sequences at
/// a chunk's end (iconv's EINVAL) are carried into the next chunk; invalid bytes (EILSEQ)
/// become U+FFFD and are counted.
final class GB18030Decoder {
    private let cd: iconv_t
    private var carry: [UInt8] = []
    private(set) var replaced = 0

    init?() {
        guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else { return nil }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// True when iconv converts `sample` without an invalid sequence; an incomplete
    /// sequence at the very end is accepted when `allowCutEnd`.
    static func accepts(_ sample: UnsafeBufferPointer<UInt8>, allowCutEnd: Bool) -> Bool {
        guard let dec = GB18030Decoder() else { return false }
        var ok = true
        dec.convert(sample, final: !allowCutEnd, stopOnInvalid: true) { _ in } onInvalid: { ok = false }
        return ok
    }

    /// Converts one chunk, calling `output` with UTF-8 bytes (possibly several times).
    /// `final` says no more input follows (a carried incomplete sequence is then invalid).
    func convert(_ input: UnsafeBufferPointer<UInt8>, final: Bool,
                 stopOnInvalid: Bool = false,
                 _ output: (UnsafeBufferPointer<UInt8>) -> Void,
                 onInvalid: () -> Void = {}) {
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
                            onInvalid()
                            if stopOnInvalid { return }
                            replaced += 1
                            emitReplacement(output)
                            inLeft = 0
                        } else if let p = inPtr {
                            let start = UnsafeMutableRawPointer(p).assumingMemoryBound(to: UInt8.self)
                            carry = Array(UnsafeBufferPointer(start: start, count: inLeft))
                            inLeft = 0
                        }
                        break
                    }
                    // EILSEQ (or anything else): replace one byte and go on.
                    onInvalid()
                    if stopOnInvalid { return }
                    replaced += 1
                    emitReplacement(output)
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                    iconv(cd, nil, nil, nil, nil)
                }
            }
        }
    }

    private func emitReplacement(_ output: (UnsafeBufferPointer<UInt8>) -> Void) {
        let fffd: [UInt8] = [0xEF, 0xBF, 0xBD]
        fffd.withUnsafeBufferPointer { output($0) }
    }
}
