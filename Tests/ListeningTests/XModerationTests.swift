import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Hide, unhide and delete on X, and queue posts with media and alt text: the exact requests and the refusals.
final class XModerationTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func testHideUnhideAndDeleteSendExactRequests() async throws {
        let dir = try xDataDir()
        server.handle("PUT", "/2/tweets/1900000000000000002/hidden") { r in
            .json(#"{"data":{"hidden":\#((r.json?["hidden"] as? Bool) == true)}}"#)
        }
        server.on("DELETE", "/2/tweets/1900000000000000900", .json(#"{"data":{"deleted":true}}"#))
        let mod = try XCTUnwrap(
            try Listener.moderator(for: xConfig(server), dataDir: dir, http: TestHTTPClient()))
        XCTAssertEqual(mod.platform, "x")
        XCTAssertEqual(mod.supported, [.hide, .unhide, .delete])
        let reply = ReplyRef(uri: "1900000000000000002", rootURI: "1900000000000000001")
        try await mod.moderate(reply, .hide, reason: "spam", ban: false)
        try await mod.moderate(reply, .unhide, reason: nil, ban: false)
        try await mod.moderate(ReplyRef(uri: "1900000000000000900"), .delete, reason: nil, ban: false)
        let puts = server.requests("PUT", "/2/tweets/1900000000000000002/hidden")
        XCTAssertEqual(
            puts.map { String(decoding: $0.body, as: UTF8.self) }, [#"{"hidden":true}"#, #"{"hidden":false}"#])
        XCTAssertEqual(puts.first?.header("authorization"), "Bearer x-access-1")
        XCTAssertEqual(server.requests("DELETE", "/2/tweets/1900000000000000900").count, 1)
    }

    func testRefusalsAreClear() async throws {
        let dir = try xDataDir()
        server.on(
            "PUT", "/2/tweets/1900000000000000002/hidden",
            .json(
                #"{"detail":"You cannot hide or unhide replies to conversations that you did not author.","title":"Forbidden","status":403,"type":"about:blank"}"#,
                status: 403))
        server.on(
            "DELETE", "/2/tweets/1900000000000000003",
            .json(#"{"title":"Not Found Error","detail":"gone"}"#, status: 404))
        let mod = try XModerator(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
        do {
            try await mod.moderate(ReplyRef(uri: "1900000000000000002"), .hide, reason: nil, ban: false)
            XCTFail("refused")
        } catch let e as PublishError {
            XCTAssertEqual(
                e.description,
                "rejected: X refused to hide post 1900000000000000002: only replies to the account's own posts can be "
                    + "hidden (Forbidden: You cannot hide or unhide replies to conversations that you did not author.)")
        }
        do {
            try await mod.moderate(ReplyRef(uri: "1900000000000000003"), .delete, reason: nil, ban: false)
            XCTFail("gone")
        } catch let e as PublishError {
            XCTAssertEqual(e.description, "rejected: post 1900000000000000003 no longer exists on X")
        }
        do {
            try await mod.moderate(ReplyRef(uri: "1900000000000000002"), .lock, reason: nil, ban: false)
            XCTFail("not on X")
        } catch let e as PublishError {
            XCTAssertTrue(e.description.contains("X offers hide, unhide and delete"), e.description)
        }
    }

    func testMediaIsUploadedInChunksWithAltTextThenPosted() async throws {
        let dir = try xDataDir()
        let png = dir.root.appendingPathComponent("grafik.png")
        try Data([0x89, 0x50, 0x4E, 0x47] + Array(repeating: UInt8(7), count: 100)).write(to: png)
        server.on(
            "POST", "/2/media/upload/initialize",
            .json(#"{"data":{"id":"7001","media_key":"3_7001","expires_after_secs":86400}}"#))
        server.on("POST", "/2/media/upload/7001/append", NetworkTestServer.Response(status: 204, body: Data()))
        server.on(
            "POST", "/2/media/upload/7001/finalize",
            .json(
                #"{"data":{"id":"7001","media_key":"3_7001","size":104,"processing_info":{"state":"pending","check_after_secs":0}}}"#
            ))
        server.on("GET", "/2/media/upload", .json(#"{"data":{"id":"7001","processing_info":{"state":"succeeded"}}}"#))
        server.on(
            "POST", "/2/media/metadata",
            .json(#"{"data":{"id":"7001","associated_metadata":{"alt_text":{"text":"x"}}}}"#))
        server.on("POST", "/2/tweets", .json(#"{"data":{"id":"1900000000000000777","text":"Neu"}}"#, status: 201))
        let p = try XPublisher(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
        let ref = try await p.post(
            OutgoingPost(text: "Neu: Größere Dateien"),
            media: [QueueMedia(path: png.path, alt: "Diagramm: Ausfälle je Woche")],
            idempotencyKey: "q-1")
        XCTAssertEqual(ref.id, "1900000000000000777")
        let initBody = try XCTUnwrap(server.requests("POST", "/2/media/upload/initialize").first).body
        XCTAssertEqual(
            String(decoding: initBody, as: UTF8.self),
            #"{"media_category":"tweet_image","media_type":"image/png","total_bytes":104}"#)
        let append = try XCTUnwrap(server.requests("POST", "/2/media/upload/7001/append").first)
        XCTAssertTrue(append.header("content-type")?.hasPrefix("multipart/form-data; boundary=") == true)
        let text = String(decoding: append.body, as: UTF8.self)
        XCTAssertTrue(text.contains("name=\"segment_index\"\r\n\r\n0\r\n") && text.contains("name=\"media\""), text)
        XCTAssertEqual(server.requests("GET", "/2/media/upload").first?.query("command"), "STATUS")
        XCTAssertEqual(
            String(decoding: try XCTUnwrap(server.requests("POST", "/2/media/metadata").first).body, as: UTF8.self),
            #"{"id":"7001","metadata":{"alt_text":{"text":"Diagramm: Ausfälle je Woche"}}}"#)
        XCTAssertEqual(
            String(decoding: try XCTUnwrap(server.requests("POST", "/2/tweets").first).body, as: UTF8.self),
            #"{"media":{"media_ids":["7001"]},"text":"Neu: Größere Dateien"}"#)
    }
}
