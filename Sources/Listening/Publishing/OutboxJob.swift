import Foundation
import SwitchboardCore

/// An outbox reply for `PublishingEngine`: posted with the draft's stored idempotency key, recorded as
/// `outbox_sent` / `outbox_failed`.
struct OutboxJob: PublishJob {
    let entry: OutboxEntry

    var attempts: Int { entry.attempts }
    var idempotencyKey: String { entry.draft.idempotencyKey }
    var noPublisher: String { "\(entry.draft.network) has no reply API: answer by hand" }

    func draft(for platform: String) -> OutgoingPost {
        let d = entry.draft
        return OutgoingPost(
            text: d.text, inReplyTo: d.inReplyTo, visibility: d.visibility, language: d.language,
            createdAt: d.createdAt)
    }

    func post(with publisher: Publisher, idempotencyKey: String) async throws -> PostedRef {
        // Images go up first (Mastodon /api/v2/media, Bluesky uploadBlob, X media upload; the Graph networks fetch
        // them from media_base_url), then the reply with them. A network whose replies take none refuses them here
        // too (`:attach` and `reply --media` refused them already).
        if let media = entry.draft.media, !media.isEmpty {
            if let why = ReplyMedia.refusal(publisher.platform, count: media.count) { throw PublishError.rejected(why) }
            guard let mp = publisher as? MediaPublisher else {
                throw PublishError.configuration(
                    "\(publisher.platform): Switchboard cannot attach images to replies there: send it without them")
            }
            return try await mp.post(draft(for: publisher.platform), media: media, idempotencyKey: idempotencyKey)
        }
        return try await publisher.post(draft(for: publisher.platform), idempotencyKey: idempotencyKey)
    }

    func published(_ ref: PostedRef, now: Date) -> Action {
        var reply = ReplyRecord(text: entry.draft.text, actor: entry.author, at: now, url: ref.url ?? ref.uri)
        // A thread part keeps what the next part answers.
        if entry.draft.thread != nil { (reply.uri, reply.cid) = (ref.uri, ref.cid) }
        return .outboxSent(id: entry.id, mention: entry.mention, reply: reply, postID: ref.id)
    }

    func failed(message: String, retryAt: Date?) -> Action {
        .outboxFailed(id: entry.id, mention: entry.mention, error: message, retryAt: retryAt)
    }

    func sentResult(_ ref: PostedRef) -> OutboxResult { result(.sent(ref)) }
    func failedResult(message: String, retryAt: Date?) -> OutboxResult {
        result(.failed(message: message, retryAt: retryAt))
    }
    func skippedResult(_ why: String) -> OutboxResult { result(.skipped(why)) }
    func unrecordedResult(_ error: Error, ref: PostedRef, leaseEnd: Date) -> OutboxResult {
        result(.failed(message: "posted, but not recorded: \(error)", retryAt: leaseEnd))
    }

    private func result(_ outcome: OutboxResult.Outcome) -> OutboxResult {
        OutboxResult(id: entry.id, mention: entry.mention, outcome: outcome)
    }
}
