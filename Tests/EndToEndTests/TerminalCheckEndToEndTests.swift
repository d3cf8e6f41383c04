import Foundation
import XCTest

/// The real binary's terminal layer (`switchboard terminal-check`) under tmux: rendering of wide text,
/// key decoding, paste, resize, TERM support, restoring the terminal, and the bytes it writes.
final class TerminalCheckEndToEndTests: XCTestCase {
    var sessions: [TmuxSession] = []

    override func tearDown() {
        for s in sessions { s.close() }
        sessions = []
    }

    func start(
        _ args: [String] = [], width: Int = 120, height: Int = 40, term: String = "xterm-256color",
        environment: [String: String] = [:], record: Bool = false
    ) throws -> TmuxSession {
        let s = try TmuxSession.switchboard(
            ["terminal-check"] + args, width: width, height: height, term: term,
            environment: environment, recordOutput: record)
        sessions.append(s)
        try s.waitFor("q quit")
        return s
    }

    /// A box row: the border at column 0 and at the last column, the content padded by display width.
    func boxRow(_ content: String, contentWidth: Int, width: Int = 120) -> String {
        "│" + content + String(repeating: " ", count: width - 2 - contentWidth) + "│"
    }

    func testWideTextStaysAligned() throws {
        let s = try start()
        let rows = s.capture()
        XCTAssertEqual(rows.count, 40, s.dump(rows))
        XCTAssertEqual(rows[0], "┌─ terminal-check " + String(repeating: "─", count: 101) + "┐", s.dump(rows))
        // Widths counted by hand: umlauts and ß are 1 cell, CJK and Hangul 2, emoji 2.
        XCTAssertEqual(rows[2], boxRow("Grüße aus München: Äpfel, Öl, Übermaß, Straße", contentWidth: 45), s.dump(rows))
        XCTAssertEqual(rows[3], boxRow("東京都渋谷区 · 日本語のテキスト · 한국어", contentWidth: 40), s.dump(rows))
        // A ZWJ family is drawn as its first emoji (every terminal agrees on that width); é stays one cell.
        XCTAssertEqual(rows[4], boxRow("Emoji: 👍 🇩🇪 👨 ✓ é", contentWidth: 19), s.dump(rows))
        XCTAssertEqual(rows[10], boxRow("row 1  Grüße 東京 👍", contentWidth: 20), s.dump(rows))
        XCTAssertEqual(rows[39], "q quit · j/k move · paste, click, resize to test")
    }

    func testNonUTF8LocaleFallsBackToCUTF8() throws {
        // LANG unset and LC_ALL=C (as on many CI machines and over SSH): widths still come out right.
        let s = try start(environment: ["LANG": "", "LC_ALL": "C"])
        let rows = s.capture()
        XCTAssertEqual(rows[3], boxRow("東京都渋谷区 · 日本語のテキスト · 한국어", contentWidth: 40), s.dump(rows))
        XCTAssertEqual(rows[2], boxRow("Grüße aus München: Äpfel, Öl, Übermaß, Straße", contentWidth: 45), s.dump(rows))
    }

    func testKeysAreDecoded() throws {
        let s = try start()
        let cases: [([String], String)] = [
            (["Escape"], "key <Esc>"), (["M-x"], "key M-x"), (["C-d"], "key C-d"), (["Tab"], "key <Tab>"),
            (["BTab"], "key <S-Tab>"), (["PageDown"], "key <PgDn>"), (["F1"], "key <F1>"), (["Home"], "key <Home>"),
            (["End"], "key <End>"), (["BSpace"], "key <BS>"), (["DC"], "key <Del>"), (["Enter"], "key <Enter>"),
            (["Left"], "key <Left>"), (["M-BSpace"], "key M-<BS>"),
        ]
        for (keys, expected) in cases {
            s.sendKeys(keys)
            try s.waitUntil("last event is \(expected)") { rows in
                rows.last(where: { $0.hasPrefix("key ") || $0.hasPrefix("paste ") }) == expected
            }
        }
        s.sendText("ü")
        try s.waitUntil("last event is key ü") { $0.last(where: { $0.hasPrefix("key ") }) == "key ü" }
        // j moves the selection (reverse/colour attributes on row 2 of the list).
        s.sendKeys("j")
        let styled = try s.waitUntil("row 2 selected") { _ in
            s.capture(escapes: true)[11].contains("\u{1B}[38;5;16m\u{1B}[48;5;39mrow 2")
        }
        XCTAssertFalse(styled.isEmpty)
    }

