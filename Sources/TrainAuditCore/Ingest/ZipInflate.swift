// zlib through ZIPFoundation's own system module (it links libz already).
import CZlib

/// Deflated xlsx parts read from their own bytes only. ZIPFoundation 0.9.20's inflate loop
/// reads on past an entry to the end of the file and then loops for ever when a deflate
/// stream never ends (a 2 KB mutated workbook hung a scan: fuzz/crashes/xlsx); here a
/// stream that does not end within the entry's compressed size is an error, and every
/// read either consumes input or produces output.
struct ZipDeflatedParts {
    struct Place { var localHeader: Int; var compressedSize: Int }

    /// Deflated entries by name, from the central directory; nil for what this reader
    /// leaves to ZIPFoundation (ZIP64, a directory it cannot find), which still reads it.
    let places: [String: Place]
    let size: Int

    init?(path: String) {
        guard let file = try? ByteFile(path: path), let size = try? file.size(), size >= 22 else { return nil }
        self.size = size
        // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
        let tailLength = min(size, 22 + 65_535)
        guard (try? file.seek(to: size - tailLength)) != nil, let tail = try? file.readUpTo(tailLength),
              tail.count == tailLength else { return nil }
        var eocd = -1
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { return nil }
        func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func u32(_ b: [UInt8], _ at: Int) -> Int { u16(b, at) | u16(b, at + 2) << 16 }
        let cdSize = u32(tail, eocd + 12), cdOffset = u32(tail, eocd + 16)
        guard cdSize != 0xFFFF_FFFF, cdOffset != 0xFFFF_FFFF, cdSize <= 64 << 20, cdOffset + cdSize <= size,
              (try? file.seek(to: cdOffset)) != nil, let cd = try? file.readUpTo(cdSize), cd.count == cdSize else { return nil }
        var places: [String: Place] = [:]
        var p = 0
        while p + 46 <= cd.count, cd[p] == 0x50, cd[p + 1] == 0x4B, cd[p + 2] == 0x01, cd[p + 3] == 0x02 {
            let method = u16(cd, p + 10), compressed = u32(cd, p + 20)
            let n = u16(cd, p + 28), m = u16(cd, p + 30), k = u16(cd, p + 32), local = u32(cd, p + 42)
            guard p + 46 + n <= cd.count else { break }
            let name = String(decoding: cd[(p + 46)..<(p + 46 + n)], as: UTF8.self)
            if method == 8, compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF, places[name] == nil {
                places[name] = Place(localHeader: local, compressedSize: compressed)
            }
            p += 46 + n + m + k
        }
        self.places = places
    }

    enum Failure: Error { case truncated, corrupt }

    /// Inflates the entry at `place`, handing `body` at most `chunk` bytes at a time.
    func inflate(_ place: Place, path: String, chunk: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let file = try ByteFile(path: path)
        try file.seek(to: place.localHeader)
        let header = try file.readUpTo(30)
        guard header.count == 30, header[0] == 0x50, header[1] == 0x4B, header[2] == 0x03, header[3] == 0x04 else { throw Failure.corrupt }
        let dataOffset = place.localHeader + 30 + (Int(header[26]) | Int(header[27]) << 8) + (Int(header[28]) | Int(header[29]) << 8)
        guard dataOffset <= size else { throw Failure.truncated }
        try file.seek(to: dataOffset)
        var left = min(place.compressedSize, size - dataOffset)

        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure.corrupt }
        defer { inflateEnd(&stream) }
        let chunk = max(1, chunk)
        var input = [UInt8](repeating: 0, count: min(max(1, left), 64 << 10))
        var output = [UInt8](repeating: 0, count: chunk)
        var inPos = 0, inLen = 0
        // A full output buffer may leave output pending inside zlib: inflate again before
        // asking for input.
        var outputFull = false
        while true {
            if inPos == inLen && !outputFull {
                guard left > 0 else { throw Failure.truncated }  // the stream did not end within the entry
                inLen = try file.read(into: &input, upTo: min(input.count, left))
                guard inLen > 0 else { throw Failure.truncated }
                left -= inLen
                inPos = 0
            }
            var result: Int32 = Z_OK
            var produced = 0
            input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_in = inBuf.baseAddress! + inPos
                    stream.avail_in = UInt32(inLen - inPos)
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = UInt32(outBuf.count)
                    result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced = outBuf.count - Int(stream.avail_out)
                }
            }
            let consumed = (inLen - inPos) - Int(stream.avail_in)
            inPos += consumed
            outputFull = produced == chunk
            if result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR { throw Failure.corrupt }
            if produced > 0 { try output.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<produced])) } }
            if result == Z_STREAM_END { return }
            // No progress with input at hand cannot end: a damaged stream.
            if produced == 0 && consumed == 0 && inPos < inLen { throw Failure.corrupt }
        }
    }
}
