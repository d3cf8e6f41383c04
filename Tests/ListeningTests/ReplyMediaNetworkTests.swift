import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Issue 20, media in replies on every network whose API allows it, over loopback HTTP: the exact requests for a
/// reply with one image and its alt text on X (upload, alt text, then `media_ids` with `in_reply_to_tweet_id`),
/// Facebook (an unpublished photo with `alt_text_custom`, then the comment with its `attachment_id`) and Threads (an
/// IMAGE container with `alt_text` and `reply_to_id`, then publish); Instagram comment replies refuse images before
/// any request (never a new post of the image instead); and which networks `ReplyMedia` lets carry how many.
final class ReplyMediaNetworkTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    let token = "access_token=" + GraphFixture.token
    let image = QueueMedia(path: "/srv/acme/media/Größentabelle.png", alt: "Tabelle: Schuhgrößen 36 bis 46")

    func forms(_ path: String) -> [String] {
        server.requests("POST", path).map { String(decoding: $0.body, as: UTF8.self) }
    }

    func graphConfig(_ type: String) -> SourceConfig {
        var c = GraphFixture.config(type, server)
        c.mediaBaseURL = "https://cdn.acme.example/media/"
        return c
    }

    func testXReplyUploadsTheImageSetsItsAltTextAndAnswersThePost() async throws {
        let dir = try xDataDir()
        let png = dir.root.appendingPathComponent("größe.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]).write(to: png)
        server.on("POST", "/2/media/upload/initialize", .json(#"{"data":{"id":"7002","media_key":"3_7002"}}"#))
        server.on("POST", "/2/media/upload/7002/append", NetworkTestServer.Response(status: 204, body: Data()))
        server.on("POST", "/2/media/upload/7002/finalize", .json(#"{"data":{"id":"7002","size":7}}"#))
        server.on("POST", "/2/media/metadata", .json(#"{"data":{"id":"7002"}}"#))
        server.on("POST", "/2/tweets", .json(#"{"data":{"id":"1900000000000000888","text":"ok"}}"#, status: 201))
        let p = try XPublisher(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
        let ref = try await p.post(
            OutgoingPost(
                text: "@kai So misst du richtig – schöne Grüße!", inReplyTo: ReplyRef(uri: "1900000000000000002")),
            media: [QueueMedia(path: png.path, alt: "Fußmessung in drei Schritten")], idempotencyKey: "o-1")
        XCTAssertEqual(ref.id, "1900000000000000888")
        XCTAssertEqual(server.requests("POST", "/2/media/upload/7002/append").count, 1)
        let meta = try XCTUnwrap(server.requests("POST", "/2/media/metadata").first?.json)
        XCTAssertEqual(meta["id"] as? String, "7002")
        XCTAssertEqual(
            ((meta["metadata"] as? [String: Any])?["alt_text"] as? [String: Any])?["text"] as? String,
            "Fußmessung in drei Schritten")
        let tweet = try XCTUnwrap(server.requests("POST", "/2/tweets").first?.json)
        XCTAssertEqual(tweet["text"] as? String, "@kai So misst du richtig – schöne Grüße!")
        XCTAssertEqual((tweet["reply"] as? [String: Any])?["in_reply_to_tweet_id"] as? String, "1900000000000000002")
        XCTAssertEqual((tweet["media"] as? [String: Any])?["media_ids"] as? [String], ["7002"])
        // The upload and the alt text come before the reply.
        let order = server.requests.map(\.path).filter { $0.hasPrefix("/2/") }
        XCTAssertEqual(order.last, "/2/tweets")
    }

    func testFacebookCommentReplyUploadsAnUnpublishedPhotoAndAttachesIt() async throws {
        server.on("POST", "/v24.0/19292868552/photos", .json(#"{"id":"880001"}"#))
        server.on("POST", "/v24.0/1929_555/comments", .json(#"{"id":"1929_555_9001"}"#))
        let p = try FacebookPublisher(
            config: graphConfig("facebook"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        // A reply to a reply goes on its top-level comment.
        let ref = GraphReplyRef.make(object: "1929_556", kind: .reply, root: "1929_1", parentComment: "1929_555")
        let posted = try await p.post(
            OutgoingPost(text: "Hier die Tabelle, Grüße!", inReplyTo: ref), media: [image], idempotencyKey: "o-2")
        XCTAssertEqual(posted.id, "1929_555_9001")
        XCTAssertEqual(
            forms("/v24.0/19292868552/photos"),
            [
                "url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2FGr%25C3%25B6%25C3%259Fentabelle.png"
                    + "&alt_text_custom=Tabelle%3A%20Schuhgr%C3%B6%C3%9Fen%2036%20bis%2046&published=false&\(token)"
            ])
        XCTAssertEqual(
            forms("/v24.0/1929_555/comments"),
            ["message=Hier%20die%20Tabelle%2C%20Gr%C3%BC%C3%9Fe%21&attachment_id=880001&\(token)"])
        XCTAssertTrue(server.requests("POST", "/v24.0/19292868552/feed").isEmpty, "no Page post instead")
        // A comment carries one photo: two are refused before any request.
        do {
            _ = try await p.post(
                OutgoingPost(text: "Zwei", inReplyTo: ref), media: [image, image], idempotencyKey: "o")
            XCTFail("two photos in one comment")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("a Facebook comment takes one photo, not 2"))
        }
        XCTAssertEqual(server.requests("POST", "/v24.0/19292868552/photos").count, 1)
    }

    func testThreadsReplyIsAnImageContainerWithReplyToIDThenPublished() async throws {
        server.on("POST", "/v1.0/7001/threads", .json(#"{"id":"c71"}"#))
        server.on("GET", "/v1.0/c71", .json(#"{"id":"c71","status":"FINISHED"}"#))
        server.on("POST", "/v1.0/7001/threads_publish", .json(#"{"id":"18050001"}"#))
        var p = try ThreadsPublisher(
            config: graphConfig("threads"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        p.statusWait = 0
        let ref = GraphReplyRef.make(object: "18049999", kind: .thread, root: "18040000")
        let posted = try await p.post(
            OutgoingPost(text: "Schau mal hier ☺️", inReplyTo: ref), media: [image], idempotencyKey: "o-3")
        XCTAssertEqual(posted.id, "18050001")
        XCTAssertEqual(
            forms("/v1.0/7001/threads"),
            [
                "media_type=IMAGE&image_url=https%3A%2F%2Fcdn.acme.example%2Fmedia%2FGr%25C3%25B6%25C3%259Fentabelle.png"
                    + "&alt_text=Tabelle%3A%20Schuhgr%C3%B6%C3%9Fen%2036%20bis%2046"
                    + "&text=Schau%20mal%20hier%20%E2%98%BA%EF%B8%8F&reply_to_id=18049999&\(token)"
            ])
        XCTAssertEqual(forms("/v1.0/7001/threads_publish"), ["creation_id=c71&\(token)"])
    }

    func testInstagramCommentRepliesRefuseImagesWithoutARequest() async throws {
        let p = try InstagramPublisher(
            config: graphConfig("instagram"), dataDir: try GraphFixture.dataDir(self), http: TestHTTPClient())
        let ref = GraphReplyRef.make(object: "17858893269000001", kind: .comment, root: "17895695668004550")
        do {
            _ = try await p.post(OutgoingPost(text: "Danke!", inReplyTo: ref), media: [image], idempotencyKey: "o-4")
            XCTFail("an image in an Instagram comment reply")
        } catch let e as PublishError {
            XCTAssertEqual(
                e,
                .rejected(
                    "Instagram takes only text in replies through its API: send the reply without images "
                        + "(or answer there by hand)"))
        }
        XCTAssertTrue(server.requests.isEmpty, "\(server.requests.map(\.path))")
    }

    func testWhichNetworksTakeImagesInRepliesAndHowMany() {
        XCTAssertEqual(ReplyMedia.limit("mastodon"), 4)
        XCTAssertEqual(ReplyMedia.limit("bluesky"), 4)
        XCTAssertEqual(ReplyMedia.limit("x"), 4)
        XCTAssertEqual(ReplyMedia.limit("facebook"), 1)
        XCTAssertEqual(ReplyMedia.limit("threads"), 10)
        for n in ["mastodon", "bluesky", "x", "facebook", "threads"] { XCTAssertNil(ReplyMedia.refusal(n, count: 1)) }
        XCTAssertEqual(
            ReplyMedia.refusal("youtube", count: 1),
            "YouTube takes only text in replies through its API: send the reply without images (or answer there by hand)"
        )
        XCTAssertTrue(ReplyMedia.refusal("reddit", count: 1)?.hasPrefix("Reddit takes only text") == true)
        XCTAssertEqual(
            ReplyMedia.refusal("rss", count: 1), "RSS is answered by hand: images cannot go with the reply from here")
        XCTAssertEqual(
            ReplyMedia.refusal("facebook", count: 2),
            "too many images for a reply on Facebook (at most 1; :detach removes them)")
    }
}
