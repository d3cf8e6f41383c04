import Foundation

/// Where the data directory is and what lives in it (see README, "The data directory").
public struct DataDirectory: Sendable, Hashable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// `--data-dir`, else `$SWITCHBOARD_HOME`, else `$XDG_DATA_HOME/switchboard`, else `~/.local/share/switchboard`.
    public static func resolve(
        explicit: String?, environment env: [String: String] = ProcessInfo.processInfo.environment
    ) -> DataDirectory {
        if let e = explicit, !e.isEmpty { return DataDirectory(root: URL(fileURLWithPath: expandTilde(e, env))) }
        if let h = env["SWITCHBOARD_HOME"], !h.isEmpty {
            return DataDirectory(root: URL(fileURLWithPath: expandTilde(h, env)))
        }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty {
            return DataDirectory(root: URL(fileURLWithPath: x).appendingPathComponent("switchboard"))
        }
        return DataDirectory(root: URL(fileURLWithPath: home(env)).appendingPathComponent(".local/share/switchboard"))
    }

    /// Personal settings: `$XDG_CONFIG_HOME/switchboard`, else `~/.config/switchboard`.
    public static func configDirectory(environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty {
            return URL(fileURLWithPath: x).appendingPathComponent("switchboard")
        }
        return URL(fileURLWithPath: home(env)).appendingPathComponent(".config/switchboard")
    }

    static func home(_ env: [String: String]) -> String {
        if let h = env["HOME"], !h.isEmpty { return h }
        return NSHomeDirectory()
    }

    /// `~/…` expanded against `$HOME`.
    public static func expandPath(
        _ p: String, environment env: [String: String] = ProcessInfo.processInfo.environment
    ) -> String { expandTilde(p, env) }

    static func expandTilde(_ p: String, _ env: [String: String]) -> String {
        if p == "~" { return home(env) }
        if p.hasPrefix("~/") { return home(env) + String(p.dropFirst(1)) }
        return p
    }

    public var teamFile: URL { root.appendingPathComponent("team.json") }
    public var logDir: URL { root.appendingPathComponent("log") }
    public var templatesDir: URL { root.appendingPathComponent("templates") }
    public var playbooksDir: URL { root.appendingPathComponent("playbooks") }
    public var secretsDir: URL { root.appendingPathComponent("secrets") }
    public var stateDir: URL { root.appendingPathComponent("state") }
    public var inboxDir: URL { root.appendingPathComponent("inbox") }
    public var lockFile: URL { logDir.appendingPathComponent(".lock") }

    public func logFile(_ kind: LogKind, month: String) -> URL {
        logDir.appendingPathComponent("\(kind.rawValue)-\(month).jsonl")
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: teamFile.path) }

    /// The path as a person would type it (`~/…` under the home directory).
    public var displayPath: String {
        let home = DataDirectory.home(ProcessInfo.processInfo.environment)
        let p = root.path
        return p.hasPrefix(home + "/") ? "~" + p.dropFirst(home.count) : p
    }
}

/// The append-only logs, each partitioned by month (`log/KIND-YYYY-MM.jsonl`).
public enum LogKind: String, CaseIterable, Sendable {
    /// Ingested mentions, in the import format plus Switchboard's fields.
    case mentions
    /// Every action with who and when: the audit trail.
    case actions
    /// Later analysis results for stored mentions (`reanalyze`); folded into mentions by `compact`.
    case analysis
}

/// Who is acting: `$SWITCHBOARD_USER`, else the login name.
public enum Actor {
    public static func current(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let u = env["SWITCHBOARD_USER"], !u.isEmpty { return u }
        if let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name { return String(cString: n) }
        if let u = env["USER"], !u.isEmpty { return u }
        return "unknown"
    }
}
