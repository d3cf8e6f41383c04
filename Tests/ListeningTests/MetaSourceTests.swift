import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The Instagram, Facebook and Threads sources against the loopback server: what each listens to, the mentions it
/// makes (keys, authors, parents, reply references), cursors, hostile text, and needs-login isolation.
final class MetaSourceTests: XCTestCase {
    var server: NetworkTestServer!
    let now = GraphFixture.now
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func serveInstagramComments(count: Int = 3) {
        server.on(
            "GET", "/v24.0/1784100/media",
            GraphFixture.page([
                [
                    "id": "m1", "caption": "Neue Herbstkollektion 🍂", "comments_count": count, "username": "acme",
                    "permalink": "https://www.instagram.com/p/m1/", "timestamp": "2030-03-17T08:00:00+0000",
                ],
                ["id": "m0", "caption": "Old", "comments_count": 0, "timestamp": "2030-03-01T08:00:00+0000"],
            ]))
        server.on(
            "GET", "/v24.0/m1/comments",
            GraphFixture.page([
                [
                    "id": "c1", "text": "Wann kommt die Größe M wieder? \u{1B}]52;c;ZXZpbA==\u{07}\u{202E}",
                    "timestamp": "2030-03-17T09:00:00+0000", "username": "jürgen.ß",
                    "from": ["id": "u1", "username": "jürgen.ß"],
                    "replies": [
                        "data": [
                            [
                                "id": "r1", "text": "@jürgen.ß nächste Woche!", "timestamp": "2030-03-17T09:30:00+0000",
                                "username": "acme", "from": ["id": "1784100", "username": "acme"],
                            ],
                            [
                                "id": "r2", "text": "Ich warte auch", "timestamp": "2030-03-17T10:00:00+0000",
                                "username": "lena", "from": ["id": "u2", "username": "lena"],
                            ],
                        ]
                    ],
                ],
                // A deleted author: no username, no from.
                ["id": "c2", "text": "love it", "timestamp": "2030-03-17T11:00:00+0000"],
                // Not a comment we can key: no id.
                ["text": "ghost", "timestamp": "2030-03-17T11:30:00+0000"],
            ]))
    }

