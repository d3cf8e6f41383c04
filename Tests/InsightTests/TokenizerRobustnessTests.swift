import Insight
import XCTest

/// Every text ends: characters that start like letters but are none (×, ÷) and other odd bytes never stall the tokenizer.
final class TokenizerRobustnessTests: XCTestCase {
    func testTextsWithSignsThatLookLikeLetterLeadsAreAnalysed() {
        let analyzer = Analyzer()
        for t in [
            "2× schneller", "„bis zu 2× schneller“", "10 ÷ 2", "×", "÷÷÷", "ab×cd", "€ 5,– ± 3 · ¼ ½", "a\u{0301}×",
        ] {
            let a = analyzer.analyze(t)
            XCTAssertFalse(a.lang.isEmpty, t)
        }
    }

    func testRandomTextsAlwaysFinish() {
        let analyzer = Analyzer()
        var rng = SystemRandomNumberGenerator()
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x24F, 0x2000...0x206F, 0x1F300...0x1F6FF, 0x4E00...0x4E80, 0x0300...0x036F,
        ]
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                let pool = pools.randomElement(using: &rng)!
                if let u = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) { s.append(u) }
            }
            _ = analyzer.analyze(String(s))
        }
    }
}
