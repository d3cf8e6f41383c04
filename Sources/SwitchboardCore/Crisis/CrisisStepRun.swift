import Foundation

/// One checklist step of a run: the playbook's step, when it is due, and where it stands.
public struct CrisisStepRun: Hashable, Sendable {
    public var step: Playbook.Step
    public var dueAt: Date
    public var state: CrisisStepState = .open
    /// Who changed it last, when, and why (the reason of a skip or block).
    public var by: String?
    public var at: Date?
    public var reason: String?
    /// Notifications carried out for a notify step, oldest first.
    public var notifications: [Notification] = []

    public struct Notification: Hashable, Sendable {
        public var how: String
        public var exitStatus: Int?
        public var output: String?
        public var by: String
        public var at: Date
    }

    /// Open or blocked past its due time.
    public func isOverdue(_ now: Date) -> Bool { (state == .open || state == .blocked) && now > dueAt }
    public var isFinished: Bool { state == .done || state == .skipped }
}
