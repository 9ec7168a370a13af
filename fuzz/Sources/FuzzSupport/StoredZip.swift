/// A zip archive of uncompressed ("stored") entries, written from named parts, so that a
/// fuzzer can mutate an xlsx's XML directly instead of its deflate stream.
///
/// The fuzz input for this form is a list of parts: each part is a name, a line feed and
/// the part's bytes; parts are separated by NUL bytes. An input that begins with a zip's
/// signature (PK\3\4) is taken as a whole file instead.
public enum StoredZip {
    public static func isZip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    /// The (name, content) parts of a parts-list input; a part with an empty name is skipped.
    public static func parts(_ bytes: UnsafeRawBufferPointer) -> [(name: [UInt8], content: ArraySlice<UInt8>)] {
        let all = Array(bytes)
        var out: [(name: [UInt8], content: ArraySlice<UInt8>)] = []
        for piece in all.split(separator: 0, omittingEmptySubsequences: true) {
            let nl = piece.firstIndex(of: 0x0A) ?? piece.endIndex
            let name = Array(piece[piece.startIndex..<nl])
            if name.isEmpty { continue }
            let content = nl < piece.endIndex ? piece[(nl + 1)...] : []
            out.append((name, content))
        }
        return out
    }

    /// The inverse of `parts`: what a fixture's entries look like as fuzz input.
    public static func partsInput(_ entries: [(name: String, content: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, e) in entries.enumerated() {
            if i > 0 { out.append(0) }
            out += Array(e.name.utf8) + [0x0A] + e.content
        }
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    /// The archive's bytes.
    public static func archive(_ entries: [(name: [UInt8], content: ArraySlice<UInt8>)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { for k in 0..<4 { into.append(UInt8((v >> (8 * k)) & 0xFF)) } }
        for e in entries.prefix(0xFFFF) {
            let name = Array(e.name.prefix(0xFFFF))
            let crc = crc32(e.content)
            let size = UInt32(e.content.count)
            let offset = UInt32(out.count)
            // Local file header.
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out)
            u16(0, &out); u16(0x21, &out)  // time, date (1980-01-01)
            u32(crc, &out); u32(size, &out); u32(size, &out)
            u16(name.count, &out); u16(0, &out)
            out += name
            out += e.content
            // Central directory record.
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(size, &central); u32(size, &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += name
        }
        let cdOffset = UInt32(out.count)
        let n = min(entries.count, 0xFFFF)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(n, &out); u16(n, &out)
        u32(UInt32(central.count), &out); u32(cdOffset, &out); u16(0, &out)
        return out
    }
}
