/// BIFF8 record ids ([MS-XLS] 2.3) the reader looks at.
enum BIFFRecordType {
    static let bof: UInt16 = 0x0809
    static let eof: UInt16 = 0x000A
    static let boundSheet: UInt16 = 0x0085
    static let sst: UInt16 = 0x00FC
    static let `continue`: UInt16 = 0x003C
    static let labelSST: UInt16 = 0x00FD
    static let label: UInt16 = 0x0204
    static let richString: UInt16 = 0x00D6
    static let number: UInt16 = 0x0203
    static let rk: UInt16 = 0x027E
    static let mulRK: UInt16 = 0x00BD
    static let boolErr: UInt16 = 0x0205
    static let blank: UInt16 = 0x0201
    static let mulBlank: UInt16 = 0x00BE
    static let formula: UInt16 = 0x0006
    static let string: UInt16 = 0x0207
    static let mergedCells: UInt16 = 0x00E5
    static let xf: UInt16 = 0x00E0
    static let format: UInt16 = 0x041E
    static let dateMode: UInt16 = 0x0022
    static let codePage: UInt16 = 0x0042
    static let filePass: UInt16 = 0x002F
    static let row: UInt16 = 0x0208
    /// BOF of BIFF2, BIFF3 and BIFF4 (Excel 2.x-4.x), which never sit in a compound file.
    static let oldBOFs: Set<UInt16> = [0x0009, 0x0209, 0x0409]
}

/// Reads the records of a BIFF stream one after another: a 4-byte header (type, length)
/// then the payload. The stream is read through a window, so memory holds one window
/// whatever the stream's size.
final class BIFFRecordReader {
    let stream: CFBStream
    private var window: [UInt8] = []
    private var windowStart = 0
    private static let windowSize = 256 * 1024

    /// Stream offset of the next record's header.
    private(set) var position = 0
    /// Stream offset of the current record's header.
    private(set) var recordOffset = 0
    private(set) var type: UInt16 = 0
    /// The current record's payload.
    private(set) var payload: [UInt8] = []

    init(stream: CFBStream) { self.stream = stream }

    func seek(to offset: Int) { position = offset }

    /// Moves to the next record; false at the end of the stream. A record whose payload
    /// runs past the stream's end is a truncated file.
    func next() throws -> Bool {
        guard position + 4 <= stream.size else { return false }
        try ensure(position, 4)
        let h = position - windowStart
        type = UInt16(window[h]) | UInt16(window[h + 1]) << 8
        let length = Int(window[h + 2]) | Int(window[h + 3]) << 8
        guard position + 4 + length <= stream.size else {
            throw IngestError(file: stream.path, Localized(
                zh: "文件已损坏或被截断：工作簿流在偏移 \(position) 处的记录超出流的末尾",
                en: "the file is damaged or truncated: the record at offset \(position) of the workbook stream runs past its end"))
        }
        try ensure(position + 4, length)
        let p = position + 4 - windowStart
        payload.removeAll(keepingCapacity: true)
        payload.append(contentsOf: window[p..<(p + length)])
        recordOffset = position
        position += 4 + length
        return true
    }

    /// The type of the next record without moving, nil at the end.
    func peekType() throws -> UInt16? {
        guard position + 4 <= stream.size else { return nil }
        try ensure(position, 4)
        let h = position - windowStart
        return UInt16(window[h]) | UInt16(window[h + 1]) << 8
    }

    private func ensure(_ offset: Int, _ count: Int) throws {
        if offset >= windowStart && offset + count <= windowStart + window.count { return }
        try stream.read(at: offset, count: max(count, Self.windowSize), into: &window)
        windowStart = offset
    }
}

/// Little-endian reads from a record payload; out-of-range reads give 0 (a short record
/// is damaged, and reads as empty rather than crashing).
extension Array where Element == UInt8 {
    func u8(_ o: Int) -> Int { o >= 0 && o < count ? Int(self[o]) : 0 }
    func u16(_ o: Int) -> Int { o >= 0 && o + 1 < count ? Int(self[o]) | Int(self[o + 1]) << 8 : 0 }
    func u32(_ o: Int) -> UInt32 {
        guard o >= 0 && o + 3 < count else { return 0 }
        return UInt32(self[o]) | UInt32(self[o + 1]) << 8 | UInt32(self[o + 2]) << 16 | UInt32(self[o + 3]) << 24
    }
    func f64(_ o: Int) -> Double {
        guard o >= 0 && o + 7 < count else { return 0 }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(self[o + k]) << (8 * UInt64(k)) }
        return Double(bitPattern: bits)
    }
}

