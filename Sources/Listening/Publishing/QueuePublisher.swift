import Foundation
import SwitchboardCore
#if canImport(Glibc)
import Glibc
#endif

/// What one publish attempt for one account did.
public struct QueuePublishResult: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable { case published, failed, suspended, skipped }
    public var id: String
    public var account: String
    public var outcome: Outcome
    public var url: String?
    public var postID: String?
    /// The network's message (failed), or why nothing happened (suspended, skipped).
    public var message: String?
    /// A transient failure is retried automatically then.
    public var retryAt: Date?

    enum CodingKeys: String, CodingKey { case id, account, outcome, url, message, postID = "post_id", retryAt = "retry_at" }
}

/// Publishes due queue items, each exactly once per target account even with several publishers (listener, cron,
/// workbench) on one data directory. Per (item, account): a `queue_publishing` claim is written under the store's lock
/// — the same locked step checks the suspend switch, so a suspend recorded up to that moment holds the post — then
/// the network is called with the idempotency key `ITEM-ACCOUNT` (Mastodon `Idempotency-Key`; Bluesky record key
/// from the item's `createdAt` and that key), then `queue_published` or `queue_failed` is recorded. A crash between
/// post and record leaves a claim whose lease runs out; the retry uses the same key and finds the post made.
public final class QueuePublisher: @unchecked Sendable {
    /// The publisher for a target account (a source id from team.json); nil when the network has no post API.
    public typealias PublisherFor = @Sendable (String) throws -> Publisher?

    public let store: Store
    public let actor: String
    public let holder: String
    public var lease: TimeInterval = 120
    /// Delay before retrying a transient failure (5xx, timeout), by attempts so far.
    public var backoff = Backoff(base: 30, cap: 30 * 60)
    /// Attempts after which a transient failure waits for a person (`queue retry`).
    public var maxAttempts = 5
    /// Test hook: runs after a successful post and before it is recorded (throw to simulate a crash there).
    var afterPost: (@Sendable (QueueItem, String, PostedRef) throws -> Void)?
    /// Test hook: runs after the due list is read and before the claim (to suspend "at the last second").
    var beforeClaim: (@Sendable (QueueItem, String) -> Void)?

    public init(store: Store, actor: String, holder: String = OutboxSender.defaultHolder) {
        self.store = store; self.actor = actor; self.holder = holder
    }

    /// `ITEM-ACCOUNT`: the same for every attempt of one item on one account.
    public static func idempotencyKey(item: String, account: String) -> String { "\(item)-\(account)" }

    /// Publishes everything due at `now`, one post after another.
    public static func publishDue(store: Store, publisherFor: PublisherFor, now: Date = Date(), actor: String = Actor.current()) async -> [QueuePublishResult] {
        await QueuePublisher(store: store, actor: actor).publishDue(publisherFor: publisherFor, now: now)
    }

    public func publishDue(publisherFor: PublisherFor, now: Date = Date()) async -> [QueuePublishResult] {
        guard let q = try? Queue.current(store) else { return [] }
        var out: [QueuePublishResult] = []
        for (item, account) in q.due(now) { out.append(await publish(item, account: account, publisherFor: publisherFor, now: now)) }
        return out
    }

    /// Claims and posts one item to one account, if it is due and the switch is off at the moment of the claim.
    public func publish(_ item: QueueItem, account: String, publisherFor: PublisherFor, now: Date = Date()) async -> QueuePublishResult {
        func result(_ o: QueuePublishResult.Outcome, _ msg: String? = nil, _ ref: PostedRef? = nil) -> QueuePublishResult {
            QueuePublishResult(id: item.id, account: account, outcome: o, url: ref.map { $0.url ?? $0.uri }, postID: ref?.id, message: msg)
        }
        beforeClaim?(item, account)
        let claimed: QueueItem
        do {
            switch try Queue.claim(item.id, account: account, store: store, holder: holder, lease: lease, actor: actor, now: now) {
            case .claimed(let i, _): claimed = i
            case .suspended(let why): return result(.suspended, why)
            case .notDue: return result(.skipped, "not due, or another publisher has it")
            }
        } catch {
            return result(.skipped, "cannot claim: \(error)")
        }
        let publisher: Publisher
        do {
            guard let p = try publisherFor(account) else { return fail(claimed, account, "\(account) has no post API", now) }
            publisher = p
        } catch {
            return fail(claimed, account, String(describing: error), now)
        }
        let d = claimed.draft
        let media = publisher as? MediaPublisher
        if !d.media.isEmpty && media == nil {
            return fail(claimed, account, "media upload to \(publisher.platform) is not supported yet: remove the media or post it by hand", now)
        }
        let post = OutgoingPost(text: d.body(for: publisher.platform), createdAt: d.createdAt)
        let key = Self.idempotencyKey(item: d.id, account: account)
        do {
            let ref = try await (d.media.isEmpty || media == nil ? publisher.post(post, idempotencyKey: key) : media!.post(post, media: d.media, idempotencyKey: key))
            if let hook = afterPost { try hook(claimed, account, ref) }
            do {
                try store.record([.queue(.published(id: d.id, account: account, postID: ref.id, url: ref.url ?? ref.uri))], actor: actor, now: now)
            } catch {
                return result(.failed, "posted, but not recorded: \(error) (the retry after the lease finds the post)", ref)
            }
            return result(.published, nil, ref)
        } catch let e as QueueCrash {
            return result(.skipped, "crashed: \(e.reason)")
        } catch let e as PublishError {
            let attempts = claimed.result(account).attempts
            switch e {
            case .rateLimited(let at, _): return fail(claimed, account, e.description, now, retryAt: max(at, now.addingTimeInterval(1)))
            case .transient where attempts < maxAttempts:
                return fail(claimed, account, e.description, now, retryAt: now.addingTimeInterval(backoff.delay(failures: max(1, attempts))))
            default: return fail(claimed, account, e.description, now)
            }
        } catch {
            return fail(claimed, account, String(describing: error), now)
        }
    }

    private func fail(_ i: QueueItem, _ account: String, _ message: String, _ now: Date, retryAt: Date? = nil) -> QueuePublishResult {
        let msg = NetworkText.clean(message, max: 300)
        // The log keeps milliseconds: round up so the time reported is the time stored.
        let retryAt = retryAt.map { Date(timeIntervalSince1970: ($0.timeIntervalSince1970 * 1000).rounded(.up) / 1000) }
        _ = try? store.record([.queue(.failed(id: i.id, account: account, error: msg, retryAt: retryAt))], actor: actor, now: now)
        return QueuePublishResult(id: i.id, account: account, outcome: .failed, url: nil, postID: nil, message: msg, retryAt: retryAt)
    }

    /// Publishers for target accounts from the team's sources (`Listener.publisher(for:dataDir:http:)`).
    public static func publishers(team: TeamConfig, dataDir: DataDirectory, http: HTTPClient) -> PublisherFor {
        { account in
            guard let src = team.sources.first(where: { $0.id == account }) else {
                throw PublishError.configuration("no source \"\(account)\" in team.json")
            }
            return try Listener.publisher(for: src, dataDir: dataDir, http: http)
        }
    }
}

/// Thrown by the test hook to simulate a crash between posting and recording.
struct QueueCrash: Error { var reason: String }
