import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Replies and moderation on YouTube over loopback HTTP: the exact requests, the lookup that replaces a retry after
/// an unknown outcome, two senders making one reply, and failures by class.
final class YouTubePublisherTests: YouTubeServerTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let commentsPath = "/youtube/v3/comments"

    /// A data directory with a YouTube source and a stored reply (to a reply) to answer.
    func setUp() throws -> (Store, Mention, TeamConfig) {
        let dir = try YouTubeFixture.dataDir(self)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [YouTubeFixture.config(server)]
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "youtube", id: "T1.r1", text: "Wo finde ich die Rechnung?", createdAt: t0,
            author: Author(handle: "Jörg Weiß"), lang: "de", inReplyTo: "T1", threadRoot: "T1", source: "yt",
            reply: ReplyRef(uri: "T1.r1", rootURI: "T1"))
        try store.ingest([m], now: t0)
        return (store, store.mention(m.key)!, team)
    }

    func queue(_ store: Store, _ m: Mention, _ text: String) throws -> OutboxDraft {
        let d = OutboxDraft.reply(to: m, text: text, delay: 0, now: t0)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        return d
    }

    /// A server that behaves like YouTube: an inserted reply shows in the thread's replies.
    final class Thread: @unchecked Sendable {
        let lock = NSLock()
        var replies: [[String: Any]] = []
        func insert(_ r: NetworkTestServer.Request, at: String) -> [String: Any] {
            lock.withLock {
                let snippet = (r.json?["snippet"] as? [String: Any]) ?? [:]
                let c = YouTubeFixture.comment(
                    "\(snippet["parentId"] ?? "?").own\(replies.count + 1)",
                    text: snippet["textOriginal"] as? String ?? "",
                    at: at, author: "Acme Cloud", authorChannel: YouTubeFixture.channel, video: "vid1",
                    parent: snippet["parentId"] as? String)
                replies.insert(c, at: 0)
                return c
            }
        }
        var count: Int { lock.withLock { replies.count } }
        func list() -> NetworkTestServer.Response {
            lock.withLock { YouTubeFixture.page(replies, kind: "commentListResponse") }
        }
    }

    func testAReplyToAReplyGoesUnderItsThreadWithTheExactBody() async throws {
        let (store, m, team) = try setUp()
        let thread = Thread()
        server.handle("POST", commentsPath) { r in .json(object: thread.insert(r, at: "2027-01-15T08:00:30Z")) }
        let d = try queue(store, m, "Hallo Jörg, unter Konto → Rechnungen. Grüße, ^MK")
        XCTAssertFalse(d.manual ?? false, "a YouTube reply is sent through the API")
        let sender = OutboxSender(store: store, actor: "anna")
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let r = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .sent(let ref)? = r.first?.outcome else { return XCTFail("\(r)") }
        XCTAssertEqual(ref.id, "T1.own1")
        XCTAssertEqual(ref.url, "https://www.youtube.com/watch?v=vid1&lc=T1.own1")
        let posts = server.requests("POST", commentsPath)
        XCTAssertEqual(posts.count, 1)
        XCTAssertEqual(posts[0].query("part"), "snippet")
        XCTAssertEqual(posts[0].header("content-type"), "application/json; charset=utf-8")
        XCTAssertEqual(
            String(decoding: posts[0].body, as: UTF8.self),
            #"{"snippet":{"parentId":"T1","textOriginal":"Hallo Jörg, unter Konto → Rechnungen. Grüße, ^MK"}}"#)
        XCTAssertEqual(store.state(m.key).status, .answered)
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(store.dir, id: "yt"), budget: nil)
        XCTAssertEqual(ledger.today(now: Date()).used, 50, "a write costs 50 units")
    }

    func testAfterADroppedConnectionTheRetryFindsThePostedReplyInsteadOfPostingAgain() async throws {
        let (store, m, team) = try setUp()
        let thread = Thread()
        // The server creates the reply, then closes the socket before the answer is out.
        server.handle("POST", commentsPath) { r in
            let c = thread.insert(r, at: "2027-01-15T08:00:30Z")
            var resp = NetworkTestServer.Response.json(object: c)
            resp.truncateAt = 0
            return resp
        }
        server.handle("GET", commentsPath) { _ in thread.list() }
        _ = try queue(store, m, "Schau mal unter Einstellungen → Export.")
        let sender = OutboxSender(store: store, actor: "anna")
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())
        let first = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .failed(_, let retryAt?)? = first.first?.outcome else { return XCTFail("\(first)") }
        let second = await sender.sendDue(publisherFor: publishers, now: retryAt.addingTimeInterval(1))
        guard case .sent(let ref)? = second.first?.outcome else { return XCTFail("\(second)") }
        XCTAssertEqual(ref.id, "T1.own1")
        XCTAssertEqual(server.requests("POST", commentsPath).count, 1, "never posted twice")
        let lookups = server.requests("GET", commentsPath)
        XCTAssertEqual(lookups.count, 1)
        XCTAssertEqual(lookups[0].query("parentId"), "T1")
        XCTAssertEqual(thread.count, 1)
        XCTAssertEqual(store.state(m.key).replies.count, 1)
    }

    func testTheLookupIgnoresOtherAuthorsOtherTextsAndOlderReplies() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let p = try YouTubePublisher(config: YouTubeFixture.config(server), dataDir: dir, http: TestHTTPClient())
        server.on(
            "GET", commentsPath,
            YouTubeFixture.page(
                [
                    YouTubeFixture.comment("x1", text: "Danke!", at: "2027-01-15T08:05:00Z", parent: "T1"),
                    YouTubeFixture.comment(
                        "x2", text: "Something else", at: "2027-01-15T08:04:00Z", authorChannel: YouTubeFixture.channel,
                        parent: "T1"),
                    YouTubeFixture.comment(
                        "x3", text: "Danke!", at: "2027-01-15T07:00:00Z", authorChannel: YouTubeFixture.channel,
                        parent: "T1"),
                ], kind: "commentListResponse"))
        let draft = OutgoingPost(text: "Danke!", inReplyTo: ReplyRef(uri: "T1", rootURI: "T1"))
        let found = try await p.findPosted(draft, since: Timestamp.parse("2027-01-15T08:00:00Z")!)
        XCTAssertNil(found)
    }

    func testTwoSendersAtOnceMakeOneReply() async throws {
        let (storeA, m, team) = try setUp()
        let storeB = try Store(dir: storeA.dir)
        let thread = Thread()
        server.handle("POST", commentsPath) { r in
            Thread.delayed(.json(object: thread.insert(r, at: "2027-01-15T08:00:30Z")))
        }
        _ = try queue(storeA, m, "Wir melden uns gleich!")
        let a = OutboxSender(store: storeA, actor: "anna", holder: "1@a")
        let b = OutboxSender(store: storeB, actor: "anna", holder: "2@b")
        let pa = OutboxSender.publishers(team: team, dataDir: storeA.dir, http: TestHTTPClient())
        let pb = OutboxSender.publishers(team: team, dataDir: storeB.dir, http: TestHTTPClient())
        let now = t0.addingTimeInterval(1)
        async let ra = a.sendDue(publisherFor: pa, now: now)
        async let rb = b.sendDue(publisherFor: pb, now: now)
        let (resA, resB) = await (ra, rb)
        let sent = (resA + resB).filter { if case .sent = $0.outcome { return true } else { return false } }
        XCTAssertEqual(sent.count, 1)
        XCTAssertEqual(server.requests("POST", commentsPath).count, 1)
        XCTAssertEqual(thread.count, 1)
    }

    func testFailuresByClass() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        let p = try YouTubePublisher(config: YouTubeFixture.config(server), dataDir: dir, http: TestHTTPClient())
        let draft = OutgoingPost(text: "Hallo", inReplyTo: ReplyRef(uri: "T1.r1", rootURI: "T1"))
        let cases: [(NetworkTestServer.Response, String)] = [
            (YouTubeFixture.error(404, "commentNotFound"), "rejected: youtube account yt: not found"),
            (YouTubeFixture.error(400, "processingFailure"), "rejected: youtube account yt: not found"),
            (YouTubeFixture.error(403, "insufficientPermissions"), "needs login:"),
            (YouTubeFixture.error(403, "forbidden", "cannot comment"), "rejected: youtube account yt: YouTube refused"),
            (YouTubeFixture.error(500, "backendError"), "youtube account yt: YouTube is having trouble"),
            (YouTubeFixture.error(403, "quotaExceeded"), "rate limited until"),
        ]
        for (resp, want) in cases {
            server.on("POST", commentsPath, resp)
            do {
                _ = try await p.post(draft, idempotencyKey: "k")
                XCTFail("\(want)")
            } catch let e as PublishError {
                XCTAssertTrue(e.description.hasPrefix(want), "\(want): got \(e)")
            }
        }
        do {
            _ = try await p.post(draft, idempotencyKey: "k")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("quota exhausted"), "\(e)")
        }
        XCTAssertEqual(server.requests("POST", commentsPath).count, 6, "no call once the quota is spent")
    }

    func testModerationRequests() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [YouTubeFixture.config(server)]
        guard let mod = try Listener.moderator(for: team.sources[0], dataDir: dir, http: TestHTTPClient()) else {
            return XCTFail("a YouTube source has a moderator")
        }
        XCTAssertEqual(mod.supported, [.hide, .unhide, .hold, .approve, .reject, .delete])
        server.on(
            "POST", "/youtube/v3/comments/setModerationStatus", NetworkTestServer.Response(status: 204, body: Data()))
        server.on("DELETE", commentsPath, NetworkTestServer.Response(status: 204, body: Data()))
        let target = ReplyRef(uri: "T1.r1", rootURI: "T1")
        try await mod.moderate(target, .hold, reason: nil, ban: false)
        try await mod.moderate(target, .approve, reason: nil, ban: false)
        try await mod.moderate(target, .reject, reason: "spam", ban: true)
        try await mod.moderate(ReplyRef(uri: "T1.own1"), .delete, reason: nil, ban: false)
        let sets = server.requests("POST", "/youtube/v3/comments/setModerationStatus").map(\.query)
        XCTAssertEqual(
            sets,
            [
                "id=T1.r1&moderationStatus=heldForReview", "id=T1.r1&moderationStatus=published",
                "id=T1.r1&moderationStatus=rejected&banAuthor=true",
            ])
        XCTAssertEqual(server.requests("DELETE", commentsPath).map(\.query), ["id=T1.own1"])
        do {
            try await mod.moderate(target, .lock, reason: nil, ban: false)
            XCTFail()
        } catch let e as PublishError { XCTAssertTrue(e.description.contains("hold, approve, reject and delete")) }
        server.on("POST", "/youtube/v3/comments/setModerationStatus", YouTubeFixture.error(404, "commentNotFound"))
        do {
            try await mod.moderate(target, .hold, reason: nil, ban: false)
            XCTFail()
        } catch let e as PublishError { XCTAssertTrue(e.description.hasPrefix("rejected:"), "\(e)") }
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: nil)
        XCTAssertEqual(ledger.today(now: Date()).used, 5 * 50)
    }
}

extension YouTubePublisherTests.Thread {
    static func delayed(_ r: NetworkTestServer.Response) -> NetworkTestServer.Response {
        var r = r
        r.delay = 0.3
        return r
    }
}
