import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The Reddit source over loopback HTTP: which feeds it reads, how it pages, what a mention keeps of a thread, and
/// what it skips (deleted and removed things, messages).
final class RedditSourceTests: RedditTestCase {
    func testPollReadsInboxMentionsSubredditAndSearchKeepingThreads() async throws {
        let dir = try redditDataDir()
        server.on(
            "GET", "/message/inbox",
            RedditFixture.listing([
                RedditFixture.comment(
                    "c3", body: "Danke! Die Synchronisierung läuft wieder, Grüße aus Gießen", parent: "t1_own1"),
                ["kind": "t4", "data": ["id": "m1", "name": "t4_m1", "body": "a private message", "author": "x"]],
                RedditFixture.comment("c2", body: "[removed]"),
            ]))
        var deletedAuthor = RedditFixture.comment("c1", body: "Still broken for me", author: "[deleted]", link: nil)
        var d = deletedAuthor["data"] as! [String: Any]
        d["context"] = "/r/acme/comments/post9/slug/c1/?context=3"
        d["permalink"] = nil
        deletedAuthor["data"] = d
        server.on("GET", "/message/mentions", RedditFixture.listing([deletedAuthor]))
        server.on("GET", "/r/acme/comments", RedditFixture.empty())
        server.on(
            "GET", "/r/acme/new",
            RedditFixture.listing([
                RedditFixture.post("p2", title: "Acme Cloud vs. Dropbox?", selftext: "Which one for a family of 5?"),
                RedditFixture.post("p1", title: "Removed post", selftext: "[removed]"),
            ]))
        server.on("GET", "/search", RedditFixture.listing([RedditFixture.post("p2", title: "Acme Cloud vs. Dropbox?")]))
        let src = try source(redditConfig(server, subreddits: ["r/acme"], search: ["acme cloud"]), dir)

        let r = try await src.poll(cursor: [:])

        XCTAssertEqual(
            r.mentions.map(\.id), ["t1_c3", "t1_c1", "t3_p2", "t3_p1"], "messages and [removed] are no mentions")
        let reply = r.mentions[0]
        XCTAssertEqual(reply.platform, "reddit")
        XCTAssertEqual(reply.text, "Danke! Die Synchronisierung läuft wieder, Grüße aus Gießen")
        XCTAssertEqual(reply.inReplyTo, "t1_own1")
        XCTAssertEqual(reply.threadRoot, "t3_post1")
        XCTAssertEqual(reply.title, "Acme sync stuck at 99%?", "the submission's title names the parent")
        XCTAssertEqual(reply.reply, ReplyRef(uri: "t1_c3"))
        XCTAssertEqual(reply.author, Author(handle: "anna_k", url: "https://www.reddit.com/user/anna_k"))
        XCTAssertEqual(reply.url, "https://www.reddit.com/r/acme/comments/post1/acme_sync/c3/")
        XCTAssertEqual(reply.createdAt, Date(timeIntervalSince1970: 1_799_999_000))
        XCTAssertEqual(reply.extra?["subreddit"], .string("acme"))
        XCTAssertEqual(reply.source, "rd")

        let mention = r.mentions[1]
        XCTAssertEqual(mention.author?.handle, "[deleted]")
        XCTAssertNil(mention.author?.url)
        XCTAssertEqual(mention.extra?["author_deleted"], .bool(true))
        XCTAssertEqual(mention.threadRoot, "t3_post9", "the thread from the inbox item's context path")
        XCTAssertEqual(mention.extra?["via"], .string("mention"))

        XCTAssertEqual(r.mentions[2].text, "Acme Cloud vs. Dropbox?\n\nWhich one for a family of 5?")
        XCTAssertEqual(r.mentions[2].threadRoot, "t3_p2")
        XCTAssertEqual(r.mentions[3].text, "Removed post", "a removed body is not mention text")
        XCTAssertEqual(r.mentions[3].extra?["removed"], .bool(true))

        XCTAssertEqual(r.cursor["inbox"], "t1_c3 1799999000")
        XCTAssertEqual(r.cursor["new:acme"], "t3_p2 1799999500")
        XCTAssertNil(r.cursor["comments:acme"], "an empty listing leaves no cursor")
        XCTAssertNil(r.notBefore)

        let inbox = try XCTUnwrap(server.requests("GET", "/message/inbox").first)
        XCTAssertEqual(inbox.header("authorization"), "bearer tok-1")
        XCTAssertEqual(inbox.header("user-agent"), "linux:switchboard:0.1 (by /u/acmecloud)")
        XCTAssertEqual(inbox.query("raw_json"), "1")
        XCTAssertEqual(inbox.query("limit"), "100")
        let search = try XCTUnwrap(server.requests("GET", "/search").first)
        XCTAssertEqual(search.query("q"), "acme cloud")
        XCTAssertEqual(search.query("sort"), "new")
        XCTAssertEqual(search.query("type"), "link,comment")
        XCTAssertEqual(
            server.requests.map(\.path),
            ["/message/inbox", "/message/mentions", "/r/acme/comments", "/r/acme/new", "/search"])
    }

