import Foundation
import SwitchboardCore

/// Spike settings, from `team.json` → `"spikes": {"sensitivity": 3.0, "min_count": 10, "cooldown": "30m"}`.
public struct SpikeSettings: Sendable, Hashable {
    /// How many times the baseline the last hour must reach.
    public var sensitivity: Double
    /// The fewest mentions in the last hour that can make a spike (negative spikes: half of it, at least 3).
    public var minCount: Int
    /// Seconds after an alert during which the same kind stays quiet.
    public var cooldown: TimeInterval

    public init(sensitivity: Double = 3.0, minCount: Int = 10, cooldown: TimeInterval = 1800) {
        (self.sensitivity, self.minCount, self.cooldown) = (sensitivity, minCount, cooldown)
    }

    /// Reads `extra["spikes"]` of the team configuration; missing or malformed fields keep their defaults.
    public init(team: TeamConfig) {
        self.init()
        guard let o = team.extra["spikes"]?.objectValue else { return }
        if let s = o["sensitivity"]?.doubleValue, s > 0 { sensitivity = s }
        if let m = o["min_count"]?.intValue, m > 0 { minCount = m }
        if let c = o["cooldown"] {
            if let s = c.stringValue, let d = SourceConfig.parseDuration(s) {
                cooldown = d
            } else if let d = c.doubleValue, d >= 0 {
                cooldown = d
            }
        }
    }
}
