import Foundation
import SwitchboardCore
import TestSupport
import XCTest

/// Issue 20 through the real binary: private messages are marked, and only roles team.json allows see them in
/// `mentions list`, `mentions show` and `thread`.
final class PrivateMessagesCommandTests: XCTestCase {
    func fixture() throws -> (String, String) {
        let d = try initialisedDataDir()
        let url = URL(fileURLWithPath: d + "/team.json")
        var team = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        team["team"] = [
            ["user": "lena", "name": "Lena", "role": "lead"], ["user": "sven", "name": "Sven", "role": "agent"],
            ["user": "sara", "name": "Sara", "role": "support"],
        ]
        team["private_messages"] = ["lead", "support"]
        try JSONSerialization.data(withJSONObject: team, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        let lines = [
            #"{"platform":"mastodon","id":"https://chaos.social/users/jonas/statuses/777","text":"Rechnung 4711 – bitte nicht öffentlich","created_at":"2026-11-26T10:05:00Z","author":{"handle":"jonas@chaos.social"},"reply":{"uri":"777","visibility":"direct"}}"#,
            #"{"platform":"mastodon","id":"https://social.example/users/ute/statuses/778","text":"Läuft Acme heute?","created_at":"2026-11-26T10:06:00Z","author":{"handle":"ute@social.example"},"reply":{"uri":"778","visibility":"public"}}"#,
        ]
        XCTAssertEqual(
            try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines.joined(separator: "\n") + "\n").status, 0)
        return (d, MentionKey.make(platform: "mastodon", id: "https://chaos.social/users/jonas/statuses/777"))
    }

    func testMentionsListShowsPrivateMessagesOnlyToAllowedRoles() throws {
        let (d, k) = try fixture()
        let lead = try CLI.run(["mentions", "list", "--data-dir", d], env: ["SWITCHBOARD_USER": "lena"])
        XCTAssertEqual(lead.status, 0, lead.err)
        XCTAssertTrue(lead.out.contains("🔒 Rechnung 4711"), lead.out)
        let support = try CLI.run(["mentions", "list", "--data-dir", d, "--json"], env: ["SWITCHBOARD_USER": "sara"])
        XCTAssertTrue(support.out.contains("Rechnung 4711"), support.out)

        let agent = try CLI.run(["mentions", "list", "--data-dir", d], env: ["SWITCHBOARD_USER": "sven"])
        XCTAssertEqual(agent.status, 0, agent.err)
        XCTAssertFalse(agent.out.contains("4711"), agent.out)
        XCTAssertFalse(agent.out.contains("jonas"), agent.out)
        XCTAssertTrue(agent.out.contains("Läuft Acme heute?"), agent.out)
        let json = try CLI.run(["mentions", "list", "--data-dir", d, "--json"], env: ["SWITCHBOARD_USER": "sven"])
        XCTAssertFalse(json.out.contains("4711"), json.out)

        let show = try CLI.run(["mentions", "show", "--data-dir", d, k], env: ["SWITCHBOARD_USER": "sven"])
        XCTAssertNotEqual(show.status, 0)
        XCTAssertFalse(show.out.contains("4711"), show.out)
        XCTAssertTrue(show.err.contains("private message"), show.err)
        let shown = try CLI.run(["mentions", "show", "--data-dir", d, k], env: ["SWITCHBOARD_USER": "lena"])
        XCTAssertTrue(shown.out.contains("🔒 a private message: replies go privately"), shown.out)
    }

    func testThreadCoversAPrivateMessageForARoleThatMayNotReadIt() throws {
        let (d, k) = try fixture()
        // No source: the stored posts only (a warning says so on standard error).
        let agent = try CLI.run(["thread", "--data-dir", d, k], env: ["SWITCHBOARD_USER": "sven"])
        XCTAssertEqual(agent.status, 0, agent.err)
        XCTAssertFalse(agent.out.contains("4711"), agent.out)
        XCTAssertTrue(agent.out.contains("🔒 (a private message: your role may not read it)"), agent.out)
        let lead = try CLI.run(["thread", "--data-dir", d, k], env: ["SWITCHBOARD_USER": "lena"])
        XCTAssertTrue(lead.out.contains("Rechnung 4711"), lead.out)
        XCTAssertTrue(lead.out.contains("· 🔒 private"), lead.out)
    }
}
