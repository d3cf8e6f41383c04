import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a rule's delivery: the command with the payload on stdin, or the atomic file write.
public enum HandoffDelivery {
    /// Delivers `payload` for mention `key`; returns where it went (`command`, or the file's path). Throws
    /// `SwitchboardError` with what went wrong (exit status and the end of stderr, a timeout, a write error).
    public static func deliver(
        _ payload: Data, key: String, rule: RoutingRule, dataDir: DataDirectory, timeout: TimeInterval = 30
    ) throws -> String {
        switch rule.delivery {
        case .directory(let d):
            let dir = d.hasPrefix("/") ? URL(fileURLWithPath: d) : dataDir.root.appendingPathComponent(d)
            try FileIO.makeDirectory(dir)
            let file = dir.appendingPathComponent(key + ".json")
            try FileIO.writeDocument(payload, to: file)
            return file.path
        case .command(let c):
            try run(
                c, stdin: payload,
                environment: [
                    "SWITCHBOARD_MENTION": key, "SWITCHBOARD_RULE": rule.name, "SWITCHBOARD_TEAM": rule.team,
                    "SWITCHBOARD_DATA_DIR": dataDir.root.path,
                ], cwd: dataDir.root, timeout: timeout)
            return "command"
        }
    }

    /// `sh -c command` with the payload on stdin (`ShellCommand`). Throws unless it exits with status 0 within
    /// `timeout`. (Outgoing event commands run the same way.)
    public static func run(
        _ command: String, stdin: Data, environment: [String: String], cwd: URL, timeout: TimeInterval
    ) throws {
        let r: ShellCommand.Result
        do {
            r = try ShellCommand.run(command, input: stdin, environment: environment, cwd: cwd, timeout: timeout)
        } catch {
            throw SwitchboardError("command could not start: \(error)")
        }
        if r.timedOut { throw SwitchboardError("command timed out after \(Int(timeout)) s") }
        guard r.status == 0, r.signal == nil else {
            let tail = r.output.split(whereSeparator: \.isNewline).suffix(2).joined(separator: " / ")
            let how = r.signal.map { "was killed by signal \($0)" } ?? "exited with status \(r.status)"
            throw SwitchboardError("command \(how)" + (tail.isEmpty ? "" : ": " + tail))
        }
    }
}
