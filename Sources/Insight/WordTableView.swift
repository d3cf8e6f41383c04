/// A borrowed, reference-free view of the `WordTable` for hot loops (the table outlives every use: the model is global).
struct WordTableView {
    let slots: UnsafeMutablePointer<WordTable.Slot>
    let records: UnsafeRawPointer
    let mask: Int

    /// The slot of `key`, or -1.
    @inline(__always) func slot(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let k = slots[i].key
            if k == key { return i }
            if k == 0 { return -1 }
            i = (i + 1) & mask
        }
    }
    @inline(__always) func key(at slot: Int) -> UInt64 { slots[slot].key }
    /// The flags alone (no record read).
    @inline(__always) func flags(at slot: Int) -> UInt32 { slots[slot].flags }

    /// Everything the table knows about the word in `slot`.
    @inline(__always) func value(at slot: Int) -> WordInfo {
        let s = slots[slot]
        var w = records.load(fromByteOffset: Int(s.record) &* WordTable.recordBytes, as: WordInfo.self)
        w.flags = s.flags
        return w
    }

    /// Loads the first bytes of the record of `slot` (pass 1 reads every known word's record so that their cache
    /// misses overlap; the scan reads them again later).
    @inline(__always) func touchRecord(_ slot: Int) -> Float {
        records.load(fromByteOffset: Int(slots[slot].record) &* WordTable.recordBytes, as: Float.self)
    }

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
}
