import Foundation
import XCTest

/// team.json edited while the workbench runs (issue 15, items 6 and 7): a file that does not parse is shown in a
/// banner with file, line and column, nothing is saved meanwhile; once it parses (and later when the lead adds a
/// member) the workbench applies it within seconds, without a restart.
final class TeamFileEndToEndTests: EndToEndTestCase {
    func testBrokenTeamFileIsShownUntilFixedAndAnAddedMemberIsAccepted() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-teamfile-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let now = ISO8601DateFormatter().string(from: Date())
        let seed =
            #"{"platform":"mastodon","id":"1","text":"Grüße an Acme","created_at":"\#(now)","author":{"handle":"fan"}}"#
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed + "\n"), 0)
        let teamURL = dir.appendingPathComponent("team.json")
        // A hand edit with a stray semicolon on line 3.
        try """
        {
          "brand": {"name": "Acme", "terms": ["acme"]},
          "team": [{"user": "boss", "name": "Boss", "role": "lead"}];
        }
        """.write(to: teamURL, atomically: true, encoding: .utf8)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        var rows = try s.waitFor("team.json does not parse", timeout: 15)
        XCTAssertTrue(rows[0].contains("team.json does not parse"), s.dump(rows))
        XCTAssertTrue(rows.prefix(2).joined().contains("line 3, column"), s.dump(rows))
        XCTAssertTrue(rows.prefix(2).joined().contains("(on defaults)"), s.dump(rows))

        // A triage key is refused with the reason, and nothing reaches the actions log.
        _ = try s.waitFor("Grüße an Acme")
        s.sendKeys("i")
        rows = try s.waitFor("not saved: team.json does not parse")
        let logs = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("log").path)) ?? []
        XCTAssertFalse(logs.contains { $0.hasPrefix("actions-") }, "\(logs)")
        // The banner stays.
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(s.capture()[0].contains("team.json does not parse"), s.dump())

        // Fixed by hand: within seconds the banner is gone; e2e is not in the team yet, so suspending is refused.
        var team: [String: Any] = [
            "brand": ["name": "Acme", "terms": ["acme"]], "timezone": "UTC",
            "team": [["user": "boss", "name": "Boss", "role": "lead"]],
        ]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        rows = try s.waitFor("team.json parses again", timeout: 5)
        XCTAssertFalse(rows[0].contains("does not parse"), s.dump(rows))
        s.sendKeys(":")
        s.sendText("suspend storm")
        s.sendKeys("Enter")
        _ = try s.waitFor("e2e is not in the team")

        // The lead adds e2e as a manager: accepted within seconds, no restart.
        team["team"] = [
            ["user": "boss", "name": "Boss", "role": "lead"], ["user": "e2e", "name": "E2E", "role": "manager"],
        ]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted]).write(to: teamURL)
        _ = try s.waitFor("e2e added (manager)", timeout: 5)
        s.sendKeys(":")
        s.sendText("suspend storm")
        s.sendKeys("Enter")
        _ = try s.waitFor("QUEUE SUSPENDED: storm")
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }
}
