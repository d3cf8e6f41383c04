import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Mute, block and report an author from triage (issue 20) on Mastodon and Bluesky, against a loopback server:
/// the requests the network receives, the log entry with the reason, undo (unmute, unblock), and the kinds a
/// network does not offer.
final class AuthorModerationTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func body(_ r: NetworkTestServer.Request) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: r.body)) as? [String: Any] ?? [:]
    }

    func testMastodonMuteReportAndUnmuteTheAuthorOfAStatus() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/statuses/110002", .json(MastodonFixture.status(id: "110002", acct: "troll")))
        for p in ["mute", "unmute", "block", "unblock"] {
            server.on("POST", "/api/v1/accounts/7002/\(p)", .json(#"{"id":"7002","muting":true,"blocking":false}"#))
        }
        server.on("POST", "/api/v1/reports", .json(#"{"id":"48914","category":"other"}"#))
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "mastodon", id: "https://social.example/users/troll/statuses/9110002",
            text: "Ihr seid alle Betrüger", createdAt: Date(), author: Author(handle: "troll@social.example"),
            source: "masto", reply: ReplyRef(uri: "110002", visibility: "public"))
        try store.ingest([m])
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), sources: [mastodonConfig(server)])
        let mods = Moderation.moderators(team: team, dataDir: dir, http: TestHTTPClient())
        XCTAssertEqual(try Moderation.offered(m, moderatorFor: mods), [.mute, .unmute, .block, .unblock, .report])

        try await Moderation.perform(
            store: store, key: m.key, kind: .mute, reason: "Beleidigungen", actor: "alice", moderatorFor: mods)
        try await Moderation.perform(
            store: store, key: m.key, kind: .report, reason: "Beleidigt Kundinnen", actor: "alice",
            moderatorFor: mods)
        try await Moderation.perform(
            store: store, key: m.key, kind: .unmute, reason: nil, actor: "alice", moderatorFor: mods)
        let posts = server.requests.filter { $0.method == "POST" }
        XCTAssertEqual(
            posts.map(\.path), ["/api/v1/accounts/7002/mute", "/api/v1/reports", "/api/v1/accounts/7002/unmute"])
        XCTAssertTrue(posts.allSatisfy { $0.header("authorization") == "Bearer masto-secret-token-123" })
        let report = body(posts[1])
        XCTAssertEqual(report["account_id"] as? String, "7002")
        XCTAssertEqual(report["status_ids"] as? [String], ["110002"])
        XCTAssertEqual(report["comment"] as? String, "Beleidigt Kundinnen")
        XCTAssertEqual(
            store.state(m.key).moderation.map(\.line),
            ["muted by alice: Beleidigungen", "reported by alice: Beleidigt Kundinnen", "unmuted by alice"])
        XCTAssertNil(store.state(m.key).moderated, "the post itself stays as it is on the network")

        // Hiding someone else's status is not something Mastodon offers: nothing is asked, nothing recorded.
        do {
            try await Moderation.perform(
                store: store, key: m.key, kind: .hide, reason: nil, actor: "alice", moderatorFor: mods)
            XCTFail("expected notOffered")
        } catch let e as ModerationError {
            XCTAssertEqual(
                e.description,
                "Mastodon does not offer hide through its API; it offers: mute, unmute, block, unblock, report")
        }
        XCTAssertEqual(server.requests.filter { $0.method == "POST" }.count, 3)
        XCTAssertEqual(store.state(m.key).moderation.count, 3)
    }

    func testBlueskyMuteBlockUnblockAndReportTheAuthorOfAPost() async throws {
        let dir = try blueskyDataDir()
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on("POST", "/xrpc/app.bsky.graph.muteActor", .json("{}"))
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.graph.block/x","cid":"bafyblock"}"#))
        server.on("POST", "/xrpc/com.atproto.repo.deleteRecord", .json("{}"))
        server.on("POST", "/xrpc/com.atproto.moderation.createReport", .json(#"{"id":1}"#))
        let uri = "at://did:plc:troll42/app.bsky.feed.post/3ktroll"
        let store = try Store(dir: dir)
        let m = Mention(
            platform: "bluesky", id: uri, text: "Spam spam", createdAt: Date(),
            author: Author(handle: "troll.bsky.social"),
            source: "bsky", reply: ReplyRef(uri: uri, cid: "bafytroll", rootURI: uri, rootCID: "bafytroll"))
        try store.ingest([m])
        let team = TeamConfig(brand: .init(name: "Acme", terms: []), sources: [blueskyConfig(server)])
        let mods = Moderation.moderators(team: team, dataDir: dir, http: TestHTTPClient())
        for (kind, reason) in [
            (ModerationKind.mute, "nervt"), (.block, "Spam"), (.unblock, "Versehen"), (.report, "Spam-Konto"),
        ] {
            try await Moderation.perform(
                store: store, key: m.key, kind: kind, reason: reason, actor: "alice", moderatorFor: mods)
        }
        let calls = server.requests.filter { !$0.path.hasSuffix("createSession") }
        XCTAssertEqual(
            calls.map(\.path),
            [
                "/xrpc/app.bsky.graph.muteActor", "/xrpc/com.atproto.repo.createRecord",
                "/xrpc/com.atproto.repo.deleteRecord", "/xrpc/com.atproto.moderation.createReport",
            ])
        XCTAssertEqual(body(calls[0])["actor"] as? String, "did:plc:troll42")
        let block = body(calls[1])
        XCTAssertEqual(block["repo"] as? String, BlueskyFixture.did)
        XCTAssertEqual(block["collection"] as? String, "app.bsky.graph.block")
        XCTAssertEqual((block["record"] as? [String: Any])?["subject"] as? String, "did:plc:troll42")
        let unblock = body(calls[2])
        XCTAssertEqual(unblock["rkey"] as? String, block["rkey"] as? String, "unblock deletes the block it made")
        XCTAssertEqual(unblock["collection"] as? String, "app.bsky.graph.block")
        let report = body(calls[3])
        XCTAssertEqual(report["reason"] as? String, "Spam-Konto")
        XCTAssertEqual((report["subject"] as? [String: Any])?["uri"] as? String, uri)
        XCTAssertEqual((report["subject"] as? [String: Any])?["cid"] as? String, "bafytroll")
        XCTAssertEqual(
            store.state(m.key).moderation.map(\.line),
            [
                "muted by alice: nervt", "blocked by alice: Spam", "unblocked by alice: Versehen",
                "reported by alice: Spam-Konto",
            ])
    }
}
