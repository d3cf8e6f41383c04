import Foundation
import XCTest

/// The bytes the real workbench writes: hostile text from a mention never reaches the terminal, and
/// moving the selection costs at most 200 bytes at 120×40 (only changed cells are sent), and scrolling the
/// zoomed feed by a row at most 400 (the terminal scrolls), beside the other panes at most 1,000.
final class WorkbenchBytesTests: EndToEndTestCase {
    /// Waits until the program has written everything for the last input (no new bytes for 300 ms).
    func settle(_ s: TmuxSession) -> Int {
        var last = s.recordedOutput().count
        var quiet = 0
        while quiet < 3 {
            usleep(100_000)
            let n = s.recordedOutput().count
            if n == last {
                quiet += 1
            } else {
                quiet = 0
                last = n
            }
        }
        return last
    }

    /// Scrolling the feed by a row in the split layout (panes beside the feed): the terminal scrolls the rows and
    /// only the row that scrolled in, the selection and the cells beside the feed that moved with the scroll are
    /// drawn (issue 15 item 14; docs/performance.md says where the bytes go).
    func testScrollingTheFeedBesideThePanesUsesTheTerminalsScroll() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-ui-scroll-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        // Days old, so relative times don't change while we measure; German text on every other row.
        let lines = (0..<100).map { i in
            let text = i % 2 == 0 ? "Post \(i) about Acme, Grüße aus Köln" : "Störung bei Acme? Nummer \(i) heißt"
            return
                #"{"platform":"mastodon","id":"p\#(i)","text":"\#(text)","created_at":"2026-01-0\#(1 + i % 9)T10:00:00Z","author":{"handle":"user\#(i)"}}"#
        }
        XCTAssertEqual(
            try run(["ingest", "--data-dir", dir.path, "-"], stdin: lines.joined(separator: "\n") + "\n"), 0)
        // In colour, as most people see it (the test process may have NO_COLOR set).
        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40,
            environment: ["SWITCHBOARD_USER": "e2e", "NO_COLOR": ""], recordOutput: true)
        sessions.append(s)
        let rows = try s.waitFor("Feed — 100")
        XCTAssertTrue(rows[0].contains("┌─ Mention "), s.dump(rows))
        var before = settle(s)
        for _ in 0..<40 {
            s.sendKeys("j")
            before = settle(s)
        }
        var figures: [Int] = []
        for _ in 0..<3 {
            s.sendKeys("j")
            let after = settle(s)
            figures.append(after - before)
            before = after
        }
        // Without the terminal's scroll all 36 rows of the feed are drawn again. What remains: the row that scrolled
        // in and the selection, and the cells beside the feed that moved with the rows and must be put back (the
        // Mention pane's hint, the borders and the lines of the Queue and Crisis panes), because a terminal (and
        // tmux) scrolls whole rows. 917–943 bytes here (968–1021 before plain text had its own colour pair and
        // rows were weighed by their bytes); docs/performance.md has the breakdown.
        for f in figures {
            XCTAssertGreaterThan(f, 0, "the feed did not scroll")
            XCTAssertLessThanOrEqual(f, 1000, "a scrolling j beside the panes wrote \(f) bytes")
        }
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    func testHostileTextNeverReachesTheTerminalAndMovingIsCheap() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-ui-bytes-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        // Days old, so relative times don't change while we measure.
        var lines = (0..<60).map { i in
            #"{"platform":"mastodon","id":"p\#(i)","text":"Post \#(i) about Acme, Grüße 🎉","created_at":"2026-01-0\#(1 + i % 9)T10:00:00Z","author":{"handle":"user\#(i)"}}"#
        }
        lines.append(
            #"{"platform":"mastodon","id":"evil","text":"EVIL \u001b]52;c;ZXZpbA==\u0007 osc52 \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\ \u001b[2J clear \u202etxet\u202c \u009b31m c1","created_at":"2026-01-10T10:00:00Z","author":{"handle":"ev\u001b[31mil"}}"#
        )
        XCTAssertEqual(
            try run(["ingest", "--data-dir", dir.path, "-"], stdin: lines.joined(separator: "\n") + "\n"), 0)

        let s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40,
            environment: ["SWITCHBOARD_USER": "e2e"], recordOutput: true)
        sessions.append(s)
        var rows = try s.waitFor("EVIL")
        XCTAssertTrue(
            rows.joined().contains("EVIL  osc52 link  clear txet  c1") || rows.joined().contains("EVIL"), s.dump(rows))

        // Open the hostile mention too, so its text is drawn in full.
        s.sendKeys("Enter")
        rows = try s.waitFor("Mention · replying")
        s.sendKeys("Escape")
        usleep(300_000)

        // Moving the selection by one row: at most 200 bytes each time.
        var before = settle(s)
        for _ in 0..<4 {
            s.sendKeys("j")
            let after = settle(s)
            XCTAssertGreaterThan(after, before, "the selection did not move")
            XCTAssertLessThanOrEqual(after - before, 200, "one j wrote \(after - before) bytes")
            before = after
        }

        // Scrolling the feed by one row (the zoomed feed, whole rows): the terminal scrolls, and only the
        // row that scrolled in and the selection are drawn: at most 400 bytes (issue 15 item 14).
        s.sendKeys("z")
        before = settle(s)
        for _ in 0..<40 {
            s.sendKeys("j")
            before = settle(s)
        }
        for _ in 0..<3 {
            s.sendKeys("j")
            let after = settle(s)
            XCTAssertGreaterThan(after, before, "the feed did not scroll")
            XCTAssertLessThanOrEqual(after - before, 400, "a scrolling j wrote \(after - before) bytes")
            before = after
        }
        s.sendKeys("z")

        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
        let bytes = String(decoding: s.recordedOutput(), as: UTF8.self)
        XCTAssertTrue(bytes.contains("EVIL"))
        XCTAssertFalse(bytes.contains("ZXZpbA"), "an OSC 52 payload from a mention reached the terminal")
        XCTAssertFalse(bytes.contains("evil.example"), "an OSC 8 link from a mention reached the terminal")
        XCTAssertFalse(bytes.contains("\u{202E}"), "a bidi override reached the terminal")
        XCTAssertFalse(bytes.contains("\u{1B}[2J clear"), "a mention's CSI reached the terminal")
        XCTAssertFalse(bytes.unicodeScalars.contains { $0.value == 0x9B }, "a C1 CSI reached the terminal")
    }
}
