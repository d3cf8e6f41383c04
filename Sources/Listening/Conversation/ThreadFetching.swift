import Foundation
import SwitchboardCore

/// A source that can read a whole conversation from its network: Mastodon (`/api/v1/statuses/:id/context`),
/// Bluesky (`app.bsky.feed.getPostThread`).
public protocol ThreadFetching: Sendable {
    /// The posts of the conversation `mention` belongs to (ancestors and answers; `mention` itself may be among
    /// them), as mentions cleaned like the source's own.
    func conversation(of mention: Mention) async throws -> [Mention]
}
