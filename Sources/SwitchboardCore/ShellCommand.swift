import Foundation

/// Runs a configured shell command (`sh -c`) with text on standard input: notify steps, hand-offs, alerts.
public enum ShellCommand {
    public struct Result: Sendable, Equatable {
        public var status: Int32
        /// Standard output and error, at most the last 2,000 bytes, as text.
        public var output: String
        public var timedOut: Bool
    }

    /// Runs `command` and waits at most `timeout` seconds (then terminates it). Throws when it cannot start.
    public static func run(_ command: String, input: String, environment: [String: String] = [:], timeout: TimeInterval = 30) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let stdin = Pipe(), out = Pipe()
        p.standardInput = stdin
        p.standardOutput = out
        p.standardError = out
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { h in
            let d = h.availableData
            if !d.isEmpty { collected.append(d) }
        }
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        // Write in the background so a command that doesn't read its input cannot block us.
        let writer = stdin.fileHandleForWriting
        let bytes = Data(input.utf8)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: bytes)
            try? writer.close()
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            p.terminate()
            _ = done.wait(timeout: .now() + 2)
        }
        out.fileHandleForReading.readabilityHandler = nil
        if let rest = try? out.fileHandleForReading.readToEnd() { collected.append(rest) }
        return Result(status: timedOut ? -1 : p.terminationStatus, output: collected.text, timedOut: timedOut)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ d: Data) {
            lock.withLock {
                data.append(d)
                if data.count > 4096 { data = data.suffix(2000) }
            }
        }
        var text: String {
            lock.withLock {
                let tail = data.suffix(2000)
                return String(decoding: tail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }
}
