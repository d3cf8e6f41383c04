import Foundation

/// `team.json`'s `"sync": {"remote": "ssh://git@host/acme-social.git", "branch": "main", "interval": "60s"}`.
public struct SyncSettings: Sendable, Equatable {
    public var remote: String?
    public var branch = "main"
    /// Seconds between syncs for `listen` and the workbench.
    public var interval: TimeInterval = 60

    public init(remote: String? = nil, branch: String = "main", interval: TimeInterval = 60) {
        (self.remote, self.branch, self.interval) = (remote, branch, interval)
    }

    /// Reads the `sync` section of a team config (nil when there is none); a bad value is an error naming it.
    public init?(team: TeamConfig) throws {
        guard let v = team.extra["sync"] else { return nil }
        guard let o = v.objectValue else { throw SwitchboardError("team.json: \"sync\" must be an object") }
        remote = o["remote"]?.stringValue
        if let b = o["branch"] {
            guard let s = b.stringValue, !s.isEmpty, !s.hasPrefix("-") else {
                throw SwitchboardError("team.json: sync.branch must be a branch name, e.g. \"main\"")
            }
            branch = s
        }
        if let i = o["interval"] {
            guard let s = i.stringValue, let secs = SyncSettings.seconds(s), secs >= 5 else {
                throw SwitchboardError(
                    "team.json: sync.interval must be a duration of at least 5s, e.g. \"60s\" or \"5m\"")
            }
            interval = secs
        }
    }

    /// "90", "90s", "5m", "1h".
    static func seconds(_ s: String) -> TimeInterval? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        if let u = t.last, let f = units[u], let n = Double(t.dropLast()) { return n * f }
        return Double(t)
    }
}
