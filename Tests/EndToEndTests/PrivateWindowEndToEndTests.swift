import Foundation
import XCTest

/// Issue 20: for a member whose role may not read private messages the feed, its title and the status bar's counts
/// leave the private message out. Issue 18: also when the workbench opens from the index — the window leaves it out
/// in SQL (`MuteSQL`), so such a member gets the index window like everyone else.
final class PrivateWindowEndToEndTests: EndToEndTestCase {
    func testAnAgentsWorkbenchFromTheIndexCountsNoPrivateMessage() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-private-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let teamURL = dir.appendingPathComponent("team.json")
        var team = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: teamURL)) as? [String: Any])
        team["team"] = [
            ["user": "e2e", "name": "Eva", "role": "agent"], ["user": "lea", "name": "Lea", "role": "lead"],
        ]
        team["private_messages"] = ["lead"]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-120))
        let seed = [
            line("1", "Erwähnung Nummer 1, Grüße aus Köln", minutesAgo: 30),
            line("2", "Erwähnung Nummer 2, Grüße aus Köln", minutesAgo: 20),
            #"{"platform":"mastodon","id":"3","text":"Geheime Rechnungsnummer 4711","created_at":"\#(at)","#
                + #""author":{"handle":"jonas@chaos.social"},"reply":{"uri":"3","visibility":"direct"}}"#,
        ]
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed.joined(separator: "\n") + "\n"), 0)

        let env = ["SWITCHBOARD_USER": "e2e", "SWITCHBOARD_WINDOW": "index"]
        let s = try TmuxSession.switchboard(["--data-dir", dir.path], width: 80, height: 24, environment: env)
        sessions.append(s)
        let rows = try s.waitFor("Erwähnung Nummer 2")
        XCTAssertTrue(rows[1].contains("Feed — 2 "), s.dump(rows))
        XCTAssertTrue(rows.joined().contains("2 new · 2 open"), s.dump(rows))
        XCTAssertFalse(rows.joined().contains("4711"), s.dump(rows))
        let index = dir.appendingPathComponent("index/history.sqlite")
        XCTAssertTrue(FileManager.default.fileExists(atPath: index.path), "the workbench opened the index")
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }
}
