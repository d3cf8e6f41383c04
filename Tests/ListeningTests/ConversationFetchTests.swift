import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Whole conversations from the network (issue 20): Mastodon `/api/v1/statuses/:id/context` and Bluesky
/// `app.bsky.feed.getPostThread` against a loopback server, merged with the stored mentions into one tree.
final class ConversationFetchTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// The mention bob wrote (status 110002, answering carla's 110001), stored as the source would store it.
    func storedMastodonMention(_ dir: DataDirectory) async throws -> Store {
        server.on(
            "GET", "/api/v1/notifications",
            .json(
                MastodonFixture.list([
                    "{\"id\":\"1002\",\"type\":\"mention\",\"created_at\":\"2026-11-26T10:00:01.000Z\",\"account\":\(MastodonFixture.account(id: "55", acct: "bob")),"
                        + "\"status\":\(MastodonFixture.status(id: "110002", acct: "bob", content: "<p>Wann kommt der Linux-Client? Größte Geduld hier.</p>", inReplyTo: "110001", created: "2026-11-26T10:05:00.000Z"))}"
                ])))
        let source = try MastodonSource(config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient())
        let store = try Store(dir: dir)
        try store.ingest(try await source.poll(cursor: [:]).mentions)
        return store
    }

    func testMastodonContextIsFetchedAndMergedIntoOneTreeWithOurReplyInline() async throws {
        let dir = try makeDataDir()
        let store = try await storedMastodonMention(dir)
        let hostile = "<p>ok \\u001b]52;c;cHduZWQ=\\u0007danke</p>"
        server.on(
            "GET", "/api/v1/statuses/110002/context",
            .json(
                """
                {"ancestors":[\(MastodonFixture.status(id: "110001", acct: "carla", content: "<p>Acme Cloud 5.0 ist da!</p>", created: "2026-11-26T10:00:00.000Z"))],
                "descendants":[\(MastodonFixture.status(id: "110003", acct: "acme", content: "<p>@bob nächste Woche!</p>", inReplyTo: "110002", created: "2026-11-26T10:10:00.000Z")),
                \(MastodonFixture.status(id: "110004", acct: "dave", content: hostile, inReplyTo: "110003", created: "2026-11-26T10:20:00.000Z")),
                \(MastodonFixture.status(id: "110005", acct: "erin", content: "<p>Ich auch</p>", inReplyTo: "110001", created: "2026-11-26T10:30:00.000Z"))]}
                """))
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["@acme"]), sources: [mastodonConfig(server)])
        let key = try XCTUnwrap(store.mentions.first?.key)
        // carla's post is stored too (found by a hashtag search): the stored record is the one shown.
        try store.ingest([
            Mention(
                platform: "mastodon", id: "https://social.example/users/carla/statuses/9110001",
                text: "Acme Cloud 5.0 ist da! (gespeichert)", createdAt: Timestamp.parse("2026-11-26T10:00:00Z")!,
                author: Author(handle: "carla@127.0.0.1"), source: "masto", reply: ReplyRef(uri: "110001"))
        ])
        let loaded = try await Conversations.load(
            store: store, key: key, own: OwnAccounts(team: team),
            fetcherFor: Conversations.fetchers(team: team, dataDir: dir, http: TestHTTPClient()))

        let req = try XCTUnwrap(server.requests.last)
        XCTAssertEqual(req.path, "/api/v1/statuses/110002/context")
        XCTAssertEqual(req.header("authorization"), "Bearer masto-secret-token-123")
        XCTAssertNil(loaded.problem)
        let c = loaded.conversation
        // carla's post, bob's answer (the mention), our answer to bob, dave's answer to us; erin answers carla.
        XCTAssertEqual(
            c.posts.map { "\(String(repeating: " ", count: $0.depth))\($0.mention.author?.handle ?? "")" },
            ["carla@127.0.0.1", " bob@127.0.0.1", "  acme@127.0.0.1", "   dave@127.0.0.1", " erin@127.0.0.1"])
        XCTAssertEqual(c.focus, 1)
        XCTAssertEqual(c.posts.map(\.own), [false, false, true, false, false])
        XCTAssertEqual(c.posts.map(\.stored), [true, true, false, false, false])
        XCTAssertEqual(c.posts[0].mention.text, "Acme Cloud 5.0 ist da! (gespeichert)")
        XCTAssertEqual(c.posts[0].descendants, 4)
        XCTAssertEqual(c.posts[2].mention.text, "@bob nächste Woche!")
        XCTAssertEqual(c.posts[3].mention.text, "ok danke", "network text is cleaned like the source's own")
        // Folding bob's post hides our answer and dave's.
        XCTAssertEqual(c.visible(folded: [c.posts[1].mention.key]), [0, 1, 4])
    }

    func testAFailedFetchStillShowsTheStoredPostsAndSaysWhy() async throws {
        let dir = try makeDataDir()
        let store = try await storedMastodonMention(dir)
        server.on("GET", "/api/v1/statuses/110002/context", .json(#"{"error":"Record not found"}"#, status: 404))
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["@acme"]), sources: [mastodonConfig(server)])
        let key = try XCTUnwrap(store.mentions.first?.key)
        let loaded = try await Conversations.load(
            store: store, key: key, own: OwnAccounts(team: team),
            fetcherFor: Conversations.fetchers(team: team, dataDir: dir, http: TestHTTPClient()))
        XCTAssertEqual(loaded.conversation.posts.map(\.mention.key), [key])
        let problem = try XCTUnwrap(loaded.problem)
        XCTAssertTrue(problem.hasPrefix("could not fetch the conversation: "), problem)
        // Without a source of its network, nothing is asked and the reason is named.
        let none = try await Conversations.load(
            store: store, key: key, own: OwnAccounts(),
            fetcherFor: Conversations.fetchers(
                team: TeamConfig(brand: .init(name: "Acme", terms: [])), dataDir: dir, http: TestHTTPClient()))
        XCTAssertEqual(none.problem, "Mastodon conversations are not fetched (stored posts only)")
    }

    func testBlueskyPostThreadIsWalkedUpAndDown() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        let root = "at://did:plc:carol/app.bsky.feed.post/3kroot"
        let mine = "at://did:plc:bob/app.bsky.feed.post/3kbob"
        func view(_ uri: String, _ author: String, _ text: String, parent: String?) -> String {
            let rkey = String(uri.split(separator: "/").last!)
            return
                #"{"uri":"\#(uri)","cid":"bafy\#(rkey)","author":\#(BlueskyFixture.profile(author)),"record":\#(BlueskyFixture.record(text, reply: parent.map { (root, $0) })),"indexedAt":"2026-11-26T10:00:00.000Z"}"#
        }
        let thread = """
            {"thread":{"$type":"app.bsky.feed.defs#threadViewPost","post":\(view(mine, "bob.example.com", "Wo ist die Datei?", parent: root)),
            "parent":{"$type":"app.bsky.feed.defs#threadViewPost","post":\(view(root, "carol.example.com", "Sync ist kaputt", parent: nil))},
            "replies":[{"$type":"app.bsky.feed.defs#threadViewPost","post":\(view("at://did:plc:acme/app.bsky.feed.post/3kacme", "acme.bsky.social", "Im Papierkorb!", parent: mine)),
              "replies":[{"$type":"app.bsky.feed.defs#notFoundPost","uri":"at://x/y/z","notFound":true}]}]}}
            """
        server.on("GET", "/xrpc/app.bsky.feed.getPostThread", .json(thread))
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "bluesky", id: mine, text: "Wo ist die Datei?", createdAt: Date(),
            author: Author(handle: "bob.example.com"), inReplyTo: root, threadRoot: root, source: "bsky",
            reply: ReplyRef(uri: mine, cid: "bafy3kbob", rootURI: root, rootCID: "bafyroot"))
        try store.ingest([m])
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), sources: [blueskyConfig(server)])
        let loaded = try await Conversations.load(
            store: store, key: m.key, own: OwnAccounts(team: team),
            fetcherFor: Conversations.fetchers(team: team, dataDir: dir, http: TestHTTPClient()))
        let req = try XCTUnwrap(server.requests.last)
        XCTAssertEqual(req.path, "/xrpc/app.bsky.feed.getPostThread")
        XCTAssertEqual(req.query("uri"), mine)
        XCTAssertEqual(req.header("authorization"), "Bearer acc-1")
        XCTAssertNil(loaded.problem)
        let c = loaded.conversation
        XCTAssertEqual(
            c.posts.map { "\($0.depth) \($0.mention.author?.handle ?? "")" },
            ["0 carol.example.com", "1 bob.example.com", "2 acme.bsky.social"])
        XCTAssertEqual(c.posts.map(\.own), [false, false, true], "the source's own handle is ours")
        XCTAssertEqual(c.focus, 1)
    }
}
