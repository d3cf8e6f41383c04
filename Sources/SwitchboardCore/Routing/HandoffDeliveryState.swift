import Foundation

/// Where one rule's hand-off of one mention stands, folded from the log.
public struct HandoffDeliveryState: Hashable, Sendable {
    public enum Status: String, Sendable, Codable {
        /// Recorded, delivery in progress (or its process died: taken over after the router's lease).
        case pending
        case delivered
        /// Waiting for a retry.
        case failed
    }
    public var mention: String, rule: String, team: String, routedAt: Date, status: Status
    /// Attempts started so far.
    public var attempts: Int
    /// When the latest attempt started or ended.
    public var lastAt: Date
    public var error: String?
    public var target: String?
    /// The site that recorded the hand-off (a team across servers): it alone delivers and retries it.
    public var site: String?
}
