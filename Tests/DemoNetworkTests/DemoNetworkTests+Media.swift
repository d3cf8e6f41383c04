import DemoNetwork
import Foundation
import Listening
import SwitchboardCore
import XCTest

/// Replies with an image through the demo's network (so `:attach` works in `switchboard --demo`): the upload is
/// answered and the reply goes out once, on Mastodon, Bluesky and X.
extension DemoNetworkTests {
    func image() throws -> QueueMedia {
        let f = dir.root.appendingPathComponent("Größe 42.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 1]).write(to: f)
        return QueueMedia(path: f.path, alt: "Tabelle der Schuhgrößen")
    }

    func testMastodonAndBlueskyRepliesWithAnImageGoOut() async throws {
        let http = URLSessionHTTPClient(timeout: 5)
        let masto = try MastodonPublisher(config: masto, dataDir: dir, http: http)
        let m = try await masto.post(
            OutgoingPost(text: "So misst du richtig. ^JA", inReplyTo: ReplyRef(uri: "117")), media: [try image()],
            idempotencyKey: "sb-img1")
        XCTAssertFalse(m.id.isEmpty)
        let bsky = try BlueskyPublisher(config: bsky, dataDir: dir, http: http)
        let parent = ReplyRef(
            uri: "at://did:plc:ztotjmmqfuxsq324aiintzag/app.bsky.feed.post/3n2pnbpxlxgiv", cid: "bafyreiparent")
        let b = try await bsky.post(
            OutgoingPost(text: "Hier die Tabelle! ^MK", inReplyTo: parent), media: [try image()],
            idempotencyKey: "sb-img2")
        XCTAssertTrue(b.uri.hasPrefix("at://"), b.uri)
        XCTAssertEqual(network.accepted.map(\.network), ["mastodon", "bluesky"])
    }
}

extension DemoNetworkXTests {
    func testAReplyWithAnImageGoesOut() async throws {
        let f = dir.root.appendingPathComponent("grafik.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 1]).write(to: f)
        let pub = try XPublisher(config: config, dataDir: dir, http: URLSessionHTTPClient(timeout: 5))
        let sent = try await pub.post(
            OutgoingPost(text: "@kai_brandt So sieht es aus.", inReplyTo: ReplyRef(uri: "1865000000000000100")),
            media: [QueueMedia(path: f.path, alt: "Diagramm: Exportdauer")], idempotencyKey: "k-img")
        XCTAssertFalse(sent.id.isEmpty)
        XCTAssertEqual(network.accepted.filter { $0.network == "x" }.count, 1)
    }
}
