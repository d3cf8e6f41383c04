import Foundation
import Insight
import ListenerServices
import SwitchboardCore
import XCTest

/// What the analysis reads of a mention: a comment is analysed by its own words, never by its thread's title.
final class IngestionTextTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_760_000_000)

    /// A Reddit comment as the connector builds it: `link_title` as title, the parent and the post as its thread.
    func redditComment(_ text: String, title: String) -> Mention {
        Mention(
            platform: "reddit", id: "t1_abc", text: text, createdAt: t0, inReplyTo: "t3_post", threadRoot: "t3_post",
            title: title)
    }

    func testRedditCommentIsNotAnalysedByItsThreadTitle() {
        let m = redditComment(
            "Der Import hat bei mir problemlos geklappt.",
            title: "Import komplett kaputt, Support reagiert nicht, totale Katastrophe!!")
        XCTAssertEqual(Ingestion.text(of: m), "Der Import hat bei mir problemlos geklappt.")
        let a = Ingestion.analyse([m], with: Analyzer())[0].analysis
        XCTAssertNotNil(a)
        XCTAssertFalse(a!.intents.contains(.complaint), "a happy comment under an angry title: \(a!)")
        XCTAssertNotEqual(a!.sentiment, .negative)
    }

    func testYouTubeTopLevelCommentIsNotAnalysedByTheVideoTitle() {
        let m = Mention(
            platform: "youtube", id: "Ugz1", text: "Thanks, this fixed it for me!", createdAt: t0, threadRoot: "Ugz1",
            title: "Why the update broke everything (and how we failed you)")
        XCTAssertEqual(Ingestion.text(of: m), "Thanks, this fixed it for me!")
        let a = Ingestion.analyse([m], with: Analyzer())[0].analysis!
        XCTAssertFalse(a.intents.contains(.complaint))
    }

    func testAPostStillReadsItsOwnHeadline() {
        // A feed item (no thread) whose body doesn't repeat its headline: the headline is read too.
        let item = Mention(
            platform: "rss", id: "item-1", text: "Details below.", createdAt: t0, title: "Outage: checkout is down")
        XCTAssertEqual(Ingestion.text(of: item), "Outage: checkout is down\nDetails below.")
        // A Reddit post already starts with its title: read once.
        let post = Mention(
            platform: "reddit", id: "t3_post", text: "Import kaputt?\n\nSeit dem Update geht nichts.", createdAt: t0,
            threadRoot: "t3_post", title: "Import kaputt?")
        XCTAssertEqual(Ingestion.text(of: post), post.text)
    }
}
