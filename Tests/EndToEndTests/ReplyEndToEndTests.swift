import Foundation
import TestSupport
import XCTest

/// Triage and reply in the real workbench: filter to questions, reply to one with a template, send, see it
/// answered — and the (loopback) Mastodon server received exactly one post.
final class ReplyEndToEndTests: EndToEndTestCase {
    func testFilterToQuestionsReplyWithATemplateAndSendExactlyOnce() throws {
        try TmuxSession.requireTmux()
        let server = try NetworkTestServer()
        defer { server.stop() }
        let now = ISO8601DateFormatter().string(from: Date())
        server.on(
            "POST", "/api/v1/statuses",
            .json(
                """
                {"id":"130001","uri":"http://127.0.0.1:\(server.port)/users/acme/statuses/130001","url":"http://127.0.0.1:\(server.port)/@acme/130001",
                 "created_at":"\(now)","content":"<p>ok</p>","visibility":"public","in_reply_to_id":"110002",
                 "account":{"id":"1","username":"acme","acct":"acme","display_name":"Acme","url":"http://127.0.0.1/@acme","followers_count":10}}
                """))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-reply-e2e-\(UUID().uuidString.prefix(8))")
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        // The Mastodon account the mentions came from, on the loopback server (not polled: enabled false).
        var team =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("team.json")))
            as! [String: Any]
        team["sources"] = [
            [
                "id": "masto", "type": "mastodon", "instance": "http://127.0.0.1:\(server.port)",
                "token_file": "secrets/masto.token", "enabled": false,
            ]
        ]
        team["send_delay"] = 0
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(
            to: dir.appendingPathComponent("team.json"))
        try "test-token\n".write(
            to: dir.appendingPathComponent("secrets/masto.token"), atomically: true, encoding: .utf8)

        func line(_ id: String, _ text: String, minutesAgo: Double, author: String) -> String {
            let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-minutesAgo * 60))
            return
                #"{"platform":"mastodon","id":"https://other.example/users/x/statuses/\#(id)","text":"\#(text)","created_at":"\#(at)","source":"masto","author":{"handle":"\#(author)","name":"Anna Berg","followers":40},"reply":{"uri":"\#(id)","visibility":"public"}}"#
        }
        let seed = [
            line("110001", "Love the new release, great work", minutesAgo: 5, author: "chris@other.example"),
            line(
                "110002", "How do I export my files before the trial ends?", minutesAgo: 10,
                author: "anna@other.example"),
            line("110003", "Sync is broken again. Third time this week.", minutesAgo: 15, author: "ben@other.example"),
        ]
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed.joined(separator: "\n") + "\n"), 0)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        _ = try s.waitFor("Love the new release")

        // Filter to questions: only Anna's question is left.
        s.sendKeys("/")
        s.sendText("is:question")
        s.sendKeys("Enter")
        var rows = try s.waitUntil("filtered to questions") {
            !$0.joined().contains("Love the new release") && $0.joined().contains("How do I export")
        }

        // Open it (claims it), insert the "looking-into-it" template, review, send.
        s.sendKeys("Enter")
        rows = try s.waitFor("Reply")
        s.sendKeys("C-t")
        usleep(300_000)
        s.sendText("looking")
        usleep(300_000)
        s.sendKeys("Enter")
        // The template is in, its ticket placeholder filled ("Ticket" and the number may wrap apart).
        rows = try s.waitUntil("the template with its ticket number") { rows in
            rows.contains { $0.contains("SB-") } && rows.joined().contains("Ticket")
        }
        s.sendKeys("C-s")
        rows = try s.waitFor("y sends it now")
        s.sendKeys("y")

        // Answered, and the server got exactly one post, with the reply's text and in_reply_to_id.
        let deadline = Date().addingTimeInterval(15)
        while server.requests("POST", "/api/v1/statuses").isEmpty && Date() < deadline { usleep(100_000) }
        rows = try s.waitFor("answered", timeout: 10)
        sleep(2)  // anything that would send twice has had its chance
        let posts = server.requests("POST", "/api/v1/statuses")
        XCTAssertEqual(posts.count, 1, s.dump(rows))
        XCTAssertEqual(posts.first?.json?["in_reply_to_id"] as? String, "110002")
        let text = posts.first?.json?["status"] as? String ?? ""
        XCTAssertTrue(text.hasPrefix("@anna@other.example "), "prefilled with the author's handle: \(text)")
        XCTAssertTrue(text.contains("Hi Anna, sorry about the trouble"), "template with placeholders filled: \(text)")
        XCTAssertNotNil(posts.first?.header("Idempotency-Key"))
        XCTAssertEqual(posts.first?.header("Authorization"), "Bearer test-token")
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }
}
