import Foundation

/// What one publish attempt for one account did.
public struct QueuePublishResult: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable { case published, failed, suspended, skipped }
    public var id: String, account: String, outcome: Outcome
    public var url: String?
    public var postID: String?
    /// The network's message (failed), or why nothing happened (suspended, skipped).
    public var message: String?
    /// A transient failure is retried automatically then.
    public var retryAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, account, outcome, url, message, postID = "post_id", retryAt = "retry_at"
    }
}
