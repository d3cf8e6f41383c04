import Foundation
import XCTest

@testable import SwitchboardCore

/// Issue 20: a private message is counted in a report, its words never reach the report's text.
final class ReportPrivateMessageTests: XCTestCase {
    func testPrivateMessagesAreCountedButTheirWordsStayOut() throws {
        var secret = ReportFixture.m(
            "dm1", "mastodon", "jonas@chaos.social", "2026-11-17T09:00:00Z",
            "Rechnungsnummer Rechnungsnummer Geheimcode Geheimcode", .neutral)
        secret.reply = ReplyRef(uri: "dm1", visibility: "direct")
        let public1 = ReportFixture.m(
            "pub1", "mastodon", "ute@social.example", "2026-11-17T10:00:00Z", "Geheimcode Geheimcode im Newsletter?",
            .neutral)
        let public2 = ReportFixture.m(
            "pub2", "bluesky", "kai.example.com", "2026-11-17T11:00:00Z", "Wo ist der Geheimcode aus dem Newsletter?",
            .neutral)
        let r = try Report.compute(
            mentions: [secret, public1, public2], states: [:], events: [], team: ReportFixture.team,
            since: ReportFixture.since, until: ReportFixture.until, now: ReportFixture.now)
        XCTAssertEqual(r.volume.total, 3, "the private message is counted")
        XCTAssertEqual(r.privateMessages, 1)
        let text = r.text()
        XCTAssertFalse(text.lowercased().contains("rechnungsnummer"), text)
        // "geheimcode" comes from the two public mentions only: 2, not 3.
        XCTAssertEqual(r.topics.first { $0.term == "geheimcode" }?.count, 2)
        XCTAssertTrue(text.contains("Private messages: 1 (counted only; their text stays out of reports)"), text)
    }
}
