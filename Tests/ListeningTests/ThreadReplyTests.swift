import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// A reply too long for one post goes out as a numbered thread over real HTTP: in order, each part answering the
/// one before, each part posted exactly once; a failure in the middle is resumed from where it stopped.
final class ThreadReplyTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func longGerman(_ sentences: Int) -> String {
        (1...sentences).map { i in
            "Satz \(i): Wir prüfen die Störung an der Straßenbahn-Haltestelle gründlich und melden uns bis "
                + "Freitag, versprochen – Grüße aus Köln!"
        }.joined(separator: " ")
    }

    func setUp(platform: String) throws -> (Store, Mention, TeamConfig) {
        try replyTarget(platform: platform, server: server, at: t0)
    }

    /// Queues `text` as the workbench does: split into parts, stored in one write.
    func queueThread(_ store: Store, _ m: Mention, _ text: String) throws -> [OutboxDraft] {
        let parts = OutboxDraft.reply(to: m, text: text, delay: 0, now: t0).threadParts()
        try Outbox.queue(parts: parts, store: store, actor: "anna", now: t0)
        return parts
    }

    func testMastodonThreadFailsOnPartTwoAndResumesWithEachPartOnce() async throws {
        let (store, m, team) = try setUp(platform: "mastodon")
        server.on(
            "POST", "/api/v1/statuses",
            .json(MastodonFixture.status(id: "140001", acct: "acme", inReplyTo: "110002")),
            .json(#"{"error":"Interner Fehler"}"#, status: 500),
            .json(MastodonFixture.status(id: "140002", acct: "acme", inReplyTo: "140001")),
            .json(MastodonFixture.status(id: "140003", acct: "acme", inReplyTo: "140002")))
        let parts = try queueThread(store, m, Self.longGerman(9))
        XCTAssertEqual(parts.count, 3)
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 10, cap: 10)

        let first = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        XCTAssertEqual(first.count, 2, "part 1 sent, part 2 failed, part 3 waits: \(first)")
        guard case .failed(_, let at)? = first.last?.outcome, let retryAt = at else { return XCTFail("\(first)") }
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertEqual(Outbox(store: store).parts(of: parts[0].id).map(\.stateName), ["sent", "failed", "queued"])
        XCTAssertEqual(Outbox(store: store).latest(for: m.key)?.id, parts[1].id, "the workbench shows the failed part")

        // Another process resumes: only the rest, part 2 answering part 1 as posted.
        let resumer = OutboxSender(store: try Store(dir: store.dir), actor: "anna")
        let rest = await resumer.sendDue(publisherFor: publishers, now: retryAt)
        XCTAssertEqual(rest.count, 2, "\(rest)")
        let again = await resumer.sendDue(publisherFor: publishers, now: retryAt.addingTimeInterval(600))
        XCTAssertEqual(again, [])

        let reqs = server.requests("POST", "/api/v1/statuses")
        let bodies = reqs.map { $0.json ?? [:] }
        XCTAssertEqual(
            reqs.map { $0.header("idempotency-key") },
            ["sb-" + parts[0].id, "sb-" + parts[1].id, "sb-" + parts[1].id, "sb-" + parts[2].id],
            "part 1 once, part 2 again after its 500 with the same key, part 3 once")
        XCTAssertEqual(bodies.map { $0["in_reply_to_id"] as? String }, ["110002", "140001", "140001", "140002"])
        XCTAssertEqual(bodies.map { $0["visibility"] as? String }, ["unlisted", "unlisted", "unlisted", "unlisted"])
        let texts = bodies.map { ($0["status"] as? String) ?? "" }
        XCTAssertEqual(texts, [parts[0].text, parts[1].text, parts[1].text, parts[2].text])
        XCTAssertTrue(texts[0].hasSuffix("Köln! 1/3"), texts[0])
        XCTAssertTrue(texts[3].hasSuffix(" 3/3"), texts[3])
        let st = try Store(dir: store.dir).state(m.key)
        XCTAssertEqual(st.status, .answered)
        XCTAssertEqual(st.replies.map(\.url), (1...3).map { "https://social.example/@acme/914000\($0)" })
    }

    func testBlueskyThreadChainsParentsUnderTheRootAndResumes() async throws {
        let (store, m, team) = try setUp(platform: "bluesky")
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lpart1","cid":"bafy1"}"#),
            .json(#"{"error":"InternalServerError","message":"boom"}"#, status: 500),
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lpart2","cid":"bafy2"}"#),
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lpart3","cid":"bafy3"}"#))
        let parts = try queueThread(store, m, Self.longGerman(6))
        XCTAssertEqual(parts.count, 3)
        for p in parts { XCTAssertLessThanOrEqual(p.text.count, 300) }
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let sender = OutboxSender(store: store, actor: "anna")
        sender.backoff = Backoff(base: 5, cap: 5)

        let first = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .failed(_, let at)? = first.last?.outcome, let retryAt = at else { return XCTFail("\(first)") }
        XCTAssertEqual(server.requests("POST", "/xrpc/com.atproto.repo.createRecord").count, 2)
        let rest = await sender.sendDue(publisherFor: publishers, now: retryAt)
        XCTAssertEqual(rest.count, 2, "\(rest)")
        _ = await sender.sendDue(publisherFor: publishers, now: retryAt.addingTimeInterval(600))

        let posts = server.requests("POST", "/xrpc/com.atproto.repo.createRecord")
        XCTAssertEqual(posts.count, 4, "part 2 twice (500, then posted), the others once")
        let records = posts.map { ($0.json?["record"] as? [String: Any]) ?? [:] }
        XCTAssertEqual(
            records.map { $0["text"] as? String }, [parts[0].text, parts[1].text, parts[1].text, parts[2].text])
        let rkeys = posts.map { $0.json?["rkey"] as? String }
        XCTAssertEqual(rkeys[1], rkeys[2], "the retry of part 2 has its record key")
        XCTAssertEqual(Set(rkeys.compactMap { $0 }).count, 3)
        let replies = records.map { ($0["reply"] as? [String: [String: String]]) ?? [:] }
        let root = ["uri": "at://did:plc:acme123/app.bsky.feed.post/3kroot", "cid": "bafyroot"]
        XCTAssertEqual(replies.map { $0["root"] }, [root, root, root, root])
        XCTAssertEqual(
            replies.map { $0["parent"]?["uri"] },
            [
                "at://did:plc:bob/app.bsky.feed.post/3kreply", "at://did:plc:acme123/app.bsky.feed.post/3lpart1",
                "at://did:plc:acme123/app.bsky.feed.post/3lpart1", "at://did:plc:acme123/app.bsky.feed.post/3lpart2",
            ])
        XCTAssertEqual(replies.map { $0["parent"]?["cid"] }, ["bafy3kreply", "bafy1", "bafy1", "bafy2"])
        XCTAssertEqual(store.state(m.key).replies.count, 3)
    }

    func testTakingBackAThreadTakesBackEveryPart() throws {
        let (store, m, _) = try setUp(platform: "mastodon")
        let parts = try queueThread(store, m, Self.longGerman(9))
        try Outbox.cancel(parts[2].id, store: store, actor: "anna", now: t0)
        XCTAssertEqual(
            Outbox(store: store).parts(of: parts[0].id).map(\.stateName), ["cancelled", "cancelled", "cancelled"])
        XCTAssertEqual(Outbox(store: store).due(t0.addingTimeInterval(60)), [])
    }
}

