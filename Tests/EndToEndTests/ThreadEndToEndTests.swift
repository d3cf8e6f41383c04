import Foundation
import XCTest

/// The thread view in the real workbench on the demo (issue 20): `t` on a Mastodon mention fetches its conversation
/// from the demo's network, our own answer shows inline (»), and `r` on the post deepest in the thread answers that
/// post — the demo network receives one status in reply to it.
final class ThreadEndToEndTests: EndToEndTestCase {
    func testTFetchesTheConversationAndRAnswersAPostDeepInIt() throws {
        let (s, dir) = try startDemo("thread")
        s.sendKeys("/")
        s.sendText("from:@mkrueger Adminrechte")
        s.sendKeys("Enter")
        _ = try s.waitFor("filter: from:@mkrueger")
        s.sendKeys("t")
        var rows = try s.waitFor("Conversation — 3 posts, 1 ours", timeout: 20)
        let text = rows.joined(separator: "\n")
        XCTAssertTrue(text.contains("▶ @mkrueger@norden.social"), s.dump(rows))
        XCTAssertTrue(text.contains("↳ » @acmecloud@mastodon.social"), s.dump(rows))
        XCTAssertFalse(text.contains(" · new"), "every post of this conversation is stored: " + s.dump(rows))
        XCTAssertTrue(text.contains("Danke, hat geklappt"), s.dump(rows))
        // The post deepest in the thread (Matthias's thanks, under our answer): answer it.
        s.sendKeys("G")
        usleep(300_000)
        s.sendKeys("r")
        // The demo's team has it: taking it over is asked first.
        rows = try s.waitFor("take over")
        s.sendKeys("Enter")
        rows = try s.waitFor("Reply")
        s.sendText("Gern geschehen, Matthias! ")
        s.sendKeys("C-s")
        rows = try s.waitFor("y sends it in 10 s")
        s.sendKeys("y")
        rows = try s.waitFor("sent ✓", timeout: 30)
        // The mention pane is on the post answered, and its outbox line is the reply sent to it.
        let pane = rows.joined(separator: "\n")
        XCTAssertTrue(pane.contains("│ @acmecloud Danke, hat geklappt"), s.dump(rows))
        XCTAssertTrue(
            rows.contains { $0.contains("│ Reply: sent ✓ https://mastodon.social/@acmecloud/") }, s.dump(rows))
        sleep(2)
        let posts = try demoNetworkLog(dir).filter {
            $0["path"] as? String == "/api/v1/statuses" && $0["outcome"] as? String == "created"
        }
        XCTAssertEqual(posts.count, 1, s.dump(rows))
        let post = posts.first?["post"] as? [String: Any]
        XCTAssertEqual(post?["in_reply_to"] as? String, "117648469655556516", s.dump(rows))
        XCTAssertTrue((post?["text"] as? String ?? "").contains("Gern geschehen, Matthias!"), "\(posts)")
    }
}
