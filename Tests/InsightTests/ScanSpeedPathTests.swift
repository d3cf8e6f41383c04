import Foundation
import Insight
import SwitchboardCore
import XCTest

/// The fast paths of the scan (issue 22, fifth pass) read what the slow ones read: the thread's reused buffer, the
/// tokenizer's run of ASCII letters with capitals folded in, and the German stem fallback's stems hashed on demand.
/// (That all dev texts and our own messages keep their analysis is `Scripts/insight-equality`'s proof.)
final class ScanSpeedPathTests: XCTestCase {
    func testALongTextBetweenShortOnesChangesNothing() {
        let analyzer = Analyzer(crisisTerms: ["Ausfall"])
        let short = "Seit heute morgen kompletter Ausfall, danke für nichts 😡"
        let first = analyzer.analyze(short)
        // Longer than the thread's first buffer: it grows, and the short text after it reads the same.
        let long = String(repeating: "Der Zug fällt schon wieder aus, keiner sagt was. Super gemacht!!! ", count: 600)
        let longResult = analyzer.analyze(long)
        XCTAssertEqual(longResult.lang, "de")
        XCTAssertEqual(analyzer.analyze(short), first)
        XCTAssertEqual(first.crisisTerms, ["Ausfall"])
    }

    func testEveryThreadReadsTheSame() {
        let analyzer = Analyzer(crisisTerms: ["outage", "Datenleck"])
        let texts = (0..<400).map { i in
            [
                "Great, another outage. Thanks a lot.", "Warte seit drei Wochen auf meine Erstattung.",
                "How do I export my data?", "Datenleck bei euch??? Unfassbar!!!", "Soooo GUUUT, danke 😍",
                "Habe gerade die blaue Variante bestellt.",
                String(repeating: "Kundenservicekatastrophe ", count: i % 40),
            ][i % 7] + " #\(i)"
        }
        let expected = texts.map { analyzer.analyze($0) }
        let results = Results(count: 4 * texts.count)
        DispatchQueue.concurrentPerform(iterations: 4) { t in
            for (i, text) in texts.enumerated() { results.set(t * texts.count + i, analyzer.analyze(text)) }
        }
        for t in 0..<4 {
            for i in texts.indices { XCTAssertEqual(results.get(t * texts.count + i), expected[i], texts[i]) }
        }
    }

    /// Analyses written by several threads, each to its own places.
    private final class Results: @unchecked Sendable {
        private var items: [Analysis?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ a: Analysis) { lock.withLock { items[i] = a } }
        func get(_ i: Int) -> Analysis? { lock.withLock { items[i] } }
    }

    /// Session 11: a word of ASCII letters is read inline by the tokenizer, anything else by the general reader; both
    /// give the same tokens, flags and keys.
    func testInlineWordsReadLikeTheGeneralReader() {
        let analyzer = Analyzer()
        // Letter runs and capitals in the inline path, words that end in a digit, an apostrophe or a non-ASCII letter
        // (read again by the general reader), and a word at the very end of the text.
        XCTAssertEqual(
            analyzer.features("Sooo GOOOD, really-nice x2 it's CAFÉ grün gut").tokens,
            ["soo", "good", ",", "really", "-", "nice", "x2", "its", "café", "grün", "gut"])
        // The key of a word is the same whichever reader read it: the inline one ("gut"), the general one ("#gut").
        XCTAssertEqual(analyzer.features("gut").keys.first, analyzer.features("#gut").keys.first)
        XCTAssertNotEqual(analyzer.features("gut").keys.first, analyzer.features("guts").keys.first)
        // A word in capitals stays "caps" (stronger), a capitalised one does not.
        let caps = analyzer.analyze("This is GREAT"), plain = analyzer.analyze("This is Great")
        XCTAssertGreaterThan(caps.score, plain.score)
    }

    /// Session 11: a crisis term's first word is looked for by its rarest byte; an occurrence of that byte elsewhere,
    /// or before the term, or the term at the text's very start or end, changes nothing.
    func testCrisisTermsFoundByTheirRarestByte() {
        let a = Analyzer(crisisTerms: ["boycott", "Ausfall", "data breach", "xy"])
        XCTAssertEqual(a.analyze("boycott").crisisTerms, ["boycott"])
        XCTAssertEqual(a.analyze("yyyy yes, you: boycotts everywhere").crisisTerms, ["boycott"])
        XCTAssertNil(a.analyze("a boy cott y boycot").crisisTerms)
        XCTAssertEqual(a.analyze("Totalausfall!! fff").crisisTerms, ["Ausfall"])  // inside a word (four bytes or more)
        XCTAssertEqual(a.analyze("fff, AUSFALLS überall").crisisTerms, ["Ausfall"])
        XCTAssertEqual(a.analyze("the DATA breach").crisisTerms, ["data breach"])
        XCTAssertNil(a.analyze("data, no breach").crisisTerms)
        XCTAssertEqual(a.analyze("y x xy").crisisTerms, ["xy"])
    }

