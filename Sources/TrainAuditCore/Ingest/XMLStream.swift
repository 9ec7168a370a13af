#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A small push-mode XML tokenizer for the subset that .xlsx parts use: elements,
// attributes, text, CDATA, comments and processing instructions (skipped), the five
// predefined entities and numeric character references. There is no DTD support at all:
// `<!DOCTYPE` (or any other `<!` declaration) is refused, so entities are never expanded.
//
// Why not Foundation's XMLParser: it takes the whole document as Data, or pulls from an
// InputStream, while ZIPFoundation pushes decompressed chunks (bridging the two needs a
// bound stream pair and a second thread); and it builds a String and an attribute
// dictionary per element, which dominates on a sheet with millions of `<c>` elements.
// Measured (release build, 17.7 MB xlsx from openpyxl, 189 MB sheet XML, 300k rows ×
// 11 columns): XMLParser with an empty delegate over the XML already in memory took
// 4.3 s and 575 MB RSS; this reader took 1.9–2.1 s and 24 MB RSS for the whole job
// (both zip passes, cell formatting, RawRow building). It works on bytes and builds
// Strings only for what a handler asks for.

enum XMLStreamError: Error {
    case doctype
    case malformed(String)
    case tokenTooLarge
}

enum XMLNames {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// The part of a qualified name after its prefix (`x:row` → `row`).
    static func local(_ name: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var i = name.count - 1
        while i >= 0 {
            if name[i] == 0x3A { return UnsafeBufferPointer(rebasing: name[(i + 1)...]) }
            i -= 1
        }
        return name
    }

    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard a.count == n else { return false }
        if n == 0 { return true }
        guard let base = a.baseAddress else { return false }
        return memcmp(base, s.utf8Start, n) == 0
    }
}

/// A start tag, valid only during the handler call.
struct XMLTag {
    let name: UnsafeBufferPointer<UInt8>
    let attributes: UnsafeBufferPointer<UInt8>

    var localName: UnsafeBufferPointer<UInt8> { XMLNames.local(name) }

    func named(_ s: StaticString) -> Bool { XMLNames.equal(localName, s) }

    /// The raw bytes (entities not decoded) of the attribute with this local name.
    /// With `prefixed`, only an attribute with a namespace prefix matches (`r:id`);
    /// otherwise only one without a prefix.
    func rawAttribute(_ wanted: StaticString, prefixed: Bool = false) -> UnsafeBufferPointer<UInt8>? {
        let a = attributes
        let n = a.count
        var i = 0
        while i < n {
            while i < n && XMLNames.isSpace(a[i]) { i += 1 }
            let nameStart = i
            while i < n && a[i] != 0x3D && !XMLNames.isSpace(a[i]) { i += 1 }
            let nameEnd = i
            while i < n && (XMLNames.isSpace(a[i]) || a[i] == 0x3D) { i += 1 }
            guard i < n else { return nil }
            let q = a[i]
            guard q == 0x22 || q == 0x27 else { return nil }
            i += 1
            let valueStart = i
            while i < n && a[i] != q { i += 1 }
            let valueEnd = min(i, n)
            i += 1
            let full = UnsafeBufferPointer(rebasing: a[nameStart..<nameEnd])
            let local = XMLNames.local(full)
            let hasPrefix = local.count != full.count
            if hasPrefix == prefixed && XMLNames.equal(local, wanted) {
                return UnsafeBufferPointer(rebasing: a[valueStart..<valueEnd])
            }
        }
        return nil
    }

