import Foundation
import SwitchboardCore

/// The exactly-once publishing step under `OutboxSender` and `QueuePublisher`: a job claimed under the store's
/// lock (with a lease, so a crashed sender's job is taken over later) is posted with its stored idempotency key,
/// then recorded as published or failed. A crash between posting and recording leads to a retry with the same
/// key, which the network answers with the post already made, so nothing is posted twice.
struct PublishingEngine {
    let store: Store, actor: String, lease: TimeInterval
    /// Delay before retrying a transient failure, by attempts so far.
    let backoff: Backoff
    /// Attempts after which a transient failure waits for a person; nil: no limit.
    var maxAttempts: Int?
    /// Whether an error that is not a `PublishError` (a transport surprise) is retried with backoff.
    var retriesUnknownErrors: Bool

    /// What the claim step found.
    enum Claim<Job: PublishJob> {
        case claimed(Job)
        case skipped(Job.Result)
    }

    /// Claims with `claim`, finds the publisher, posts, records. `afterPost` is a test hook (throw
    /// `PublishCrash` to simulate a crash between posting and recording).
    func run<Job: PublishJob>(
        claim: () -> Claim<Job>, publisher publisherFor: (Job) throws -> Publisher?,
        afterPost: ((Job, PostedRef) throws -> Void)?, now: Date
    ) async -> Job.Result {
        let job: Job
        switch claim() {
        case .claimed(let j): job = j
        case .skipped(let result): return result
        }
        let publisher: Publisher
        do {
            guard let p = try publisherFor(job) else { return fail(job, job.noPublisher, retryAt: nil, now: now) }
            publisher = p
        } catch {
            return fail(job, String(describing: error), retryAt: nil, now: now)
        }
        let ref: PostedRef
        do {
            if let found = try await lookUp(job, publisher) {
                ref = found
            } else {
                ref = try await job.post(with: publisher, idempotencyKey: job.idempotencyKey)
                try afterPost?(job, ref)
            }
        } catch let e as PublishCrash {
            return job.skippedResult("crashed: \(e.reason)")
        } catch let e as PublishError {
            return fail(job, e.description, retryAt: retryTime(e, attempts: job.attempts, now: now), now: now)
        } catch {
            let retryAt = retriesUnknownErrors ? now.addingTimeInterval(delay(attempts: job.attempts)) : nil
            return fail(job, String(describing: error), retryAt: retryAt, now: now)
        }
        do {
            try store.record([job.published(ref, now: now)], actor: actor, now: now)
        } catch {
            return job.unrecordedResult(error, ref: ref, leaseEnd: now.addingTimeInterval(lease))
        }
        return job.sentResult(ref)
    }

    /// On a network without idempotency keys, any attempt after the first may follow one whose outcome is unknown:
    /// the post that attempt made, if the network shows one, is the answer (the draft's time less a minute of
    /// clock skew bounds the search).
    func lookUp<Job: PublishJob>(_ job: Job, _ publisher: Publisher) async throws -> PostedRef? {
        guard job.attempts > 1, let lookup = publisher as? LookupBeforeRetry else { return nil }
        let draft = job.draft(for: publisher.platform)
        return try await lookup.findPosted(draft, since: draft.createdAt.addingTimeInterval(-60))
    }

    /// When a failed attempt is tried again by itself: rate limits at their reset, transient failures after the
    /// backoff (while attempts remain); anything else waits for a person (nil).
    func retryTime(_ e: PublishError, attempts: Int, now: Date) -> Date? {
        switch e {
        case .rateLimited(let at, _): return max(at, now.addingTimeInterval(1))
        case .transient where maxAttempts.map({ attempts < $0 }) ?? true:
            return now.addingTimeInterval(delay(attempts: attempts))
        default: return nil
        }
    }

    func delay(attempts: Int) -> TimeInterval { backoff.delay(failures: max(1, attempts)) }

    /// Records a failed attempt (message cleaned for the log and the terminal) and returns its result.
    func fail<Job: PublishJob>(_ job: Job, _ message: String, retryAt: Date?, now: Date) -> Job.Result {
        let msg = NetworkText.clean(message, max: 300)
        // The log keeps milliseconds: round up so the time reported is the time stored.
        let retryAt = retryAt.map { Date(timeIntervalSince1970: ($0.timeIntervalSince1970 * 1000).rounded(.up) / 1000) }
        _ = try? store.record([job.failed(message: msg, retryAt: retryAt)], actor: actor, now: now)
        return job.failedResult(message: msg, retryAt: retryAt)
    }
}
