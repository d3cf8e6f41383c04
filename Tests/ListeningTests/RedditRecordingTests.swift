import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// PRAW's recordings of the real Reddit API (`../shared/fixtures/reddit`, skipped when absent): every recorded
/// listing decodes (old and new field sets, placeholders, deleted things), a recorded inbox replayed through a poll
/// on loopback gives its comments as mentions, and the recorded write answers read as the publisher reads them.
final class RedditRecordingTests: XCTestCase {
    struct Interaction {
        var endpoint: String, method: String, url: String, status: Int
        var requestBody: String?, body: String, headers: [String: String]
    }

    nonisolated(unsafe) static var cache: [Interaction]?

    func interactions() throws -> [Interaction] {
        if let c = Self.cache { return c }
        let all = try load()
        Self.cache = all
        return all
    }

    func load() throws -> [Interaction] {
        let here = URL(fileURLWithPath: #filePath)
        var dir = here.deletingLastPathComponent()
        for _ in 0..<6 {
            let f = dir.appendingPathComponent("shared/fixtures/reddit/interactions.jsonl")
            if FileManager.default.fileExists(atPath: f.path) {
                let data = try Data(contentsOf: f)
                return data.split(separator: 10).compactMap { line in
                    guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                        let req = o["request"] as? [String: Any], let res = o["response"] as? [String: Any],
                        res["body_encoding"] == nil
                    else { return nil }
                    let h = (res["headers"] as? [String: [String]] ?? [:]).compactMapValues(\.first)
                    return Interaction(
                        endpoint: o["endpoint"] as? String ?? "", method: req["method"] as? String ?? "",
                        url: req["url"] as? String ?? "", status: res["status"] as? Int ?? 0,
                        requestBody: req["body"] as? String, body: res["body"] as? String ?? "", headers: h)
                }
            }
            dir = dir.deletingLastPathComponent()
        }
        throw XCTSkip("../shared/fixtures/reddit is not here")
    }

    let listings = [
        "GET /message/inbox", "GET /message/unread", "GET /message/comments", "GET /message/mentions",
        "GET /message/selfreply", "GET /r/{sr}/comments", "GET /user/{user}/comments", "GET /r/{sr}/search",
        "GET /comments/{id}", "GET /api/info", "GET /top", "GET /user/{user}",
    ]

    func testEveryRecordedListingDecodesIntoCleanMentions() throws {
        let all = try interactions().filter { listings.contains($0.endpoint) && $0.status == 200 }
        XCTAssertGreaterThan(all.count, 100)
        let source = try RedditSource(
            config: redditConfig(try NetworkTestServer()), dataDir: try redditDataDir(), http: TestHTTPClient())
        var total = 0
        for i in all {
            let ms = try source.mentions(fromListingPage: Data(i.body.utf8))
            total += ms.count
            for m in ms {
                XCTAssertTrue(m.id.hasPrefix("t1_") || m.id.hasPrefix("t3_"), m.id)
                XCTAssertFalse(RedditSource.isPlaceholder(m.text), "\(i.endpoint): \(m.id)")
                XCTAssertFalse(m.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
                if m.id.hasPrefix("t1_") { XCTAssertNotNil(m.inReplyTo, "\(i.endpoint) \(m.id)") }
                XCTAssertEqual(m.reply?.uri, m.id)
            }
        }
        XCTAssertGreaterThan(total, 500)
    }

    func testARecordedInboxReplayedThroughAPoll() async throws {
        let inbox = try XCTUnwrap(try interactions().first { $0.endpoint == "GET /message/inbox" && $0.status == 200 })
        let server = try NetworkTestServer()
        defer { server.stop() }
        let h = inbox.headers.filter { $0.key.hasPrefix("x-ratelimit") }
        server.on("GET", "/message/inbox", .json(inbox.body, headers: h))
        server.on("GET", "/message/mentions", RedditFixture.empty())
        let src = try RedditSource(config: redditConfig(server), dataDir: try redditDataDir(), http: TestHTTPClient())
        let r = try await src.poll(cursor: [:])
        let obj = try JSONSerialization.jsonObject(with: Data(inbox.body.utf8)) as! [String: Any]
        let children = (obj["data"] as! [String: Any])["children"] as! [[String: Any]]
        let comments = children.filter {
            $0["kind"] as? String == "t1"
                && !RedditSource.isPlaceholder(($0["data"] as? [String: Any])?["body"] as? String)
        }
        XCTAssertEqual(r.mentions.count, comments.count)
        XCTAssertTrue(r.mentions.allSatisfy { $0.threadRoot?.hasPrefix("t3_") == true }, "the thread from the context")
        XCTAssertNotNil(r.cursor["inbox"])
    }

    func testRecordedWriteAnswersReadAsThePublisherReadsThem() throws {
        let all = try interactions()
        let comments = all.filter { $0.endpoint == "POST /api/comment" && $0.status == 200 }
        XCTAssertFalse(comments.isEmpty)
        for c in comments {
            let reply = try JSONDecoder().decode(Reddit.JSONReply.self, from: Data(c.body.utf8))
            XCTAssertTrue(reply.errors.isEmpty)
            for t in reply.things { XCTAssertTrue(["t1", "t4"].contains(t.kind), t.kind) }
            XCTAssertTrue(c.requestBody?.contains("thing_id=t") == true)
        }
        for m in all where m.endpoint.hasPrefix("POST /api/") && m.status == 200 {
            guard let reply = try? JSONDecoder().decode(Reddit.JSONReply.self, from: Data(m.body.utf8)) else {
                continue
            }
            for e in reply.errors where e.code == "USER_REQUIRED" {
                guard case .needsLogin = RedditPublisher.error(code: e.code, message: e.message, now: Date()) else {
                    return XCTFail(e.message)
                }
            }
        }
        for t in all where t.endpoint.hasSuffix("/api/v1/access_token") && t.status == 200 {
            let reply = try JSONDecoder().decode(Reddit.TokenReply.self, from: Data(t.body.utf8))
            XCTAssertNotNil(reply.accessToken)
            XCTAssertNil(reply.error)
        }
    }
}
