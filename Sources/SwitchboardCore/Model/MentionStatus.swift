import Foundation

public enum MentionStatus: String, Codable, Sendable, CaseIterable {
    case new, open, waiting, answered, escalated, ignored, spam

    /// Still needs someone: counts toward the open/overdue figures and the SLA.
    public var isOpen: Bool { self == .new || self == .open || self == .waiting || self == .escalated }
}
