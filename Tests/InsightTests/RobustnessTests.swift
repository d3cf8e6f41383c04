import SwitchboardCore
import XCTest

@testable import Insight

/// Hostile and odd input: whatever the network sends, the analyser answers within range and never crashes.
final class RobustnessTests: XCTestCase {
    func testRandomTextsStayInRange() {
        let a = Analyzer(crisisTerms: ["Ausfall", "data breach", "x"], brandTerms: ["ACME"])
        var seed: UInt64 = 7
        func next(_ n: UInt32) -> UInt32 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: seed >> 33) % n
        }
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x00...0x1F, 0xC0...0x17F, 0x400...0x4FF, 0x3040...0x30FF, 0x1F300...0x1FAFF, 0x2000...0x206F,
        ]
        for _ in 0..<2000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(next(300)) {
                let pool = pools[Int(next(UInt32(pools.count)))]
                if let u = Unicode.Scalar(pool.lowerBound + next(pool.upperBound - pool.lowerBound + 1)) { s.append(u) }
            }
            let r = a.analyze(String(s))
            XCTAssertTrue((-1...1).contains(r.score))
            XCTAssertTrue(["de", "en", "other"].contains(r.lang))
        }
    }

    func testVeryLongAndRepetitiveTexts() {
        let a = Analyzer(crisisTerms: ["outage"])
        let long = String(repeating: "outage terrible 😡 ", count: 5000)
        let r = a.analyze(long)
        XCTAssertEqual(r.sentiment, .negative)
        XCTAssertEqual(r.crisisTerms, ["outage"])
        XCTAssertEqual(a.analyze(String(repeating: "!", count: 100_000)).sentiment, .neutral)
        XCTAssertEqual(a.analyze(String(repeating: "a", count: 100_000)).lang, "other")
        XCTAssertEqual(a.analyze(String(repeating: "soooo goooood ", count: 3)).sentiment, .positive)
    }
}
