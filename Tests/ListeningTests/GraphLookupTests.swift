import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// A Graph server that keeps the comments posted to it: `POST /{parent}/replies` (Instagram) adds one (or hangs up
/// after adding it, when `hangUpNext`), `GET /{parent}/replies` lists them, newest first, with one by someone else
/// and an older one of the account's own.
final class FakeGraphComments: @unchecked Sendable {
    private let lock = NSLock()
    private var posted: [[String: Any]] = []
    var hangUpNext = false
    var posts: Int { lock.withLock { posted.count } }

    func install(_ server: NetworkTestServer, parent: String, account: String, at: Date) {
        server.handle("POST", "/v24.0/\(parent)/replies") { [self] r in
            let form = GraphFixture.form(r)
            return lock.withLock {
                let id = "1799\(posted.count)"
                posted.insert(
                    [
                        "id": id, "text": form["message"] ?? "", "username": "acme",
                        "timestamp": Timestamp.format(at).replacingOccurrences(of: "Z", with: "+0000"),
                        "from": ["id": account, "username": "acme"],
                    ], at: 0)
                if hangUpNext {
                    hangUpNext = false
                    var cut = NetworkTestServer.Response(body: Data())
                    cut.hangUp = true
                    return cut
                }
                return .json(object: ["id": id])
            }
        }
        server.handle("GET", "/v24.0/\(parent)/replies") { [self] _ in
            let mine = lock.withLock { posted }
            let others: [[String: Any]] = [
                [
                    "id": "17000", "text": "Danke für den Hinweis! Wir kümmern uns.", "username": "troll",
                    "timestamp": "2030-03-17T17:50:00+0000", "from": ["id": "999", "username": "troll"],
                ],
                [
                    "id": "16000", "text": "Danke für den Hinweis! Wir kümmern uns.", "username": "acme",
                    "timestamp": "2029-01-01T10:00:00+0000", "from": ["id": account, "username": "acme"],
                ],
            ]
            return GraphFixture.page(mine + others)
        }
    }
}

