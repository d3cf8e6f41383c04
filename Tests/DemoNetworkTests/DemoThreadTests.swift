import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// The demo's network serves whole conversations (issue 20): the seed's posts and the brand's own answers, through
/// the real Mastodon and Bluesky connectors, so `--demo` shows threads.
final class DemoThreadTests: XCTestCase {
    func testTheDemoNetworkAnswersMastodonContextAndBlueskyPostThreadWithOurReplyInline() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demothread-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try Secrets.write("masto-secret", to: root.appendingPathComponent("secrets/masto.token"))
        try Secrets.write("bsky-secret", to: root.appendingPathComponent("secrets/bsky.pass"))
        let net = try DemoNetwork(
            accounts: DemoAccounts(mastodonToken: "masto-secret", blueskyPassword: "bsky-secret"),
            logFile: root.appendingPathComponent("demo-network.jsonl"))
        defer { net.stop() }
        let t0 = Date().addingTimeInterval(-3600)
        let bRoot = "at://did:plc:carol/app.bsky.feed.post/3kroot"
        let bMine = "at://did:plc:derek/app.bsky.feed.post/3kderek"
        net.setConversations([
            DemoThreadPost(
                network: "mastodon", id: "100", uri: "https://chaos.social/users/floh/statuses/100",
                text: "Zeigt mal Zahlen.", inReplyTo: nil, handle: "floh@chaos.social", name: "Flo", createdAt: t0),
            DemoThreadPost(
                network: "mastodon", id: "101", uri: "https://norden.social/users/mk/statuses/101",
                text: "Größere Dateien dauern ewig", inReplyTo: "100", handle: "mk@norden.social", name: "Matthias",
                createdAt: t0.addingTimeInterval(60)),
            DemoThreadPost(
                network: "bluesky", id: bRoot, uri: bRoot, text: "Sync kaputt?", inReplyTo: nil,
                handle: "carol.bsky.social", name: "Carol", createdAt: t0),
            DemoThreadPost(
                network: "bluesky", id: bMine, uri: bMine, text: "found it", inReplyTo: bRoot, rootURI: bRoot,
                handle: "derekvoss.bsky.social", name: "Derek", createdAt: t0.addingTimeInterval(60)),
        ])
        var masto = SourceConfig(id: "masto", type: "mastodon")
        (masto.instance, masto.tokenFile) = (net.baseURL.absoluteString, "secrets/masto.token")
        var bsky = SourceConfig(id: "bsky", type: "bluesky")
        (bsky.service, bsky.handle, bsky.appPasswordFile) = (
            net.baseURL.absoluteString, "acmecloud.bsky.social", "secrets/bsky.pass"
        )
        let http = URLSessionHTTPClient(timeout: 5)
        // The brand answers both, through the real publishers.
        _ = try await MastodonPublisher(config: masto, dataDir: dir, http: http).post(
            OutgoingPost(text: "Danke, Matthias — wir schauen es uns an.", inReplyTo: ReplyRef(uri: "101")),
            idempotencyKey: "sb-1")
        _ = try await BlueskyPublisher(config: bsky, dataDir: dir, http: http).post(
            OutgoingPost(
                text: "Thanks Derek!",
                inReplyTo: ReplyRef(
                    uri: bMine, cid: DemoNetwork.cid(bMine), rootURI: bRoot, rootCID: DemoNetwork.cid(bRoot))),
            idempotencyKey: "sb-2")

        let store = try Store(dir: DataDirectory(root: root))
        let mk = Mention(
            platform: "mastodon", id: "https://norden.social/users/mk/statuses/101",
            text: "Größere Dateien dauern ewig",
            createdAt: t0.addingTimeInterval(60), author: Author(handle: "mk@norden.social"), inReplyTo: "100",
            source: "masto", reply: ReplyRef(uri: "101", visibility: "public"))
        let derek = Mention(
            platform: "bluesky", id: bMine, text: "found it", createdAt: t0.addingTimeInterval(60),
            author: Author(handle: "derekvoss.bsky.social"), inReplyTo: bRoot, threadRoot: bRoot, source: "bsky",
            reply: ReplyRef(uri: bMine, cid: DemoNetwork.cid(bMine), rootURI: bRoot, rootCID: DemoNetwork.cid(bRoot)))
        try store.ingest([mk, derek])
        let team = TeamConfig(brand: .init(name: "Acme Cloud", terms: ["@acmecloud"]), sources: [masto, bsky])
        let fetchers = Conversations.fetchers(team: team, dataDir: dir, http: http)
        for (m, want) in [
            (mk, ["0 floh@chaos.social", "1 mk@norden.social", "2 acmecloud@mastodon.social »"]),
            (derek, ["0 carol.bsky.social", "1 derekvoss.bsky.social", "2 acmecloud.bsky.social »"]),
        ] {
            let loaded = try await Conversations.load(
                store: store, key: m.key, own: OwnAccounts(team: team), fetcherFor: fetchers)
            XCTAssertNil(loaded.problem)
            XCTAssertEqual(
                loaded.conversation.posts.map {
                    "\($0.depth) \($0.mention.author?.handle ?? "")" + ($0.own ? " »" : "")
                }, want)
        }
        // Muting Matthias from the thread's post: the network is asked with his account, and logs it.
        try await MastodonModerator(config: masto, dataDir: dir, http: http).moderate(
            ReplyRef(uri: "101"), .mute, reason: nil, ban: false)
        let log = try Data(contentsOf: root.appendingPathComponent("demo-network.jsonl")).split(separator: 10).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
        XCTAssertEqual(log.last?["outcome"] as? String, "muted")
        XCTAssertEqual(log.last?["key"] as? String, "mk@norden.social")
    }
}