extension XCTestCase {
    /// A data directory with a Mastodon or Bluesky source on `server` and one stored German question to answer.
    func replyTarget(platform: String, server: NetworkTestServer, at t0: Date) throws -> (Store, Mention, TeamConfig) {
        let dir = platform == "bluesky" ? try blueskyDataDir() : try makeDataDir()
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [platform == "bluesky" ? blueskyConfig(server) : mastodonConfig(server)]
        let store = try Store(dir: dir)
        let m: Mention
        if platform == "bluesky" {
            m = Mention(
                platform: "bluesky", id: "at://did:plc:bob/app.bsky.feed.post/3kreply", text: "Wann fährt die Bahn?",
                createdAt: t0, author: Author(handle: "bob.example.com"), lang: "de", source: "bsky",
                reply: ReplyRef(
                    uri: "at://did:plc:bob/app.bsky.feed.post/3kreply", cid: "bafy3kreply",
                    rootURI: "at://did:plc:acme123/app.bsky.feed.post/3kroot", rootCID: "bafyroot"))
        } else {
            m = Mention(
                platform: "mastodon", id: "https://other.example/users/anna/statuses/1", text: "Wann fährt die Bahn?",
                createdAt: t0, author: Author(handle: "anna@other.example"), lang: "de", source: "masto",
                reply: ReplyRef(uri: "110002", visibility: "unlisted"))
        }
        try store.ingest([m], now: t0)
        return (store, store.mention(m.key)!, team)
    }
}
