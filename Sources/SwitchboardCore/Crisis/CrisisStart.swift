import Foundation

/// What a `crisis_start` record holds: the run's id, the playbook as it was when the run started (later edits of
/// the file do not change a running checklist), the severity, and whether it is a drill.
public struct CrisisStart: Hashable, Sendable {
    public var crisis: String
    public var playbook: Playbook
    public var severity: String?
    /// An exercise: clearly marked, nothing published and nothing suspended.
    public var drill: Bool
    public var note: String?
    /// Whether the start also suspended the content queue (in the same write).
    public var suspendedQueue: Bool

    public init(
        crisis: String, playbook: Playbook, severity: String? = nil, drill: Bool = false, note: String? = nil,
        suspendedQueue: Bool = false
    ) {
        (self.crisis, self.playbook, self.severity, self.drill, self.note) = (crisis, playbook, severity, drill, note)
        self.suspendedQueue = suspendedQueue
    }
}
