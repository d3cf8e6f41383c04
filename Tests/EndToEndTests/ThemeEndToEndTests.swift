import Foundation
import XCTest

/// Themes and colours on the real binary (issue 15, items 12 and 13).
final class ThemeEndToEndTests: EndToEndTestCase {
    func makeDataDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-theme-\(UUID().uuidString.prefix(8))")
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let lines = (0..<5).map { i in
            #"{"platform":"mastodon","id":"t\#(i)","text":"Grüße \#(i) an Acme","created_at":"2026-01-0\#(1 + i)T10:00:00Z","author":{"handle":"user\#(i)"}}"#
        }
        XCTAssertEqual(
            try run(["ingest", "--data-dir", dir.path, "-"], stdin: lines.joined(separator: "\n") + "\n"), 0)
        return dir
    }

    /// `NO_COLOR=1 switchboard` from a binary with no Themes directory anywhere near it (as installed without
    /// share/): it starts, in the compiled-in mono theme.
    func testNoColorStartsWithoutAThemesDirectory() throws {
        try TmuxSession.requireTmux()
        let dir = try makeDataDir()
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-bin-\(UUID().uuidString.prefix(8))")
        let config = bin.appendingPathComponent("config")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: bin)
        }
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let exe = bin.appendingPathComponent("switchboard")
        try FileManager.default.copyItem(at: try TmuxSession.switchboardBinary(), to: exe)
        let s = try TmuxSession(
            command: [exe.path, "--data-dir", dir.path], width: 100, height: 30,
            environment: [
                "NO_COLOR": "1", "XDG_CONFIG_HOME": config.path, "SWITCHBOARD_USER": "e2e",
                "SWIFT_BACKTRACE": "interactive=no",
            ])
        sessions.append(s)
        let rows = try s.waitFor("Grüße 4 an Acme")
        XCTAssertFalse(rows.joined().contains("no theme named"), s.dump(rows))
        // No colour at all: every SGR the screen holds is an attribute (bold, reverse, …), never a colour.
        let styled = s.capture(escapes: true).joined(separator: "\n")
        XCTAssertNil(styled.range(of: #"\[[0-9;]*(3[0-7]|38;5;\d+|4[0-7]|48;5;\d+)m"#, options: .regularExpression))
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    /// TERM=xterm (8 colours, PuTTY's default) and TERM=linux: no text is drawn black on the default (dark)
    /// background: the default theme's borders, hints and status text were.
    func testNoBlackOnBlackOnEightColourTerminals() throws {
        try TmuxSession.requireTmux()
        let dir = try makeDataDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for term in ["xterm", "linux"] {
            let s = try TmuxSession.switchboard(
                ["--data-dir", dir.path, "--theme", "default"], width: 120, height: 40, term: term,
                environment: ["SWITCHBOARD_USER": "e2e", "NO_COLOR": ""])
            sessions.append(s)
            try s.waitFor("Grüße 4 an Acme")
            let rows = s.capture(escapes: true)
            var invisible: [String] = []
            for (y, row) in rows.enumerated() {
                for (x, ch) in Self.blackOnDefault(row) where ch != " " { invisible.append("\(y),\(x) \(ch)") }
            }
            XCTAssertEqual(
                invisible.count, 0,
                "\(term): \(invisible.count) cells drawn black on the default background, e.g. "
                    + invisible.prefix(8).joined(separator: "; ") + "\n" + s.dump(s.capture()))
            s.sendKeys("q")
            XCTAssertEqual(try s.waitForExit(), 0)
        }
    }

    /// The characters of a `capture-pane -e` row drawn with foreground black (0) on the default background.
    static func blackOnDefault(_ row: String) -> [(Int, Character)] {
        var fg = -1
        var bg = -1
        var out: [(Int, Character)] = []
        var x = 0
        var i = row.startIndex
        while i < row.endIndex {
            if row[i] == "\u{1B}", row.index(after: i) < row.endIndex, row[row.index(after: i)] == "[" {
                var j = row.index(i, offsetBy: 2)
                var params = ""
                while j < row.endIndex, !row[j].isLetter {
                    params.append(row[j])
                    j = row.index(after: j)
                }
                if j < row.endIndex, row[j] == "m" {
                    let p = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                    var k = 0
                    while k < p.count {
                        switch p[k] {
                        case 0:
                            fg = -1
                            bg = -1
                        case 30...37: fg = p[k] - 30
                        case 39: fg = -1
                        case 40...47: bg = p[k] - 40
                        case 49: bg = -1
                        case 90...97: fg = p[k] - 90 + 8
                        case 100...107: bg = p[k] - 100 + 8
                        case 38, 48:
                            if k + 2 < p.count, p[k + 1] == 5 {
                                if p[k] == 38 { fg = p[k + 2] } else { bg = p[k + 2] }
                                k += 2
                            }
                        default: break
                        }
                        k += 1
                    }
                }
                i = j < row.endIndex ? row.index(after: j) : j
                continue
            }
            if fg == 0 && bg == -1 { out.append((x, row[i])) }
            x += 1
            i = row.index(after: i)
        }
        return out
    }
}
