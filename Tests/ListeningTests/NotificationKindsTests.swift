import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Issue 20: which notification kinds become mentions, which are only counted, and the server's own filters.
final class NotificationKindsTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// A status JSON that matched the given server filters (`action` warn or hide).
    func filtered(_ status: String, title: String, action: String) -> String {
        status.replacingOccurrences(
            of: #""filtered":[]"#,
            with:
                #""filtered":[{"filter":{"id":"3","title":"\#(title)","context":["notifications"],"expires_at":null,"filter_action":"\#(action)","keywords":[],"statuses":[]},"keyword_matches":["spoiler"],"status_matches":[]}]"#
        )
    }

    func mastodonPage() -> String {
        MastodonFixture.list([
            MastodonFixture.notification(id: "1006", type: "follow", status: "0", acct: "fan@other.example"),
            MastodonFixture.notification(id: "1005", type: "favourite", status: "110005"),
            MastodonFixture.notification(id: "1004", type: "reblog", status: "110004"),
            "{\"id\":\"1003\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(MastodonFixture.account(id: "56", acct: "carl@other.example")),"
                + "\"status\":\(MastodonFixture.status(id: "110003", acct: "carl@other.example", inReplyTo: "109000"))}",
            MastodonFixture.notification(id: "1002", status: "110002"),
        ])
    }

    func testMastodonAsksForTheKindsAndCountsFollowsLikesBoostsInsteadOfStoringThem() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", .json(mastodonPage()))
        let source = try MastodonSource(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])

        let req = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(
            req.queryItems.filter { $0.0 == "types[]" }.map(\.1), ["mention", "quote", "follow", "favourite", "reblog"])
        XCTAssertEqual(
            r.mentions.map(\.id).sorted(),
            [
                "https://other.example/users/anna/statuses/9110002",
                "https://other.example/users/carl/statuses/9110003",
            ])
        XCTAssertEqual(r.counts, ["2026-11-26": ["follow": 1, "like": 1, "boost": 1]])
        XCTAssertEqual(r.cursor["notifications"], "1006", "counted notifications move the cursor too")
    }

    func testMastodonKindsTurnedOffProduceNoMention() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", .json(mastodonPage()))
        var c = mastodonConfig(server)
        c.notificationKinds = ["mention"]
        let r = try await MastodonSource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])

        let req = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(
            req.queryItems.filter { $0.0 == "types[]" }.map(\.1), ["mention", "follow", "favourite", "reblog"])
        // The reply (in_reply_to_id set) is off: only the plain mention is stored.
        XCTAssertEqual(r.mentions.map(\.id), ["https://other.example/users/anna/statuses/9110002"])
    }

    func testAnUnknownKindIsAClearConfigurationError() throws {
        var c = mastodonConfig(server)
        c.notificationKinds = ["mention", "replys"]
        XCTAssertThrowsError(try MastodonSource(config: c, dataDir: try makeDataDir(), http: TestHTTPClient())) {
            XCTAssertEqual(
                "\($0)",
                "source masto: `notification_kinds` holds \"replys\": the kinds are mention, reply, quote, follow, like, boost"
            )
        }
    }

    func testMastodonServerFilterHideIsCountedNotStoredAndWarnCarriesTheFilterTitle() async throws {
        let dir = try makeDataDir()
        let hidden = filtered(
            MastodonFixture.status(id: "110008", acct: "troll@other.example"), title: "Trolle", action: "hide")
        let warned = filtered(
            MastodonFixture.status(id: "110007", acct: "dora@other.example"), title: "Spoiler: Staffel 3",
            action: "warn")
        server.on(
            "GET", "/api/v1/notifications",
            .json(
                MastodonFixture.list([
                    "{\"id\":\"1008\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(MastodonFixture.account(id: "58", acct: "troll@other.example")),\"status\":\(hidden)}",
                    "{\"id\":\"1007\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(MastodonFixture.account(id: "57", acct: "dora@other.example")),\"status\":\(warned)}",
                ])))
        let r = try await MastodonSource(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
            .poll(cursor: [:])
        XCTAssertEqual(r.mentions.count, 1)
        XCTAssertEqual(r.mentions.first?.author?.handle, "@dora@other.example")
        XCTAssertEqual(r.mentions.first?.filterWarning, "Spoiler: Staffel 3")
        XCTAssertEqual(r.counts, ["2026-11-26": ["filtered": 1]])
    }

    func testMastodonDirectMessageIsPrivateAndItsReplyIsNeverPublic() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json(
                MastodonFixture.list([
                    "{\"id\":\"1009\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(MastodonFixture.account(id: "59", acct: "jonas@other.example")),"
                        + "\"status\":\(MastodonFixture.status(id: "110009", acct: "jonas@other.example", visibility: "direct"))}"
                ])))
        server.on(
            "POST", "/api/v1/statuses",
            .json(MastodonFixture.status(id: "130009", acct: "acme", visibility: "direct", inReplyTo: "110009")))
        let r = try await MastodonSource(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
            .poll(cursor: [:])
        let m = try XCTUnwrap(r.mentions.first)
        XCTAssertTrue(m.isPrivate)

        // Even a draft that asks for public visibility goes out as a direct message.
        var draft = OutboxDraft.reply(to: m, text: "@jonas@other.example Wir schauen uns das an.")
        draft.visibility = "public"
        let publisher = try MastodonPublisher(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
        _ = try await publisher.post(
            OutgoingPost(text: draft.text, inReplyTo: draft.inReplyTo, visibility: draft.visibility),
            idempotencyKey: "k-dm")
        let sent = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first?.json)
        XCTAssertEqual(sent["visibility"] as? String, "direct")
        XCTAssertEqual(sent["in_reply_to_id"] as? String, "110009")
    }

    func testBlueskyAsksForTheReasonsAndCountsLikesRepostsFollows() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        let like =
            #"{"$type":"app.bsky.feed.like","subject":{"uri":"at://x/app.bsky.feed.post/1","cid":"c"},"createdAt":"2026-11-26T09:00:00.000Z"}"#
        server.on(
            "GET", "/xrpc/app.bsky.notification.listNotifications",
            .json(
                "{\"notifications\":["
                    + [
                        BlueskyFixture.notification(
                            rkey: "3klike", reason: "like", record: like, indexedAt: "2026-11-26T10:00:03.000Z"),
                        BlueskyFixture.notification(
                            rkey: "3krepost", reason: "repost", record: like, indexedAt: "2026-11-26T10:00:02.000Z"),
                        BlueskyFixture.notification(
                            rkey: "3kfollow", reason: "follow", record: like, indexedAt: "2026-11-26T10:00:02.000Z"),
                        BlueskyFixture.notification(
                            rkey: "3kreply", reason: "reply",
                            record: BlueskyFixture.record("danke!", reply: ("at://r", "at://p")),
                            indexedAt: "2026-11-26T10:00:01.000Z"),
                        BlueskyFixture.notification(
                            rkey: "3kmention", reason: "mention", record: BlueskyFixture.record("hey @acme"),
                            indexedAt: "2026-11-26T10:00:00.000Z"),
                    ].joined(separator: ",") + "]}"))
        var c = blueskyConfig(server)
        c.notificationKinds = ["mention", "quote"]
        let r = try await BlueskySource(config: c, dataDir: dir, http: TestHTTPClient()).poll(cursor: [:])

        let list = try XCTUnwrap(server.requests("GET", "/xrpc/app.bsky.notification.listNotifications").first)
        XCTAssertEqual(
            list.queryItems.filter { $0.0 == "reasons" }.map(\.1), ["mention", "quote", "follow", "like", "repost"])
        XCTAssertEqual(r.mentions.map(\.text), ["hey @acme"], "replies are off: no mention for the reply")
        XCTAssertEqual(r.counts, ["2026-11-26": ["follow": 1, "like": 1, "boost": 1]])
    }

    func testListenerSavesTheCountsAndTheReportShowsThemPerNetwork() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", .json(mastodonPage()))
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [mastodonConfig(server)]
        let listener = Listener(
            store: try Store(dir: dir), team: team,
            makeSource: { c in try Listener.networkSource(c, dataDir: dir, http: TestHTTPClient()) }, log: { _ in })
        _ = await listener.runOnce()
        let counts = NotificationCounts(dir: dir)
        XCTAssertEqual(counts.load(), ["2026-11-26": ["mastodon": ["follow": 1, "like": 1, "boost": 1]]])

        var report = try Report.compute(
            store: try Store(dir: dir), team: team, since: Timestamp.parse("2026-11-20T00:00:00Z")!,
            until: Timestamp.parse("2026-11-27T00:00:00Z")!, now: Timestamp.parse("2026-11-27T00:00:00Z")!)
        report.countNotifications(dir: dir)
        XCTAssertTrue(
            report.text().contains(
                "Follows, likes and boosts (counted, not stored)\n    mastodon: 1 follows · 1 likes · 1 boosts"),
            report.text())
    }
}
