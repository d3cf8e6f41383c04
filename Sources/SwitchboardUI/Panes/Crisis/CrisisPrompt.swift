import Foundation
import SwitchboardCore

/// The start prompt (severity pick, then "Suspend the content queue?"), also used by `S` to change the severity.
public struct CrisisPrompt: Sendable, Equatable {
    public enum Stage: Sendable, Equatable { case severity, suspend }
    public var playbook: Playbook, drill: Bool, stage: Stage
    /// The highlighted severity level.
    public var selected = 0
    public var severity: String?
    /// `S` on a running crisis: the pick sets the run's severity.
    public var changeSeverityOf: String?

    public init(playbook: Playbook, drill: Bool, changeSeverityOf: String? = nil, current: String? = nil) {
        (self.playbook, self.drill, self.changeSeverityOf) = (playbook, drill, changeSeverityOf)
        stage = playbook.severityLevels.isEmpty ? .suspend : .severity
        if let current, let i = playbook.severityLevels.firstIndex(of: current) { selected = i }
    }
}
