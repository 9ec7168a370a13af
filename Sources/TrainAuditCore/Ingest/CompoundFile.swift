#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An OLE2 compound file ([MS-CFB]): the container of Excel 97-2003 .xls and WPS .et
/// workbooks (and of password-protected .xlsx).
///
/// Only what reading a workbook needs: the header, the FAT (through the DIFAT), the
/// mini-FAT, the directory, and streams by name. Every number in the file is untrusted:
/// each chain is walked with a visited set and its length bounded by the file's size, so a
/// loop, a sector past the end or a size larger than the file is an `IngestError` naming
/// the file, never a hang or a huge allocation. Regular streams are read sector by sector
/// from the file when asked (`CFBStream.read`), so a big workbook is never all in memory.
final class CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Special FAT values ([MS-CFB] 2.1).
    static let maxRegularSector: UInt32 = 0xFFFF_FFFA
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF

    /// One directory entry.
    struct Entry {
        enum Kind: UInt8 { case unknown = 0, storage = 1, stream = 2, root = 5 }
        var name: String
        var kind: Kind
        var startSector: UInt32
        var size: UInt64
    }

    let path: String
    private let file: CFBFile
    let sectorShift: Int
    var sectorSize: Int { 1 << sectorShift }
    let miniSectorShift: Int
    let miniStreamCutoff: Int
    /// Sectors the file holds (a partial last sector counts).
    let sectorCount: Int
    private(set) var fat: [UInt32] = []
    private(set) var miniFAT: [UInt32] = []
    private(set) var entries: [Entry] = []
    /// The root entry's chain: the mini stream's sectors.
    private var miniStreamChain: [UInt32] = []
    private var miniStreamSize = 0

    init(path: String) throws {
        self.path = path
        let file = try CFBFile(path: path)
        self.file = file
        let size = file.size
        guard size >= 512 else { throw Self.damaged(path, "the file is shorter than its 512-byte header", "文件短于 512 字节的文件头") }
        let header = try file.read(at: 0, count: 512)
        guard Array(header[0..<8]) == Self.signature else {
            throw IngestError(file: path, Localized(zh: "不是 OLE2 复合文档（.xls/.et）", en: "not an OLE2 compound file (.xls/.et)"))
        }
        func u16(_ o: Int) -> Int { Int(header[o]) | Int(header[o + 1]) << 8 }
        func u32(_ o: Int) -> UInt32 {
            UInt32(header[o]) | UInt32(header[o + 1]) << 8 | UInt32(header[o + 2]) << 16 | UInt32(header[o + 3]) << 24
        }
        let major = u16(0x1A)
        let shift = u16(0x1E)
        // [MS-CFB] 2.2: version 3 uses 512-byte sectors, version 4 4096-byte ones; the
        // mini sector is always 64 bytes and the cutoff 4096.
        guard (major == 3 && shift == 9) || (major == 4 && shift == 12) || (major != 3 && major != 4 && (shift == 9 || shift == 12)) else {
            throw Self.damaged(path, "unsupported sector size (version \(major), shift \(shift))",
                               "不支持的扇区大小（版本 \(major)，位移 \(shift)）")
        }
        sectorShift = shift
        miniSectorShift = u16(0x20)
        guard miniSectorShift == 6 else {
            throw Self.damaged(path, "unsupported mini sector size (shift \(miniSectorShift))", "不支持的小扇区大小（位移 \(miniSectorShift)）")
        }
        let cutoff = Int(u32(0x38))
        miniStreamCutoff = cutoff == 0 ? 4096 : min(cutoff, 4096)
        let ss = 1 << shift
        sectorCount = max(0, (size + ss - 1) / ss - 1)

        // DIFAT: 109 FAT sector numbers in the header, then a chain of DIFAT sectors, each
        // holding ss/4 - 1 numbers and the next DIFAT sector.
        let fatSectorCount = Int(u32(0x2C))
        guard fatSectorCount <= sectorCount else {
            throw Self.damaged(path, "the header declares \(fatSectorCount) FAT sectors but the file holds \(sectorCount) sectors",
                               "文件头声明 \(fatSectorCount) 个 FAT 扇区，但文件只有 \(sectorCount) 个扇区")
        }
        var fatSectors: [UInt32] = []
        fatSectors.reserveCapacity(fatSectorCount)
        for k in 0..<109 where fatSectors.count < fatSectorCount {
            let s = u32(0x4C + 4 * k)
            if s <= Self.maxRegularSector { fatSectors.append(s) }
        }
        var difat = u32(0x44)
        var difatSeen = Set<UInt32>()
        let perDIFAT = ss / 4 - 1
        while fatSectors.count < fatSectorCount && difat <= Self.maxRegularSector {
            guard Int(difat) < sectorCount else { throw Self.outOfRange(path, difat, "DIFAT") }
            guard difatSeen.insert(difat).inserted else { throw Self.loop(path, "DIFAT") }
            let bytes = try file.read(at: (Int(difat) + 1) << shift, count: ss)
            for k in 0..<perDIFAT where fatSectors.count < fatSectorCount {
                let s = CFBFile.u32(bytes, 4 * k)
                if s <= Self.maxRegularSector { fatSectors.append(s) }
            }
            difat = CFBFile.u32(bytes, 4 * perDIFAT)
        }
        // A writer may declare more FAT sectors than it lists (never read past the list).
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * (ss / 4))
        for s in fatSectors {
            guard Int(s) < sectorCount else { throw Self.outOfRange(path, s, "FAT") }
            let bytes = try file.read(at: (Int(s) + 1) << shift, count: ss)
            for k in 0..<(ss / 4) { fat.append(CFBFile.u32(bytes, 4 * k)) }
        }
        guard !fat.isEmpty else { throw Self.damaged(path, "the file has no FAT", "文件没有 FAT 表") }
        self.fat = fat

        // Directory.
        let directoryBytes = try readChain(start: u32(0x30), size: nil, what: "directory")
        var entries: [Entry] = []
        let entryCount = directoryBytes.count / 128
        entries.reserveCapacity(entryCount)
        for k in 0..<entryCount {
            let o = k * 128
            let nameLength = min(64, Int(directoryBytes[o + 0x40]) | Int(directoryBytes[o + 0x41]) << 8)
            var units: [UInt16] = []
            var i = 0
            while i + 1 < nameLength {
                let u = UInt16(directoryBytes[o + i]) | UInt16(directoryBytes[o + i + 1]) << 8
                if u == 0 { break }
                units.append(u)
                i += 2
            }
            let kind = Entry.Kind(rawValue: directoryBytes[o + 0x42]) ?? .unknown
            var sizeValue = UInt64(CFBFile.u32(directoryBytes, o + 0x78))
            // Version 3 files may leave garbage in the high 32 bits ([MS-CFB] 2.6.3).
            if major == 4 { sizeValue |= UInt64(CFBFile.u32(directoryBytes, o + 0x7C)) << 32 }
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), kind: kind,
                                 startSector: CFBFile.u32(directoryBytes, o + 0x74), size: sizeValue))
        }
        guard let root = entries.first, root.kind == .root else {
            throw Self.damaged(path, "the directory has no root entry", "目录中没有根条目")
        }
        self.entries = entries

        // Mini FAT and mini stream (the root entry's chain).
        let miniFATSectorCount = Int(u32(0x40))
        if miniFATSectorCount > 0 && u32(0x3C) <= Self.maxRegularSector {
            guard miniFATSectorCount <= sectorCount else {
                throw Self.damaged(path, "the header declares \(miniFATSectorCount) mini FAT sectors but the file holds \(sectorCount) sectors",
                                   "文件头声明 \(miniFATSectorCount) 个小 FAT 扇区，但文件只有 \(sectorCount) 个扇区")
            }
            let bytes = try readChain(start: u32(0x3C), size: miniFATSectorCount << shift, what: "mini FAT")
            var miniFAT: [UInt32] = []
            miniFAT.reserveCapacity(bytes.count / 4)
            for k in 0..<(bytes.count / 4) { miniFAT.append(CFBFile.u32(bytes, 4 * k)) }
            self.miniFAT = miniFAT
        }
        if root.size > 0 && root.startSector <= Self.maxRegularSector {
            let size = try checkedSize(root.size, what: "mini stream")
            miniStreamChain = try chain(start: root.startSector, sectors: (size + ss - 1) >> shift, what: "mini stream")
            miniStreamSize = size
        }
    }

    /// The first stream whose name is one of `names` (case-insensitive, in the order given).
    func stream(named names: [String]) throws -> CFBStream? {
        for wanted in names {
            let w = wanted.lowercased()
            if let entry = entries.first(where: { $0.kind == .stream && $0.name.lowercased() == w }) {
                return try open(entry)
            }
        }
        return nil
    }

    func hasStream(named name: String) -> Bool {
        let w = name.lowercased()
        return entries.contains { $0.kind == .stream && $0.name.lowercased() == w }
    }

    func open(_ entry: Entry) throws -> CFBStream {
        let size = try checkedSize(entry.size, what: entry.name)
        if size == 0 { return CFBStream(file: file, path: path, size: 0, sectorShift: sectorShift, chain: [], bytes: []) }
        if size < miniStreamCutoff {
            // A small stream lives in the mini stream: read it whole (under 4096 bytes).
            let mini = 1 << miniSectorShift
            let count = (size + mini - 1) / mini
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count * mini)
            var sector = entry.startSector
            var seen = Set<UInt32>()
            for _ in 0..<count {
                guard sector <= Self.maxRegularSector, Int(sector) < miniFAT.count,
                      (Int(sector) + 1) * mini <= miniStreamSize else {
                    throw Self.outOfRange(path, sector, "mini stream")
                }
                guard seen.insert(sector).inserted else { throw Self.loop(path, "mini FAT") }
                let offset = Int(sector) * mini
                bytes.append(contentsOf: try readMini(offset: offset, count: mini))
                sector = miniFAT[Int(sector)]
            }
            return CFBStream(file: file, path: path, size: size, sectorShift: sectorShift, chain: [],
                             bytes: Array(bytes.prefix(size)))
        }
        let sectors = (size + sectorSize - 1) >> sectorShift
        let chain = try chain(start: entry.startSector, sectors: sectors, what: entry.name)
        return CFBStream(file: file, path: path, size: size, sectorShift: sectorShift, chain: chain, bytes: nil)
    }

    /// A declared size, refused when the file could not hold it.
    private func checkedSize(_ size: UInt64, what: String) throws -> Int {
        let room = UInt64(sectorCount) << UInt64(sectorShift)
        guard size <= room else {
            throw IngestError(file: path, Localized(
                zh: "文件已损坏：\(what) 声明的大小（\(size) 字节）超过文件本身（\(room) 字节）",
                en: "the file is damaged: \(what) declares \(size) bytes, more than the file holds (\(room) bytes)"))
        }
        return Int(size)
    }

    /// The sectors of a chain: exactly `sectors` of them when given (a chain ending sooner
    /// is an error, a longer one is not read further), else up to ENDOFCHAIN.
    private func chain(start: UInt32, sectors: Int?, what: String) throws -> [UInt32] {
        var out: [UInt32] = []
        if let sectors { out.reserveCapacity(sectors) }
        var seen = [Bool](repeating: false, count: fat.count)
        var s = start
        while true {
            if let sectors, out.count == sectors { break }
            if s == Self.endOfChain {
                if let sectors, out.count < sectors {
                    throw Self.damaged(path, "the \(what) chain ends after \(out.count) of \(sectors) sectors",
                                       "\(what) 的扇区链在第 \(out.count) 个（共 \(sectors) 个）处提前结束")
                }
                break
            }
            guard s <= Self.maxRegularSector, Int(s) < fat.count, Int(s) < sectorCount else {
                throw Self.outOfRange(path, s, what)
            }
            guard !seen[Int(s)] else { throw Self.loop(path, what) }
            seen[Int(s)] = true
            out.append(s)
            s = fat[Int(s)]
        }
        return out
    }

    private func readChain(start: UInt32, size: Int?, what: String) throws -> [UInt8] {
        let sectors = size.map { ($0 + sectorSize - 1) >> sectorShift }
        let c = try chain(start: start, sectors: sectors, what: what)
        var out: [UInt8] = []
        out.reserveCapacity(c.count << sectorShift)
        for s in c { out.append(contentsOf: try file.read(at: (Int(s) + 1) << sectorShift, count: sectorSize)) }
        return out
    }

    private func readMini(offset: Int, count: Int) throws -> [UInt8] {
        let ss = sectorSize
        let index = offset >> sectorShift
        guard index < miniStreamChain.count else { throw Self.outOfRange(path, UInt32(clamping: index), "mini stream") }
        let inner = offset & (ss - 1)
        // 64-byte mini sectors never straddle a regular sector.
        return try file.read(at: ((Int(miniStreamChain[index]) + 1) << sectorShift) + inner, count: count)
    }

    static func damaged(_ path: String, _ en: String, _ zh: String) -> IngestError {
        IngestError(file: path, Localized(zh: "文件已损坏或被截断：\(zh)", en: "the file is damaged or truncated: \(en)"))
    }

    static func outOfRange(_ path: String, _ sector: UInt32, _ what: String) -> IngestError {
        IngestError(file: path, Localized(
            zh: "文件已损坏或被截断：\(what) 指向不存在的扇区 \(sector)",
            en: "the file is damaged or truncated: the \(what) points to sector \(sector), which does not exist"))
    }

    static func loop(_ path: String, _ what: String) -> IngestError {
        IngestError(file: path, Localized(
            zh: "文件已损坏：\(what) 的扇区链构成循环", en: "the file is damaged: the \(what) sector chain loops"))
    }
}

