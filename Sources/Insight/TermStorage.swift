import Foundation
import SwitchboardCore

/// Crisis-term words and brand keys in one block of memory that lives as long as any copy of its `Analyzer`.
final class TermStorage: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>, words: UnsafeMutablePointer<(Int32, Int32)>
    let terms: UnsafeMutablePointer<(Int32, Int32)>, brand: UnsafeMutablePointer<UInt64>
    /// Per word: the offset of its rarest byte (`rarity`), which `Analyzer.occurs` looks for first.
    let rare: UnsafeMutablePointer<Int32>
    let termCount: Int, brandCount: Int

    init(terms t: [[[UInt8]]], brand b: [UInt64]) {
        let flat = t.flatMap { $0 }
        let total = flat.reduce(0) { $0 + $1.count }
        // 8 bytes more, zeroed: `Analyzer.occurs` reads a short word as one 64-bit load.
        bytes = .allocate(capacity: total + 8)
        bytes.initialize(repeating: 0, count: total + 8)
        words = .allocate(capacity: max(1, flat.count))
        terms = .allocate(capacity: max(1, t.count))
        brand = .allocate(capacity: max(1, b.count))
        rare = .allocate(capacity: max(1, flat.count))
        var off = 0
        var wi = 0
        for (ti, term) in t.enumerated() {
            terms[ti] = (Int32(wi), Int32(term.count))
            for w in term {
                for (k, byte) in w.enumerated() { bytes[off + k] = byte }
                words[wi] = (Int32(off), Int32(w.count))
                var best = 0
                for k in w.indices where TermStorage.rarity(w[k]) > TermStorage.rarity(w[best]) { best = k }
                rare[wi] = Int32(best)
                off += w.count
                wi += 1
            }
        }
        for (i, k) in b.enumerated() { brand[i] = k }
        termCount = t.count
        brandCount = b.count
    }

    deinit {
        bytes.deallocate()
        words.deallocate()
        terms.deallocate()
        brand.deallocate()
        rare.deallocate()
    }

    /// How rare a byte is in English and German text, roughly (higher is rarer): letters by their frequency, the
    /// lead byte of umlauts and ß as common, other bytes (digits, continuation bytes, punctuation) as rare.
    static func rarity(_ b: UInt8) -> Int {
        if b == 0xC3 { return 0 }
        let common = Array("enitsarhodlucmgwfbkpvyzjxq".utf8)  // most common first
        if let i = common.firstIndex(of: b) { return 1 + i }
        return 1 + common.count
    }

    var view: TermsView {
        TermsView(
            bytes: bytes, words: words, terms: terms, brand: brand, rare: rare, termCount: termCount,
            brandCount: brandCount)
    }
}

/// A reference-free view of a `TermStorage`.
struct TermsView: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>, words: UnsafeMutablePointer<(Int32, Int32)>
    let terms: UnsafeMutablePointer<(Int32, Int32)>, brand: UnsafeMutablePointer<UInt64>
    let rare: UnsafeMutablePointer<Int32>
    let termCount: Int, brandCount: Int

    @inline(__always) func word(_ i: Int) -> (ptr: UnsafePointer<UInt8>, len: Int) {
        let (off, len) = words[i]
        return (UnsafePointer(bytes + Int(off)), Int(len))
    }

    /// The offset of word `i`'s rarest byte.
    @inline(__always) func rareByte(_ i: Int) -> Int { Int(rare[i]) }

    @inline(__always) func isBrand(_ h: UInt64) -> Bool {
        for i in 0..<brandCount where brand[i] == h { return true }
        return false
    }
}
