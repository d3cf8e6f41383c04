import Foundation
import SwitchboardCore

/// Crisis-term words and brand keys in one block of memory that lives as long as any copy of its `Analyzer`.
final class TermStorage: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>, words: UnsafeMutablePointer<(Int32, Int32)>
    let terms: UnsafeMutablePointer<(Int32, Int32)>, brand: UnsafeMutablePointer<UInt64>
    let termCount: Int, brandCount: Int

    init(terms t: [[[UInt8]]], brand b: [UInt64]) {
        let flat = t.flatMap { $0 }
        let total = flat.reduce(0) { $0 + $1.count }
        bytes = .allocate(capacity: max(1, total))
        words = .allocate(capacity: max(1, flat.count))
        terms = .allocate(capacity: max(1, t.count))
        brand = .allocate(capacity: max(1, b.count))
        var off = 0
        var wi = 0
        for (ti, term) in t.enumerated() {
            terms[ti] = (Int32(wi), Int32(term.count))
            for w in term {
                for (k, byte) in w.enumerated() { bytes[off + k] = byte }
                words[wi] = (Int32(off), Int32(w.count))
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
    }

    var view: TermsView {
        TermsView(bytes: bytes, words: words, terms: terms, brand: brand, termCount: termCount, brandCount: brandCount)
    }
}

/// A reference-free view of a `TermStorage`.
struct TermsView: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>, words: UnsafeMutablePointer<(Int32, Int32)>
    let terms: UnsafeMutablePointer<(Int32, Int32)>, brand: UnsafeMutablePointer<UInt64>
    let termCount: Int, brandCount: Int

    @inline(__always) func word(_ i: Int) -> (ptr: UnsafePointer<UInt8>, len: Int) {
        let (off, len) = words[i]
        return (UnsafePointer(bytes + Int(off)), Int(len))
    }

    @inline(__always) func isBrand(_ h: UInt64) -> Bool {
        for i in 0..<brandCount where brand[i] == h { return true }
        return false
    }
}