    func testInstagramCommentsAndRepliesNameTheirParentAndCarryReplyRefs() async throws {
        let dir = try GraphFixture.dataDir(self)
        serveInstagramComments()
        var c = GraphFixture.config("instagram", server)
        c.mentions = false
        let s = try InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: { GraphFixture.now })
        let r = try await s.poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["c1", "r2", "c2"], "the account's own reply is left out")
        let c1 = r.mentions[0]
        XCTAssertEqual(c1.text, "Wann kommt die Größe M wieder? ")
        XCTAssertEqual(c1.author?.handle, "jürgen.ß")
        XCTAssertEqual(c1.author?.url, "https://www.instagram.com/jürgen.ß/")
        XCTAssertEqual(c1.url, "https://www.instagram.com/p/m1/")
        XCTAssertEqual(c1.inReplyTo, "m1")
        XCTAssertEqual(c1.extra?["parent"], .string("@acme's post “Neue Herbstkollektion 🍂”"))
        XCTAssertEqual(c1.reply, ReplyRef(uri: "c1", rootURI: "m1", visibility: "comment"))
        let r2 = r.mentions[1]
        XCTAssertEqual(r2.reply, ReplyRef(uri: "r2", rootURI: "m1", rootCID: "c1", visibility: "reply"))
        XCTAssertEqual(GraphReplyRef.replyTarget(r2.reply!), "c1")
        XCTAssertEqual(r2.inReplyTo, "c1")
        XCTAssertEqual(r2.extra?["parent"], .string("comment “Wann kommt die Größe M wieder?”"))
        XCTAssertNil(r.mentions[2].author)
        XCTAssertEqual(r.cursor["comments"], "m0=0;m1=3")
        // Unchanged counts: no comment request at all.
        let again = try await s.poll(cursor: r.cursor)
        XCTAssertTrue(again.mentions.isEmpty)
        XCTAssertEqual(server.requests("GET", "/v24.0/m1/comments").count, 1)
        let q = GraphFixture.query(server.requests("GET", "/v24.0/m1/comments")[0])
        XCTAssertTrue(q["fields"]?.contains("replies{") ?? false)
    }

    /// Issue 20: `t` on an Instagram comment reads the media's comments with their replies, ours included.
    func testInstagramThreadViewReadsEveryCommentWithItsRepliesOursIncluded() async throws {
        let dir = try GraphFixture.dataDir(self)
        serveInstagramComments()
        let s = try InstagramSource(
            config: GraphFixture.config("instagram", server), dataDir: dir, http: TestHTTPClient(),
            now: { GraphFixture.now })
        let m = Mention(
            platform: "instagram", id: "r2", text: "Ich warte auch", createdAt: GraphFixture.now, inReplyTo: "c1",
            threadRoot: "m1", source: "ig")
        let all = try await s.conversation(of: m)
        XCTAssertEqual(all.map(\.id), ["c1", "r1", "r2", "c2"], "the comment without an id is left out")
        XCTAssertEqual(all.map(\.inReplyTo), ["m1", "c1", "c1", "m1"])
        XCTAssertEqual(all[1].author?.handle, "acme", "the account's own answer is part of the conversation")
        XCTAssertFalse(all[0].text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        XCTAssertEqual(server.requests("GET", "/v24.0/m1/comments").count, 1)
    }

    func testInstagramMediaDeletedBetweenListAndCommentsIsSkipped() async throws {
        let dir = try GraphFixture.dataDir(self)
        serveInstagramComments()
        server.on("GET", "/v24.0/m1/comments", GraphFixture.error(100, subcode: 33, message: "Object does not exist"))
        var c = GraphFixture.config("instagram", server)
        c.mentions = false
        let r = try await InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: { GraphFixture.now })
            .poll(cursor: [:])
        XCTAssertTrue(r.mentions.isEmpty)
    }

    func testHashtagsUseTheLedgerAndStopAtThirtyInSevenDays() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.handle("GET", "/v24.0/ig_hashtag_search") { r in
            let q = GraphFixture.query(r)
            return GraphFixture.page([["id": "h-" + (q["q"] ?? ""), "name": q["q"] ?? ""]])
        }
        server.on(
            "GET", "/v24.0/h-acme/recent_media",
            GraphFixture.page([
                [
                    "id": "hm1", "caption": "#acme ist toll", "timestamp": "2030-03-17T16:00:00+0000",
                    "permalink": "https://www.instagram.com/p/hm1/",
                ]
            ]))
        var c = GraphFixture.config("instagram", server)
        (c.comments, c.mentions, c.hashtags) = (false, false, ["#Acme"])
        let s = try InstagramSource(config: c, dataDir: dir, http: TestHTTPClient(), now: { GraphFixture.now })
        let r = try await s.poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["hm1"])
        XCTAssertEqual(r.mentions[0].extra?["via"], .string("#acme"))
        XCTAssertEqual(r.cursor["hashtag:acme"], "h-acme|2030-03-17T16:00:00Z")
        let q = GraphFixture.query(server.requests("GET", "/v24.0/h-acme/recent_media")[0])
        XCTAssertEqual(q["user_id"], "1784100")
        _ = try await s.poll(cursor: r.cursor)
        XCTAssertEqual(server.requests("GET", "/v24.0/ig_hashtag_search").count, 1, "the hashtag id is kept")

        // 29 more hashtags fill the 7-day window; a 31st waits and says until when.
        let ledger = HashtagLedger(dir: dir, sourceID: "ig")
        for i in 1...29 { try ledger.use("tag\(i)", now: now.addingTimeInterval(Double(i)), label: "x") }
        var c2 = c
        c2.hashtags = ["acme", "neu"]
        let r2: PollResult
        do {
            r2 = try await InstagramSource(config: c2, dataDir: dir, http: TestHTTPClient(), now: { GraphFixture.now })
                .poll(cursor: r.cursor)
            return XCTFail("expected the limit, got \(r2.mentions.count)")
        } catch let p as PartialPoll {
            guard case .configuration(let why) = p.error else { return XCTFail("\(p.error)") }
            XCTAssertEqual(
                why,
                "instagram source ig: Instagram allows 30 different hashtags in 7 days and this account has queried 30; "
                    + "#neu waits until 2030-03-24T17:46:40Z")
        }
        XCTAssertFalse(
            server.requests("GET", "/v24.0/ig_hashtag_search").contains { GraphFixture.query($0)["q"] == "neu" })
        // A week later the window has room again.
        let later = now.addingTimeInterval(7 * 86400 + 1)
        XCTAssertNoThrow(try ledger.use("neu", now: later, label: "x"))
    }

    func testFacebookCommentsTaggedAndVisitorPosts() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.on(
            "GET", "/v24.0/19292868552/published_posts",
            GraphFixture.page([
                [
                    "id": "19292868552_p1", "message": "Unser Sommerfest 🎉", "created_time": "2030-03-17T08:00:00+0000",
                    "permalink_url": "https://www.facebook.com/19292868552/posts/p1/",
                    "comments": ["data": [], "summary": ["total_count": 2]],
                ]
            ]))
        server.on(
            "GET", "/v24.0/19292868552_p1/comments",
            GraphFixture.page([
                [
                    "id": "p1_c2", "message": "Danke!", "created_time": "2030-03-17T10:00:00+0000",
                    "from": ["id": "u9", "name": "Jörg Weiß"], "parent": ["id": "p1_c1"],
                ],
                [
                    "id": "p1_c1", "message": "Gibt es Parkplätze?", "created_time": "2030-03-17T09:00:00+0000",
                    "from": ["id": "u8", "name": "Anna Groß"],
                ],
                [
                    "id": "p1_c3", "message": "Ja, hinter dem Haus.", "created_time": "2030-03-17T09:10:00+0000",
                    "from": ["id": "19292868552", "name": "Acme"], "parent": ["id": "p1_c1"],
                ],
            ]))
        server.on(
            "GET", "/v24.0/19292868552/tagged",
            GraphFixture.page([
                [
                    "id": "u7_t1", "message": "Great day with @Acme", "created_time": "2030-03-17T07:00:00+0000",
                    "from": ["id": "u7", "name": "Sam"], "permalink_url": "https://www.facebook.com/u7/posts/t1",
                ]
            ]))
        server.on(
            "GET", "/v24.0/19292868552/visitor_posts",
            GraphFixture.page([
                [
                    "id": "19292868552_v1", "message": "Mein Paket ist nicht angekommen",
                    "created_time": "2030-03-17T06:00:00+0000",
                    "from": ["id": "u6", "name": "Kai"],
                ]
            ]))
        let s = try FacebookSource(
            config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient(),
            now: { GraphFixture.now })
        let r = try await s.poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["p1_c2", "p1_c1", "u7_t1", "19292868552_v1"])
        XCTAssertTrue(r.mentions.allSatisfy { $0.platform == "facebook" && $0.source == "fb" })
        let reply = r.mentions[0]
        XCTAssertEqual(reply.author?.handle, "Jörg Weiß")
        XCTAssertEqual(
            reply.reply, ReplyRef(uri: "p1_c2", rootURI: "19292868552_p1", rootCID: "p1_c1", visibility: "reply"))
        XCTAssertEqual(reply.extra?["parent"], .string("comment “Gibt es Parkplätze?”"))
        XCTAssertEqual(r.mentions[1].extra?["parent"], .string("the Page's post “Unser Sommerfest 🎉”"))
        XCTAssertEqual(r.mentions[2].extra?["via"], .string("tagged"))
        XCTAssertEqual(r.mentions[3].extra?["via"], .string("visitor post"))
        XCTAssertEqual(
            r.mentions[3].reply, ReplyRef(uri: "19292868552_v1", rootURI: "19292868552_v1", visibility: "post"))
        let q = GraphFixture.query(server.requests("GET", "/v24.0/19292868552_p1/comments")[0])
        XCTAssertEqual(q["filter"], "stream")
        XCTAssertEqual(r.cursor["tagged"], "2030-03-17T07:00:00Z")
    }

    /// Issue 20: `t` on a Facebook comment reads every comment of its post, the Page's own answers included.
    func testFacebookThreadViewReadsEveryCommentOfThePostWithThePagesAnswers() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.on(
            "GET", "/v24.0/19292868552_p1/comments",
            GraphFixture.page([
                [
                    "id": "p1_c1", "message": "Gibt es Parkplätze?", "created_time": "2030-03-17T09:00:00+0000",
                    "from": ["id": "u8", "name": "Anna Groß"],
                ],
                [
                    "id": "p1_c3", "message": "Ja, hinter dem Haus.", "created_time": "2030-03-17T09:10:00+0000",
                    "from": ["id": "19292868552", "name": "Acme"], "parent": ["id": "p1_c1"],
                ],
                [
                    "id": "p1_c2", "message": "Danke!\u{1B}[2J", "created_time": "2030-03-17T10:00:00+0000",
                    "from": ["id": "u9", "name": "Jörg Weiß"], "parent": ["id": "p1_c1"],
                ],
            ]))
        let s = try FacebookSource(
            config: GraphFixture.config("facebook", server), dataDir: dir, http: TestHTTPClient(),
            now: { GraphFixture.now })
        let m = Mention(
            platform: "facebook", id: "p1_c2", text: "Danke!", createdAt: GraphFixture.now, inReplyTo: "p1_c1",
            threadRoot: "19292868552_p1", source: "fb")
        let all = try await s.conversation(of: m)
        XCTAssertEqual(all.map(\.id), ["p1_c1", "p1_c3", "p1_c2"])
        XCTAssertEqual(all.map(\.inReplyTo), ["19292868552_p1", "p1_c1", "p1_c1"])
        XCTAssertEqual(all[1].author?.handle, "Acme", "the Page's own answer is part of the conversation")
        XCTAssertEqual(all[2].text, "Danke!")
        let q = GraphFixture.query(server.requests("GET", "/v24.0/19292868552_p1/comments")[0])
        XCTAssertEqual(q["filter"], "stream")
        XCTAssertEqual(q["order"], "chronological")
        let none = try await s.conversation(of: Mention(platform: "facebook", id: "x", text: "", createdAt: Date()))
        XCTAssertTrue(none.isEmpty, "nothing to read without the post")
    }

    /// Issue 20: `t` on a Threads reply reads the whole conversation of its thread, every depth, ours included.
    func testThreadsThreadViewReadsTheWholeConversation() async throws {
        let dir = try GraphFixture.dataDir(self, token: "THQ-token")
        server.on(
            "GET", "/v1.0/t1/conversation",
            GraphFixture.page([
                [
                    "id": "t1r0", "text": "Wann genau?", "username": "ole", "timestamp": "2030-03-17T08:00:00+0000",
                    "root_post": ["id": "t1"], "replied_to": ["id": "t1"], "is_reply": true,
                ],
                [
                    "id": "t1r1", "text": "Am Samstag ab 10 Uhr", "username": "acme",
                    "timestamp": "2030-03-17T08:30:00+0000", "root_post": ["id": "t1"], "replied_to": ["id": "t1r0"],
                    "is_reply": true,
                ],
            ]))
        let s = try ThreadsSource(
            config: GraphFixture.config("threads", server), dataDir: dir, http: TestHTTPClient(),
            now: { GraphFixture.now })
        let m = Mention(
            platform: "threads", id: "t1r0", text: "Wann genau?", createdAt: GraphFixture.now, inReplyTo: "t1",
            threadRoot: "t1", source: "th")
        let all = try await s.conversation(of: m)
        XCTAssertEqual(all.map(\.id), ["t1r0", "t1r1"])
        XCTAssertEqual(all.map(\.inReplyTo), ["t1", "t1r0"])
        XCTAssertEqual(all[1].author?.handle, "acme", "the account's own answer is part of the conversation")
        XCTAssertEqual(GraphFixture.query(server.requests("GET", "/v1.0/t1/conversation")[0])["reverse"], "false")
    }

    func testThreadsRepliesMentionsAndKeywordSearch() async throws {
        let dir = try GraphFixture.dataDir(self, token: "THQ-token")
        server.on(
            "GET", "/v1.0/7001/threads",
            GraphFixture.page([
                [
                    "id": "t1", "text": "Wir eröffnen in Köln!", "username": "acme",
                    "timestamp": "2030-03-16T08:00:00+0000",
                ]
            ]))
        server.on(
            "GET", "/v1.0/t1/conversation",
            GraphFixture.page([
                [
                    "id": "t1r2", "text": "Endlich!", "username": "mia", "timestamp": "2030-03-17T09:00:00+0000",
                    "root_post": ["id": "t1"], "replied_to": ["id": "t1"], "is_reply": true,
                ],
                [
                    "id": "t1r1", "text": "Danke", "username": "acme", "timestamp": "2030-03-17T08:30:00+0000",
                    "root_post": ["id": "t1"], "replied_to": ["id": "t1r0"], "is_reply": true,
                ],
            ]))
        server.on(
            "GET", "/v1.0/7001/mentions",
            GraphFixture.page([
                ["id": "x1", "text": "@acme hilfe", "username": "ole", "timestamp": "2030-03-17T07:00:00+0000"]
            ]))
        server.on(
            "GET", "/v1.0/keyword_search",
            GraphFixture.page([
                ["id": "k1", "text": "acme ist super", "username": "pia", "timestamp": "2030-03-17T06:00:00+0000"]
            ]))
        var c = GraphFixture.config("threads", server)
        c.keywords = ["acme"]
        let s = try ThreadsSource(config: c, dataDir: dir, http: TestHTTPClient(), now: { GraphFixture.now })
        let r = try await s.poll(cursor: [:])
        XCTAssertEqual(r.mentions.map(\.id), ["t1r2", "x1", "k1"])
        XCTAssertEqual(r.mentions[0].reply, ReplyRef(uri: "t1r2", rootURI: "t1", visibility: "thread"))
        XCTAssertEqual(r.mentions[0].extra?["parent"], .string("@acme's thread “Wir eröffnen in Köln!”"))
        XCTAssertEqual(r.mentions[0].url, nil)
        XCTAssertEqual(r.mentions[0].author?.url, "https://www.threads.net/@mia")
        XCTAssertEqual(r.cursor["replies"], "t1=2030-03-17T09:00:00Z")
        let k = GraphFixture.query(server.requests("GET", "/v1.0/keyword_search")[0])
        XCTAssertEqual(k["q"], "acme")
        XCTAssertEqual(k["search_type"], "RECENT")
        _ = try await s.poll(cursor: r.cursor)
        let k2 = GraphFixture.query(server.requests("GET", "/v1.0/keyword_search")[1])
        XCTAssertEqual(k2["since"], String(Int(Timestamp.parse("2030-03-17T06:00:00Z")!.timeIntervalSince1970)))
    }

    func testATokenThatDiedStopsOnlyItsSource() async throws {
        let dir = try GraphFixture.dataDir(self)
        server.on(
            "GET", "/v24.0/19292868552/tagged",
            GraphFixture.error(
                190, subcode: 460, message: "The session has been invalidated because the user changed their password"))
        server.on(
            "GET", "/v24.0/1784100/tags",
            GraphFixture.page([["id": "m9", "caption": "hi", "timestamp": "2030-03-17T17:00:00+0000"]]))
        var fb = GraphFixture.config("facebook", server)
        (fb.comments, fb.visitorPosts) = (false, false)
        var ig = GraphFixture.config("instagram", server)
        ig.comments = false
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [fb, ig]
        let store = try Store(dir: dir)
        let http = TestHTTPClient()
        let listener = Listener(
            store: store, team: team, makeSource: { c in try Listener.networkSource(c, dataDir: dir, http: http) })
        let out = await listener.runOnce()
        XCTAssertEqual(out.map(\.source), ["fb", "ig"])
        let health = listener.state.load()
        XCTAssertEqual(health["fb"]?.status, .needsLogin)
        XCTAssertTrue(health["fb"]?.lastError?.contains("Graph error 190/460") ?? false)
        XCTAssertEqual(health["ig"]?.status, .ok)
        XCTAssertEqual(out[1].added.count, 1)
        XCTAssertNotNil(store.mention(MentionKey.make(platform: "instagram", id: "m9")))
    }
    func testARateLimitedPollKeepsTheUsageForSourcesList() async throws {
        let dir = try GraphFixture.dataDir(self)
        let buc =
            #"{"555":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":19}]}"#
        server.on(
            "GET", "/v24.0/19292868552/tagged",
            GraphFixture.error(
                80001, message: "Too many calls to this Page", headers: ["X-Business-Use-Case-Usage": buc]))
        var fb = GraphFixture.config("facebook", server)
        (fb.comments, fb.visitorPosts) = (false, false)
        var team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        team.sources = [fb]
        let http = TestHTTPClient()
        let listener = Listener(
            store: try Store(dir: dir), team: team,
            makeSource: { c in
                try FacebookSource(config: c, dataDir: dir, http: http, now: { GraphFixture.now })
            }, now: { GraphFixture.now })
        let o = await listener.poll(fb)
        let h = listener.state.health("fb")
        XCTAssertEqual(h.status, .rateLimited)
        XCTAssertEqual(h.usage, "pages 100%, access back in 19 min")
        XCTAssertEqual(o.nextRun, GraphFixture.now.addingTimeInterval(19 * 60))
        XCTAssertEqual(h.failures, 0)
    }
}
