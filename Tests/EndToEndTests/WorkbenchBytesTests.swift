import Foundation
import XCTest

/// The bytes the real workbench writes: hostile text from a mention never reaches the terminal, and
/// moving the selection costs at most 170 bytes at 120×40 (only changed cells are sent), and scrolling the
/// feed by a row at most 400, stacked over the other panes or zoomed (the terminal scrolls).
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

    /// Scrolling the feed by a row in the default (stacked) layout at 120×40: the feed spans the full width, so the
    /// terminal scrolls its rows (rows 2–18) and only the row that scrolled in and the selection are drawn — at most
    /// 400 bytes, in both directions; moving within the page at most 170 (issue 15 item 14; docs/performance.md).
    func testScrollingTheFeedUsesTheTerminalsScroll() throws {
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
        XCTAssertTrue(rows[0].hasPrefix("┌─ Feed — 100 ") && rows[0].hasSuffix("┐"), s.dump(rows))
        XCTAssertTrue(rows[19].hasPrefix("┌─ Mention "), s.dump(rows))
        var before = settle(s)

        /// Presses `key` three times; the bytes each press wrote.
        func measure(_ key: String) -> [(Int, String)] {
            (0..<3).map { _ in
                s.sendKeys(key)
                let after = settle(s)
                let sent = String(decoding: s.recordedOutput()[before..<after], as: UTF8.self)
                defer { before = after }
                return (after - before, sent)
            }
        }
        // Within the page: the selection moves (the row it left, the row it reaches).
        for (n, _) in measure("j") + measure("k") {
            XCTAssertGreaterThan(n, 0, "the selection did not move")
            XCTAssertLessThanOrEqual(n, 170, "a j or k within the page wrote \(n) bytes")
        }
        s.sendKeys(String(repeating: "j", count: 20))
        before = settle(s)
        // Scrolling down, then (from the top of the view) up: the terminal scrolls the feed's rows, 2–18, and
        // nothing below the feed (the panes, the status bar, the key hint) is written.
        var scrolled = measure("j")
        s.sendKeys(String(repeating: "k", count: 16))
        before = settle(s)
        scrolled += measure("k")
        for (n, sent) in scrolled {
            XCTAssertGreaterThan(n, 0, "the feed did not scroll")
            XCTAssertLessThanOrEqual(n, 400, "a scrolling j or k wrote \(n) bytes: \(sent.debugDescription)")
            XCTAssertTrue(
                sent.contains("\u{1B}[2;18r"), "no scroll region over the feed's rows: \(sent.debugDescription)")
            for row in Self.rowsAddressed(sent) {
                XCTAssertLessThanOrEqual(row, 18, "row \(row) below the feed was written: \(sent.debugDescription)")
            }
        }
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    /// The rows (1-based) the cursor is sent to in `bytes` by an absolute move (`ESC[r;cH`, `ESC[rd`), scroll
    /// regions (`ESC[t;br`) left out.
    static func rowsAddressed(_ bytes: String) -> [Int] {
        let re = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9]+)(;[0-9]+)?([Hd])")
        let ns = bytes as NSString
        return re.matches(in: bytes, range: NSRange(location: 0, length: ns.length)).compactMap {
            Int(ns.substring(with: $0.range(at: 1)))
        }
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
        s.sendKeys(String(repeating: "j", count: 40))
        before = settle(s)
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
