/// The learned layer's feature table, compact: one 16-byte slot per feature (nine weights as signed bytes, one
/// scale per output, and a 32-bit fingerprint of the key), so the table is a quarter of a `KeyTable` of floats and
/// its often-used part stays in the processor's cache. Open addressing, built once, read without locks.
final class LearnedTable: @unchecked Sendable {
    /// Per slot: bytes 0…8 the quantised weights, 9…11 zero, 12…15 the fingerprint (0 = empty).
    let slots: UnsafeMutablePointer<SIMD16<Int8>>
    let mask: Int, count: Int
    /// What one unit of a quantised weight is worth, per output (0 beyond the outputs).
    let scale: SIMD16<Float>

    /// `scale`: one unit per output (`LearnedTable.scale(of:outputs:)` of all the layer's features, also of those
    /// kept elsewhere: the words folded into the word table, whose sums must add up with this table's).
    init(_ entries: [UInt64: SIMD16<Float>], outputs: Int, scale given: SIMD16<Float>? = nil) {
        let s = given ?? LearnedTable.scale(of: entries, outputs: outputs)
        scale = s
        // Filled up to two thirds (misses stop at `KeyFilter`, hits probe ~1.5 slots): at most half full, 66,000
        // features took 4 MB instead of 2 and the analysis 5 % longer (session 19, `switchboard-bench insight`).
        var cap = 16
        while cap < entries.count * 3 / 2 + 1 { cap <<= 1 }
        mask = cap - 1
        var kept = 0
        slots = TableMemory.allocate(byteCount: cap * 16).bindMemory(to: SIMD16<Int8>.self, capacity: cap)
        slots.initialize(repeating: SIMD16<Int8>(repeating: 0), count: cap)
        let raw = UnsafeMutableRawPointer(slots)
        // In key order, so every process lays the table out alike (a dictionary's order differs per process).
        for k in entries.keys.sorted() {
            let q = LearnedTable.quantised(entries[k]!, scale: s, outputs: outputs)
            if q == .zero { continue }  // too small to matter
            let m = LearnedTable.mixed(k)
            var i = LearnedTable.home(m) & mask
            while raw.load(fromByteOffset: i * 16 + 12, as: UInt32.self) != 0 { i = (i + 1) & mask }
            slots[i] = q
            raw.storeBytes(of: LearnedTable.fingerprint(m), toByteOffset: i * 16 + 12, as: UInt32.self)
            kept += 1
        }
        count = kept
    }

    deinit { TableMemory.deallocate(slots, byteCount: (mask + 1) * 16) }

    /// What one unit of a quantised weight is worth, per output: the largest weight is 127 units.
    static func scale(of entries: [UInt64: SIMD16<Float>], outputs: Int) -> SIMD16<Float> {
        var maxAbs = SIMD16<Float>(repeating: 0)
        for v in entries.values { maxAbs = pointwiseMax(maxAbs, pointwiseMax(v, -v)) }
        var s = SIMD16<Float>(repeating: 0)
        for o in 0..<outputs where maxAbs[o] > 0 { s[o] = maxAbs[o] / 127 }
        return s
    }

    /// The weights as signed bytes of `scale` units (0 beyond the outputs).
    static func quantised(_ v: SIMD16<Float>, scale s: SIMD16<Float>, outputs: Int) -> SIMD16<Int8> {
        var q = SIMD16<Int8>(repeating: 0)
        for o in 0..<outputs where s[o] > 0 { q[o] = Int8((v[o] / s[o]).rounded()) }
        return q
    }

    var view: LearnedTableView { LearnedTableView(slots: UnsafeRawPointer(slots), mask: mask, scale: scale) }

