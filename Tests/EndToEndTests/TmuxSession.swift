import Foundation
import XCTest

/// Drives a real program in a private tmux server (`tmux -L sb-e2e-<random>`): start it at a fixed size
/// with a given TERM, send keys, capture the screen, wait for text, resize, paste, record the bytes it
/// writes. Call `TmuxSession.requireTmux()` first (skips the test when tmux is missing) and `close()` in
/// tearDown (also runs on deinit). On a failed wait the screen is printed.
///
///     let s = try TmuxSession(command: [TmuxSession.switchboardBinary().path, "terminal-check"])
///     defer { s.close() }
///     try s.waitFor("terminal-check")
///     s.sendKeys("j", "C-d", "Escape")       // tmux key names
///     s.sendText("Grüße")                   // literal text
///     s.sendBytes("\u{1B}[<0;10;5M")         // raw bytes (a mouse click)
///     let rows = s.capture()                // [String], one per row
public final class TmuxSession {
    public let server: String
    public let width: Int
    public let height: Int
    public let outputFile: URL?
    private let configFile: URL
    private var closed = false

    /// Throws XCTSkip when tmux is not installed (CI installs it).
    public static func requireTmux() throws {
        guard tmuxPath != nil else { throw XCTSkip("tmux is not installed") }
    }

    static let tmuxPath: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + [
            "/usr/bin", "/usr/local/bin",
        ] {
            let p = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    /// The package root, from this file's path (Tests/EndToEndTests/TmuxSession.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `switchboard` executable: $SWITCHBOARD_BIN, else beside the test bundle (the build
    /// directory `swift test` used: it builds the executables too), else .build/debug/switchboard.
    public static func switchboardBinary() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SWITCHBOARD_BIN"] {
            candidates.append(URL(fileURLWithPath: env))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("switchboard"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/switchboard"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        throw XCTSkip(
            "switchboard binary not built (looked at \(candidates.map(\.path).joined(separator: ", "))): run `swift build` first"
        )
    }

    /// Starts `command` (argv) in a new private server, in a pane of `width`×`height`, with TERM=`term`
    /// and `environment` added. With `recordOutput`, the command runs under `script`, which records every
    /// byte it writes to the terminal from the very first (read them with `recordedOutput()`).
    /// The command runs under `sh`, which prints "[exited N]" when it ends and then keeps the pane open
    /// (so every byte the command wrote reaches the screen, and its last screen stays to be checked).
    public init(
        command: [String], width: Int = 120, height: Int = 40, term: String = "xterm-256color",
        environment: [String: String] = [:], recordOutput: Bool = false
    ) throws {
        try Self.requireTmux()
        server = "sb-e2e-\(UInt32.random(in: 0...UInt32.max))"
        self.width = width
        self.height = height
        let tmp = FileManager.default.temporaryDirectory
        configFile = tmp.appendingPathComponent("\(server).conf")
        try "set -g status off\nset -g history-limit 0\nset -g escape-time 0\n"
            .write(to: configFile, atomically: true, encoding: .utf8)
        var env = ["TERM=\(term)", "LANG=C.UTF-8"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { env.append("\(k)=\(v)") }
        var argv = ["env"] + env + command
        if recordOutput {
            guard
                FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
                    || FileManager.default.isExecutableFile(atPath: "/bin/script")
            else {
                throw XCTSkip("script(1) (util-linux) is not installed: cannot record the output")
            }
            let out = tmp.appendingPathComponent("\(server).out")
            outputFile = out
            argv = ["script", "-q", "-f", "-e", "-c", argv.map(Self.shellQuote).joined(separator: " "), out.path]
        } else {
            outputFile = nil
        }
        let inner = argv.map(Self.shellQuote).joined(separator: " ")
        let shellCommand = "sh -c " + Self.shellQuote("\(inner); echo \"\(Self.exitMarker)$?]\"; exec sleep 86400")
        let r = tmux([
            "-f", configFile.path, "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", shellCommand,
        ])
        guard r.status == 0 else { throw TmuxError("tmux new-session failed: \(r.output)") }
    }

    /// `switchboard ARGS` in a new session, with SWITCHBOARD_HOME set when `home` is given and the Swift
    /// runtime's crash backtrace non-interactive (a crash must not wait for a key press).
    public static func switchboard(
        _ args: [String], home: URL? = nil, width: Int = 120, height: Int = 40,
        term: String = "xterm-256color", environment: [String: String] = [:],
        recordOutput: Bool = false
    ) throws -> TmuxSession {
        var env = environment
        if let home { env["SWITCHBOARD_HOME"] = home.path }
        // A SWIFT_BACKTRACE of the test run wins: under AddressSanitizer the runtime's backtracer must be off
        // (`enable=no`), since it reads raw stack memory that ASan reports as a stack-buffer-underflow.
        env["SWIFT_BACKTRACE"] =
            env["SWIFT_BACKTRACE"] ?? ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] ?? "interactive=no"
        return try TmuxSession(
            command: [try switchboardBinary().path] + args, width: width, height: height,
            term: term, environment: env, recordOutput: recordOutput)
    }

    deinit { close() }