/// One stream of a compound file, read by offset.
final class CFBStream {
    let size: Int
    private let file: CFBFile
    let path: String
    private let sectorShift: Int
    private let chain: [UInt32]
    /// A small stream, read whole from the mini stream.
    private let bytes: [UInt8]?

    init(file: CFBFile, path: String, size: Int, sectorShift: Int, chain: [UInt32], bytes: [UInt8]?) {
        self.file = file
        self.path = path
        self.size = size
        self.sectorShift = sectorShift
        self.chain = chain
        self.bytes = bytes
    }

    /// Copies up to `count` bytes from stream offset `offset` into `buffer` (replacing its
    /// contents); fewer only at the stream's end. Runs of consecutive sectors are read
    /// with one pread.
    func read(at offset: Int, count: Int, into buffer: inout [UInt8]) throws {
        buffer.removeAll(keepingCapacity: true)
        let end = min(size, offset + count)
        guard offset < end else { return }
        if let bytes {
            buffer.append(contentsOf: bytes[offset..<end])
            return
        }
        let ss = 1 << sectorShift
        var pos = offset
        while pos < end {
            let index = pos >> sectorShift
            let inner = pos & (ss - 1)
            // Extend over physically consecutive sectors.
            var last = index
            while (last + 1) << sectorShift < end && last + 1 < chain.count && chain[last + 1] == chain[last] &+ 1 { last += 1 }
            let runEnd = min(end, (last + 1) << sectorShift)
            let fileOffset = ((Int(chain[index]) + 1) << sectorShift) + inner
            try file.append(at: fileOffset, count: runEnd - pos, to: &buffer)
            pos = runEnd
        }
    }
}

/// The file under a compound document, read with pread(2).
final class CFBFile {
    private let fd: Int32
    let path: String
    let size: Int

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            throw IngestError(file: path, Localized(zh: "无法打开文件（\(reason)）", en: "cannot open the file (\(reason))"))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            close(fd)
            throw IngestError(file: path, Localized(zh: "读取文件失败", en: "reading the file failed"))
        }
        self.fd = fd
        self.size = Int(st.st_size)
    }

    deinit { close(fd) }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        try append(at: offset, count: count, to: &out)
        return out
    }

    /// Appends exactly `count` bytes from `offset`; a file that ends sooner is truncated.
    func append(at offset: Int, count: Int, to out: inout [UInt8]) throws {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: count))
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + start + done, count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw IngestError(file: path, Localized(zh: "读取文件失败（\(reason)）", en: "reading the file failed (\(reason))"))
            }
            if n == 0 {
                throw CompoundFile.damaged(path, "the file ends at byte \(offset + done), inside a sector it needs",
                                           "文件在第 \(offset + done) 字节处结束，所需扇区不完整")
            }
            done += n
        }
    }

    static func u32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }
}
