/// A seeded pseudo-random generator for the spot-check sample (`SpotCheck`): the same seed
/// gives the same draw on every machine and Swift version, which the system generator
/// (not seedable) and Foundation's (platform-dependent) cannot promise.
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; the constants of Vigna's reference `splitmix64.c`): 64 bits of state,
/// passes BigCrush, plenty for drawing a few thousand trainees.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1]: 53 random bits, never 0 (the weighted draw takes its log).
    public mutating func unit() -> Double {
        Double((next() >> 11) + 1) / Double(UInt64(1) << 53)
    }

    /// A generator for one stratum: the seed mixed with the stratum's name (FNV-1a), so
    /// adding a class to the data does not reshuffle the draw in the others.
    public static func derived(seed: UInt64, _ name: String) -> SplitMix64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in name.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        var g = SplitMix64(seed: seed ^ h)
        _ = g.next()
        return g
    }
}
