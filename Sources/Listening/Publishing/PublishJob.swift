import Foundation
import SwitchboardCore

/// One claimed post for `PublishingEngine`: what is sent and with which key, how it is recorded, and the
/// results the engine hands back (an outbox reply, or a queue item on one account).
protocol PublishJob {
    associatedtype Result
    /// Attempts so far, this one included (the claim counts it).
    var attempts: Int { get }
    /// The same for every attempt of this post: the network answers a retry with the post already made.
    var idempotencyKey: String { get }
    /// Why nothing is posted when there is no publisher for this job.
    var noPublisher: String { get }
    /// Posts through `publisher`; throws `PublishError.configuration` when the publisher cannot take the post.
    func post(with publisher: Publisher, idempotencyKey: String) async throws -> PostedRef
    /// The post as `post` sends it to `platform`, for the lookup before a retry.
    func draft(for platform: String) -> OutgoingPost
    /// The event recording the post made.
    func published(_ ref: PostedRef, now: Date) -> Action
    /// The event recording a failed attempt.
    func failed(message: String, retryAt: Date?) -> Action

    func sentResult(_ ref: PostedRef) -> Result
    func failedResult(message: String, retryAt: Date?) -> Result
    func skippedResult(_ why: String) -> Result
    /// Posted, but the record failed: the lease runs out (at `leaseEnd`) and a retry with the same key finds the post.
    func unrecordedResult(_ error: Error, ref: PostedRef, leaseEnd: Date) -> Result
}

/// Thrown by a test hook to simulate a crash between posting and recording.
struct PublishCrash: Error { var reason: String }
typealias OutboxCrash = PublishCrash
typealias QueueCrash = PublishCrash
