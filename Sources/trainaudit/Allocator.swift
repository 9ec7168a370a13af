import CMalloc

/// The C allocator's settings for a run over a province's files.
enum Allocator {
    /// Blocks of a megabyte and more (record arrays, indexes, a check's sorted keys) are
    /// mapped and given back to the system when freed. glibc's default raises that limit
    /// each time such a block is freed, up to 32 MB, after which those blocks come from the
    /// heap and a freed one stays part of the process (scale 1: 46 MB more peak memory).
    static func configure() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
    }
}