    func testPasteArrivesAsOneSanitisedEvent() throws {
        let s = try start()
        s.paste("Grüße\nzweite \u{1B}[31mZeile\u{1B}]52;c;SGFjaw==\u{07} 東京")
        try s.waitFor("paste 21 chars: Grüße zweite Zeile 東京")
        XCTAssertFalse(s.screenText.contains("[31m"))
    }

    func testCursorShownWhereAskedAndHiddenOtherwise() throws {
        let hidden = try start()
        XCTAssertEqual(hidden.format("#{cursor_flag}"), "0", "no cursor while nothing is edited")
        let s = try start(["--show-cursor"])
        try s.waitUntil("cursor visible after 'events:'") { _ in
            s.format("#{cursor_flag} #{cursor_x},#{cursor_y}") == "1 8,23"
        }
        s.sendKeys("j")
        try s.waitFor("key j")
        XCTAssertEqual(s.format("#{cursor_flag} #{cursor_x},#{cursor_y}"), "1 8,23", "the cursor stays put")
    }

    func testMouseReports() throws {
        // ncurses asks for the mouse protocol terminfo names: SGR (1006) for xterm-256color, X10 for tmux-256color.
        let s = try start()
        s.sendBytes("\u{1B}[<0;10;5M")
        try s.waitFor("mouse press 9,4")
        s.sendBytes("\u{1B}[<0;10;5m")
        try s.waitFor("mouse release 9,4")
        s.sendBytes("\u{1B}[<65;3;2M")
        try s.waitFor("mouse wheelDown 2,1")
        s.sendBytes("\u{1B}[<64;3;2M")
        try s.waitFor("mouse wheelUp 2,1")
        let t = try start(term: "tmux-256color")
        t.sendBytes([0x1B, 0x5B, 0x4D, 0x20, 0x2A, 0x26])  // X10: button 1 at column 10, row 6
        try t.waitFor("mouse press 9,5")
    }

    func testWakerFromAnotherThread() throws {
        // A background thread calls wake() every 50 ms: the idle loop sees each as a .wake.
        let s = try start(["--tick-ms", "50"])
        try s.waitUntil("several wakes") { rows in
            guard let r = rows.first(where: { $0.contains("wakes ") }),
                let n = Int(r.components(separatedBy: "wakes ").last!.prefix { $0.isNumber })
            else { return false }
            return n >= 5
        }
    }

    func testResizeRelaysOut() throws {
        let s = try start()
        s.resize(width: 90, height: 30)
        let rows = try s.waitFor("size 90x30")
        XCTAssertEqual(rows.first, "┌─ terminal-check " + String(repeating: "─", count: 71) + "┐", s.dump(rows))
        XCTAssertEqual(rows[3], boxRow("東京都渋谷区 · 日本語のテキスト · 한국어", contentWidth: 40, width: 90), s.dump(rows))
        try s.waitFor("resize 90x30")
        s.resize(width: 30, height: 8)
        try s.waitFor("terminal too small")
        s.resize(width: 100, height: 30)
        try s.waitFor("size 100x30")
    }

    func testQuitRestoresTheTerminal() throws {
        let s = try start()
        XCTAssertTrue(s.alternateScreen)
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
        XCTAssertFalse(s.alternateScreen, s.dump())
        XCTAssertEqual(s.format("#{cursor_flag}"), "1")
        XCTAssertEqual(s.format("#{mouse_any_flag}"), "0")
        try s.waitFor("terminal-check: restored after")
        XCTAssertFalse(s.screenText.contains("terminal-check ─"), "the app screen must be gone")
    }

