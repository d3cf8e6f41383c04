/// The word table, compact (issue 22): a 16-byte slot per word — its full key, the flags every lookup reads and the
/// index of its record — and a record of the values a known word brings (its `WordInfo`, one cache line each, shared
/// by every word with the same values). The 35,000 words' slots take 1 MB and their 15,500 distinct records 1 MB,
/// where 64-byte slots of whole `WordInfo`s at the old load factor took 8 MB: a probe for an unknown word touches one
/// small slot, pass 1 of the scan reads only the slots' flags, and all the plain function words share one record,
/// which stays in the cache. Open addressing, built once in key order, read without locks.
final class WordTable: @unchecked Sendable {
    struct Slot {
        var key: UInt64
        var flags: UInt32
        var record: UInt32
    }
    /// A record: a `WordInfo` on its own cache line.
    static let recordBytes = 64

    let slots: UnsafeMutablePointer<Slot>, records: UnsafeMutableRawPointer
    let mask: Int, count: Int, recordCount: Int

    init(_ entries: [UInt64: WordInfo]) {
        precondition(MemoryLayout<WordInfo>.stride <= WordTable.recordBytes)
        var cap = 16
        while cap * 2 < entries.count * 3 { cap <<= 1 }
        mask = cap - 1
        count = entries.count
        slots = UnsafeMutableRawPointer.allocate(byteCount: cap * MemoryLayout<Slot>.stride, alignment: 64)
            .bindMemory(to: Slot.self, capacity: cap)
        slots.initialize(repeating: Slot(key: 0, flags: 0, record: 0), count: cap)
        var recs: [WordInfo] = [WordInfo()]
        var recIndex: [RecordBits: UInt32] = [RecordBits(WordInfo()): 0]
        // Word-list words first (function words, negators, cue words: the frequent ones), so their records sit
        // together; then the rest, each group in key order (every process lays the table out alike).
        let keys = entries.keys.sorted()
        let listed = keys.filter { entries[$0]!.flags != 0 }, rest = keys.filter { entries[$0]!.flags == 0 }
        for k in listed + rest {
            var w = entries[k]!
            let flags = w.flags
            w.flags = 0  // kept in the slot; records differ only in what the scan reads from them
            let bits = RecordBits(w)
            let r: UInt32
            if let known = recIndex[bits] {
                r = known
            } else {
                r = UInt32(recs.count)
                recIndex[bits] = r
                recs.append(w)
            }
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = Slot(key: k, flags: flags, record: r)
        }
        recordCount = recs.count
        records = .allocate(byteCount: recs.count * WordTable.recordBytes, alignment: 64)
        records.initializeMemory(as: UInt8.self, repeating: 0, count: recs.count * WordTable.recordBytes)
        for (i, w) in recs.enumerated() { records.storeBytes(of: w, toByteOffset: i * WordTable.recordBytes, as: WordInfo.self) }
    }

    deinit {
        slots.deallocate()
        records.deallocate()
    }

    var view: WordTableView { WordTableView(slots: slots, records: UnsafeRawPointer(records), mask: mask) }

    /// A record by its bits (records are shared only when bit for bit the same: 0 and -0 stay apart).
    private struct RecordBits: Hashable {
        let values: SIMD8<UInt32>, learned: SIMD16<Int8>
        init(_ w: WordInfo) {
            values = SIMD8(
                w.lexEN.bitPattern, w.lexDE.bitPattern, w.wPos.bitPattern, w.wNeg.bitPattern, w.boostEN.bitPattern,
                w.boostDE.bitPattern, w.flags, UInt32(w.cues) | (w.rhetoric ? 256 : 0))
            learned = w.learned
        }
    }
}
