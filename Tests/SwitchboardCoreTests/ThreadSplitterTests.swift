import XCTest

@testable import SwitchboardCore

/// A reply too long for its network becomes a numbered thread: sentence boundaries, never mid-word, markers
/// counted, German text.
final class ThreadSplitterTests: XCTestCase {
    static let german = (1...12).map { i in
        "Satz \(i): Wir prüfen die Störung an der Straßenbahn-Haltestelle gründlich und melden uns bis Freitag, "
            + "versprochen – Grüße aus Köln!"
    }.joined(separator: " ")

    /// The text without markers and whitespace differences: nothing lost, nothing added.
    func words(_ parts: [String]) -> [String] {
        parts.enumerated().flatMap { i, p -> [Substring] in
            let marker = " \(i + 1)/\(parts.count)"
            XCTAssertTrue(p.hasSuffix(marker), "part \(i + 1) ends with its marker: \(p)")
            return p.dropLast(marker.count).split(whereSeparator: \.isWhitespace)
        }.map(String.init)
    }

    func testShortReplyStaysOnePostUnchanged() {
        XCTAssertEqual(ThreadSplitter.split("Danke, Grüße!", network: "mastodon"), ["Danke, Grüße!"])
        XCTAssertEqual(ThreadSplitter.split(Self.german, network: "rss"), [Self.german], "no known limit")
    }

    func testGermanTextSplitsAtSentenceEndsWithinMastodonsLimit() {
        let parts = ThreadSplitter.split(Self.german, network: "mastodon")
        XCTAssertEqual(parts.count, 4)
        for p in parts { XCTAssertLessThanOrEqual(PostLength.count(p, "mastodon"), 500, p) }
        XCTAssertEqual(words(parts), Self.german.split(whereSeparator: \.isWhitespace).map(String.init))
        for (i, p) in parts.enumerated() {
            XCTAssertTrue(p.hasSuffix("Köln! \(i + 1)/4"), "ends at a sentence end: \(p)")
        }
    }

    func testMarkersCountAndURLsCountAs23OnMastodon() {
        // 9 sentences of 55 characters with a 60-character URL each: Mastodon counts 18 for the URL instead.
        let url = "https://acme.example/hilfe/rechnungen/" + String(repeating: "x", count: 22)
        let text = (1...9).map { "Hier steht die Antwort Nummer \($0) für Sie: \(url) ok." }.joined(separator: " ")
        let parts = ThreadSplitter.split(text, network: "mastodon")
        XCTAssertEqual(parts.count, 2, "\(parts.map { PostLength.count($0, "mastodon") })")
        for p in parts { XCTAssertLessThanOrEqual(PostLength.count(p, "mastodon"), 500) }
        XCTAssertGreaterThan(parts[0].count, 500, "characters beyond 500, but URLs count 23")
    }

    func testBlueskyGraphemesAndXWeights() {
        let emoji = (1...12).map { "Danke 👋🏽 für Ihre Geduld, wir melden uns heute noch bei Ihnen zurück \($0)." }
            .joined(separator: " ")
        let bsky = ThreadSplitter.split(emoji, network: "bluesky")
        XCTAssertGreaterThan(bsky.count, 1)
        for p in bsky { XCTAssertLessThanOrEqual(p.count, 300, p) }
        let x = ThreadSplitter.split(emoji, network: "x")
        for p in x { XCTAssertLessThanOrEqual(PostLength.count(p, "x"), 280, p) }
        XCTAssertGreaterThan(x.count, bsky.count, "X weighs the emoji 2 and allows 280")
        XCTAssertEqual(words(x), emoji.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    func testLongSentenceBreaksBetweenWordsNeverInside() {
        let long = (1...80).map { "Straßenbahnhaltestelle\($0)" }.joined(separator: " ")
        let parts = ThreadSplitter.split(long, network: "bluesky")
        XCTAssertGreaterThan(parts.count, 5)
        XCTAssertEqual(words(parts), long.split(separator: " ").map(String.init), "every word whole")
    }

    func testDatesAndAbbreviationsAreNoSentenceEnds() {
        let s = ThreadSplitter.sentences("Am 5. Dezember, z. B. um 10 Uhr. Danke! Bis bald")
        XCTAssertEqual(s.map(\.text), ["Am 5. Dezember, z. B. um 10 Uhr.", "Danke!", "Bis bald"])
    }

    func testADashLineEndsAPartByHand() {
        let parts = ThreadSplitter.split("Erster Teil.\n---\nZweiter Teil, kurz.", network: "mastodon")
        XCTAssertEqual(parts, ["Erster Teil. 1/2", "Zweiter Teil, kurz. 2/2"])
    }

    func testThreadPartsAreChainedDraftsWithTheirOwnKeys() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let d = OutboxDraft(mention: "m", text: Self.german, network: "mastodon", createdAt: t0)
        let parts = d.threadParts()
        XCTAssertEqual(parts.count, 4)
        XCTAssertEqual(parts[0].id, d.id)
        XCTAssertEqual(parts.map(\.thread?.part), [1, 2, 3, 4])
        XCTAssertEqual(parts.map(\.thread?.after), [nil, parts[0].id, parts[1].id, parts[2].id])
        XCTAssertEqual(Set(parts.map(\.idempotencyKey)).count, 4)
        XCTAssertEqual(Set(parts.map(\.createdAt)).count, 4)
    }
}
