import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// The recorded X API v2 traffic in ../shared/fixtures/x (tweepy's cassettes; skipped when absent) replayed on a
/// loopback server: every recorded mentions, search and timeline page becomes mentions (ids, texts, the next-page
/// token), every recorded post, hide and delete answer is understood. Nothing here depends on one recording's values.
final class XRecordingsTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    struct Interaction {
        var method: String, endpoint: String, status: Int
        var headers: [String: String]
        var body: String
    }

    static func recordings() -> [Interaction]? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            dir.deleteLastPathComponent()
            let f = dir.appendingPathComponent("shared/fixtures/x/interactions.jsonl")
            guard let data = FileManager.default.contents(atPath: f.path) else { continue }
            return data.split(separator: 10).compactMap { line in
                guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let resp = o["response"] as? [String: Any], let req = o["request"] as? [String: Any]
                else { return nil }
                var h: [String: String] = [:]
                for (k, v) in resp["headers"] as? [String: [String]] ?? [:] { h[k] = v.first }
                return Interaction(
                    method: req["method"] as? String ?? "", endpoint: o["endpoint"] as? String ?? "",
                    status: resp["status"] as? Int ?? 0, headers: h, body: resp["body"] as? String ?? "")
            }
        }
        return nil
    }

    func interactions(_ endpoint: String) throws -> [Interaction] {
        guard let all = XRecordingsTests.recordings() else {
            throw XCTSkip("../shared/fixtures/x is not present")
        }
        return all.filter { $0.endpoint == endpoint }
    }

    func replayed(_ i: Interaction) -> NetworkTestServer.Response {
        var h = i.headers.filter { $0.key.hasPrefix("x-rate-limit") }
        h["x-rate-limit-remaining"] = "5"
        h["Content-Type"] = "application/json"
        return NetworkTestServer.Response(status: i.status, headers: h, body: Data(i.body.utf8))
    }

    func testRecordedListeningPagesBecomeMentions() async throws {
        let pages =
            try interactions("GET /2/users/:id/mentions").map { ("mentions", $0) }
            + interactions("GET /2/tweets/search/recent").map { ("search", $0) }
        XCTAssertFalse(pages.isEmpty)
        for (kind, rec) in pages {
            let dir = try xDataDir()
            server.on("GET", "/2/users/100/mentions", replayed(rec))
            server.on("GET", "/2/tweets/search/recent", replayed(rec))
            let src = try XSource(
                config: xConfig(server, search: kind == "search" ? ["tweepy"] : [], mentions: kind == "mentions"),
                dataDir: dir, http: TestHTTPClient())
            let r = try await src.poll(cursor: [:])
            let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(rec.body.utf8)) as? [String: Any])
            let data = obj["data"] as? [[String: Any]] ?? []
            XCTAssertEqual(r.mentions.map(\.id), data.map { $0["id"] as! String })
            XCTAssertEqual(r.mentions.map(\.text), data.map { NetworkText.content(X.unescape($0["text"] as! String)) })
            XCTAssertTrue(r.mentions.allSatisfy { $0.platform == "x" && $0.reply?.uri == $0.id })
            let meta = obj["meta"] as? [String: Any]
            XCTAssertEqual(r.cursor[kind == "search" ? "search:tweepy" : "mentions"], meta?["newest_id"] as? String)
            XCTAssertEqual(src.ledger.used(now: Date()), data.count, "every post read is counted")
        }
    }

    func testRecordedAnswersToPostsHidesAndDeletesAreUnderstood() async throws {
        let posts = try interactions("POST /2/tweets")
        let hides = try interactions("PUT /2/tweets/:id/hidden")
        let deletes = try interactions("DELETE /2/tweets/:id")
        XCTAssertFalse(posts.isEmpty || hides.isEmpty || deletes.isEmpty)
        let dir = try xDataDir()
        for rec in posts {
            server.on("POST", "/2/tweets", replayed(rec))
            let p = try XPublisher(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
            let ref = try await p.post(OutgoingPost(text: "Test Tweet"), idempotencyKey: "k")
            let obj = try JSONSerialization.jsonObject(with: Data(rec.body.utf8)) as? [String: [String: Any]]
            XCTAssertEqual(ref.id, obj?["data"]?["id"] as? String)
        }
        let mod = try XModerator(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
        for rec in hides {
            server.on("PUT", "/2/tweets/1344794616005066752/hidden", replayed(rec))
            let hidden = rec.body.contains("true")
            try await mod.moderate(
                ReplyRef(uri: "1344794616005066752"), hidden ? .hide : .unhide, reason: nil, ban: false)
        }
        for rec in deletes {
            server.on("DELETE", "/2/tweets/1456012973835788293", replayed(rec))
            try await mod.moderate(ReplyRef(uri: "1456012973835788293"), .delete, reason: nil, ban: false)
        }
        // The recorded timeline of an account serves the lookup before a retry.
        for rec in try interactions("GET /2/users/:id/tweets") {
            server.on("GET", "/2/users/100/tweets", replayed(rec))
            let obj = try JSONSerialization.jsonObject(with: Data(rec.body.utf8)) as? [String: Any]
            let first = try XCTUnwrap((obj?["data"] as? [[String: Any]])?.first)
            let p = try XPublisher(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
            let found = try await p.findPosted(
                OutgoingPost(text: X.unescape(first["text"] as! String)), since: Date(timeIntervalSince1970: 0))
            XCTAssertEqual(found?.id, first["id"] as? String)
        }
    }
}