/// How the 8-bit ("compressed") characters of BIFF8 strings are decoded.
///
/// [MS-XLS] says they are the low bytes of UTF-16 code units (Latin-1), and Excel writes
/// CODEPAGE 1200 in every BIFF8 file. Some exporters of Chinese systems instead put GBK
/// bytes there and declare CODEPAGE 936: for such a file an 8-bit string with bytes ≥ 0x80
/// that decodes as GB18030 is read as GBK; anything else stays Latin-1.
struct BIFFStringDecoder {
    var codePage = 1200

    var bytesAreGBK: Bool { codePage == 936 }

    func compressed(_ bytes: ArraySlice<UInt8>) -> String {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if bytesAreGBK, let text = Self.gbk(Array(bytes)) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// GBK/GB18030 bytes to text; nil when they are not valid GB18030.
    static func gbk(_ bytes: [UInt8]) -> String? {
        guard let decoder = TranscodingDecoder(.gb18030) else { return nil }
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { buf in
            decoder.convert(buf, final: true) { out.append(contentsOf: $0) }
        }
        return decoder.invalid > 0 ? nil : String(decoding: out, as: UTF8.self)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// A string that may run on through CONTINUE records ([MS-XLS] 2.5.293, 2.4.265 SST): the
/// payloads as segments, read as one byte sequence, except that character data crossing
/// into a new segment starts with one byte telling whether the rest is 8- or 16-bit.
struct BIFFContinuedBytes {
    var segments: [[UInt8]]
    private(set) var segment = 0
    private(set) var offset = 0

    init(segments: [[UInt8]]) { self.segments = segments }

    var atEnd: Bool {
        var s = segment, o = offset
        while s < segments.count && o >= segments[s].count { s += 1; o = 0 }
        return s >= segments.count
    }

    struct Short: Error {}

    /// Skips to the next non-exhausted segment.
    private mutating func settle() {
        while segment < segments.count && offset >= segments[segment].count { segment += 1; offset = 0 }
    }

    mutating func byte() throws -> Int {
        settle()
        guard segment < segments.count else { throw Short() }
        let b = segments[segment][offset]
        offset += 1
        return Int(b)
    }

    mutating func u16() throws -> Int { try byte() | (try byte()) << 8 }
    mutating func u32() throws -> Int { try u16() | (try u16()) << 16 }

    /// Skips `n` bytes that are not characters (rich-text runs, phonetic data).
    mutating func skip(_ n: Int) throws {
        var left = n
        while left > 0 {
            settle()
            guard segment < segments.count else { throw Short() }
            let take = min(left, segments[segment].count - offset)
            offset += take
            left -= take
        }
    }

    /// `count` characters, 16-bit when `wide`; a new segment reached in the middle
    /// restates the width in its first byte. At most `maxBytes` UTF-8 bytes are kept;
    /// `cut` says whether some were dropped.
    mutating func characters(_ count: Int, wide: Bool, decoder: BIFFStringDecoder,
                             maxBytes: Int) throws -> (text: String, cut: Bool) {
        var left = count
        var wide = wide
        var text = ""
        var cut = false
        while left > 0 {
            guard segment < segments.count else { throw Short() }
            if offset >= segments[segment].count {
                // Character data goes on in the next segment, after a byte restating the
                // width (also when the characters begin exactly at a segment's start:
                // xlrd and LibreOffice read it so).
                segment += 1
                offset = 0
                guard segment < segments.count, !segments[segment].isEmpty else { throw Short() }
                wide = segments[segment][0] & 1 == 1
                offset = 1
                continue
            }
            let seg = segments[segment]
            let width = wide ? 2 : 1
            let take = min(left, (seg.count - offset) / width)
            if take == 0 {
                // A lone odd byte at a segment's end: damaged; go on with the next.
                offset = seg.count
                continue
            }
            let slice = seg[offset..<(offset + take * width)]
            if text.utf8.count <= maxBytes {
                text += wide ? BIFFStringDecoder.utf16(slice) : decoder.compressed(slice)
            } else {
                cut = true
            }
            offset += take * width
            left -= take
        }
        if text.utf8.count > maxBytes {
            text = UTF8Bytes.cut(text, limit: maxBytes)
            cut = true
        }
        return (text, cut)
    }

    /// An XLUnicodeRichExtendedString ([MS-XLS] 2.5.293): the SST's item, its rich-text
    /// runs and phonetic data skipped.
    mutating func richExtendedString(decoder: BIFFStringDecoder, maxBytes: Int) throws -> (text: String, cut: Bool) {
        let count = try u16()
        let flags = try byte()
        let runs = flags & 0x08 != 0 ? try u16() : 0
        let ext = flags & 0x04 != 0 ? try u32() : 0
        let text = try characters(count, wide: flags & 1 == 1, decoder: decoder, maxBytes: maxBytes)
        try skip(4 * runs)
        try skip(ext)
        return text
    }
}

/// Strings inside a single record payload.
enum BIFFStrings {
    /// XLUnicodeString (16-bit count) at `offset`: the text and the offset after it. In a
    /// record whose string runs on into CONTINUE records, pass them as `more`.
    static func unicode(_ p: [UInt8], at offset: Int, more: [[UInt8]] = [], decoder: BIFFStringDecoder,
                        maxBytes: Int) -> (text: String, cut: Bool) {
        guard offset + 3 <= p.count else { return ("", false) }
        var reader = BIFFContinuedBytes(segments: [Array(p[(offset + 3)...])] + more)
        let count = p.u16(offset)
        let wide = p[offset + 2] & 1 == 1
        let rich = p[offset + 2] & 0x08 != 0
        let ext = p[offset + 2] & 0x04 != 0
        // LABEL and STRING use plain XLUnicodeString; tolerate writers that flag rich or
        // phonetic parts by skipping their counts (they come before the characters).
        if rich || ext {
            var header = BIFFContinuedBytes(segments: [Array(p[(offset + 3)...])] + more)
            var skipBytes = 0
            if rich { skipBytes += 2 }
            if ext { skipBytes += 4 }
            try? header.skip(skipBytes)
            reader = header
        }
        return (try? reader.characters(count, wide: wide, decoder: decoder, maxBytes: maxBytes)) ?? ("", true)
    }

    /// ShortXLUnicodeString (8-bit count), as in BOUNDSHEET.
    static func short(_ p: [UInt8], at offset: Int, decoder: BIFFStringDecoder) -> String {
        guard offset + 2 <= p.count else { return "" }
        let count = p.u8(offset)
        let wide = p[offset + 1] & 1 == 1
        let start = offset + 2
        let end = min(p.count, start + count * (wide ? 2 : 1))
        guard start <= end else { return "" }
        return wide ? BIFFStringDecoder.utf16(p[start..<end]) : decoder.compressed(p[start..<end])
    }
}

/// Cell values of BIFF8 records.
enum BIFFValues {
    /// An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the high 30 bits of a double,
    /// optionally divided by 100.
    static func rk(_ raw: UInt32) -> Double {
        var v: Double
        if raw & 0x02 != 0 {
            v = Double(Int32(bitPattern: raw) >> 2)
        } else {
            v = Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        }
        if raw & 0x01 != 0 { v /= 100 }
        return v
    }

    /// Error codes of BOOLERR and FORMULA ([MS-XLS] 2.5.10 BErr).
    static func errorText(_ code: Int) -> String {
        switch code {
        case 0x00: return "#NULL!"
        case 0x07: return "#DIV/0!"
        case 0x0F: return "#VALUE!"
        case 0x17: return "#REF!"
        case 0x1D: return "#NAME?"
        case 0x24: return "#NUM!"
        case 0x2A: return "#N/A"
        case 0x2B: return "#GETTING_DATA"
        default: return "#N/A"
        }
    }
}
