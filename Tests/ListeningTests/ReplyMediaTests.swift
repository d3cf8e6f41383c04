import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Images in replies over real HTTP: uploaded with their alt text, then attached to the reply, which still answers
/// the mention (Mastodon `media_ids` with `in_reply_to_id`; Bluesky `app.bsky.embed.images` with `reply`).
final class ReplyMediaTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func send(platform: String, _ file: String, _ bytes: [UInt8], alt: String) async throws -> (Store, OutboxDraft) {
        let (store, m, team) = try replyTarget(platform: platform, server: server, at: t0)
        let path = store.dir.root.appendingPathComponent(file)
        try Data(bytes).write(to: path)
        var d = OutboxDraft.reply(to: m, text: "So sieht die Einstellung aus – schöne Grüße!", delay: 0, now: t0)
        d.media = [QueueMedia(path: path.path, alt: alt)]
        try Outbox.queue(d, store: store, actor: "anna", now: t0)
        let r = await OutboxSender(store: store, actor: "anna").sendDue(
            publisherFor: OutboxSender.publishers(team: team, dataDir: store.dir, http: TestHTTPClient()),
            now: t0.addingTimeInterval(1))
        guard case .sent? = r.first?.outcome else {
            XCTFail("\(r)")
            return (store, d)
        }
        return (store, d)
    }

    func testMastodonReplyUploadsTheImageWithAltTextThenAttachesIt() async throws {
        server.on("POST", "/api/v2/media", .json(#"{"id":"m88","type":"image"}"#, status: 202))
        server.on(
            "POST", "/api/v1/statuses",
            .json(MastodonFixture.status(id: "150001", acct: "acme", inReplyTo: "110002")))
        let (_, d) = try await send(
            platform: "mastodon", "einstellungen.png", [0x89, 0x50, 0x4E, 0x47, 1],
            alt: "Bildschirm: Einstellungen → Export")
        let upload = try XCTUnwrap(server.requests("POST", "/api/v2/media").first)
        let text = String(decoding: upload.body, as: UTF8.self)
        XCTAssertTrue(text.contains("filename=\"einstellungen.png\"\r\nContent-Type: image/png"), text)
        XCTAssertTrue(text.contains("name=\"description\"\r\n\r\nBildschirm: Einstellungen → Export\r\n"), text)
        let status = try XCTUnwrap(server.requests("POST", "/api/v1/statuses").first)
        XCTAssertEqual(status.json?["media_ids"] as? [String], ["m88"])
        XCTAssertEqual(status.json?["in_reply_to_id"] as? String, "110002")
        XCTAssertEqual(status.header("idempotency-key"), "sb-" + d.id)
    }

    func testBlueskyReplyEmbedsTheImageWithAltTextAndKeepsTheReplyRefs() async throws {
        server.on("POST", "/xrpc/com.atproto.server.createSession", .json(BlueskyFixture.session(1)))
        server.on(
            "POST", "/xrpc/com.atproto.repo.uploadBlob",
            .json(#"{"blob":{"$type":"blob","ref":{"$link":"bafkblob2"},"mimeType":"image/jpeg","size":5}}"#))
        server.on(
            "POST", "/xrpc/com.atproto.repo.createRecord",
            .json(#"{"uri":"at://did:plc:acme123/app.bsky.feed.post/3lpic","cid":"bafypic"}"#))
        _ = try await send(
            platform: "bluesky", "größe.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 7], alt: "Größentabelle für Schuhe")
        let upload = try XCTUnwrap(server.requests("POST", "/xrpc/com.atproto.repo.uploadBlob").first)
        XCTAssertEqual(upload.header("content-type"), "image/jpeg")
        let record = try XCTUnwrap(
            server.requests("POST", "/xrpc/com.atproto.repo.createRecord").first?.json?["record"] as? [String: Any])
        let embed = try XCTUnwrap(record["embed"] as? [String: Any])
        XCTAssertEqual(embed["$type"] as? String, "app.bsky.embed.images")
        XCTAssertEqual((embed["images"] as? [[String: Any]])?.first?["alt"] as? String, "Größentabelle für Schuhe")
        let reply = try XCTUnwrap(record["reply"] as? [String: [String: String]])
        XCTAssertEqual(reply["parent"]?["uri"], "at://did:plc:bob/app.bsky.feed.post/3kreply")
    }
}
