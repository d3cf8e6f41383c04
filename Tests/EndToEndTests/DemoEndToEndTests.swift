import Foundation
import XCTest

/// The demo shows the whole product: its Mastodon and Bluesky accounts live on a loopback network that `--demo`
/// starts itself, so a reply goes out after the send delay ("sent ✓") exactly once, a queued post goes to the
/// accounts picked, and whoever runs the demo is a lead of its team.
final class DemoEndToEndTests: EndToEndTestCase {
    func testDemoRepliesAndQueuesThroughItsOwnNetwork() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-demo-net-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try TmuxSession.switchboard(
            ["--demo", "--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        var rows = try s.waitFor("⟳ polling", timeout: 30)

        // Whoever runs the demo is a lead of the demo team; the accounts point at the loopback endpoint.
        let team =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("team.json")))
            as! [String: Any]
        let members = team["team"] as? [[String: Any]] ?? []
        XCTAssertEqual(members.first { $0["user"] as? String == "e2e" }?["role"] as? String, "lead")
        let sources = team["sources"] as? [[String: Any]] ?? []
        let masto = try XCTUnwrap(sources.first { $0["id"] as? String == "masto" })
        XCTAssertEqual(masto["enabled"] as? Bool, true)
        XCTAssertTrue((masto["instance"] as? String ?? "").hasPrefix("http://127.0.0.1:"), "\(masto)")
        let token = dir.appendingPathComponent("secrets/masto.token")
        let mode = (try FileManager.default.attributesOfItem(atPath: token.path)[.posixPermissions] as? Int) ?? 0
        XCTAssertEqual(mode & 0o777, 0o600)

        // A new Mastodon mention: open it, write a reply, review, send (y) — the send delay counts down.
        s.sendKeys("/")
        s.sendText("net:mastodon status:new")
        s.sendKeys("Enter")
        usleep(500_000)
        s.sendKeys("Enter")
        rows = try s.waitFor("Reply")
        s.sendText("Danke für den Hinweis, wir prüfen das gleich. ")
        s.sendKeys("C-s")
        rows = try s.waitFor("y sends it in 10 s")
        s.sendKeys("y")
        rows = try s.waitFor("sent ✓", timeout: 30)

        // The demo network received exactly one status, the reply.
        sleep(2)  // anything that would send twice has had its chance
        let posts = try log(dir).filter { $0["path"] as? String == "/api/v1/statuses" }
        XCTAssertEqual(posts.count, 1, s.dump(rows))
        XCTAssertEqual(posts.first?["outcome"] as? String, "created")
        let text = (posts.first?["post"] as? [String: Any])?["text"] as? String ?? ""
        XCTAssertTrue(text.contains("Danke für den Hinweis, wir prüfen das gleich."), text)
        XCTAssertNotNil((posts.first?["post"] as? [String: Any])?["in_reply_to"], "a reply, not a new post")

        // A post queued for now asks for the accounts (both ticked) and goes out to both networks.
        s.sendKeys("Escape")
        usleep(300_000)
        s.sendKeys("Escape")
        usleep(300_000)
        s.sendKeys(":")
        s.sendText("queue add --now Neu: Ordner offline verfügbar machen")
        s.sendKeys("Enter")
        rows = try s.waitFor("which accounts?")
        XCTAssertTrue(rows.contains { $0.contains("[x] 1  masto") }, s.dump(rows))
        XCTAssertTrue(rows.contains { $0.contains("[x] 2  bsky") }, s.dump(rows))
        s.sendKeys("Enter")
        // The demo's outage may raise a pre-flight warning (a spike alert): y queues anyway.
        rows = try s.waitUntil("queued or a pre-flight warning") {
            $0.joined().contains("Pre-flight") || $0.joined().contains("queued for masto, bsky")
        }
        if rows.joined().contains("Pre-flight") { s.sendKeys("y") }
        rows = try s.waitUntil("the queued post reaches both networks", timeout: 30) { _ in
            let l = (try? self.log(dir)) ?? []
            return l.contains { $0["path"] as? String == "/xrpc/com.atproto.repo.createRecord" }
                && l.filter { $0["path"] as? String == "/api/v1/statuses" }.count == 2
        }
        // Both come back from the network into the feed as the brand's own posts.
        rows = try s.waitUntil("the queued post is in the feed from both networks", timeout: 30) { rows in
            rows.filter { $0.contains("»  ours Neu: Ordner offline") }.count == 2
        }
        // The reply too, from the brand's Mastodon account, answering the mention.
        let back = try mentions(dir).filter { m in
            ((m["author"] as? [String: Any])?["handle"] as? String ?? "").contains("acmecloud@mastodon.social")
                && (m["text"] as? String ?? "").contains("Danke für den Hinweis, wir prüfen das gleich.")
        }
        XCTAssertEqual(back.count, 1, s.dump(rows))
        XCTAssertNotNil(back.first?["in_reply_to"], "\(back)")
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    /// `switchboard mentions list --json` of the data directory, decoded.
    func mentions(_ dir: URL) throws -> [[String: Any]] {
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = ["mentions", "list", "--json", "--limit", "0", "--data-dir", dir.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return try data.split(separator: 10).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
    }

    /// The lines of demo-network.jsonl.
    func log(_ dir: URL) throws -> [[String: Any]] {
        let d = try Data(contentsOf: dir.appendingPathComponent("demo-network.jsonl"))
        return try d.split(separator: 10).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }
}
