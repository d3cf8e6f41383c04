import Foundation

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
    /// Hide, delete, approve… done through the network (`Action.moderate`), oldest first.
    public var moderation: [ModerationRecord] = []
    /// The latest text of the brand's own posts edited through Switchboard, by post id (`PostAction.edit`).
    public var postEdits: [String: String]?
    /// What the fold keeps of stamped actions (sites syncing through git), so their order of arrival does not matter.
    public var sync: SyncFold?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case status, assignee, tags, notes, replies, handoffReplies = "handoff_replies"
        case handoffTeam = "handoff_team", firstResponseAt = "first_response_at", lastChangedAt = "last_changed_at"
        case lastChangedBy = "last_changed_by", moderation, sync, postEdits = "post_edits"
    }
}
