/// A set of 64-bit keys as a bit array (false positives possible, no false negatives): a cheap first check
/// before a probe that would likely miss the cache.
final class KeyFilter: @unchecked Sendable {
    let bits: UnsafeMutablePointer<UInt64>
    let mask: UInt64
    init(_ keys: some Sequence<UInt64>, log2Bits: Int = 20) {
        let words = 1 << (log2Bits - 6)
        bits = .allocate(capacity: words)
        bits.initialize(repeating: 0, count: words)
        mask = UInt64((1 << log2Bits) - 1)
        for k in keys { let b = (k >> 7) & mask; bits[Int(b >> 6)] |= 1 << (b & 63) }
    }
    deinit { bits.deallocate() }
    var view: FilterView { FilterView(bits: bits, mask: mask) }
}

/// A reference-free view of a `KeyFilter`.
struct FilterView {
    let bits: UnsafeMutablePointer<UInt64>
    let mask: UInt64
    @inline(__always) func mayContain(_ k: UInt64) -> Bool {
        let b = (k >> 7) & mask
        return bits[Int(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// Hash of a byte string read backwards: all suffixes of a word in one right-to-left pass (compound heads).
@inline(__always) func reverseStep(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100000001b3 }
