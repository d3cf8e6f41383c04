import Foundation
import XCTest

@testable import SwitchboardCore

/// `Mention.readBack()` is what an `ingest` hands to the index instead of its lines (issue 18): it must be exactly
/// the mention a rebuild reads from the line the store wrote by `fastDecode`, and nil where that declines (the
/// follower then decodes the line, as a rebuild does with JSONDecoder).
final class MentionReadBackTests: XCTestCase {
    /// The mention `fastDecode` reads from the line `fastEncode` writes for `m` (nil: a rebuild decodes that line
    /// with JSONDecoder).
    func fastReread(_ m: Mention) -> Mention? {
        var w = JSONWriter()
        m.fastEncode(into: &w)
        return w.out.withUnsafeBufferPointer { Mention.fastDecode($0) }
    }

    /// `readBack` is the fast reader's mention, or nil exactly where the fast reader declines the line.
    func assertReadsBack(
        _ m: Mention, _ what: String, declined: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        guard let expected = fastReread(m) else {
            XCTAssertTrue(declined, "the fast reader declines \(what)", file: file, line: line)
            XCTAssertNil(m.readBack(), what, file: file, line: line)
            return
        }
        XCTAssertFalse(declined, what, file: file, line: line)
        let got = try XCTUnwrap(m.readBack(), what, file: file, line: line)
        XCTAssertEqual(got, expected, what, file: file, line: line)
        // Equal to the bit where `==` would forgive (dates and scores are compared as doubles, -0 == 0).
        XCTAssertEqual(
            got.createdAt.timeIntervalSinceReferenceDate.bitPattern,
            expected.createdAt.timeIntervalSinceReferenceDate.bitPattern, what, file: file, line: line)
        XCTAssertEqual(
            got.analysis?.score.bitPattern, expected.analysis?.score.bitPattern, what, file: file, line: line)
        XCTAssertTrue(got.text.utf8.elementsEqual(expected.text.utf8), what, file: file, line: line)
    }

    func mention(at seconds: Double, score: Double?, followers: Int?, text: String = "Upload kaputt") -> Mention {
        let at = Date(timeIntervalSince1970: seconds)
        return Mention(
            platform: "mastodon", id: "\(seconds)-\(score ?? -1)", text: text, createdAt: at,
            fetchedAt: at.addingTimeInterval(0.000_6),
            author: Author(handle: "anna@example.social", name: "Anna", followers: followers),
            analysis: score.map { Analysis(lang: "de", sentiment: .negative, score: $0, intents: [.complaint]) })
    }

    func testTimesReadBackToTheMillisecondAsTheLogKeepsThem() throws {
        for t in [
            1_790_000_000.123_456_7, 1_790_000_000.999_6, 1_790_000_000.000_4, 0, -0.000_6, -1_000_000.123_9,
            -62_135_596_800.5, 253_402_300_799.999_9, 1e300, -1e300, .infinity, -.infinity, .nan,
            1_790_000_000 + 1.0 / 3,
        ] {
            try assertReadsBack(mention(at: t, score: nil, followers: nil), "time \(t)")
        }
    }

    func testScoresReadBackToFourDecimalsAsTheLogKeepsThem() throws {
        for s in [
            0.123_456_789, -0.999_95, 0.999_95, -0.000_04, 0.000_05, 1e20, -1e-300, 5e-5, 0.1 + 0.2, -0.0, 0,
            .nan, .infinity, -.infinity, 123_456_789_012.345_67, 1e15 + 0.5, Double.greatestFiniteMagnitude,
        ] {
            try assertReadsBack(mention(at: 1_790_000_000, score: s, followers: 3), "score \(s)")
        }
    }

    func testFollowersAndEveryOtherFieldReadBackAsWritten() throws {
        for f in [nil, 0, -5, 8_999_999_999_999_999, -8_999_999_999_999_999] {
            try assertReadsBack(mention(at: 1_790_000_000.5, score: 0.5, followers: f), "followers \(String(describing: f))")
        }
        // Past what the fast reader takes (it reads integers through a Double): declined by both.
        for f in [Int.max, Int.min, 9_007_199_254_740_993] {
            try assertReadsBack(
                mention(at: 1_790_000_000.5, score: 0.5, followers: f), "followers \(f)", declined: true)
        }
        let texts = [
            "Quote \" backslash \\ slash / tab \t newline \n cr \r nul \u{0} bell \u{7} del \u{7f}",
            "e\u{301} vs é, 👩‍👩‍👧 \u{2028}\u{2029} \u{FEFF}", "", " leading and trailing ",
        ]
        for t in texts {
            var m = mention(at: 1_790_000_000, score: -0.25, followers: nil, text: t)
            m.title = t
            m.url = "https://example.social/@anna/\(t.count)"
            m.lang = "de"
            m.source = "Mastodon"
            m.platform = "Mastodon"
            m.inReplyTo = "p1"
            m.threadRoot = "p0"
            m.author = Author(handle: t, name: t, url: t, followers: 1)
            m.extra = ["private": .bool(true), "n": .number(1.000_001), "big": .number(1e300), "s": .string(t)]
            m.reply = ReplyRef()
            m.reply?.uri = t
            m.analysis = Analysis(
                lang: "en", sentiment: .positive, score: 0.333_333_33, intents: [.praise, .question],
                crisisTerms: [t], model: "m")
            try assertReadsBack(m, "text \(t.debugDescription)")
        }
    }

    /// A newer version's record is not handed over (a rebuild would refuse its line).
    func testANewerRecordDoesNotReadBack() {
        var m = mention(at: 1_790_000_000, score: 0.1, followers: 1)
        m.schema = Mention.schemaVersion + 1
        XCTAssertNil(m.readBack())
    }
}
