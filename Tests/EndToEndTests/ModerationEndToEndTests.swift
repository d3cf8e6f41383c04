import Foundation
import XCTest

/// Moderation in the real workbench on the demo (issue 16): `X` on an Instagram comment offers the network's kinds,
/// hiding goes to the demo's Graph endpoint once, the row is marked, and `switchboard log` has it with the reason; on a
/// Mastodon mention `X` says there is no API.
final class ModerationEndToEndTests: EndToEndTestCase {
    func testXHidesAnInstagramCommentThroughTheDemoNetwork() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-demo-mod-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try TmuxSession.switchboard(
            ["--demo", "--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        _ = try s.waitFor("⟳ polling", timeout: 30)
        s.sendKeys("/")
        s.sendText("net:instagram from:@mike_builds")
        s.sendKeys("Enter")
        // The feed row itself (network letter and handle), not the status bar's "filter: …": under load the demo's
        // Instagram source may not have polled yet when the filter is set, and `X` on an empty feed does nothing.
        _ = try s.waitFor("I mike_builds", timeout: 30)
        s.sendKeys("X")
        var rows = try s.waitFor("hide  unhide  delete")
        XCTAssertTrue(rows.contains { $0.hasPrefix(":moderate") }, s.dump(rows))
        s.sendText("hide Beleidigung")
        s.sendKeys("Enter")
        rows = try s.waitFor("[hidden]")
        XCTAssertTrue(rows.joined().contains("hidden: @mike_builds"), s.dump(rows))

        sleep(1)
        let log = try Data(contentsOf: dir.appendingPathComponent("demo-network.jsonl")).split(separator: 10).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
        XCTAssertEqual(log.filter { $0["outcome"] as? String == "hidden" }.count, 1, s.dump(rows))
        let out = Pipe()
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = ["log", "--data-dir", dir.path, "--json"]
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertTrue(text.contains(#""kind":"hide""#) && text.contains(#""reason":"Beleidigung""#), text)

        // Mastodon has no moderation API: the status line says so.
        s.sendKeys(":")
        usleep(300_000)
        s.sendText("filter net:mastodon")
        s.sendKeys("Enter")
        _ = try s.waitFor("filter: net:mastodon")
        s.sendKeys("X")
        rows = try s.waitFor("Mastodon offers no API")
    }
}
