/// FNV-1a over normalised UTF-8 bytes: the key of every word, phrase and weight table.
@usableFromInline let fnvOffset: UInt64 = 0xcbf29ce484222325
@usableFromInline let fnvPrime: UInt64 = 0x100000001b3

@inline(__always) func fnvStep(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

@inline(__always) func fnv(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, seed: UInt64 = fnvOffset) -> UInt64 {
    var h = seed
    for i in 0..<n { h = fnvStep(h, p[i]) }
    return h == 0 ? 1 : h
}

/// The key of a two-word phrase from the keys of its words.
@inline(__always) func phraseKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let h = (a &* 0x9E3779B97F4A7C15) ^ (b &+ 0x632BE59BD9B4E019)
    return h == 0 ? 1 : h
}

/// Hash of `!word` (a word inside a negation scope) from the plain word's bytes.
let negationSeed: UInt64 = fnvStep(fnvOffset, UInt8(ascii: "!"))

/// An immutable open-addressing table from 64-bit keys to values, built once and read without locks.
/// Key and value sit side by side, so a probe touches one cache line.
final class KeyTable<Value>: @unchecked Sendable {
    struct Slot { var key: UInt64; var value: Value }
    let slots: UnsafeMutablePointer<Slot>
    let mask: Int
    let count: Int

    init(_ entries: [UInt64: Value], empty: Value) {
        var cap = 16
        while cap < entries.count * 2 + 1 { cap <<= 1 }
        mask = cap - 1
        slots = .allocate(capacity: cap)
        slots.initialize(repeating: Slot(key: 0, value: empty), count: cap)
        count = entries.count
        for (k, v) in entries {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = Slot(key: k, value: v)
        }
    }

    deinit { slots.deallocate() }

    var view: TableView<Value> { TableView(slots: slots, mask: mask) }

    @inline(__always) func slot(_ key: UInt64) -> Int { view.slot(key) }
    @inline(__always) func value(at slot: Int) -> Value { slots[slot].value }
    @inline(__always) subscript(key: UInt64) -> Value? {
        let s = slot(key)
        return s < 0 ? nil : slots[s].value
    }
}

/// A borrowed, reference-free view of a `KeyTable` for hot loops (the table outlives every use: the model is global).
struct TableView<Value> {
    let slots: UnsafeMutablePointer<KeyTable<Value>.Slot>
    let mask: Int

    @inline(__always) func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let k = slots[i].key
            if k == key { return i }
            if k == 0 { return -1 }
            i = (i + 1) & mask
        }
    }
    @inline(__always) func value(at slot: Int) -> Value { slots[slot].value }
    @inline(__always) subscript(key: UInt64) -> Value? {
        let s = slot(key)
        return s < 0 ? nil : slots[s].value
    }
}

/// A set of 64-bit keys as a bit array (false positives possible, no false negatives): a cheap first check
/// before a probe that would likely miss the cache.
final class KeyFilter: @unchecked Sendable {
    let bits: UnsafeMutablePointer<UInt64>
    let mask: UInt64
    init(_ keys: some Sequence<UInt64>, log2Bits: Int = 20) {
        let words = 1 << (log2Bits - 6)
        bits = .allocate(capacity: words); bits.initialize(repeating: 0, count: words)
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
