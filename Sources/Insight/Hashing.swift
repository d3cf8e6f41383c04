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
final class KeyTable<Value>: @unchecked Sendable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value>
    private let mask: Int
    let count: Int

    init(_ entries: [UInt64: Value], empty: Value) {
        var cap = 16
        while cap < entries.count * 2 + 1 { cap <<= 1 }
        mask = cap - 1
        keys = .allocate(capacity: cap); keys.initialize(repeating: 0, count: cap)
        values = .allocate(capacity: cap); values.initialize(repeating: empty, count: cap)
        count = entries.count
        for (k, v) in entries {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k; values[i] = v
        }
    }

    deinit { keys.deallocate(); values.deallocate() }

    /// The slot of `key`, or -1.
    @inline(__always) func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let k = keys[i]
            if k == key { return i }
            if k == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func value(at slot: Int) -> Value { values[slot] }

    @inline(__always) subscript(key: UInt64) -> Value? {
        let s = slot(key)
        return s < 0 ? nil : values[s]
    }
}
