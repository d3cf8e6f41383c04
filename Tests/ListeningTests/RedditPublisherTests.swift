import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Answering and moderating on Reddit over loopback HTTP: exact form bodies, `json.errors` refusals, the lookup
/// before a retry whose earlier attempt's outcome is unknown, two senders making one comment, moderation calls.
final class RedditPublisherTests: RedditTestCase {
    var t0: Date { now }
    let draft = OutgoingPost(
        text: "Danke für den Hinweis! Bitte schick uns eine DM & wir schauen's uns an 🙏",
        inReplyTo: ReplyRef(uri: "t1_c3"))

    func testAReplyPostsTheExactFormAndReturnsTheComment() async throws {
        let dir = try redditDataDir()
        server.on(
            "POST", "/api/comment",
            .json(RedditFixture.commentReply("t1_new1", body: draft.text, parent: "t1_c3", created: 1.8e9)))
        let ref = try await publisher(dir).post(draft, idempotencyKey: "sb-1")
        XCTAssertEqual(
            ref, PostedRef(id: "t1_new1", uri: "t1_new1", url: "https://www.reddit.com/comments/post1/_/new1"))
        let r = try XCTUnwrap(server.requests("POST", "/api/comment").first)
        XCTAssertEqual(
            String(decoding: r.body, as: UTF8.self),
            "thing_id=t1_c3&text=Danke%20f%C3%BCr%20den%20Hinweis%21%20Bitte%20schick%20uns%20eine%20DM%20%26%20wir%20"
                + "schauen%27s%20uns%20an%20%F0%9F%99%8F&api_type=json")
        XCTAssertEqual(r.header("content-type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(r.header("authorization"), "bearer tok-1")
        XCTAssertEqual(r.query("raw_json"), "1")
    }

    func testJSONErrorsWithStatus200AreClassified() async throws {
        let dir = try redditDataDir()
        let p = try publisher(dir)
        func attempt(_ code: String, _ message: String) async -> PublishError? {
            server.on("POST", "/api/comment", RedditFixture.jsonError(code, message))
            do { _ = try await p.post(draft, idempotencyKey: "k"); return nil } catch { return error as? PublishError }
        }
        var e = await attempt("RATELIMIT", "you are doing that too much. try again in 5 minutes.")
        XCTAssertEqual(
            e,
            .rateLimited(
                retryAt: t0.addingTimeInterval(300),
                detail: "Reddit: you are doing that too much. try again in 5 minutes."))
        e = await attempt(
            "RATELIMIT", "Looks like you've been doing that a lot. Take a break for 42 seconds before trying again.")
        XCTAssertEqual(e?.isRetryable, true)
        if case .rateLimited(let at, _)? = e {
            XCTAssertEqual(at, t0.addingTimeInterval(42))
        } else {
            XCTFail("\(String(describing: e))")
        }
        server.on(
            "POST", "/api/comment",
            .json(
                #"{"json": {"ratelimit": 519.6, "errors": [["RATELIMIT", "take a break for 9 minutes", "ratelimit"]]}}"#
            ))
        do { _ = try await p.post(draft, idempotencyKey: "k") } catch { e = error as? PublishError }
        XCTAssertEqual(
            e, .rateLimited(retryAt: t0.addingTimeInterval(519.6), detail: "Reddit: take a break for 9 minutes"),
            "the exact seconds Reddit sends beside the error win")
        e = await attempt("THREAD_LOCKED", "Comments are locked.")
        XCTAssertEqual(e, .rejected("the thread is locked: nobody can comment on it (Comments are locked.)"))
        e = await attempt("DELETED_COMMENT", "that comment has been deleted")
        XCTAssertEqual(e, .rejected("the comment or post being answered was deleted (that comment has been deleted)"))
        XCTAssertEqual(e?.isRetryable, false)
        e = await attempt("USER_REQUIRED", "Please log in to do that.")
        guard case .needsLogin? = e else { return XCTFail("\(String(describing: e))") }
    }

    func testAnAnswerWithoutAParentOrTooLongIsRejectedBeforeSending() async throws {
        let dir = try redditDataDir()
        let p = try publisher(dir)
        do { _ = try await p.post(OutgoingPost(text: "hi"), idempotencyKey: "k"); XCTFail() } catch let e
            as PublishError
        {
            guard case .rejected = e else { return XCTFail("\(e)") }
        }
        let long = OutgoingPost(text: String(repeating: "ß", count: 10_001), inReplyTo: ReplyRef(uri: "t1_c3"))
        do { _ = try await p.post(long, idempotencyKey: "k"); XCTFail() } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("the comment is longer than Reddit's 10000 characters"))
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    // MARK: Exactly once

    func setUpOutbox() throws -> (Store, Mention, TeamConfig) {
        let dir = try redditDataDir()
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [redditConfig(server)]
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "reddit", id: "t1_c3", text: "Sync hängt bei 99 %", createdAt: t0,
            author: Author(handle: "anna_k"),
            lang: "de", source: "rd", reply: ReplyRef(uri: "t1_c3"))
        try store.ingest([m], now: t0)
        return (store, store.mention(m.key)!, team)
    }

    /// Reddit as it behaves: every accepted comment is kept and listed, newest first, under the user's comments.
    final class FakeReddit: @unchecked Sendable {
        let lock = NSLock()
        var comments: [(name: String, parent: String, body: String, created: Double)] = []
        func add(_ form: [(String, String)], created: Double) -> String {
            lock.withLock {
                let name = "t1_r\(comments.count + 1)"
                let f = Dictionary(form, uniquingKeysWith: { a, _ in a })
                comments.insert((name, f["thing_id"] ?? "", f["text"] ?? "", created), at: 0)
                return name
            }
        }
        var listing: NetworkTestServer.Response {
            lock.withLock {
                RedditFixture.listing(
                    comments.map {
                        RedditFixture.comment(
                            String($0.name.dropFirst(3)), body: $0.body, author: "acmecloud", parent: $0.parent,
                            created: $0.created)
                    })
            }
        }
    }

    static func form(_ body: Data) -> [(String, String)] {
        NetworkTestServer.Request(method: "POST", path: "/", query: String(decoding: body, as: UTF8.self), body: Data())
            .queryItems
    }

    func testAnUnknownOutcomeIsLookedUpBeforeAnyRetryAndNeverPostsTwice() async throws {
        let (store, m, team) = try setUpOutbox()
        let fake = FakeReddit()
        let created = t0.timeIntervalSince1970 + 2
        server.handle("POST", "/api/comment") { r in
            // The comment is made, then the connection drops before the answer: the outcome is unknown.
            let name = fake.add(Self.form(r.body), created: created)
            return NetworkTestServer.Response(
                body: Data(RedditFixture.commentReply(name, body: "", parent: "", created: created).utf8), truncateAt: 0
            )
        }
        server.handle("GET", "/user/acmecloud/comments") { _ in fake.listing }
        let d = OutboxDraft.reply(to: m, text: "Schau mal in die Einstellungen → Sync.", delay: 0, now: t0)
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let sender = OutboxSender(store: store, actor: "anna", holder: "1@a")
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient())

        let first = await sender.sendDue(publisherFor: publishers, now: t0.addingTimeInterval(1))
        guard case .failed(_, let retryAt?)? = first.first?.outcome else { return XCTFail("\(first)") }
        XCTAssertEqual(server.requests("GET", "/user/acmecloud/comments").count, 0, "the first attempt posts")

        let second = await sender.sendDue(publisherFor: publishers, now: retryAt)
        XCTAssertEqual(
            second.first?.outcome,
            .sent(
                PostedRef(id: "t1_r1", uri: "t1_r1", url: "https://www.reddit.com/r/acme/comments/post1/acme_sync/r1/"))
        )
        let lookup = try XCTUnwrap(server.requests("GET", "/user/acmecloud/comments").first)
        XCTAssertEqual(lookup.query("sort"), "new")
        XCTAssertEqual(server.requests("POST", "/api/comment").count, 1, "found, so not posted again")
        XCTAssertEqual(fake.comments.count, 1)
        XCTAssertEqual(store.state(m.key).status, .answered)
    }

