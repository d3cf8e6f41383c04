import Foundation
import ListenerServices
import Listening
import SwitchboardCore
import TestSupport
import XCTest

/// Crisis reply controls put back what the post had: a Bluesky thread gate and quote gate from before the crisis
/// (their hidden replies and detached quotes kept as they are at each moment), Mastodon's earlier quote policy; and
/// new posts on X and Threads get their reply limit when they are created, with the incident report saying so and
/// naming the networks that offer no limit. All over HTTP to a loopback server.
final class ReplyGateRestoreTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let did = "did:plc:acme123"

    func json(_ r: NetworkTestServer.Request) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
    }

    func publish(_ store: Store, _ team: TeamConfig, id: String, accounts: [String: String], at: Date) throws {
        try Queue.add(
            QueueDraft(id: id, text: "Post \(id)", accounts: Array(accounts.keys).sorted(), scheduledAt: at),
            team: team, store: store, actor: "lea", now: at.addingTimeInterval(-60))
        _ = try store.record(
            accounts.map { .queue(.published(id: id, account: $0.key, postID: $0.value, url: nil)) }, actor: "lea",
            now: at)
    }

    /// The records a fake PDS holds, by collection and record key; getRecord, putRecord and deleteRecord on them.
    final class Records: @unchecked Sendable {
        let lock = NSLock()
        var items: [String: Any] = [:]
        subscript(_ c: String, _ k: String) -> [String: Any]? {
            get { lock.withLock { items[c + "/" + k] as? [String: Any] } }
            set { lock.withLock { items[c + "/" + k] = newValue } }
        }
    }

    /// 1, 2, 3… (ids a fake network hands out).
    static func next(_ r: Records) -> Int {
        r.lock.withLock {
            let n = (r.items["n"] as? Int ?? 0) + 1
            r.items["n"] = n
            return n
        }
    }

    func fakePDS() -> Records {
        let records = Records()
        server.handle("GET", "/xrpc/com.atproto.repo.getRecord") { r in
            guard let v = records[r.query("collection") ?? "", r.query("rkey") ?? ""] else {
                return .json(#"{"error":"RecordNotFound","message":"Could not locate record"}"#, status: 400)
            }
            return .json(object: ["uri": "at://x", "cid": "bafy", "value": v])
        }
        server.handle("POST", "/xrpc/com.atproto.repo.putRecord") { r in
            let o = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
            records[o["collection"] as? String ?? "", o["rkey"] as? String ?? ""] = o["record"] as? [String: Any]
            return .json(#"{"uri":"at://did:plc:acme123/x/y","cid":"bafy"}"#)
        }
        server.handle("POST", "/xrpc/com.atproto.repo.deleteRecord") { r in
            let o = (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
            records[o["collection"] as? String ?? "", o["rkey"] as? String ?? ""] = nil
            return .json("{}")
        }
        return records
    }

    func testTheGatesAPostHadBeforeTheCrisisAreBackAfterItWithTheHiddenRepliesOfTheMoment() async throws {
        let now = Date()
        let (store, team) = try ServiceFixture.mastodonAndBluesky(self, server)
        try publish(store, team, id: "p1", accounts: ["bsky": "3kgated", "masto": "77gated"], at: now - 86400)
        try publish(store, team, id: "p2", accounts: ["bsky": "3kopen"], at: now - 3600)
        let tg = "app.bsky.feed.threadgate", pg = "app.bsky.feed.postgate"
        let records = fakePDS()
        let uri = "at://\(did)/app.bsky.feed.post/3kgated"
        // Before the crisis: only people it follows may reply, one reply hidden; quotes off, one quote detached.
        records[tg, "3kgated"] = [
            "$type": tg, "post": uri, "createdAt": "2026-11-01T10:00:00Z",
            "allow": [["$type": tg + "#followingRule"]], "hiddenReplies": ["at://did:plc:troll/app.bsky.feed.post/1"],
        ]
        records[pg, "3kgated"] = [
            "$type": pg, "post": uri, "createdAt": "2026-11-01T10:00:00Z",
            "embeddingRules": [["$type": pg + "#disableRule"]],
            "detachedEmbeddingUris": ["at://did:plc:troll/app.bsky.feed.post/2"],
        ]
        // The other post has no gates, and Mastodon's status allowed quotes from followers only.
        server.handle("GET", "/api/v1/statuses/77gated") { _ in
            .json(
                #"{"id":"77gated","quote_approval":{"automatic":["followers"],"manual":[],"current_user":"automatic"}}"#
            )
        }
        server.handle("PUT", "/api/v1/statuses/77gated/interaction_policy") { _ in .json(#"{"id":"77gated"}"#) }

        let pass = ReplyGatePass(store: store, http: URLSessionHTTPClient(timeout: 10), actor: "listener")
        let run = try CrisisOps.start(
            ReplyGatePassTests.playbook(), severity: "hoch", suspendQueue: false, team: team, store: store,
            actor: "lea", now: now)
        let started = await pass.run(team: team, now: now + 30)
        XCTAssertEqual(started.map(\.outcome), [.done, .done, .done], started.map(\.line).joined(separator: "\n"))
        // While the crisis runs: mentioned only, no quotes, and the hidden reply and detached quote still there.
        let during = try XCTUnwrap(records[tg, "3kgated"])
        XCTAssertEqual(
            (during["allow"] as? [[String: Any]])?.compactMap { $0["$type"] as? String }, [tg + "#mentionRule"])
        XCTAssertEqual(during["hiddenReplies"] as? [String], ["at://did:plc:troll/app.bsky.feed.post/1"])
        XCTAssertEqual(
            records[pg, "3kgated"]?["detachedEmbeddingUris"] as? [String], ["at://did:plc:troll/app.bsky.feed.post/2"])
        XCTAssertNotNil(records[tg, "3kopen"])
        XCTAssertEqual(
            server.requests("PUT", "/api/v1/statuses/77gated/interaction_policy").map {
                json($0)["quote_approval_policy"] as? String
            }, ["nobody"])

        // During the crisis the team hides another reply on the gated post and one on the open post.
        var g = records[tg, "3kgated"]!
        g["hiddenReplies"] = ["at://did:plc:troll/app.bsky.feed.post/1", "at://did:plc:troll/app.bsky.feed.post/3"]
        records[tg, "3kgated"] = g
        var o = records[tg, "3kopen"]!
        o["hiddenReplies"] = ["at://did:plc:troll/app.bsky.feed.post/4"]
        records[tg, "3kopen"] = o

        try CrisisOps.end(summary: "Fixed", store: store, actor: "lea", now: now + 3600)
        let ended = await pass.run(team: team, now: now + 3660)
        XCTAssertEqual(ended.map(\.outcome), [.done, .done, .done], ended.map(\.line).joined(separator: "\n"))
        // The gated post: following again, both hidden replies kept; its quote gate as before.
        let back = try XCTUnwrap(records[tg, "3kgated"])
        XCTAssertEqual(
            (back["allow"] as? [[String: Any]])?.compactMap { $0["$type"] as? String }, [tg + "#followingRule"])
        XCTAssertEqual(back["createdAt"] as? String, "2026-11-01T10:00:00Z")
        XCTAssertEqual(
            back["hiddenReplies"] as? [String],
            ["at://did:plc:troll/app.bsky.feed.post/1", "at://did:plc:troll/app.bsky.feed.post/3"])
        let quote = try XCTUnwrap(records[pg, "3kgated"])
        XCTAssertEqual((quote["embeddingRules"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual(quote["detachedEmbeddingUris"] as? [String], ["at://did:plc:troll/app.bsky.feed.post/2"])
        // The open post: anyone may reply again (no `allow`), the reply hidden during the crisis stays hidden.
        let open = try XCTUnwrap(records[tg, "3kopen"])
        XCTAssertNil(open["allow"])
        XCTAssertEqual(open["hiddenReplies"] as? [String], ["at://did:plc:troll/app.bsky.feed.post/4"])
        XCTAssertNil(records[pg, "3kopen"], "a quote gate it did not have is gone")
        XCTAssertEqual(
            server.requests("PUT", "/api/v1/statuses/77gated/interaction_policy").map {
                json($0)["quote_approval_policy"] as? String
            }, ["nobody", "followers"], "Mastodon gets back followers, not public")

        let md = CrisisReport(run: try CrisisOps.current(run.id, store: store), store: try Store(dir: store.dir))
            .markdown()
        XCTAssertTrue(
            md.contains(
                "bluesky bsky 3kgated: replies mentioned, no quotes: had a thread gate and a quote gate before"), md)
        XCTAssertTrue(md.contains("mastodon masto 77gated: restored: quotes: followers as before"), md)
    }

    func testNewPostsOnXAndThreadsGetTheirReplyLimitWhenCreatedAndTheReportSaysWhatEachNetworkOffers() async throws {
        let now = Date()
        var team = ServiceFixture.team()
        var x = SourceConfig(id: "xacme", type: "x")
        (x.api, x.userID, x.tokenFile, x.clientID) = (server.baseURL.absoluteString, "100", "secrets/x.token", "c")
        var th = SourceConfig(id: "th", type: "threads")
        (th.api, th.userID, th.tokenFile) = (server.baseURL.absoluteString, "7001", "secrets/meta.token")
        var fb = SourceConfig(id: "fb", type: "facebook")
        (fb.api, fb.pageID, fb.tokenFile) = (server.baseURL.absoluteString, "19292868552", "secrets/meta.token")
        team.sources = [x, th, fb]
        team.team = [.init(user: "lea", name: "Lea", role: "lead")]
        let dir = try ServiceFixture.dataDir(self, team: team)
        try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/x.token"), what: "t")
            .save(OAuthToken(accessToken: "x-access-1"))
        try Secrets.write("EAAG-page-token", to: dir.root.appendingPathComponent("secrets/meta.token"))
        let store = try Store(dir: dir)
        try publish(store, team, id: "old", accounts: ["xacme": "1900", "fb": "19292868552_1"], at: now - 86400)

        let tweetIDs = Records(), published = Records()
        server.handle("POST", "/2/tweets") { _ in .json(#"{"data":{"id":"19\#(Self.next(tweetIDs) + 9)","text":"t"}}"#)
        }
        server.handle("POST", "/v1.0/7001/threads") { _ in .json(#"{"id":"c1"}"#) }
        server.handle("POST", "/v1.0/7001/threads_publish") { _ in .json(#"{"id":"th\#(Self.next(published))"}"#) }
        server.handle("POST", "/v24.0/19292868552/feed") { _ in .json(#"{"id":"19292868552_2"}"#) }
        let publishers = QueuePublisher.publishers(
            team: team, dataDir: dir, http: URLSessionHTTPClient(timeout: 10))

        // Before the crisis: no limit.
        try Queue.add(
            QueueDraft(id: "before", text: "Neue Öffnungszeiten", accounts: ["xacme", "th"], scheduledAt: now - 60),
            team: team, store: store, actor: "lea", now: now - 120)
        _ = await QueuePublisher.publishDue(store: store, publisherFor: publishers, now: now - 30)
        XCTAssertNil(json(server.requests("POST", "/2/tweets")[0])["reply_settings"])
        XCTAssertFalse(
            String(decoding: server.requests("POST", "/v1.0/7001/threads")[0].body, as: UTF8.self)
                .contains("reply_control"))

        var playbook = ReplyGatePassTests.playbook()
        playbook.steps[1].replies = "following"
        let run = try CrisisOps.start(
            playbook, severity: "hoch", suspendQueue: false, team: team, store: store, actor: "lea", now: now)
        try Queue.add(
            QueueDraft(
                id: "during", text: "Wir arbeiten daran – Größe ändert nichts", accounts: ["fb", "th", "xacme"],
                scheduledAt: now + 60),
            team: team, store: store, actor: "lea", now: now + 30)
        let results = await QueuePublisher.publishDue(store: store, publisherFor: publishers, now: now + 90)
        XCTAssertEqual(results.map(\.outcome), [.published, .published, .published], "\(results)")
        XCTAssertEqual(json(server.requests("POST", "/2/tweets")[1])["reply_settings"] as? String, "following")
        XCTAssertTrue(
            String(decoding: server.requests("POST", "/v1.0/7001/threads")[1].body, as: UTF8.self)
                .contains("reply_control=accounts_you_follow"))
        XCTAssertFalse(
            String(decoding: server.requests("POST", "/v24.0/19292868552/feed")[0].body, as: UTF8.self)
                .contains("reply"), "Facebook has no such field")

        let pass = ReplyGatePass(store: store, http: URLSessionHTTPClient(timeout: 10), actor: "listener")
        let gated = await pass.run(team: team, now: now + 120)
        let lines = gated.map(\.line)
        XCTAssertTrue(
            lines.contains(
                "x xacme 1900: not supported: X sets who may reply only when posting; this post is from before the crisis"
            ), "\(lines)")
        XCTAssertTrue(
            lines.contains(
                "facebook fb 19292868552_1: not offered: Facebook's API has no way to limit replies or comments"),
            "\(lines)")
        let tweets = Set(lines.filter { $0.hasPrefix("x xacme 19") }.map { String($0.split(separator: ":")[1]) })
        XCTAssertEqual(
            tweets,
            [
                " not supported", " replies following",
            ], "\(lines)")
        XCTAssertEqual(
            lines.filter { $0.contains("set when posting") }.map { String($0.split(separator: ":", maxSplits: 1)[1]) }
                .sorted(),
            [
                " replies following: reply_control accounts_you_follow set when posting (Threads allows it only then)",
                " replies following: reply_settings following set when posting (X allows it only then)",
            ].sorted(), "\(lines)")
        let again = await pass.run(team: team, now: now + 180)
        XCTAssertEqual(again, [], "each post once")

        try CrisisOps.end(summary: "Fixed", store: store, actor: "lea", now: now + 3600)
        let ended = await pass.run(team: team, now: now + 3660)
        XCTAssertEqual(ended.map(\.outcome), [.unsupported, .unsupported], ended.map(\.line).joined(separator: "\n"))
        XCTAssertTrue(ended.allSatisfy { $0.line.contains("cannot change who may reply after posting") })
        let after = await pass.run(team: team, now: now + 3720)
        XCTAssertEqual(after, [])
        let md = CrisisReport(run: try CrisisOps.current(run.id, store: store), store: try Store(dir: store.dir))
            .markdown()
        XCTAssertTrue(md.contains("facebook fb 19292868552_1: not offered"), md)
    }
}
