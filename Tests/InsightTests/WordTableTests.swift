import XCTest

@testable import Insight

/// The compact word table (issue 22): small slots, shared records, and the same answers as the dictionary it is
/// built from.
final class WordTableTests: XCTestCase {
    func testEveryWordReadsBackExactlyAndUnknownWordsMiss() {
        var entries: [UInt64: WordInfo] = [:]
        var seed: UInt64 = 11
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed
        }
        for i in 0..<20_000 {
            var w = WordInfo()
            let r = next()
            // Many words alike (shared records), some with every field set, a negative zero kept apart from zero.
            if i % 3 == 0 { w.flags = WordInfo.fnDE }
            if i % 3 == 1 {
                w.lexEN = Float(Int(r & 63) - 31) / 8
                w.lexDE = i % 7 == 0 ? -0.0 : Float(Int(r >> 6 & 63) - 31) / 8
                w.wPos = Float(r >> 12 & 255) / 100
                w.wNeg = -Float(r >> 20 & 255) / 100
                w.boostEN = i % 11 == 0 ? 0.3 : 0
                w.boostDE = i % 13 == 0 ? 0.25 : 0
                w.flags = UInt32(truncatingIfNeeded: r >> 28)
                w.rhetoric = i % 5 == 0
                w.cues = UInt8(truncatingIfNeeded: r >> 40) & 127
                for o in 0..<9 { w.learned[o] = Int8(truncatingIfNeeded: r >> (o * 5)) }
            }
            entries[next() | 1] = w
        }
        let table = WordTable(entries)
        let view = table.view
        XCTAssertEqual(table.count, entries.count)
        XCTAssertLessThan(table.recordCount, entries.count * 3 / 4, "alike words share one record")
        for (k, w) in entries {
            let s = view.slot(k)
            XCTAssertGreaterThanOrEqual(s, 0)
            XCTAssertEqual(view.key(at: s), k)
            let v = view.value(at: s)
            XCTAssertEqual(v.flags, w.flags)
            XCTAssertEqual(view.flags(at: s), w.flags)
            XCTAssertEqual(
                [v.lexEN, v.lexDE, v.wPos, v.wNeg, v.boostEN, v.boostDE].map(\.bitPattern),
                [w.lexEN, w.lexDE, w.wPos, w.wNeg, w.boostEN, w.boostDE].map(\.bitPattern))
            XCTAssertEqual(v.cues, w.cues)
            XCTAssertEqual(v.rhetoric, w.rhetoric)
            XCTAssertEqual(v.learned, w.learned)
        }
        for _ in 0..<20_000 {
            let k = next() | 1
            if entries[k] == nil { XCTAssertEqual(view.slot(k), -1) }
        }
    }

    func testTheShippedWordTableFitsInTwoMegabytes() {
        // 64-byte slots of whole `WordInfo`s took 8 MB for the 35,000 words, far beyond a core's 512 KB of L2.
        let words = InsightModel.shared.words
        XCTAssertGreaterThan(words.count, 30_000)
        let bytes = (words.mask + 1) * MemoryLayout<WordTable.Slot>.stride + words.recordCount * WordTable.recordBytes
        XCTAssertLessThanOrEqual(MemoryLayout<WordTable.Slot>.stride, 16)
        XCTAssertLessThanOrEqual(bytes, 2 * 1_048_576 + 64 * 1024, "\(bytes) bytes")
    }
}