    /// 250 comments, newest first, 100 a page: `t1_k250` … `t1_k1`, one a minute.
    func serveComments(upTo newest: Int = 250, drop: Set<Int> = []) {
        server.handle("GET", "/r/acme/comments") { r in
            let start = r.query("after").flatMap { Int($0.dropFirst(4)) }.map { $0 - 1 } ?? newest
            let ids = stride(from: start, to: 0, by: -1).filter { !drop.contains($0) }.prefix(100)
            let things = ids.map {
                RedditFixture.comment("k\($0)", body: "Kommentar \($0)", created: 1_799_000_000 + Double($0) * 60)
            }
            return RedditFixture.listing(things, after: ids.count == 100 ? "t1_k\(ids.last!)" : nil)
        }
    }

    func testPagingGoesBackWithAfterUntilTheCursorAndTheFirstPollReadsOnePage() async throws {
        let dir = try redditDataDir()
        serveComments()
        var c = redditConfig(server, subreddits: ["acme"], inbox: false, mentions: false)
        c.search = nil
        server.on("GET", "/r/acme/new", RedditFixture.empty())
        let src = try source(c, dir)

        let first = try await src.poll(cursor: [:])
        XCTAssertEqual(first.mentions.count, 100, "the first poll reads the newest page only")
        XCTAssertEqual(first.cursor["comments:acme"], "t1_k250 \(1_799_000_000 + 250 * 60)")

        let second = try await src.poll(cursor: ["comments:acme": "t1_k120 \(1_799_000_000 + 120 * 60)"])
        XCTAssertEqual(second.mentions.map(\.id), (121...250).reversed().map { "t1_k\($0)" }, "stops at what is known")
        let pages = server.requests("GET", "/r/acme/comments").dropFirst()
        XCTAssertEqual(pages.map { $0.query("after") }, [nil, "t1_k151"])
        XCTAssertEqual(second.cursor["comments:acme"], "t1_k250 \(1_799_000_000 + 250 * 60)")
    }

    func testADeletedCursorItemStillStopsPagingByItsTime() async throws {
        let dir = try redditDataDir()
        serveComments(upTo: 130, drop: [120])
        server.on("GET", "/r/acme/new", RedditFixture.empty())
        let src = try source(redditConfig(server, subreddits: ["acme"], inbox: false, mentions: false), dir)
        let r = try await src.poll(cursor: ["comments:acme": "t1_k120 \(1_799_000_000 + 120 * 60)"])
        XCTAssertEqual(r.mentions.map(\.id), (121...130).reversed().map { "t1_k\($0)" })
        XCTAssertEqual(server.requests("GET", "/r/acme/comments").count, 1)
    }

