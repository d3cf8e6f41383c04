import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// The listener reads back how the brand's published posts did, over real HTTP to a loopback server: Mastodon status
/// counts and Bluesky `getPosts`, hourly at first (a fake clock drives the passes), and not again before the time a
/// 429 gave.
final class MetricsPollerTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let now0 = Date()
    var published: Date { now0.addingTimeInterval(-2 * 3600) }

    func setUp(accounts: [String]) throws -> (Store, TeamConfig) {
        let (store, team) = try ServiceFixture.mastodonAndBluesky(self, server)
        try Queue.add(
            QueueDraft(id: "q1", text: "Spring release", accounts: accounts, scheduledAt: published),
            team: team, store: store, actor: "lea", now: published.addingTimeInterval(-60))
        let ids = ["masto": "140001", "bsky": "3kpost"]
        _ = try store.record(
            accounts.map { .queue(.published(id: "q1", account: $0, postID: ids[$0], url: nil)) }, actor: "lea",
            now: published)
        return (store, team)
    }

    static func status(likes: Int) -> String {
        #"{"id":"140001","favourites_count":\#(likes),"reblogs_count":3,"replies_count":2,"quotes_count":1,"content":"<p>Spring release</p>"}"#
    }

    func testPostsAreReadHourlyThenDailyAndRecordedAsMetrics() async throws {
        let (store, team) = try setUp(accounts: ["masto", "bsky"])
        server.on("GET", "/api/v1/statuses/140001", .json(Self.status(likes: 5)), .json(Self.status(likes: 9)))
        server.handle("GET", "/xrpc/app.bsky.feed.getPosts") { r in
            r.query("uris") == "at://did:plc:acme123/app.bsky.feed.post/3kpost"
                ? .json(
                    #"{"posts":[{"uri":"at://did:plc:acme123/app.bsky.feed.post/3kpost","cid":"bafy","likeCount":7,"repostCount":2,"replyCount":1,"quoteCount":0}]}"#
                ) : .json(#"{"posts":[]}"#)
        }
        let poller = MetricsPoller(store: store, http: URLSessionHTTPClient(timeout: 10), actor: "listener")
        let first = await poller.poll(team: team, now: now0)
        XCTAssertEqual(first.map(\.account), ["bsky", "masto"])
        XCTAssertEqual(first.map(\.read), [1, 1])
        var item = try XCTUnwrap(Queue(store: try Store(dir: store.dir))["q1"])
        XCTAssertEqual(item.metrics["masto"]?.likes, 5)
        XCTAssertEqual(item.metrics["masto"]?.reposts, 3)
        XCTAssertEqual(item.metrics["masto"]?.quotes, 1)
        XCTAssertEqual(item.metrics["bsky"]?.likes, 7)
        XCTAssertEqual(item.metrics["bsky"]?.views, nil)
        XCTAssertEqual(item.engagement, 5 + 3 + 2 + 1 + 7 + 2 + 1)

        // Ten minutes later nothing is due; an hour later both are read again.
        let quiet = await poller.poll(team: team, now: now0.addingTimeInterval(600))
        XCTAssertEqual(quiet, [])
        XCTAssertEqual(server.requests("GET", "/api/v1/statuses/140001").count, 1)
        _ = await poller.poll(team: team, now: now0.addingTimeInterval(3600))
        XCTAssertEqual(server.requests("GET", "/api/v1/statuses/140001").count, 2)
        XCTAssertEqual(server.requests("GET", "/xrpc/app.bsky.feed.getPosts").count, 2)
        item = try XCTUnwrap(Queue(store: try Store(dir: store.dir))["q1"])
        XCTAssertEqual(item.metrics["masto"]?.likes, 9)
        XCTAssertEqual(item.metricsReadings["masto"], 2)

        // After 48 hours: once a day.
        let day3 = published.addingTimeInterval(3 * 86400)
        _ = await poller.poll(team: team, now: day3)
        _ = await poller.poll(team: team, now: day3.addingTimeInterval(3 * 3600))
        XCTAssertEqual(server.requests("GET", "/api/v1/statuses/140001").count, 3)
        _ = await poller.poll(team: team, now: day3.addingTimeInterval(86400))
        XCTAssertEqual(server.requests("GET", "/api/v1/statuses/140001").count, 4)
        let events = try Store(dir: store.dir).events.filter { PostMetrics(event: $0) != nil }
        XCTAssertEqual(events.count, 8)
        XCTAssertTrue(events.allSatisfy { $0.action.typeName == "metrics" && $0.actor == "listener" })
    }

    func testARateLimitedAccountIsNotAskedBeforeTheTimeItWasGiven() async throws {
        let (store, team) = try setUp(accounts: ["masto"])
        server.on(
            "GET", "/api/v1/statuses/140001",
            .json(#"{"error":"Too many requests"}"#, status: 429, headers: ["Retry-After": "600"]),
            .json(Self.status(likes: 4)))
        let poller = MetricsPoller(store: store, http: URLSessionHTTPClient(timeout: 10), actor: "listener")
        let limited = await poller.poll(team: team, now: now0)
        XCTAssertEqual(limited.count, 1)
        XCTAssertEqual(limited[0].read, 0)
        let until = try XCTUnwrap(limited[0].waitUntil)
        XCTAssertGreaterThan(until, now0.addingTimeInterval(500))
        XCTAssertNil(Queue(store: try Store(dir: store.dir))["q1"]?.metrics["masto"])

        // Before the time the server gave: no request at all.
        let held = await poller.poll(team: team, now: now0.addingTimeInterval(120))
        XCTAssertEqual(held, [])
        XCTAssertEqual(server.requests("GET", "/api/v1/statuses/140001").count, 1)

        // After it: read and recorded.
        let after = await poller.poll(team: team, now: until.addingTimeInterval(1))
        XCTAssertEqual(after.map(\.read), [1])
        XCTAssertEqual(server.requests("GET", "/api/v1/statuses/140001").count, 2)
        XCTAssertEqual(Queue(store: try Store(dir: store.dir))["q1"]?.metrics["masto"]?.likes, 4)
    }
}