    /// Kills the private server and removes its files.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(at: configFile)
        if let o = outputFile { try? FileManager.default.removeItem(at: o) }
    }

    // MARK: - Input

    /// Keys by tmux name: "j", "Enter", "Escape", "C-d", "M-x", "Tab", "BTab", "Up", "PageDown", "F1", …
    public func sendKeys(_ keys: String...) { sendKeys(keys) }
    public func sendKeys(_ keys: [String]) { _ = tmux(["send-keys", "-t", target] + keys) }
    /// Raw bytes, exactly as a terminal would send them (mouse reports, odd escape sequences).
    public func sendBytes(_ bytes: [UInt8]) {
        _ = tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }
    public func sendBytes(_ s: String) { sendBytes(Array(s.utf8)) }
    /// Literal text (no key-name lookup).
    public func sendText(_ text: String) { _ = tmux(["send-keys", "-t", target, "-l", text]) }
    /// Pastes `text` the way a terminal does: bracketed when the program asked for bracketed paste.
    public func paste(_ text: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(server).paste")
        try? text.write(to: file, atomically: true, encoding: .utf8)
        _ = tmux(["load-buffer", "-b", "e2e", file.path])
        _ = tmux(["paste-buffer", "-p", "-d", "-b", "e2e", "-t", target])
        try? FileManager.default.removeItem(at: file)
    }
    /// Resizes the pane (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) {
        _ = tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: - Output

    /// The screen, one string per row (tmux drops trailing spaces; wide characters appear once).
    public func capture(escapes: Bool = false) -> [String] {
        let r = tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
        var rows = r.output.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    public var screenText: String { capture().joined(separator: "\n") }

    /// A tmux format value for the pane, e.g. "#{alternate_on}", "#{cursor_flag}", "#{pane_pid}".
    public func format(_ f: String) -> String {
        tmux(["display-message", "-p", "-t", target, f]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True once the command has exited.
    public var isDead: Bool { exitStatus != nil }
    static let exitMarker = "[exited "

    /// The process ids of the command (the pane's shell's descendants), e.g. to send it a signal.
    public var commandPIDs: [Int32] {
        guard let shell = Int32(format("#{pane_pid}")) else { return [] }
        var result: [Int32] = []
        var queue = [shell]
        while let p = queue.popLast() {
            let children = (try? String(contentsOfFile: "/proc/\(p)/task/\(p)/children", encoding: .utf8)) ?? ""
            for c in children.split(separator: " ").compactMap({ Int32($0) }) {
                result.append(c)
                queue.append(c)
            }
        }
        return result
    }
    /// The command's exit status, once it has exited.
    public var exitStatus: Int? {
        for row in capture().reversed() {
            if let r = row.range(of: Self.exitMarker), let end = row[r.upperBound...].firstIndex(of: "]") {
                return Int(row[r.upperBound..<end])
            }
        }
        return nil
    }
    /// True while the pane shows the alternate screen (a full-screen program that has not restored).
    public var alternateScreen: Bool { format("#{alternate_on}") == "1" }

    /// Polls the screen until it contains `text`; on timeout prints the screen and throws.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line)
        throws -> [String]
    {
        try waitUntil("screen contains \(text.debugDescription)", timeout: timeout) { rows in
            rows.contains { $0.contains(text) }
        }
    }

    /// Polls the screen until `predicate` holds; on timeout prints the screen and throws. The screen returned is a
    /// settled one: the same in two captures 40 ms apart (for at most 400 ms more), so a frame still being drawn —
    /// its first rows there, the rest to come, as a busy machine shows it — is not what a test reads.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 10, _ predicate: ([String]) -> Bool) throws
        -> [String]
    {
        let deadline = Date().addingTimeInterval(timeout)
        var rows = capture()
        while true {
            while !predicate(rows) {
                if Date() > deadline {
                    let shown = dump(rows)
                    print(shown)
                    throw TmuxError("timed out after \(timeout)s waiting until \(what); screen:\n\(shown)")
                }
                usleep(50_000)
                rows = capture()
            }
            let settle = Date().addingTimeInterval(0.4)
            var again = rows
            repeat {
                usleep(40_000)
                (rows, again) = (again, capture())
            } while again != rows && predicate(again) && Date() < settle
            // Settled (or still changing after 400 ms: the latest); if the predicate stopped holding, wait on.
            rows = again
            if predicate(rows) { return rows }
        }
    }

    /// Waits for the command to exit and returns its status.
    @discardableResult
    public func waitForExit(timeout: TimeInterval = 10) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = exitStatus { return s }
            usleep(50_000)
        }
        let shown = dump(capture())
        print(shown)
        throw TmuxError("command did not exit within \(timeout)s; screen:\n\(shown)")
    }

    /// The bytes the command wrote to its terminal so far (needs `recordOutput: true`).
    public func recordedOutput() -> Data {
        guard let o = outputFile else { return Data() }
        return (try? Data(contentsOf: o)) ?? Data()
    }

    /// The screen with row numbers, for failure messages.
    public func dump(_ rows: [String]? = nil) -> String {
        let r = rows ?? capture()
        return "┄┄┄ tmux \(server) \(width)x\(height) ┄┄┄\n"
            + r.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }

    // MARK: - tmux

    var target: String { "e2e:0.0" }

    @discardableResult
    func tmux(_ args: [String]) -> (status: Int32, output: String) {
        guard let path = Self.tmuxPath else { return (127, "tmux missing") }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        return Self.spawn([path, "-L", server] + args, environment: env)
    }

    /// Runs argv with output to a temporary file (not a pipe: the server that new-session forks would
    /// hold a pipe open) and waits for it with waitpid.
    static func spawn(_ argv: [String], environment: [String: String]) -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("sb-e2e-\(UInt32.random(in: 0...UInt32.max)).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { return (127, "cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    static func shellQuote(_ s: String) -> String {
        if !s.isEmpty && s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,@%+".contains($0) })
            && s.allSatisfy(\.isASCII)
        {
            return s
        }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}