    func testRateLimitHeadersSlowDownBeforeTheLimit() async throws {
        let dir = try redditDataDir()
        server.on(
            "GET", "/message/inbox",
            .json(
                object: ["kind": "Listing", "data": ["children": [RedditFixture.comment("c1", body: "hi")]]],
                headers: ["X-Ratelimit-Used": "595", "X-Ratelimit-Remaining": "5.0", "X-Ratelimit-Reset": "240"]))
        let src = try source(redditConfig(server), dir)
        let r = try await src.poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["t1_c1"])
        XCTAssertEqual(r.notBefore, now.addingTimeInterval(240), "waits for the window's reset")
        XCTAssertEqual(server.requests.map(\.path), ["/message/inbox"], "the mentions feed waits for the next poll")
    }

    func testPlentyOfRequestsLeftDoesNotSlowDown() async throws {
        let dir = try redditDataDir()
        let h = ["X-Ratelimit-Used": "7", "X-Ratelimit-Remaining": "593.0", "X-Ratelimit-Reset": "207"]
        server.on("GET", "/message/inbox", .json(object: ["kind": "Listing", "data": ["children": []]], headers: h))
        server.on("GET", "/message/mentions", RedditFixture.empty())
        let r = try await source(redditConfig(server), dir).poll(cursor: [:])
        XCTAssertNil(r.notBefore)
        XCTAssertEqual(server.requests.count, 2)
    }

    func testAPrivateSubredditIsReportedWhileTheOtherFeedsAreStillRead() async throws {
        let dir = try redditDataDir()
        server.on("GET", "/message/inbox", RedditFixture.empty())
        server.on("GET", "/message/mentions", RedditFixture.empty())
        server.on(
            "GET", "/r/secret/comments",
            .json(#"{"reason": "private", "message": "Forbidden", "error": 403}"#, status: 403))
        server.on(
            "GET", "/r/secret/new", .json(#"{"reason": "private", "message": "Forbidden", "error": 403}"#, status: 403))
        server.on("GET", "/r/acme/comments", RedditFixture.listing([RedditFixture.comment("c1", body: "Moin!")]))
        server.on("GET", "/r/acme/new", RedditFixture.empty())
        let src = try source(redditConfig(server, subreddits: ["secret", "acme"]), dir)
        do {
            _ = try await src.poll(cursor: [:])
            XCTFail("expected the refusal to be reported")
        } catch let p as PartialPoll {
            XCTAssertEqual(p.result.mentions.map(\.id), ["t1_c1"], "r/acme after the private one is still read")
            guard case .configuration(let why) = p.error else { return XCTFail("\(p.error)") }
            XCTAssertTrue(why.contains("private"), why)
        }
    }

    func testHostileTextIsCleaned() async throws {
        let dir = try redditDataDir()
        server.on(
            "GET", "/message/inbox",
            RedditFixture.listing([
                RedditFixture.comment(
                    "c1", body: "Klick \u{1B}]52;c;ZXZpbA==\u{07}hier\u{1B}[31m rot \u{202E}fdp.exe",
                    author: "ev\u{1B}[2Jil",
                    linkTitle: "Titel\u{1B}[1m fett")
            ]))
        server.on("GET", "/message/mentions", RedditFixture.empty())
        let m = try await source(redditConfig(server), dir).poll(cursor: [:]).mentions[0]
        for s in [m.text, m.author!.handle, m.title!] {
            XCTAssertFalse(s.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, s)
        }
        XCTAssertTrue(m.text.hasPrefix("Klick"))
    }

    /// Fuzzing found it: a `created_utc` no clock can show (1e300) trapped when the store wrote the mention.
    /// Such a time is not believed (the mention is dated when it was fetched), and the cursor keeps the name only.
    func testACreationTimeOutOfAnyRangeIsNotBelievedAndNeverCrashesTheStore() async throws {
        let dir = try redditDataDir()
        server.on(
            "GET", "/message/inbox",
            RedditFixture.listing([
                RedditFixture.comment("huge", body: "Sync kaputt", created: 1e300),
                RedditFixture.comment("tiny", body: "Immer noch kaputt", created: -1e300),
            ]))
        server.on("GET", "/message/mentions", RedditFixture.empty())
        let before = Date()
        let r = try await source(redditConfig(server), dir).poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id).sorted(), ["t1_huge", "t1_tiny"])
        for m in r.mentions {
            XCTAssertGreaterThanOrEqual(m.createdAt.timeIntervalSince1970, before.timeIntervalSince1970 - 1, m.id)
            let line = String(decoding: RecordCodec.encodeMention(m), as: UTF8.self)
            let back = try RecordCodec.decoder().decode(Mention.self, from: Data(line.utf8))
            XCTAssertEqual(back.id, m.id)
            XCTAssertEqual(back.text, m.text)
        }
        XCTAssertFalse(r.cursor.values.contains { $0.contains("e+") || $0.contains("inf") }, "\(r.cursor)")
        // And the store's writer holds any date it is given to the years it can read back.
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 1e300)), "9999-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: -.infinity)), "0001-01-01T00:00:00Z")
    }

    func testBadConfigurationIsAClearError() throws {
        let dir = try redditDataDir()
        var c = redditConfig(server, subreddits: ["acme; rm -rf"])
        XCTAssertThrowsError(try source(c, dir)) { e in
            XCTAssertTrue("\(e)".contains("is not a subreddit name"), "\(e)")
        }
        c = redditConfig(server)
        c.api = "ftp://example"
        XCTAssertThrowsError(try source(c, dir)) { e in XCTAssertTrue("\(e)".contains("`api`"), "\(e)") }
    }

    func testTheFactoriesKnowReddit() throws {
        let dir = try redditDataDir()
        let c = redditConfig(server)
        XCTAssertTrue(try Listener.networkSource(c, dataDir: dir, http: TestHTTPClient()) is RedditSource)
        XCTAssertEqual(try Listener.publisher(for: c, dataDir: dir, http: TestHTTPClient())?.platform, "reddit")
        XCTAssertEqual(
            try Listener.moderator(for: c, dataDir: dir, http: TestHTTPClient())?.supported,
            [.hide, .unhide, .remove, .approve, .lock, .unlock, .delete])
        let m = Mention(platform: "reddit", id: "t1_x", text: "x", createdAt: now, reply: ReplyRef(uri: "t1_x"))
        XCTAssertFalse(OutboxDraft.reply(to: m, text: "Danke").manual, "Reddit mentions are answered through the API")
    }
}