    /// The attribute's value with entities decoded.
    func attribute(_ wanted: StaticString, prefixed: Bool = false) -> String? {
        guard let raw = rawAttribute(wanted, prefixed: prefixed) else { return nil }
        var out: [UInt8] = []
        XMLEntities.decode(raw, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

enum XMLEntities {
    /// Appends `bytes` to `out` with the predefined entities and character references
    /// decoded; anything else after `&` is kept literally.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = bytes.count
        var i = 0
        var runStart = 0
        while i < n {
            guard bytes[i] == 0x26 else { i += 1; continue }
            // Find ';' within a short distance.
            var j = i + 1
            while j < n && j - i <= 12 && bytes[j] != 0x3B { j += 1 }
            guard j < n && bytes[j] == 0x3B else { i += 1; continue }
            let name = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j])
            var replacement: UInt32?
            if XMLNames.equal(name, "lt") { replacement = 0x3C }
            else if XMLNames.equal(name, "gt") { replacement = 0x3E }
            else if XMLNames.equal(name, "amp") { replacement = 0x26 }
            else if XMLNames.equal(name, "quot") { replacement = 0x22 }
            else if XMLNames.equal(name, "apos") { replacement = 0x27 }
            else if name.count >= 2 && name[0] == 0x23 {
                var value: UInt32 = 0
                var ok = true
                let hex = name[1] == 0x78 || name[1] == 0x58
                for k in (hex ? 2 : 1)..<name.count {
                    let c = name[k]
                    var d: UInt32
                    switch c {
                    case 0x30...0x39: d = UInt32(c - 0x30)
                    case 0x61...0x66 where hex: d = UInt32(c - 0x61 + 10)
                    case 0x41...0x46 where hex: d = UInt32(c - 0x41 + 10)
                    default: ok = false; d = 0
                    }
                    if !ok { break }
                    value = value &* (hex ? 16 : 10) &+ d
                    if value > 0x10FFFF { ok = false; break }
                }
                if ok && name.count > (hex ? 2 : 1) { replacement = value }
            }
            guard let scalarValue = replacement else { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
            i = j + 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
    }
}

protocol XMLHandler: AnyObject {
    /// When false, the tokenizer does not decode or deliver text (a faster scan).
    var wantsText: Bool { get }
    func start(_ tag: XMLTag, selfClosing: Bool) throws
    func end(_ localName: UnsafeBufferPointer<UInt8>) throws
    /// Decoded text, possibly in several pieces for one text node.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// Push tokenizer: `feed` chunks of any size, then `finish`.
final class XMLTokenizer<H: XMLHandler> {
    let handler: H
    /// An incomplete token kept from the previous chunk (and what was fed after it).
    private var pending: [UInt8] = []
    /// How many bytes `pending` held when the tokenizer last failed to finish its token:
    /// it is tried again only once `pending` has doubled, so a token cut into many chunks
    /// (a quote never closed, a comment never ended) costs linear time, not quadratic.
    private var stuck = 0
    private var scratch: [UInt8] = []
    /// A single tag, comment or CDATA section larger than this is refused.
    let maxTokenBytes: Int
    /// Bytes handed to the scanner so far, rescans included (the tests bound it).
    private(set) var scannedBytes = 0

    init(handler: H, maxTokenBytes: Int = 16 << 20) {
        self.handler = handler
        self.maxTokenBytes = maxTokenBytes
    }

    func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        if pending.isEmpty {
            let used = try process(chunk, final: false)
            if used < chunk.count { pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[used...])) }
        } else {
            pending.append(contentsOf: chunk)
            if pending.count < 2 * stuck { return }
            let used = try pending.withUnsafeBufferPointer { try process($0, final: false) }
            pending.removeFirst(used)
        }
        stuck = pending.count
        if pending.count > maxTokenBytes { throw XMLStreamError.tokenTooLarge }
    }

    func finish() throws {
        guard !pending.isEmpty else { return }
        let buffer = pending
        pending = []
        stuck = 0
        _ = try buffer.withUnsafeBufferPointer { try process($0, final: true) }
    }

    private func emitText(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard bytes.count > 0, handler.wantsText else { return }
        if let b = bytes.baseAddress, memchr(b, 0x26, bytes.count) == nil {
            try handler.text(bytes)
        } else {
            scratch.removeAll(keepingCapacity: true)
            XMLEntities.decode(bytes, into: &scratch)
            try scratch.withUnsafeBufferPointer { try handler.text($0) }
        }
    }

