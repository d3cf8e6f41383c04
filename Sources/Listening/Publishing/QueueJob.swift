import Foundation
import SwitchboardCore

/// A queue item on one target account for `PublishingEngine`: posted with the key `ITEM-ACCOUNT`
/// (with its media where the publisher takes media), recorded as `queue_published` / `queue_failed`.
struct QueueJob: PublishJob {
    let item: QueueItem
    let account: String
    /// The crisis's reply rule when one limits replies at the moment of the claim (`CreationReplyLimit`).
    var replyLimit: String?

    var attempts: Int { item.result(account).attempts }
    var idempotencyKey: String { QueuePublisher.idempotencyKey(item: item.id, account: account) }
    var noPublisher: String { "\(account) has no post API" }

    func draft(for platform: String) -> OutgoingPost {
        var p = OutgoingPost(
            text: item.draft.body(for: platform), createdAt: item.draft.createdAt, link: item.draft.link)
        p.replyLimit = replyLimit
        return p
    }

    func post(with publisher: Publisher, idempotencyKey: String) async throws -> PostedRef {
        let d = item.draft
        let post = draft(for: publisher.platform)
        if d.media.isEmpty { return try await publisher.post(post, idempotencyKey: idempotencyKey) }
        guard let media = publisher as? MediaPublisher else {
            throw PublishError.configuration(
                "media upload to \(publisher.platform) is not supported yet: remove the media or post it by hand")
        }
        return try await media.post(post, media: d.media, idempotencyKey: idempotencyKey)
    }

    func published(_ ref: PostedRef, now: Date) -> Action {
        .queue(.published(id: item.id, account: account, postID: ref.id, url: ref.url ?? ref.uri))
    }

    func failed(message: String, retryAt: Date?) -> Action {
        .queue(.failed(id: item.id, account: account, error: message, retryAt: retryAt))
    }

    func sentResult(_ ref: PostedRef) -> QueuePublishResult { result(.published, nil, ref) }
    func failedResult(message: String, retryAt: Date?) -> QueuePublishResult {
        QueuePublishResult(
            id: item.id, account: account, outcome: .failed, url: nil, postID: nil, message: message,
            retryAt: retryAt)
    }
    func skippedResult(_ why: String) -> QueuePublishResult { result(.skipped, why) }
    func unrecordedResult(_ error: Error, ref: PostedRef, leaseEnd: Date) -> QueuePublishResult {
        result(.failed, "posted, but not recorded: \(error) (the retry after the lease finds the post)", ref)
    }

    func result(_ o: QueuePublishResult.Outcome, _ msg: String? = nil, _ ref: PostedRef? = nil) -> QueuePublishResult {
        QueuePublishResult(
            id: item.id, account: account, outcome: o, url: ref.map { $0.url ?? $0.uri },
            postID: ref?.id, message: msg)
    }
}