    func testALookupThatFindsNothingPostsAgain() async throws {
        let dir = try redditDataDir()
        let p = try publisher(dir)
        server.on(
            "GET", "/user/acmecloud/comments",
            RedditFixture.listing([
                RedditFixture.comment("o1", body: draft.text, author: "acmecloud", parent: "t1_other", created: 1.8e9),
                RedditFixture.comment(
                    "o2", body: "something else", author: "acmecloud", parent: "t1_c3", created: 1.8e9),
                RedditFixture.comment("o3", body: draft.text, author: "acmecloud", parent: "t1_c3", created: 1.7e9),
            ]))
        let found = try await p.findPosted(draft, since: t0.addingTimeInterval(-60))
        XCTAssertNil(found, "other parent, other text, or older than the draft: not this answer")
        server.on(
            "GET", "/user/acmecloud/comments",
            RedditFixture.listing([
                RedditFixture.comment(
                    "o4", body: "  " + draft.text + "\n", author: "acmecloud", parent: "t1_c3", created: 1.8e9)
            ]))
        let again = try await p.findPosted(draft, since: t0.addingTimeInterval(-60))
        XCTAssertEqual(again?.id, "t1_o4")
    }

    func testTwoSendersAtOnceMakeOneComment() async throws {
        let (storeA, m, team) = try setUpOutbox()
        let storeB = try Store(dir: storeA.dir)
        let fake = FakeReddit()
        server.handle("POST", "/api/comment") { r in
            Thread.sleep(forTimeInterval: 0.3)
            let name = fake.add(Self.form(r.body), created: 1.8e9)
            return .json(RedditFixture.commentReply(name, body: "x", parent: "t1_c3", created: 1.8e9))
        }
        for i in 0..<3 {
            try Outbox.queue(
                OutboxDraft.reply(to: m, text: "Antwort \(i)", delay: 0, now: t0), store: storeA, actor: "anna", now: t0
            )
        }
        let a = OutboxSender(store: storeA, actor: "anna", holder: "1@a")
        let b = OutboxSender(store: storeB, actor: "anna", holder: "2@b")
        let pa = OutboxSender.publishers(team: team, dataDir: storeA.dir, http: TestHTTPClient())
        let pb = OutboxSender.publishers(team: team, dataDir: storeB.dir, http: TestHTTPClient())
        let at = t0.addingTimeInterval(1)
        async let ra = a.sendDue(publisherFor: pa, now: at)
        async let rb = b.sendDue(publisherFor: pb, now: at)
        let all = await ra + rb
        let sent = all.filter { if case .sent = $0.outcome { return true } else { return false } }
        XCTAssertEqual(Set(sent.map(\.id)).count, 3)
        XCTAssertEqual(sent.count, 3, "each entry sent by exactly one of the two")
        XCTAssertEqual(server.requests("POST", "/api/comment").count, 3, "one comment per answer")
        XCTAssertEqual(Set(fake.comments.map(\.body)), ["Antwort 0", "Antwort 1", "Antwort 2"])
    }
}
