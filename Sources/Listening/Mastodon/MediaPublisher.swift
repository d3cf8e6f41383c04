import Foundation
import SwitchboardCore

/// A publisher that can attach media (local files with alt text) to a new post.
public protocol MediaPublisher: Publisher {
    func post(_ draft: OutgoingPost, media: [QueueMedia], idempotencyKey: String) async throws -> PostedRef
}
