import Foundation
import XCTest

/// The real binary in a private tmux server: four panes, moving, help, a `:` command, a resize, a mention
/// stored by a separate `switchboard ingest` appearing by itself, hostile text kept off the terminal, and a
/// clean quit. Skips when tmux or the built binary is missing.
final class WorkbenchTmuxTests: XCTestCase {
    struct WaitError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    var socket = "sb-ui-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    var dir = ""
    var bytesFile = ""

    static var binary: URL {
        if let p = ProcessInfo.processInfo.environment["SWITCHBOARD_BIN"] { return URL(fileURLWithPath: p) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/switchboard")
    }

    static func which(_ tool: String) -> String? {
        for d in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(d)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs a program and returns its status and output. posix_spawn + waitpid rather than Foundation's
    /// Process: the tmux server that `new-session` starts inherits Process' exit-watch descriptor and
    /// `waitUntilExit` would never return. Output goes through a file for the same reason.
    @discardableResult
    func sh(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> (Int32, String) {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ui-e2e-io-\(UUID().uuidString)")
        let inPath = tmp.path + ".in", outPath = tmp.path + ".out"
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))
        defer { unlink(inPath); unlink(outPath) }
        var fa = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fa)
        defer { posix_spawn_file_actions_destroy(&fa) }
        posix_spawn_file_actions_addopen(&fa, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fa, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&fa, 1, 2)
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        let argv = args.map { strdup($0) } + [nil]
        let envp = e.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, args[0], &fa, nil, argv, envp)
        guard rc == 0 else { throw XCTSkip("cannot run \(args[0]): \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, out)
    }

    func tmux(_ args: String...) throws -> String { try sh([Self.which("tmux")!, "-L", socket] + args).1 }

    func screen() throws -> String { try tmux("capture-pane", "-p", "-t", "w") }

    /// Polls the pane until `ok` holds; prints the screen when it never does.
    func waitFor(_ what: String, timeout: Double = 10, _ ok: (String) -> Bool) throws {
        let end = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < end {
            last = try screen()
            if ok(last) { return }
            usleep(100_000)
        }
        throw WaitError(message: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    func keys(_ k: String...) throws {
        for key in k {
            _ = try tmux("send-keys", "-t", "w", key)
            usleep(150_000) // slower than ESC's delay, so Esc and the next key stay two keys
        }
    }

    override func setUpWithError() throws {
        guard Self.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { throw XCTSkip("build the binary first (swift build)") }
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-e2e-\(UUID().uuidString.prefix(8))").path
        bytesFile = dir + ".bytes"
        let (st, out) = try sh([Self.binary.path, "init", "--data-dir", dir])
        XCTAssertEqual(st, 0, out)
        let lines = (0..<40).map { i in
            #"{"platform":"mastodon","id":"seed-\#(i)","text":"Seed post number \#(i) über Acme","created_at":"2026-11-2\#(i % 7)T10:\#(String(format: "%02d", i % 60)):00Z","author":{"handle":"user\#(i)"}}"#
        }.joined(separator: "\n") + "\n"
        let (ist, iout) = try sh([Self.binary.path, "ingest", "--data-dir", dir], stdin: lines)
        XCTAssertEqual(ist, 0, iout)
    }

    override func tearDownWithError() throws {
        _ = try? tmux("kill-server")
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.removeItem(atPath: bytesFile)
    }

    func testWorkbenchEndToEnd() throws {
        let home = dir + "-home"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cmd = "HOME='\(home)' XDG_CONFIG_HOME='\(home)/.config' LANG=C.UTF-8 TERM=xterm-256color SWITCHBOARD_USER=anna "
            + "'\(Self.binary.path)' --data-dir '\(dir)'; echo \"EXITED $?\"; sleep 30"
        _ = try tmux("new-session", "-d", "-s", "w", "-x", "120", "-y", "40", cmd)
        _ = try tmux("pipe-pane", "-t", "w", "-o", "cat >> '\(bytesFile)'")

        // Four panes, status bar and key hint.
        try waitFor("the four panes") { $0.contains("Feed — 40") && $0.contains("─ Mention ") && $0.contains("─ Queue ") && $0.contains("─ Crisis ") }
        let first = try screen()
        XCTAssertTrue(first.contains("anna · 40 new · 40 open"), first)
        XCTAssertTrue(first.contains("? help"), first)

        // Move and open a mention.
        try keys("j", "j", "Enter")
        try waitFor("the open mention") { $0.contains("Mention · replying") && $0.contains("@user") }
        try keys("Escape")

        // Help overlay.
        try keys("?")
        try waitFor("the help overlay") { $0.contains("Keys — Feed") && $0.contains("Move down") }
        try keys("Escape")
        try waitFor("help closed") { !$0.contains("Keys — Feed") }

        // A command typed after ':' with completion.
        try keys(":", "zo", "Tab", "Enter")
        try waitFor("zoomed feed") { !$0.contains("─ Queue ") && $0.contains("Feed — 40") }
        try keys(":", "zoom", "Enter")
        try waitFor("all panes again") { $0.contains("─ Queue ") }

        // Resize: tabs below 100 columns.
        _ = try tmux("resize-window", "-t", "w", "-x", "80", "-y", "24")
        try waitFor("tab mode") { $0.hasPrefix(" 1 Feed") }
        _ = try tmux("resize-window", "-t", "w", "-x", "120", "-y", "40")
        try waitFor("four panes again") { $0.contains("─ Crisis ") }

        // Another process stores a mention, hostile text included: it appears by itself, sanitised.
        let hostile = #"{"platform":"bluesky","id":"live-1","text":"LIVE arrival \u001b]52;c;ZXZpbA==\u0007 \u001b[2J cleared? \u202eevil","created_at":"2026-11-27T12:00:00Z","author":{"handle":"live.bsky.social"}}"# + "\n"
        let (st, out) = try sh([Self.binary.path, "ingest", "--data-dir", dir], stdin: hostile)
        XCTAssertEqual(st, 0, out)
        try waitFor("the new mention", timeout: 5) { $0.contains("LIVE arrival") && $0.contains("Feed — 41 · 1 new") }

        // Quit: the terminal is restored and the program exits 0.
        try keys("q")
        try waitFor("a clean exit") { $0.contains("EXITED 0") }
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: bytesFile))) ?? Data()
        XCTAssertGreaterThan(bytes.count, 1000)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("LIVE arrival"))
        XCTAssertFalse(text.contains("52;c;ZXZpbA"), "OSC 52 from a mention reached the terminal")
        XCTAssertFalse(text.contains("\u{202E}"), "a bidi override reached the terminal")
        XCTAssertFalse(text.contains("\u{1B}[?2004h") && !text.contains("\u{1B}[?2004l"), "bracketed paste left on")
    }
}