    /// The key well mixed (splitmix64's finaliser): the slot comes from its low bits and the fingerprint from its
    /// high bits, so two keys that share a probe run share a fingerprint only by a 1 in 2^32 chance. (Taken from the
    /// raw key, the fingerprint and the slot were bits of the same key: keys alike in their high bits met each
    /// other's fingerprints, and which one a lookup found depended on the order they went in.)
    @inline(__always) static func mixed(_ k: UInt64) -> UInt64 {
        var z = k &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    @inline(__always) static func home(_ m: UInt64) -> Int { Int(truncatingIfNeeded: m) }
    /// The weights widened lane by lane (sign-extended; the generic `SIMD16<Int32>(truncatingIfNeeded:)` is an
    /// out-of-line loop, this compiles to a few vector instructions).
    @inline(__always) static func widened(_ v: SIMD16<Int8>) -> SIMD16<Int32> {
        SIMD16<Int32>(
            Int32(v[0]), Int32(v[1]), Int32(v[2]), Int32(v[3]), Int32(v[4]), Int32(v[5]), Int32(v[6]), Int32(v[7]),
            Int32(v[8]), Int32(v[9]), Int32(v[10]), Int32(v[11]), Int32(v[12]), Int32(v[13]), Int32(v[14]),
            Int32(v[15]))
    }
    @inline(__always) static func fingerprint(_ m: UInt64) -> UInt32 {
        let f = UInt32(truncatingIfNeeded: m >> 32)
        return f == 0 ? 1 : f
    }
}

/// A borrowed, reference-free view of a `LearnedTable` for the hot loop (the table lives as long as the model).
struct LearnedTableView {
    let slots: UnsafeRawPointer
    let mask: Int
    let scale: SIMD16<Float>

    /// Adds the feature's quantised weights to `sum` when the table has it.
    @inline(__always) func add(_ key: UInt64, to sum: inout SIMD16<Int32>) {
        let m = LearnedTable.mixed(key)
        let fp = LearnedTable.fingerprint(m)
        var i = LearnedTable.home(m) & mask
        while true {
            let f = slots.load(fromByteOffset: i * 16 + 12, as: UInt32.self)
            if f == fp {
                sum &+= LearnedTable.widened(slots.load(fromByteOffset: i * 16, as: SIMD16<Int8>.self))
                return
            }
            if f == 0 { return }
            i = (i + 1) & mask
        }
    }

    /// The summed quantised weights of the features `keys[0..<n]` (integer sums: any order gives the same). In one
    /// tight loop, so the probes, which mostly miss the cache, overlap one another.
    @inline(__always)
    func sum(_ keys: UnsafeMutablePointer<UInt64>, _ n: Int, filter: FilterView?) -> SIMD16<Int32> {
        var s = SIMD16<Int32>(repeating: 0)
        for k in 0..<n where filter?.mayContain(keys[k]) != false { add(keys[k], to: &s) }
        return s
    }

    /// `sum` for the last use of `keys` (overwritten: `keys[0...n]` is scratch afterwards). First the keys that pass
    /// the filter, mixed, are moved to the front and their home slots read in a loop of independent loads, so that
    /// their cache misses overlap one another; then the probes, which find those lines loaded (or on their way)
    /// instead of each waiting behind the one before. The integer sums are the same in any order.
    @inline(__always)
    func sumConsuming(_ keys: UnsafeMutablePointer<UInt64>, _ n: Int, filter: FilterView?) -> SIMD16<Int32> {
        var m = 0
        var x: UInt32 = 0
        for k in 0..<n {
            let key = keys[k]
            if filter?.mayContain(key) != false {
                let mix = LearnedTable.mixed(key)
                keys[m] = mix
                m &+= 1
                x ^= slots.load(fromByteOffset: (LearnedTable.home(mix) & mask) &* 16 &+ 12, as: UInt32.self)
            }
        }
        keys[m] = UInt64(x)  // keeps the loads
        var s = SIMD16<Int32>(repeating: 0)
        for k in 0..<m {
            let mix = keys[k]
            let fp = LearnedTable.fingerprint(mix)
            var i = LearnedTable.home(mix) & mask
            while true {
                let f = slots.load(fromByteOffset: i &* 16 &+ 12, as: UInt32.self)
                if f == fp {
                    s &+= LearnedTable.widened(slots.load(fromByteOffset: i &* 16, as: SIMD16<Int8>.self))
                    break
                }
                if f == 0 { break }
                i = (i &+ 1) & mask
            }
        }
        return s
    }

    /// The weights of one feature (nil when absent), dequantised.
    func weights(_ key: UInt64) -> SIMD16<Float>? {
        var s = SIMD16<Int32>(repeating: 0)
        add(key, to: &s)
        return s == .zero ? nil : SIMD16<Float>(s) * scale
    }
}