/// The unknown-outcome lookup (issue 16): Graph takes no idempotency key, so a retry first looks for the account's own
/// reply under the same parent with the same text; a server that posts and then drops the connection, and two
/// senders on one data directory, end with exactly one post.
final class GraphLookupTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// A data directory with a Graph source on `server` and one stored comment to answer.
    static func outboxSetup(_ test: XCTestCase, _ server: NetworkTestServer, platform: String) throws
        -> (Store, Mention, TeamConfig)
    {
        let dir = try GraphFixture.dataDir(test)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [GraphFixture.config(platform, server)]
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let store = try Store(dir: dir)
        let m = Mention(
            platform: platform, id: "17858893269000001", text: "Wo gibt es den Winterkaffee? Bei euch nie vorrätig!",
            createdAt: GraphFixture.now.addingTimeInterval(-600), author: Author(handle: "joerg"), lang: "de",
            source: team.sources[0].id,
            reply: GraphReplyRef.make(object: "17858893269000001", kind: .comment, root: "17895695668004550"))
        try store.ingest([m], now: GraphFixture.now)
        return (store, store.mention(m.key)!, team)
    }

    let reply = "Danke für den Hinweis!  Wir kümmern uns."

    /// Queues `text` as the answer to `m` (no send delay) and returns it with a sender and the team's publishers.
    static func queue(_ store: Store, _ m: Mention, _ text: String, team: TeamConfig) throws
        -> (OutboxDraft, OutboxSender, OutboxSender.PublisherFor)
    {
        let d = OutboxDraft.reply(to: m, text: text, delay: 0, now: GraphFixture.now)
        try Outbox.queue(d, store: store, actor: "anna", now: GraphFixture.now)
        let sender = OutboxSender(store: store, actor: "anna", holder: "1@test")
        return (d, sender, OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient()))
    }

    func testAReplyWhoseConnectionDroppedIsFoundNotPostedAgain() async throws {
        let (store, m, team) = try Self.outboxSetup(self, server, platform: "instagram")
        let fake = FakeGraphComments()
        fake.hangUpNext = true
        fake.install(
            server, parent: "17858893269000001", account: "1784100", at: GraphFixture.now.addingTimeInterval(1))
        let (d, sender, publishers) = try Self.queue(store, m, reply, team: team)

        let first = await sender.sendDue(publisherFor: publishers, now: GraphFixture.now.addingTimeInterval(1))
        guard case .failed(let msg, let retryAt)? = first.first?.outcome else { return XCTFail("\(first)") }
        XCTAssertNotNil(retryAt, "an unknown outcome is retried: \(msg)")
        XCTAssertEqual(fake.posts, 1, "the server made the post before it hung up")

        let second = await sender.sendDue(publisherFor: publishers, now: GraphFixture.now.addingTimeInterval(3600))
        XCTAssertEqual(second.map(\.outcome), [.sent(PostedRef(id: "17990", uri: "17990"))])
        XCTAssertEqual(server.requests("POST", "/v24.0/17858893269000001/replies").count, 1, "exactly one POST")
        XCTAssertEqual(server.requests("GET", "/v24.0/17858893269000001/replies").count, 1, "looked up once")
        let st = store.state(m.key)
        XCTAssertEqual(st.status, .answered)
        XCTAssertEqual(st.replies.map(\.text), [reply])
        XCTAssertEqual(try sender.outbox()[d.id]?.stateName, "sent")
    }

    func testTwoSendersOnOneDataDirectoryMakeOnePost() async throws {
        let (store, m, team) = try Self.outboxSetup(self, server, platform: "instagram")
        let fake = FakeGraphComments()
        fake.install(
            server, parent: "17858893269000001", account: "1784100", at: GraphFixture.now.addingTimeInterval(1))
        let (d, a, publishers) = try Self.queue(store, m, reply, team: team)
        let b = OutboxSender(store: try Store(dir: store.dir), actor: "anna", holder: "2@host-b")
        // Two processes at once: one claims and posts, the other skips.
        let t = GraphFixture.now.addingTimeInterval(1)
        async let ra = a.sendDue(publisherFor: publishers, now: t)
        async let rb = b.sendDue(publisherFor: publishers, now: t)
        let (resA, resB) = await (ra, rb)
        XCTAssertEqual(fake.posts, 1, "\(resA) \(resB)")
        XCTAssertEqual(try a.outbox()[d.id]?.stateName, "sent")

        // The first crashes after posting, before recording: when its claim's lease has run out the other takes
        // over, looks the reply up and records it.
        let (d2, _, _) = try Self.queue(store, m, "Noch eine Frage? Schreib uns gern.", team: team)
        a.afterPost = { _, _ in throw PublishCrash(reason: "killed after posting") }
        _ = await a.sendDue(publisherFor: publishers, now: t)
        XCTAssertEqual(fake.posts, 2)
        let early = await b.sendDue(publisherFor: publishers, now: t.addingTimeInterval(10))
        XCTAssertEqual(early.count, 0, "held by the first sender's claim until its lease runs out")
        let later = await b.sendDue(publisherFor: publishers, now: t.addingTimeInterval(a.lease + 5))
        XCTAssertEqual(later.map(\.outcome), [.sent(PostedRef(id: "17991", uri: "17991"))])
        XCTAssertEqual(server.requests("POST", "/v24.0/17858893269000001/replies").count, 2, "one post per reply")
        XCTAssertEqual(try b.outbox()[d2.id]?.stateName, "sent")
        XCTAssertEqual(try Store(dir: store.dir).state(m.key).replies.count, 2)
    }

    func testFacebookLookupMatchesThePagesOwnCommentOnly() async throws {
        let p = try FacebookPublisher(
            config: GraphFixture.config("facebook", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        server.on(
            "GET", "/v24.0/245778718206154_229887283291835/comments",
            GraphFixture.page([
                [
                    "id": "245778718206154_1", "message": "Danke für den Hinweis! Wir kümmern uns.",
                    "created_time": "2030-03-17T17:47:00+0000", "from": ["id": "4711", "name": "Fan"],
                ],
                [
                    "id": "245778718206154_2", "message": "Danke für den Hinweis!\nWir kümmern uns.",
                    "created_time": "2030-03-17T17:47:05+0000", "from": ["id": "19292868552", "name": "Acme"],
                    "permalink_url": "https://www.facebook.com/19292868552/posts/245778718206154?comment_id=2",
                ],
            ]))
        let ref = GraphReplyRef.make(object: "245778718206154_229887283291835", kind: .comment, root: "245778718206154")
        let found = try await p.findPosted(
            OutgoingPost(text: reply, inReplyTo: ref), since: GraphFixture.now.addingTimeInterval(-60))
        XCTAssertEqual(found?.id, "245778718206154_2")
        let q = GraphFixture.query(server.requests.first!)
        XCTAssertEqual(q["filter"], "stream")
        XCTAssertEqual(q["fields"], "id,message,created_time,from,permalink_url")
        // Nothing since then: not found (the retry posts).
        let none = try await p.findPosted(
            OutgoingPost(text: reply, inReplyTo: ref), since: GraphFixture.now.addingTimeInterval(600))
        XCTAssertNil(none)
    }

    func testThreadsLookupReadsTheAccountsRepliesToTheSamePost() async throws {
        let p = try ThreadsPublisher(
            config: GraphFixture.config("threads", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        server.on(
            "GET", "/v1.0/7001/replies",
            GraphFixture.page([
                ["id": "1", "text": reply, "timestamp": "2030-03-17T17:47:00+0000", "replied_to": ["id": "other"]],
                [
                    "id": "2", "text": reply, "timestamp": "2030-03-17T17:47:00+0000",
                    "replied_to": ["id": "18050000000000005"],
                ],
            ]))
        let ref = GraphReplyRef.make(object: "18050000000000005", kind: .thread, root: "18050000000000001")
        let found = try await p.findPosted(
            OutgoingPost(text: reply, inReplyTo: ref), since: GraphFixture.now.addingTimeInterval(-60))
        XCTAssertEqual(found?.id, "2")
    }
}
