import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Replies on X through the outbox: the exact request, a deleted parent, and exactly once without an idempotency
/// key — an attempt whose outcome is unknown (the connection dropped after X posted, a crash before recording) is
/// looked up among the account's own posts before any retry.
final class XPublisherTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Behaves like X: creates posts (links shortened to t.co, `&` escaped) and lists the account's own posts.
    final class FakeX: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var posts: [[String: Any]] = []
        var count: Int { lock.withLock { posts.count } }
        func create(_ body: [String: Any], at: String) -> String {
            lock.withLock {
                let id = "19000000000000009\(String(format: "%02d", posts.count))"
                var text = (body["text"] as? String ?? "").replacingOccurrences(of: "&", with: "&amp;")
                var urls: [(String, String)] = []
                for word in text.split(separator: " ") where word.hasPrefix("https://") {
                    let short = "https://t.co/s\(urls.count)"
                    urls.append((short, String(word)))
                    text = text.replacingOccurrences(of: String(word), with: short)
                }
                let parent = (body["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String
                posts.insert(
                    XFixture.tweet(
                        id, text, author: "100", created: at, refs: parent.map { [("replied_to", $0)] } ?? [],
                        urls: urls),
                    at: 0)
                return id
            }
        }
        func timeline() -> String { lock.withLock { XFixture.page(posts) } }
    }

    func setUp(fake: FakeX, dropFirst: Bool = false) throws -> (Store, Mention, TeamConfig) {
        let dir = try xDataDir()
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [xConfig(server)]
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "x", id: "1900000000000000002", text: "@acme Wo ist meine Rechnung?", createdAt: t0,
            author: Author(handle: "@groesse_anna"), lang: "de", source: "xacme",
            reply: ReplyRef(uri: "1900000000000000002", rootURI: "1900000000000000001"))
        try store.ingest([m], now: t0)
        let dropped = Flag(dropFirst)
        server.handle("POST", "/2/tweets") { r in
            let id = fake.create(r.json ?? [:], at: "2027-01-15T08:00:01.000Z")
            if dropped.take() {
                // X posted; the answer never arrives.
                return NetworkTestServer.Response(
                    status: 201, headers: ["Content-Type": "application/json"], body: Data(count: 60), truncateAt: 0)
            }
            return .json(#"{"data":{"id":"\#(id)","text":"ok"}}"#, status: 201)
        }
        server.handle("GET", "/2/users/100/tweets") { _ in .json(fake.timeline()) }
        return (store, store.mention(m.key)!, team)
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var on: Bool
        init(_ on: Bool) { self.on = on }
        func take() -> Bool {
            lock.withLock {
                defer { on = false }; return on
            }
        }
    }

    func queue(_ store: Store, _ m: Mention, _ text: String) throws -> OutboxDraft {
        let d = OutboxDraft.reply(to: m, text: text, delay: 0, now: t0)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        return d
    }

    func testReplyIsSentWithTheExactBody() async throws {
        let fake = FakeX()
        let (store, m, team) = try setUp(fake: fake)
        let d = try queue(store, m, "@groesse_anna Danke! Die Rechnung & mehr: https://acme.example/hilfe")
        XCTAssertFalse(d.manual, "X mentions are answered through the API")
        let sender = OutboxSender(store: store, actor: "anna")
        let r = await sender.sendDue(
            publisherFor: OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient()),
            now: t0.addingTimeInterval(1))
        XCTAssertEqual(
            r.map(\.outcome),
            [
                .sent(
                    PostedRef(
                        id: "1900000000000000900", uri: "1900000000000000900",
                        url: "https://x.com/i/web/status/1900000000000000900"))
            ])
        let req = try XCTUnwrap(server.requests("POST", "/2/tweets").first)
        XCTAssertEqual(req.header("authorization"), "Bearer x-access-1")
        XCTAssertEqual(req.header("content-type"), "application/json")
        XCTAssertEqual(
            String(decoding: req.body, as: UTF8.self),
            #"{"reply":{"in_reply_to_tweet_id":"1900000000000000002"},"text":"@groesse_anna Danke! Die Rechnung & mehr: https://acme.example/hilfe"}"#
        )
        XCTAssertEqual(server.requests("GET", "/2/users/100/tweets").count, 0, "a first attempt does not look up")
        XCTAssertEqual(store.state(m.key).status, .answered)
    }

    func testADroppedConnectionIsLookedUpNotPostedAgain() async throws {
        let fake = FakeX()
        let (store, m, team) = try setUp(fake: fake, dropFirst: true)
        let d = try queue(store, m, "@groesse_anna Schau hier: https://acme.example/hilfe/ – Grüße & Dank")
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 5, cap: 5)
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r1 = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .failed(_, let at)? = r1.first?.outcome, let retry = at else { return XCTFail("\(r1)") }
        XCTAssertEqual(fake.count, 1, "X made the post although the answer was lost")

        let r2 = await sender.sendDue(publisherFor: publishers, now: retry)
        guard case .sent(let ref)? = r2.first?.outcome else { return XCTFail("\(r2)") }
        XCTAssertEqual(ref.id, "1900000000000000900", "the post the lost attempt made")
        XCTAssertEqual(server.requests("POST", "/2/tweets").count, 1, "never posted twice")
        XCTAssertEqual(fake.count, 1)
        let lookup = try XCTUnwrap(server.requests("GET", "/2/users/100/tweets").first)
        XCTAssertEqual(lookup.query("start_time"), "2027-01-15T07:58:59Z", "from the draft's time less a minute")
        XCTAssertEqual(lookup.query("tweet.fields"), "referenced_tweets,created_at,entities")
        XCTAssertEqual(Outbox(store: store)[d.id]?.stateName, "sent")
        XCTAssertEqual(store.state(m.key).replies.count, 1)
        XCTAssertEqual(
            XReadLedger(dataDir: store.dir, sourceID: "xacme").used(now: Date()), 1, "the lookup's read counts")
    }

    func testACrashAfterPostingAndASecondSenderMakeOnePost() async throws {
        let fake = FakeX()
        let (store, m, team) = try setUp(fake: fake)
        _ = try queue(store, m, "Wir kümmern uns darum.")
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let crashing = OutboxSender(store: store, actor: "anna", holder: "1@a")
        crashing.afterPost = { _, _ in throw OutboxCrash(reason: "killed after posting") }
        _ = await crashing.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        XCTAssertEqual(fake.count, 1)

        // Another process takes the entry over after the lease, and a third one at the same moment.
        let a = OutboxSender(store: try Store(dir: store.dir), actor: "bob", holder: "2@b")
        let b = OutboxSender(store: try Store(dir: store.dir), actor: "cem", holder: "3@c")
        let later = t0.addingTimeInterval(200)
        async let ra = a.sendDue(publisherFor: publishers, now: later)
        async let rb = b.sendDue(publisherFor: publishers, now: later)
        let results = await ra + rb
        let sent = results.filter { if case .sent = $0.outcome { return true } else { return false } }
        XCTAssertEqual(sent.count, 1, "\(results)")
        XCTAssertEqual(server.requests("POST", "/2/tweets").count, 1, "one post on X")
        XCTAssertEqual(try Store(dir: store.dir).state(m.key).replies.count, 1)
    }

    func testADeletedParentIsRejectedClearlyAndNotRetried() async throws {
        let fake = FakeX()
        let (store, m, team) = try setUp(fake: fake)
        server.on(
            "POST", "/2/tweets",
            .json(
                #"{"detail":"You attempted to reply to a Tweet that is deleted or not visible to you.","type":"about:blank","title":"Forbidden","status":403}"#,
                status: 403))
        _ = try queue(store, m, "Hallo?")
        let r = await OutboxSender(store: store, actor: "anna").sendDue(
            publisherFor: OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient()),
            now: t0.addingTimeInterval(1))
        guard case .failed(let why, let retry)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertTrue(why.contains("rejected: the post being answered was deleted or is not visible"), why)
        XCTAssertNil(retry, "retrying cannot help")
    }

    func testTextMatchingOfTheLookupIgnoresWhatXChanges() {
        let mine = "Schau hier: https://acme.example/hilfe/ – Grüße & Dank"
        let xs = "@anna Schau hier: https://t.co/s0 – Grüße &amp; Dank"
        XCTAssertEqual(
            XPublisher.normalised(mine, []),
            XPublisher.normalised(
                xs, [X.Tweet.URLEntity(url: "https://t.co/s0", expandedURL: "https://acme.example/hilfe")]))
        XCTAssertNotEqual(XPublisher.normalised("Danke!", []), XPublisher.normalised("Danke.", []))
        XCTAssertEqual(
            PostLength.count("Grüße aus Köln https://acme.example/a/very/long/path/indeed", "x"), 14 + 1 + 23)
        XCTAssertEqual(PostLength.count("日本", "x"), 4)
        XCTAssertEqual(PostLength.limit("x"), 280)
    }
}
