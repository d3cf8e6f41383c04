/// An immutable open-addressing table from 64-bit keys to values, built once and read without locks.
/// Key and value sit side by side, so a probe touches one cache line.
final class KeyTable<Value>: @unchecked Sendable {
    struct Slot {
        var key: UInt64
        var value: Value
    }
    let slots: UnsafeMutablePointer<Slot>, mask: Int, count: Int

    init(_ entries: [UInt64: Value], empty: Value) {
        var cap = 16
        while cap < entries.count * 2 + 1 { cap <<= 1 }
        mask = cap - 1
        // Aligned to a cache line: a slot of 64 bytes (the word table's) never spans two.
        slots = TableMemory.allocate(byteCount: cap * MemoryLayout<Slot>.stride).bindMemory(to: Slot.self, capacity: cap)
        slots.initialize(repeating: Slot(key: 0, value: empty), count: cap)
        count = entries.count
        for (k, v) in entries {
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = Slot(key: k, value: v)
        }
    }

    deinit { TableMemory.deallocate(slots, byteCount: (mask + 1) * MemoryLayout<Slot>.stride) }

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
    @inline(__always) func key(at slot: Int) -> UInt64 { slots[slot].key }

    /// Reads the home slot of each token's key (into `sink[0]`, so the loads stay): brings the table's lines into
    /// the cache together before the lookups that depend on them.
    @inline(__always) func touch(_ toks: UnsafeMutablePointer<Token>, _ n: Int, _ sink: UnsafeMutablePointer<UInt64>) {
        var x: UInt64 = 0
        for i in 0..<n {
            let key = toks[i].hash
            x ^= slots[Int(truncatingIfNeeded: key ^ (key >> 29)) & mask].key
        }
        sink[0] = x
    }
    @inline(__always) subscript(key: UInt64) -> Value? {
        let s = slot(key)
        return s < 0 ? nil : slots[s].value
    }
}
