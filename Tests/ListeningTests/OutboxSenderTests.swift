import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The outbox over real HTTP: a reply is stored, claimed, posted once, and recorded; failures are retried with the
/// same idempotency key; two senders or a crash never produce a second post.
final class OutboxSenderTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A data directory with a Mastodon source pointing at the test server and one stored mention to answer.
    func setUp(platform: String = "mastodon") throws -> (Store, Mention, TeamConfig) {
        let dir = platform == "bluesky" ? try blueskyDataDir() : try makeDataDir()
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [platform == "bluesky" ? blueskyConfig(server) : mastodonConfig(server)]
        let store = try Store(dir: dir)
        var m: Mention
        if platform == "bluesky" {
            m = Mention(
                platform: "bluesky", id: "at://did:plc:bob/app.bsky.feed.post/3kreply",
                text: "Wo finde ich die Rechnung?", createdAt: t0,
                author: Author(handle: "bob.example.com"), lang: "de", source: "bsky",
                reply: ReplyRef(
                    uri: "at://did:plc:bob/app.bsky.feed.post/3kreply", cid: "bafy3kreply",
                    rootURI: "at://did:plc:acme123/app.bsky.feed.post/3kroot", rootCID: "bafyroot"))
        } else {
            m = Mention(
                platform: "mastodon", id: "https://other.example/users/anna/statuses/1", text: "How do I export?",
                createdAt: t0,
                author: Author(handle: "anna@other.example", name: "Anna"), lang: "en", source: "masto",
                reply: ReplyRef(uri: "110002", visibility: "unlisted"))
        }
        try store.ingest([m], now: t0)
        return (store, store.mention(m.key)!, team)
    }

    func queue(_ store: Store, _ m: Mention, _ text: String, delay: TimeInterval = 0, now: Date? = nil) throws
        -> OutboxDraft
    {
        let d = OutboxDraft.reply(to: m, text: text, delay: delay, now: now ?? t0)
        try Outbox.queue(d, store: store, actor: "anna", now: now ?? t0)
        return d
    }

    func testMastodonReplyIsSentOnceWithExactBodyAndHeadersAndRecorded() async throws {
        let (store, m, team) = try setUp()
        server.on(
            "POST", "/api/v1/statuses",
            .json(MastodonFixture.status(id: "130001", acct: "acme", visibility: "unlisted", inReplyTo: "110002")))
        let d = try queue(store, m, "@anna@other.example Settings → Export 👋", delay: 10)
        let sender = OutboxSender(store: store, actor: "anna", holder: "1@test")
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())

        let early = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(5))
        XCTAssertEqual(early, [], "nothing goes out during the send delay")
        XCTAssertEqual(server.requests.count, 0)

        let results = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(11))
        XCTAssertEqual(
            results.map(\.outcome),
            [
                .sent(
                    PostedRef(
                        id: "130001", uri: "https://social.example/users/acme/statuses/9130001",
                        url: "https://social.example/@acme/9130001"))
            ])
        let req = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first)
        XCTAssertEqual(req.header("idempotency-key"), "sb-" + d.id)
        XCTAssertEqual(req.header("authorization"), "Bearer masto-secret-token-123")
        XCTAssertEqual(
            String(decoding: req.body, as: UTF8.self),
            #"{"in_reply_to_id":"110002","language":"en","status":"@anna@other.example Settings → Export 👋","visibility":"unlisted"}"#
        )

        let st = store.state(m.key)
        XCTAssertEqual(st.status, .answered)
        XCTAssertEqual(st.firstResponseAt, t0.addingTimeInterval(11))
        XCTAssertEqual(
            st.replies,
            [
                ReplyRecord(
                    text: d.text, actor: "anna", at: t0.addingTimeInterval(11),
                    url: "https://social.example/@acme/9130001")
            ])
        let again = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(100))
        XCTAssertEqual(again, [])
        XCTAssertEqual(server.requests.count, 1, "sent exactly once")
        // Another process reading the log sees the same.
        XCTAssertEqual(Outbox(store: try Store(dir: store.dir))[d.id]?.stateName, "sent")
    }

    func testFailuresAreRetriedWithTheSameKeyAndRejectionIsPermanent() async throws {
        let (store, m, _) = try setUp()
        server.on(
            "POST", "/api/v1/statuses",
            .json(#"{"error":"Too many requests"}"#, status: 429, headers: ["Retry-After": "120"]),
            .json(#"{"error":"oops"}"#, status: 500),
            NetworkTestServer.Response(body: Data("{}".utf8), delay: 3),
            .json(MastodonFixture.status(id: "130009", acct: "acme")))
        // Rate-limit times come from the real clock (Retry-After), so this test runs on it.
        let start = Date()
        let d = try queue(store, m, "Settings → Export", now: start)
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 10, cap: 10)
        // Short timeouts so the slow answer counts as a timeout.
        let publishers: OutboxSender.PublisherFor = { [server] _ in
            try MastodonPublisher(
                config: mastodonConfig(server!), dataDir: store.dir, http: TestHTTPClient(), timeout: 1)
        }

        var now = start.addingTimeInterval(1)
        var r = await sender.sendDue(publisherFor: publishers, now: now)
        guard case .failed(let msg, let at)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertTrue(msg.hasPrefix("rate limited until"), msg)
        XCTAssertNotNil(at)
        let waiting = await sender.sendDue(publisherFor: publishers, now: now.addingTimeInterval(60))
        XCTAssertEqual(waiting, [], "waits for the rate limit")

        now = at!
        // Backoff with jitter: between half and all of 10 s.
        func backedOff(_ r: [OutboxResult], _ message: String) -> Date? {
            guard case .failed(let m, let at)? = r.first?.outcome, let at else {
                XCTFail("\(r)")
                return nil
            }
            XCTAssertEqual(m, message)
            XCTAssertTrue(at >= now.addingTimeInterval(5) && at <= now.addingTimeInterval(10), "\(at)")
            return at
        }
        r = await sender.sendDue(publisherFor: publishers, now: now)
        now = try XCTUnwrap(backedOff(r, "mastodon account masto: HTTP 500: oops"))
        XCTAssertEqual(Outbox(store: store)[d.id]?.stateName, "failed")

        r = await sender.sendDue(publisherFor: publishers, now: now)
        now = try XCTUnwrap(backedOff(r, "mastodon account masto: cannot reach 127.0.0.1: timed out"))

        r = await sender.sendDue(publisherFor: publishers, now: now)
        guard case .sent(let ref)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertEqual(ref.id, "130009")
        let keys = server.requests("POST", "/api/v1/statuses").map { $0.header("idempotency-key") ?? "" }
        XCTAssertEqual(keys, Array(repeating: "sb-" + d.id, count: 4), "every attempt reuses the entry's key")
        XCTAssertEqual(Outbox(store: store)[d.id]?.attempts, 4)
        XCTAssertEqual(store.state(m.key).status, .answered)

        // 422: failed for good, with the network's message; only a person's retry sends it again.
        server.on(
            "POST", "/api/v1/statuses",
            .json(#"{"error":"Validation failed: Text character limit of 500 exceeded"}"#, status: 422))
        let long = try queue(store, m, String(repeating: "a", count: 600), now: now)
        r = await sender.sendDue(publisherFor: publishers, now: now.addingTimeInterval(1))
        XCTAssertEqual(
            r.first?.outcome,
            .failed(message: "rejected: Validation failed: Text character limit of 500 exceeded", retryAt: nil))
        let never = await sender.sendDue(publisherFor: publishers, now: now.addingTimeInterval(99_999))
        XCTAssertEqual(never, [])
        try Outbox.retry(long.id, store: store, actor: "anna", now: now.addingTimeInterval(2))
        r = await sender.sendDue(publisherFor: publishers, now: now.addingTimeInterval(2))
        XCTAssertEqual(r.count, 1, "a person's retry sends it again")
    }

    func testTwoSendersAtOnceMakeExactlyOnePost() async throws {
        let (storeA, m, team) = try setUp()
        let storeB = try Store(dir: storeA.dir)
        server.on(
            "POST", "/api/v1/statuses",
            NetworkTestServer.Response(
                status: 200, headers: ["Content-Type": "application/json"],
                body: Data(MastodonFixture.status(id: "130002", acct: "acme").utf8), delay: 0.3))
        for i in 0..<5 { _ = try queue(storeA, m, "Reply number \(i)") }
        let a = OutboxSender(store: storeA, actor: "anna", holder: "1@a")
        let b = OutboxSender(store: storeB, actor: "anna", holder: "2@b")
        let pa = OutboxSender.publishers(team: team, dataDir: storeA.dir, http: TestHTTPClient())
        let pb = OutboxSender.publishers(team: team, dataDir: storeB.dir, http: TestHTTPClient())
        let now = t0.addingTimeInterval(1)
        async let ra = a.sendDue(publisherFor: pa, now: now)
        async let rb = b.sendDue(publisherFor: pb, now: now)
        let (resA, resB) = await (ra, rb)
        let sent = (resA + resB).filter {
            if case .sent = $0.outcome { return true }
            return false
        }
        XCTAssertEqual(sent.count, 5, "each entry sent by exactly one of the two")
        XCTAssertEqual(Set(sent.map(\.id)).count, 5)
        XCTAssertEqual(server.requests("POST", "/api/v1/statuses").count, 5, "the server saw one post per reply")
        XCTAssertEqual(Set(server.requests.map { $0.header("idempotency-key") ?? "" }).count, 5)
        try storeB.refresh()
        XCTAssertEqual(Outbox(store: storeB).all.map(\.stateName), Array(repeating: "sent", count: 5))
    }

    func testACrashBetweenPostingAndRecordingNeverPostsTwice() async throws {
        let (store, m, team) = try setUp()
        // The server behaves like Mastodon: the same Idempotency-Key returns the status already created.
        let created = Created()
        server.handle("POST", "/api/v1/statuses") { r in
            let id = created.id(for: r.header("idempotency-key") ?? "")
            return .json(MastodonFixture.status(id: id, acct: "acme"))
        }
        let d = try queue(store, m, "On it!")
        let crashing = OutboxSender(store: store, actor: "anna", holder: "1@a")
        crashing.afterPost = { _, _ in throw OutboxCrash(reason: "killed after posting") }
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r1 = await crashing.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        XCTAssertEqual(r1.first?.outcome, .skipped("crashed: killed after posting"))
        XCTAssertEqual(Outbox(store: store)[d.id]?.stateName, "sending", "the log still says sending")

        // A new process (fresh store) picks it up once the lease ran out.
        let later = try Store(dir: store.dir)
        let next = OutboxSender(store: later, actor: "anna", holder: "2@b")
        let held = await next.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(60))
        XCTAssertEqual(held, [], "the lease still holds")
        let r2 = await next.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1 + 121))
        guard case .sent(let ref)? = r2.first?.outcome else { return XCTFail("\(r2)") }
        XCTAssertEqual(ref.id, "200001")
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(Set(server.requests.map { $0.header("idempotency-key") ?? "" }), ["sb-" + d.id])
        XCTAssertEqual(created.count, 1, "the server created one status")
        XCTAssertEqual(later.state(m.key).replies.count, 1)
        XCTAssertEqual(later.state(m.key).status, .answered)
    }

    func testBlueskyReplyRefsFacetsAndStableRecordKey() async throws {
        let (store, m, team) = try setUp(platform: "bluesky")
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.handle("GET", "/xrpc/com.atproto.identity.resolveHandle") { r in
            r.query("handle") == "bob.example.com"
                ? .json(#"{"did":"did:plc:bob"}"#)
                : .json(#"{"error":"InvalidRequest","message":"Unable to resolve handle"}"#, status: 400)
        }
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"error":"InternalServerError","message":"boom"}"#, status: 500),
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lnew","cid":"bafynew"}"#))
        let text = "Hallo @bob.example.com 👋🏽 Grüße: https://acme.example/rechnung #Störung"
        let d = try queue(store, m, text)
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 5, cap: 5)
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        XCTAssertFalse(d.manual)
        XCTAssertEqual(Outbox(store: store).due(t0.addingTimeInterval(1)).count, 1, "\(Outbox(store: store).all)")
        let r1 = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .failed(_, let at)? = r1.first?.outcome, let retry = at else { return XCTFail("\(r1)") }
        let r2 = await sender.sendDue(publisherFor: publishers, now: retry)
        guard case .sent(let ref)? = r2.first?.outcome else { return XCTFail("\(r2)") }
        XCTAssertEqual(ref.url, "https://bsky.app/profile/acme.bsky.social/post/3lnew")

        let posts = server.requests("POST", "/xrpc/com.atproto.repo.createRecord")
        XCTAssertEqual(posts.count, 2)
        let rkeys = posts.compactMap { $0.json?["rkey"] as? String }
        XCTAssertEqual(
            rkeys, Array(repeating: BlueskyFacets.tid(date: t0, key: d.idempotencyKey), count: 2),
            "same record key on retry")
        let record = try XCTUnwrap(posts[1].json?["record"] as? [String: Any])
        XCTAssertEqual(record["text"] as? String, text)
        XCTAssertEqual(record["createdAt"] as? String, Timestamp.format(t0), "createdAt kept with the entry")
        XCTAssertEqual(record["langs"] as? [String], ["de"])
        let reply = try XCTUnwrap(record["reply"] as? [String: [String: String]])
        XCTAssertEqual(reply["root"], ["uri": "at://did:plc:acme123/app.bsky.feed.post/3kroot", "cid": "bafyroot"])
        XCTAssertEqual(reply["parent"], ["uri": "at://did:plc:bob/app.bsky.feed.post/3kreply", "cid": "bafy3kreply"])
        let facets = try XCTUnwrap(record["facets"] as? [[String: Any]]).map { f -> String in
            let i = f["index"] as! [String: Int]
            let feat = (f["features"] as! [[String: String]])[0]
            return "\(i["byteStart"]!)-\(i["byteEnd"]!) \(feat["did"] ?? feat["uri"] ?? feat["tag"]!)"
        }
        // "Hallo " = 6 bytes; "@bob.example.com" 16 → 6-22; " 👋🏽 " = 1+8+1; "Grüße: " = 9 bytes (ü and ß take 2) → link at 41.
        XCTAssertEqual(facets, ["6-22 did:plc:bob", "41-70 https://acme.example/rechnung", "71-80 Störung"])
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[41..<70], as: UTF8.self), "https://acme.example/rechnung")
        XCTAssertEqual(String(decoding: bytes[71..<80], as: UTF8.self), "#Störung")
        XCTAssertEqual(store.state(m.key).replies.first?.url, "https://bsky.app/profile/acme.bsky.social/post/3lnew")
    }

    func testManualEntriesAreNotSentAndUnknownNetworksFailClearly() async throws {
        let (store, _, team) = try setUp()
        var rss = Mention(platform: "rss", id: "https://news.example/a", text: "Acme pricing", createdAt: t0)
        rss.url = "https://news.example/a"
        try store.ingest([rss], now: t0)
        let d = OutboxDraft.reply(to: store.mention(rss.key)!, text: "Thanks for covering us", delay: 0, now: t0)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let sender = OutboxSender(store: store, actor: "anna")
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let none = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(5))
        XCTAssertEqual(none, [])
        let r = await sender.send(d.id, publisherFor: publishers, now: t0.addingTimeInterval(5))
        XCTAssertEqual(r.outcome, .skipped("to be answered by hand"))
        XCTAssertEqual(server.requests.count, 0)

        // A Bluesky mention with no Bluesky source configured: failed with a message, never retried by itself.
        let b = Mention(
            platform: "bluesky", id: "at://x/app.bsky.feed.post/1", text: "?", createdAt: t0,
            reply: ReplyRef(uri: "at://x/app.bsky.feed.post/1", cid: "c"))
        try store.ingest([b], now: t0)
        let bd = OutboxDraft.reply(to: store.mention(b.key)!, text: "Hi", delay: 0, now: t0)
        try Outbox.queue(bd, store: store, actor: "anna", now: t0)
        let rb = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(5))
        XCTAssertEqual(
            rb.first?.outcome, .failed(message: "no bluesky source in team.json to answer from", retryAt: nil))
    }
}

/// Mastodon-style idempotency for the test server: one status per key.
final class Created: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: String] = [:]
    func id(for key: String) -> String {
        lock.withLock {
            if let i = ids[key] { return i }
            let i = "\(200001 + ids.count)"
            ids[key] = i
            return i
        }
    }
    var count: Int { lock.withLock { ids.count } }
}