    func testSignalsRestoreTheTerminal() throws {
        // SIGTERM, SIGHUP, SIGINT: a clean quit. SIGSEGV, SIGABRT: the crash handler restores the terminal,
        // then the process dies of the signal.
        for (sig, status) in [(SIGTERM, 0), (SIGHUP, 0), (SIGINT, 0), (SIGSEGV, 128 + 11), (SIGABRT, 128 + 6)] {
            let s = try start()
            let pids = s.commandPIDs
            XCTAssertEqual(pids.count, 1, "the shell runs one command")
            for pid in pids { XCTAssertEqual(kill(pid, sig), 0) }
            XCTAssertEqual(try s.waitForExit(), status, "signal \(sig)")
            XCTAssertFalse(s.alternateScreen, "signal \(sig)\n" + s.dump())
            XCTAssertEqual(s.format("#{cursor_flag}"), "1", "signal \(sig)")
            if status == 0 { try s.waitFor("terminal-check: restored after") }
            s.close()
        }
    }

    func testUnknownAndDumbTerminalsExitWithUsageError() throws {
        let bin = try TmuxSession.switchboardBinary()
        for (term, message) in [
            ("foo-unknown", "unknown terminal type 'foo-unknown'"),
            ("dumb", "terminal 'dumb' cannot address the cursor"),
        ] {
            let s = try TmuxSession(command: [bin.path, "terminal-check"], term: term)
            sessions.append(s)
            XCTAssertEqual(try s.waitForExit(), 2, s.dump())
            try s.waitFor("switchboard: \(message)")
            XCTAssertFalse(s.alternateScreen)
        }
    }

    func testSupportedTerminalTypes() throws {
        for term in ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "linux", "vt100"] {
            let s = try start(term: term)
            let rows = try s.waitFor("TERM \(term) ")
            XCTAssertEqual(rows[3], boxRow("東京都渋谷区 · 日本語のテキスト · 한국어", contentWidth: 40), "\(term)\n" + s.dump(rows))
            s.sendKeys("j")
            try s.waitFor("key j")
            if term == "xterm" || term == "linux" {
                // 8 colours: the theme's fallback colours (black on cyan), never a 256-colour index.
                let styled = s.capture(escapes: true)
                XCTAssertTrue(styled[11].contains("\u{1B}[30m\u{1B}[46mrow 2"), s.dump(styled))
                XCTAssertFalse(styled.joined().contains("\u{1B}[38;5;"), "no 256-colour codes on \(term)")
            }
            if term == "vt100" {
                // Monochrome: the selection is shown in reverse video, no colour.
                let styled = s.capture(escapes: true)
                XCTAssertTrue(styled[11].contains("\u{1B}[7m"), s.dump(styled))
                XCTAssertFalse(styled.joined().contains("\u{1B}[38;5;"), "no colours on vt100")
            }
            s.sendKeys("q")
            XCTAssertEqual(try s.waitForExit(), 0, term)
            XCTAssertFalse(s.alternateScreen, term)
            s.close()
        }
    }

    func testHostileTextNeverReachesTheTerminal() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-hostile-\(UInt32.random(in: 0...UInt32.max)).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let hostile =
            "A\u{1B}]52;c;SGFja2Vk\u{07}B\u{1B}]0;PWNED\u{07}C\u{1B}[31;1;4mD\u{1B}[2J\u{1B}P+q544e\u{1B}\\E"
            + "\u{202E}F\u{9B}6nG\u{1B}]8;;http://evil.example/\u{1B}\\H\n"
            + "second \u{1B}[?1049l\u{1B}c line\u{7}\u{8}"
        try hostile.write(to: file, atomically: true, encoding: .utf8)
        let s = try start(["--text", file.path], record: true)
        try s.waitFor("text: ABCDEFGH")
        try s.waitFor("text: second  line")
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
        let bytes = s.recordedOutput()
        XCTAssertGreaterThan(bytes.count, 1000, "the recording holds the session")
        let text = String(decoding: bytes, as: UTF8.self)
        for needle in ["]52;", "]0;PWNED", "[31;1;4m", "P+q", "]8;;", "evil.example", "\u{202E}", "\u{9B}", "6nG"] {
            XCTAssertFalse(text.contains(needle), "hostile sequence \(needle.debugDescription) reached the terminal")
        }
    }
}
