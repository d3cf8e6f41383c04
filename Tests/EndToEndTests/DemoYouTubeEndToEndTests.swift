import Foundation
import XCTest

/// The demo's YouTube channel in the workbench: its English and German comments are in the feed, a reply goes out
/// under the comment's thread exactly once, and comes back as the brand's own.
final class DemoYouTubeEndToEndTests: EndToEndTestCase {
    func testDemoYouTubeCommentsAreAnsweredThroughTheDemoChannel() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-demo-yt-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try TmuxSession.switchboard(
            ["--demo", "--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        _ = try s.waitFor("⟳ polling", timeout: 30)
        s.sendKeys("/")
        s.sendText("net:youtube")
        s.sendKeys("Enter")
        var rows = try s.waitUntil("the demo channel's comments", timeout: 30) { rows in
            rows.contains { $0.contains("Y JürgenWeiß-K") } && rows.contains { $0.contains("Y marcorossi.d") }
        }
        XCTAssertTrue(rows.contains { $0.contains("Seit dem Update hängt d") }, s.dump(rows))
        XCTAssertTrue(rows.contains { $0.contains("Followed the setup step") }, s.dump(rows))

        // Newest first: Lena's, Marco's, then Jürgen's comment.
        s.sendKeys("j")
        s.sendKeys("j")
        usleep(300_000)
        s.sendKeys("Enter")
        rows = try s.waitFor("Reply · 0/10000")
        XCTAssertTrue(rows.contains { $0.contains("@JürgenWeiß-Köln") }, s.dump(rows))
        s.sendText("Hallo Jürgen, das ist bekannt – der Fix kommt heute.")
        s.sendKeys("C-s")
        rows = try s.waitFor("To: @JürgenWeiß-Köln on YouTube")
        s.sendKeys("y")
        rows = try s.waitFor("sent ✓", timeout: 40)
        sleep(2)
        let posts = try log(dir).filter { $0["path"] as? String == "/youtube/v3/comments" }
        XCTAssertEqual(posts.count, 1, s.dump(rows))
        let post = posts.first?["post"] as? [String: Any]
        XCTAssertEqual(post?["in_reply_to"] as? String, "UgzDemoSync03")
        XCTAssertEqual(post?["text"] as? String, "Hallo Jürgen, das ist bekannt – der Fix kommt heute.")

        s.sendKeys("Escape")
        usleep(300_000)
        s.sendKeys("Escape")
        // Back to the top of the whole feed (17 rows at 120×40): the newest mentions come into view there. An
        // Escape followed at once by a key reads as Alt-key: the pause lets the terminal's escape delay pass.
        usleep(300_000)
        s.sendKeys("g")
        usleep(300_000)
        rows = try s.waitUntil("the reply is back as the brand's own", timeout: 40) { rows in
            rows.contains { $0.contains("Y AcmeCloud") && $0.contains("ours") }
        }
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    func log(_ dir: URL) throws -> [[String: Any]] {
        let d = try Data(contentsOf: dir.appendingPathComponent("demo-network.jsonl"))
        return try d.split(separator: 10).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }
}
