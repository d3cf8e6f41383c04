import Foundation
import XCTest

/// The real workbench under tmux: four panes, moving, help, a `:` command, resize to tabs, a mention
/// appended by a separate `switchboard ingest` process appearing by itself, and a clean quit.
final class WorkbenchEndToEndTests: EndToEndTestCase {
    func testWorkbenchEndToEnd() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-wb-e2e-\(UUID().uuidString.prefix(8))")
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let seed = [
            line("1", "Wie kann ich meinen Ordner teilen? Grüße aus Köln", minutesAgo: 30),
            line("2", "Sync is broken again, third time this week", minutesAgo: 20, author: "ben@mastodon.example"),
            line("3", "Love the new release 🎉", minutesAgo: 10, author: "chris@social.example"),
        ].joined(separator: "\n")
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed + "\n"), 0)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40, environment: ["SWITCHBOARD_USER": "e2e"])
        sessions.append(s)
        var rows = try s.waitFor("Love the new release")
        let screen = rows.joined(separator: "\n")
        for title in ["Feed", "Mention", "Queue", "Crisis"] {
            XCTAssertTrue(screen.contains("─ \(title)"), "pane \(title)\n\(s.dump(rows))")
        }
        XCTAssertTrue(rows[38].contains("3 new"), s.dump(rows))

        // Move down one and open: the mention pane shows the second newest mention in full.
        s.sendKeys("j", "Enter")
        rows = try s.waitFor("@ben@mastodon.example")
        XCTAssertTrue(rows.joined().contains("complaint"), s.dump(rows))
        s.sendKeys("Escape")
        usleep(300_000)  // a key right after Esc would read as Alt-key

        // Help overlay, generated from the keymap.
        s.sendKeys("?")
        rows = try s.waitFor("Keys — ")
        XCTAssertTrue(rows.joined().contains("Everywhere"), s.dump(rows))
        s.sendKeys("Escape")
        usleep(300_000)
        rows = try s.waitUntil("help closed") { !$0.joined().contains("Keys — ") }

        // A command typed after ':' — zoom shows the focused pane alone, again restores.
        s.sendText(":zoom")
        s.sendKeys("Enter")
        rows = try s.waitUntil("zoomed") { !$0.joined().contains("─ Queue") }
        s.sendText(":zoom")
        s.sendKeys("Enter")
        rows = try s.waitFor("─ Queue")

        // Narrow: tabs. Back to wide: panes.
        s.resize(width: 80, height: 24)
        rows = try s.waitUntil("tab bar") {
            $0.count == 24 && $0.joined().contains("Feed") && !$0.joined().contains("─ Queue")
        }
        s.resize(width: 120, height: 40)
        rows = try s.waitFor("─ Queue")

        // A separate process appends a mention: it appears by itself.
        XCTAssertEqual(
            try run(
                ["ingest", "--data-dir", dir.path, "-"],
                stdin: line("4", "Neue Erwähnung von außen", minutesAgo: 0) + "\n"), 0)
        rows = try s.waitFor("Neue Erwähnung von außen", timeout: 5)

        // Quit: the terminal is restored (the workbench's screen is gone) and the exit status is 0.
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
        rows = s.capture()
        XCTAssertFalse(rows.joined().contains("─ Feed"), s.dump(rows))
    }

    func testDemoFeedLivesAndShowsTheSourcesMode() throws {
        try TmuxSession.requireTmux()
        let xdg = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-demo-e2e-\(UUID().uuidString.prefix(8))")
        let s = try TmuxSession.switchboard(
            ["--demo"], width: 120, height: 40, environment: ["XDG_DATA_HOME": xdg.path])
        sessions.append(s)
        var rows = try s.waitFor("⟳ polling", timeout: 20)
        func feedCount(_ rows: [String]) -> Int? {
            guard let r = rows.first(where: { $0.contains("─ Feed — ") }), let range = r.range(of: "Feed — ") else {
                return nil
            }
            return Int(r[range.upperBound...].prefix { $0.isNumber })
        }
        let first = try XCTUnwrap(feedCount(rows), s.dump(rows))
        XCTAssertGreaterThanOrEqual(first, 300)
        // The replay source adds mentions every few seconds.
        rows = try s.waitUntil("replay adds mentions", timeout: 20) { (feedCount($0) ?? 0) > first }
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }
}
