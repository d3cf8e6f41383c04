import Foundation
import XCTest

/// Issue 9 in the real workbench: H hands the selected mention to a team (the log has the hand-off, the mention
/// waits), then `:contacts` lists the authors and Enter opens one's card with the history.
final class CommunityEndToEndTests: EndToEndTestCase {
    func testHandoffKeyThenContactsCard() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-community-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        func line(_ id: String, _ text: String, minutesAgo: Double, author: String, followers: Int) -> String {
            let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-minutesAgo * 60))
            return
                #"{"platform":"mastodon","id":"\#(id)","text":"\#(text)","created_at":"\#(at)","author":{"handle":"\#(author)","name":"Anna Berg","followers":\#(followers)}}"#
        }
        let seed = [
            line(
                "c1", "My invoice is wrong and nobody answers", minutesAgo: 5, author: "anna@other.example",
                followers: 900),
            line(
                "c2", "Acme is great, thanks for the quick fix", minutesAgo: 50, author: "zoe@other.example",
                followers: 25_000),
        ]
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed.joined(separator: "\n") + "\n"), 0)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        _ = try s.waitFor("My invoice is wrong")
        s.sendKeys("H")
        _ = try s.waitFor(":handoff")
        s.sendText("billing please check the invoice")
        s.sendKeys("Enter")
        var rows = try s.waitFor("handed off to billing (waiting)")
        XCTAssertTrue(rows.contains { $0.contains(" wait ") && $0.contains("My invoice is wrong") }, s.dump(rows))

        s.sendKeys(":")
        s.sendText("contacts")
        s.sendKeys("Enter")
        rows = try s.waitFor("Contacts — 2 · by reach")
        s.sendKeys("j")
        s.sendKeys("Enter")
        rows = try s.waitFor("History (2):")
        XCTAssertTrue(
            rows.joined(separator: "\n").contains("→ hand-off to billing: please check the invoice"), s.dump(rows))
        s.sendKeys("Escape")
        _ = try s.waitFor("Contacts — 2 · by reach")
        s.sendKeys("q")
        _ = try s.waitFor("┌─ Feed — 2")
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)

        let log = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("log").path)
            .filter { $0.hasPrefix("actions") }
            .map { try String(contentsOf: dir.appendingPathComponent("log/" + $0), encoding: .utf8) }.joined()
        XCTAssertTrue(log.contains(#""type":"handoff""#) && log.contains(#""team":"billing""#), log)
    }
}
