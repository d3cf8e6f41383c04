import Foundation

public enum MentionStatus: String, Codable, Sendable, CaseIterable {
    case new, open, waiting, answered, escalated, ignored, spam

    /// Still needs someone: counts toward the open/overdue figures and the SLA.
    public var isOpen: Bool { self == .new || self == .open || self == .waiting || self == .escalated }
}

public struct Note: Codable, Hashable, Sendable {
    public var actor: String
    public var at: Date
    public var text: String
    public init(actor: String, at: Date, text: String) { self.actor = actor; self.at = at; self.text = text }
}

/// The team's working state of one mention: the fold of every action on it.
public struct MentionState: Codable, Hashable, Sendable {
    public var status: MentionStatus = .new
    public var assignee: String?
    public var tags: [String] = []
    public var notes: [Note] = []
    /// Internal team a mention was handed to (status `waiting`).
    public var handoffTeam: String?
    /// When the first reply went out.
    public var firstResponseAt: Date?
    /// Time of the last action on this mention, and who did it (collision checks).
    public var lastChangedAt: Date?
    public var lastChangedBy: String?
    public var replies: [ReplyRecord] = []
    /// Answers from internal teams to a hand-off (`handoff reply`), oldest first.
    public var handoffReplies: [HandoffReply] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case status, assignee, tags, notes, replies
        case handoffReplies = "handoff_replies"
        case handoffTeam = "handoff_team", firstResponseAt = "first_response_at"
        case lastChangedAt = "last_changed_at", lastChangedBy = "last_changed_by"
    }
}

/// A reply that went out (or was handed over by hand) for a mention.
public struct ReplyRecord: Codable, Hashable, Sendable {
    public var text: String
    public var actor: String
    public var at: Date
    public var url: String?
    public var manual: Bool?
    public init(text: String, actor: String, at: Date, url: String? = nil, manual: Bool? = nil) {
        self.text = text; self.actor = actor; self.at = at; self.url = url; self.manual = manual
    }
}