    /// Session 13: a term at every place of the first 40 bytes (either side of any block a faster search would read
    /// at once), in the last places of the text, one byte short of the end, and after a longer text left its bytes
    /// in the thread's buffer, is found exactly where it is.
    func testCrisisTermsFoundAtEveryPlace() {
        let a = Analyzer(crisisTerms: ["outage", "Ausfall", "q"])
        for pad in 0..<40 {
            // The normalised bytes hold no spaces: `pad` letters put "outage" at byte `pad`.
            let before = String(repeating: "b", count: pad)
            XCTAssertEqual(a.analyze(before + " outage").crisisTerms, ["outage"], "at \(pad)")
            XCTAssertEqual(a.analyze(before + " outage " + before).crisisTerms, ["outage"], "at \(pad), then more")
            XCTAssertNil(a.analyze(before + " outag").crisisTerms, "cut short at \(pad)")
            XCTAssertNil(a.analyze(before + " utage" + before).crisisTerms, "first byte missing at \(pad)")
            XCTAssertEqual(a.analyze(before + " Q").crisisTerms, ["q"], "one byte at \(pad)")
        }
        // A text one byte longer leaves its last byte behind the shorter one's end in the thread's buffer: not read.
        XCTAssertEqual(a.analyze("xoutage").crisisTerms, ["outage"])
        XCTAssertNil(a.analyze("xoutag").crisisTerms)
        XCTAssertEqual(a.analyze("Totalausfall").crisisTerms, ["Ausfall"])
        XCTAssertNil(a.analyze("Totalausfal").crisisTerms)
    }

    /// Session 15: a crisis word of at most 8 bytes is compared as one 64-bit load of the text's bytes, which reads past
    /// the word (and past the text's end, into what a longer text left in the thread's buffer): only the word's own
    /// bytes count, at every length up to 8 and beyond it (compared the old way).
    func testShortCrisisWordsComparedByTheirOwnBytes() {
        let words = ["q", "zq", "abc", "kabu", "strik", "outage", "ausfall", "shutdown", "datenleck", "lieferstopp"]
        let a = Analyzer(crisisTerms: words)
        for w in words {
            let last = w.index(before: w.endIndex)
            let wrongLast = String(w[..<last]) + (w.hasSuffix("x") ? "y" : "x")
            // A longer text first, so that the buffer holds the whole word right after the shorter text's end.
            _ = a.analyze("zz " + w + w + " " + w)
            XCTAssertEqual(a.analyze("zz " + w).crisisTerms, [w], w)
            XCTAssertNil(a.analyze("zz " + String(w[..<last])).crisisTerms, "\(w) cut short")
            XCTAssertNil(a.analyze("zz " + wrongLast + " zz").crisisTerms, "\(w) with its last byte wrong")
            XCTAssertEqual(a.analyze(wrongLast + " " + w + "!").crisisTerms, [w], "\(w) after a near miss")
        }
    }

    func testCapitalsAndLetterRunsFoldAsBefore() {
        let analyzer = Analyzer()
        // Letter runs cap at two whatever the case; capitals fold to lower case; a word in capitals stays "caps".
        XCTAssertEqual(analyzer.features("AaAa GUUUUT Wooow").tokens, ["aa", "guut", "woow"])
        XCTAssertEqual(analyzer.features("Straße GRÜSSE Ärger").tokens, ["straße", "grüsse", "ärger"])
        // Apostrophes inside words drop; "dont" negates the word after it ("!wont").
        XCTAssertEqual(analyzer.features("don't WON’T").tokens, ["dont", "!wont"])
        XCTAssertEqual(analyzer.analyze("DAS IST SUPER").lang, analyzer.analyze("das ist super").lang)
    }

    func testGermanStemsAndCompoundHeadsStillCount() {
        let analyzer = Analyzer()
        // Inflected forms and compound heads of polar German words take the word's sentiment.
        XCTAssertEqual(analyzer.analyze("Das ist eine Kundenservicekatastrophe.").sentiment, .negative)
        XCTAssertEqual(analyzer.analyze("Die schlechteste Bahn der Welt.").sentiment, .negative)
    }
}
