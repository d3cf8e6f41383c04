import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Issue 20: `t` on a Reddit mention reads the whole comment page (`GET /comments/ID`), answers nested in `replies`.
final class RedditThreadTests: RedditTestCase {
    func nested(_ c: [String: Any], replies: [[String: Any]]) -> [String: Any] {
        var c = c
        var d = c["data"] as! [String: Any]
        d["replies"] = ["kind": "Listing", "data": ["children": replies, "after": NSNull()]] as [String: Any]
        c["data"] = d
        return c
    }

    func testTheCommentPageBecomesTheWholeConversationWithAnswersAfterWhatTheyAnswer() async throws {
        let dir = try redditDataDir()
        let post = RedditFixture.post("post1", title: "Acme sync stuck at 99%?", selftext: "Seit dem Update.")
        let deep = RedditFixture.comment("c3", body: "Bei mir auch, ärgerlich.", author: "jörg", parent: "t1_c2")
        let removed = nested(
            RedditFixture.comment("c2", body: "[removed]", author: "[deleted]", parent: "t1_c1"), replies: [deep])
        let c1 = nested(
            RedditFixture.comment("c1", body: "Same here \u{1B}[31msince Monday", author: "anna_k"), replies: [removed])
        let c4 = RedditFixture.comment("c4", body: "Fixed for me after a restart.", author: "tom")
        let page: [[String: Any]] = [
            ["kind": "Listing", "data": ["children": [post], "after": NSNull()] as [String: Any]],
            ["kind": "Listing", "data": ["children": [c1, c4], "after": NSNull()] as [String: Any]],
        ]
        server.on("GET", "/comments/post1", .json(object: page))
        let source = try source(redditConfig(server), dir)
        let m = Mention(
            platform: "reddit", id: "t1_c4", text: "Fixed for me after a restart.", createdAt: now,
            inReplyTo: "t3_post1", threadRoot: "t3_post1", source: "reddit-acme")
        let all = try await source.conversation(of: m)

        XCTAssertEqual(all.map(\.id), ["t3_post1", "t1_c1", "t1_c3", "t1_c4"], "removed c2 left out, its answer kept")
        XCTAssertEqual(all.first { $0.id == "t1_c3" }?.inReplyTo, "t1_c2")
        XCTAssertEqual(all.first { $0.id == "t1_c3" }?.text, "Bei mir auch, ärgerlich.")
        XCTAssertFalse(all.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } }, "network text is cleaned")
        let req = try XCTUnwrap(server.requests("GET", "/comments/post1").first)
        XCTAssertEqual(req.query("limit"), "500")
        XCTAssertEqual(req.query("raw_json"), "1")
    }

    func testAMentionWithoutAPostToReadIsNoRequest() async throws {
        let source = try source(redditConfig(server), try redditDataDir())
        let m = Mention(platform: "reddit", id: "t4_msg", text: "a private message", createdAt: now)
        let all = try await source.conversation(of: m)
        XCTAssertTrue(all.isEmpty)
        XCTAssertTrue(server.requests("GET", "/comments/msg").isEmpty)
    }

    /// A thread that is gone (deleted, removed, banned subreddit: 404) or private (403) says so, not the poll's
    /// "check the subreddit names".
    func testAThreadThatIsGoneOrPrivateSaysSo() async throws {
        let source = try source(redditConfig(server), try redditDataDir())
        let m = Mention(
            platform: "reddit", id: "t1_c4", text: "Fixed for me after a restart.", createdAt: now,
            inReplyTo: "t3_gone", threadRoot: "t3_gone", source: "rd")
        server.on("GET", "/comments/gone", .json(#"{"message": "Not Found", "error": 404}"#, status: 404))
        do {
            _ = try await source.conversation(of: m)
            XCTFail("expected an error")
        } catch let e as SourceError {
            XCTAssertEqual(e.description, "reddit source rd: this thread is gone or private (HTTP 404)")
        }
        server.on("GET", "/comments/gone", .json(#"{"reason": "private", "message": "Forbidden"}"#, status: 403))
        do {
            _ = try await source.conversation(of: m)
            XCTFail("expected an error")
        } catch let e as SourceError {
            XCTAssertEqual(e.description, "reddit source rd: this thread is gone or private (HTTP 403)")
        }
    }
}