    /// Index of `needle` (1–3 bytes) in `buf` from `from`, or nil.
    private func find(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ a: UInt8, _ b: UInt8? = nil, _ c: UInt8? = nil) -> Int? {
        guard let base = buf.baseAddress else { return nil }
        var i = from
        let n = buf.count
        while i < n {
            guard let p = memchr(base + i, Int32(a), n - i) else { return nil }
            let k = UnsafeRawPointer(p) - UnsafeRawPointer(base)
            if let b {
                if k + 1 >= n { return nil }
                if buf[k + 1] != b { i = k + 1; continue }
                if let c {
                    if k + 2 >= n { return nil }
                    if buf[k + 2] != c { i = k + 1; continue }
                }
            }
            return k
        }
        return nil
    }

    /// Tokenizes what it can; returns how many bytes were consumed.
    private func process(_ buf: UnsafeBufferPointer<UInt8>, final: Bool) throws -> Int {
        let n = buf.count
        guard let base = buf.baseAddress else { return 0 }
        scannedBytes += n
        var i = 0
        while i < n {
            if buf[i] != 0x3C {
                if let p = memchr(base + i, 0x3C, n - i) {
                    let k = UnsafeRawPointer(p) - UnsafeRawPointer(base)
                    try emitText(UnsafeBufferPointer(rebasing: buf[i..<k]))
                    i = k
                    continue
                }
                // Text runs to the end of the chunk: hold back a possibly cut entity.
                var end = n
                if !final {
                    var k = n - 1
                    while k >= i && n - k <= 12 {
                        if buf[k] == 0x3B { break }
                        if buf[k] == 0x26 { end = k; break }
                        k -= 1
                    }
                }
                try emitText(UnsafeBufferPointer(rebasing: buf[i..<end]))
                return end
            }
            // buf[i] == '<'
            if i + 1 >= n { return final ? n : i }
            let c = buf[i + 1]
            if c == 0x2F { // </name>
                guard let gt = find(buf, i + 2, 0x3E) else { return final ? n : i }
                var e = gt
                while e > i + 2 && XMLNames.isSpace(buf[e - 1]) { e -= 1 }
                try handler.end(XMLNames.local(UnsafeBufferPointer(rebasing: buf[(i + 2)..<e])))
                i = gt + 1
            } else if c == 0x3F { // <? ... ?>
                guard let q = find(buf, i + 2, 0x3F, 0x3E) else { return final ? n : i }
                i = q + 2
            } else if c == 0x21 { // <!
                if n - i < 9 && !final { return i }
                if n - i >= 4 && buf[i + 2] == 0x2D && buf[i + 3] == 0x2D {
                    guard let e = find(buf, i + 4, 0x2D, 0x2D, 0x3E) else { return final ? n : i }
                    i = e + 3
                } else if n - i >= 9 && Self.isCDATA(buf, i) {
                    guard let e = find(buf, i + 9, 0x5D, 0x5D, 0x3E) else { return final ? n : i }
                    if handler.wantsText { try handler.text(UnsafeBufferPointer(rebasing: buf[(i + 9)..<e])) }
                    i = e + 3
                } else {
                    // <!DOCTYPE, <!ENTITY, ...: no DTDs in xlsx, and none accepted here.
                    throw XMLStreamError.doctype
                }
            } else { // start tag; '>' may not appear unquoted inside it
                var j = i + 1
                var quote: UInt8 = 0
                while j < n {
                    let b = buf[j]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == 0x22 || b == 0x27 {
                        quote = b
                    } else if b == 0x3E {
                        break
                    }
                    j += 1
                }
                if j >= n { return final ? n : i }
                let selfClosing = j > i + 1 && buf[j - 1] == 0x2F
                let innerEnd = selfClosing ? j - 1 : j
                var nameEnd = i + 1
                while nameEnd < innerEnd && !XMLNames.isSpace(buf[nameEnd]) { nameEnd += 1 }
                let tag = XMLTag(name: UnsafeBufferPointer(rebasing: buf[(i + 1)..<nameEnd]),
                                 attributes: UnsafeBufferPointer(rebasing: buf[nameEnd..<innerEnd]))
                try handler.start(tag, selfClosing: selfClosing)
                if selfClosing { try handler.end(tag.localName) }
                i = j + 1
            }
        }
        return n
    }

    private static func isCDATA(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        // "<![CDATA["
        let s: [UInt8] = [0x3C, 0x21, 0x5B, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5B]
        for k in 0..<9 where buf[i + k] != s[k] { return false }
        return true
    }
}
