import Foundation

/// Runs a configured shell command (`sh -c`) with text on standard input: notify steps, hand-off deliveries.
/// Standard input comes from a temporary file, not a pipe, so a command that ignores it can never kill us with
/// SIGPIPE; its output goes to another temporary file, so it can never fill a pipe and stall.
///
/// Serves notify steps, hand-off deliveries and the listener's `alert_command`. It stays on Foundation's `Process`
/// rather than swiftlang/swift-subprocess: Subprocess (1.0.2) is async-only while every caller here is synchronous
/// (on a background queue), and it would give Core, which depends on nothing, its first dependency, for the same
/// stdin-from-a-file, output-to-a-file and terminate-then-kill-after-a-timeout behaviour this file has.
public enum ShellCommand {
    public struct Result: Sendable, Equatable {
        public init(status: Int32, output: String, timedOut: Bool, signal: Int32? = nil) {
            (self.status, self.output, self.timedOut, self.signal) = (status, output, timedOut, signal)
        }
        public var succeeded: Bool { status == 0 && !timedOut && signal == nil }

        /// The exit status (when it exited), -1 when it timed out.
        public var status: Int32
        /// Standard output and error, the last 2,000 bytes, without terminal controls.
        public var output: String
        /// Whether it ran out of time (it was terminated, then killed when it did not end).
        public var timedOut: Bool
        /// The signal that ended it, if one did.
        public var signal: Int32?
    }

    /// Runs `command` and waits at most `timeout` seconds (then terminates it). Throws when it cannot start.
    public static func run(
        _ command: String, input: String, environment: [String: String] = [:], cwd: URL? = nil,
        timeout: TimeInterval = 30
    ) throws -> Result {
        try run(command, input: Data(input.utf8), environment: environment, cwd: cwd, timeout: timeout)
    }

    public static func run(
        _ command: String, input: Data, environment: [String: String] = [:], cwd: URL? = nil,
        timeout: TimeInterval = 30
    ) throws -> Result {
        let tmp = FileManager.default.temporaryDirectory
        let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let inFile = tmp.appendingPathComponent("sb-cmd-in-\(tag)")
        let outFile = tmp.appendingPathComponent("sb-cmd-out-\(tag)")
        defer { unlink(inFile.path); unlink(outFile.path) }
        guard
            FileManager.default.createFile(
                atPath: inFile.path, contents: input, attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(atPath: outFile.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let stdin = FileHandle(forReadingAtPath: inFile.path),
            let stdout = FileHandle(forWritingAtPath: outFile.path)
        else { throw SwitchboardError("cannot create temporary files in \(tmp.path)") }
        defer { try? stdin.close(); try? stdout.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        (p.environment, p.standardInput, p.standardOutput, p.standardError) = (env, stdin, stdout, stdout)
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(5_000) }
        var timedOut = false
        if p.isRunning {
            timedOut = true
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        }
        p.waitUntilExit()
        let said = String(decoding: ((try? Data(contentsOf: outFile)) ?? Data()).suffix(2000), as: UTF8.self)
        let output = ImportFormat.clean(said, newlines: true).trimmingCharacters(in: .whitespacesAndNewlines)
        let killed = p.terminationReason == .uncaughtSignal
        return Result(
            status: timedOut ? -1 : (killed ? -1 : p.terminationStatus), output: output, timedOut: timedOut,
            signal: killed && !timedOut ? p.terminationStatus : nil)
    }
}
