import Foundation

/// One line of a contact's history: a mention they wrote, or what the team did about it.
public struct ContactHistoryItem: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        /// A mention by the contact (with its sentiment).
        case mention
        /// Our reply to it.
        case reply
        /// Handed to an internal team.
        case handoff
        /// The internal team's answer.
        case handoffReply = "handoff_reply"
    }
    public var at: Date
    public var kind: Kind
    /// The mention this is about.
    public var mention: String
    /// The identity that wrote the mention.
    public var identity: String
    /// The mention's text, the reply, the team (hand-off) or the answer.
    public var text: String
    public var sentiment: Sentiment?
    public var score: Double?
    /// Who on the team did it (replies, hand-offs, answers).
    public var actor: String?
    public var url: String?
}
