import Foundation
import XCTest

/// The real workbench opening a history from the index (`SWITCHBOARD_WINDOW=index`, what a large history gets by
/// itself): it builds or catches up `index/history.sqlite`, shows the newest mentions and the counts, keys work,
/// mentions stored by another process appear, and the next start shows them from the caught-up index.
final class HistoryWindowEndToEndTests: EndToEndTestCase {
    func testWorkbenchOpensFromTheIndex() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-window-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let seed = (1...30).map {
            line("\($0)", "Erwähnung Nummer \($0), Grüße aus Köln", minutesAgo: Double(100 - $0))
        }
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed.joined(separator: "\n") + "\n"), 0)
        let index = dir.appendingPathComponent("index/history.sqlite")
        XCTAssertFalse(FileManager.default.fileExists(atPath: index.path))

        let env = ["SWITCHBOARD_USER": "e2e", "SWITCHBOARD_WINDOW": "index"]
        var s = try TmuxSession.switchboard(["--data-dir", dir.path], width: 120, height: 40, environment: env)
        sessions.append(s)
        var rows = try s.waitFor("Erwähnung Nummer 30")
        XCTAssertTrue(FileManager.default.fileExists(atPath: index.path), "the workbench opened the index")
        XCTAssertTrue(rows[0].contains("Feed — 30"), s.dump(rows))
        XCTAssertTrue(rows[1].contains("Erwähnung Nummer 30"), s.dump(rows))
        XCTAssertTrue(rows.joined().contains("30 new"), s.dump(rows))
        s.sendKeys("j", "j", "Enter")
        rows = try s.waitUntil("the third newest open") { $0.joined().contains("@anna@social.example") }
        s.sendKeys("Escape")
        usleep(300_000)  // a key right after Esc would read as Alt-key

        // Another process stores a mention: it appears by itself (the store's refresh).
        XCTAssertEqual(
            try run(
                ["ingest", "--data-dir", dir.path, "-"],
                stdin: line("31", "Neue Erwähnung von außen, Straße gesperrt", minutesAgo: 0) + "\n"), 0)
        rows = try s.waitFor("Neue Erwähnung von außen", timeout: 5)
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)

        // The next start catches the index up with it: the newest row and the count are there from the first frame.
        s = try TmuxSession.switchboard(["--data-dir", dir.path], width: 80, height: 24, environment: env)
        sessions.append(s)
        rows = try s.waitFor("Neue Erwähnung von außen")
        XCTAssertTrue(rows[1].contains("Feed — 31"), s.dump(rows))
        // The mention opened with Enter was marked open by the first workbench: the index caught that up too.
        XCTAssertTrue(rows.joined().contains("30 new · 31 open"), s.dump(rows))
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }
}
