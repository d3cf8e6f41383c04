import Foundation
import SwitchboardCore
import XCTest

@testable import Insight

/// The speed paths of issue 22's seventh pass read what the plain lookups read: the phrase filter lets every phrase
/// through, and the German stem search that compares a word's last bytes as one integer finds the stems the
/// ending-by-ending search found. (That all dev texts and our own messages keep their analysis is
/// `Scripts/insight-equality`'s proof.)
final class ScanFilterTests: XCTestCase {
    func testEveryPhrasePassesTheFilter() {
        let m = InsightModel.shared
        let filter = m.phraseFilter.view
        var checked = 0
        for i in 0...m.phrases.mask where m.phrases.slots[i].key != 0 {
            XCTAssertTrue(filter.mayContain(m.phrases.slots[i].key), "phrase slot \(i)")
            checked += 1
        }
        XCTAssertEqual(checked, m.phrases.count)
        XCTAssertGreaterThan(checked, 200, "the shipped phrase lists")
        // The phrases still act: "für nichts" is ironic thanks, "na toll" too.
        let a = Analyzer()
        XCTAssertEqual(a.analyze("Danke für nichts.").sentiment, .negative)
        XCTAssertEqual(a.analyze("Na toll, der Zug ist weg.").sentiment, .negative)
    }

    func testMostWordPairsAreStoppedByThePhraseFilter() {
        let filter = InsightModel.shared.phraseFilter.view
        var passed = 0
        var seed: UInt64 = 11
        for _ in 0..<20_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            if filter.mayContain(phraseKey(seed, seed >> 7 | 1)) { passed += 1 }
        }
        XCTAssertLessThan(passed, 20_000 / 20, "a filter that lets most pairs through saves no probe")
    }

    func testGermanStemsAreFoundAsByTheEndingByEndingSearch() throws {
        let a = Analyzer()
        let dir = try XCTUnwrap(InsightModel.resourceDirectory())
        let lexicon = try String(contentsOf: dir.appendingPathComponent("lexicon-de.tsv"), encoding: .utf8)
        var stems: [String] = []
        for line in lexicon.split(separator: "\n") where !line.hasPrefix("#") {
            guard let word = line.split(separator: "\t").first, word.utf8.count >= 3 else { continue }
            stems.append(word.lowercased())
            if stems.count >= 600 { break }
        }
        XCTAssertGreaterThan(stems.count, 100)
        let endings = ["esten", "ester", "estem", "estes", "sten", "este", "ste", "ern", "en", "er", "es", "em", "st"]
            + ["e", "n", "s", "t", "x", "ung", "keit", "chen"]
        var polar = 0
        for stem in stems {
            for form in endings.map({ stem + $0 }) + ["kunden" + stem, "service" + stem + "en", "zug" + stem + "s"] {
                var bytes = Array(form.utf8)
                let expected = reference(a, bytes)
                let got = bytes.withUnsafeMutableBufferPointer {
                    a.germanFallback($0.baseAddress!, $0.count, a.hot.words)
                }
                XCTAssertEqual(got, expected, String(decoding: bytes, as: UTF8.self))
                if got != 0 { polar += 1 }
            }
        }
        XCTAssertGreaterThan(polar, 1000, "inflected forms of lexicon words find their stems")
    }

    /// The stem search as it was before the seventh pass: each ending read byte by byte, no filter, then the head.
    private func reference(_ a: Analyzer, _ w: [UInt8]) -> Float {
        guard w.count >= 5 else { return 0 }
        let endings = ["esten", "ester", "estem", "estes", "sten", "este", "ste", "ern", "en", "er", "es", "em", "st"]
            + ["e", "n", "s", "t"]
        var k = min(5, w.count - 4)
        while k >= 1 {
            if endings.contains(String(decoding: w.suffix(k), as: UTF8.self)) {
                var h = fnvOffset
                for b in w.prefix(w.count - k) { h = fnvStep(h, b) }
                let s = a.hot.words.slot(h == 0 ? 1 : h)
                if s >= 0 && a.hot.words.value(at: s).lexDE != 0 { return a.hot.words.value(at: s).lexDE }
            }
            k -= 1
        }
        guard w.count >= 9 else { return 0 }
        var copy = w
        return copy.withUnsafeMutableBufferPointer { a.compoundHead($0.baseAddress!, $0.count) }
    }
}
