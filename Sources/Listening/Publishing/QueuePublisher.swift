import Foundation
import SwitchboardCore

/// Publishes due queue items, each exactly once per target account even with several publishers (listener, cron,
/// workbench) on one data directory. Per (item, account): a `queue_publishing` claim is written under the store's lock
/// — the same locked step checks the suspend switch, so a suspend recorded up to that moment holds the post — then
/// the network is called with the idempotency key `ITEM-ACCOUNT` (Mastodon `Idempotency-Key`; Bluesky record key
/// from the item's `createdAt` and that key), then `queue_published` or `queue_failed` is recorded. A crash between
/// post and record leaves a claim whose lease runs out; the retry uses the same key and finds the post made.
public final class QueuePublisher: ExactlyOncePublisher, @unchecked Sendable {
    /// The publisher for a target account (a source id from team.json); nil when the network has no post API.
    public typealias PublisherFor = @Sendable (String) throws -> Publisher?

    /// Attempts after which a transient failure waits for a person (`queue retry`).
    public var maxAttempts = 5
    /// Test hook: runs after a successful post and before it is recorded (throw to simulate a crash there).
    var afterPost: (@Sendable (QueueItem, String, PostedRef) throws -> Void)?
    /// Test hook: runs after the due list is read and before the claim (to suspend "at the last second").
    var beforeClaim: (@Sendable (QueueItem, String) -> Void)?

    public init(store: Store, actor: String, holder: String = OutboxSender.defaultHolder) {
        super.init(store: store, actor: actor, holder: holder, backoff: Backoff(base: 30, cap: 30 * 60))
    }

    /// `ITEM-ACCOUNT`: the same for every attempt of one item on one account.
    public static func idempotencyKey(item: String, account: String) -> String { "\(item)-\(account)" }

    /// Publishes everything due at `now`, one post after another.
    public static func publishDue(
        store: Store, publisherFor: PublisherFor, now: Date = Date(),
        actor: String = Actor.current()
    ) async -> [QueuePublishResult] {
        await QueuePublisher(store: store, actor: actor).publishDue(publisherFor: publisherFor, now: now)
    }

    /// `postsHere` leaves accounts whose home is another site to that site.
    public func publishDue(
        publisherFor: PublisherFor, now: Date = Date(), postsHere: (String) -> Bool = { _ in true }
    ) async -> [QueuePublishResult] {
        guard let q = try? Queue.current(store) else { return [] }
        var out: [QueuePublishResult] = []
        for (item, account) in q.due(now) where postsHere(account) {
            out.append(await publish(item, account: account, publisherFor: publisherFor, now: now))
        }
        return out
    }

    /// Claims and posts one item to one account, if it is due and the switch is off at the moment of the claim.
    public func publish(
        _ item: QueueItem, account: String, publisherFor: PublisherFor,
        now: Date = Date()
    ) async -> QueuePublishResult {
        let hook = afterPost
        beforeClaim?(item, account)
        return await engine(maxAttempts: maxAttempts, retriesUnknownErrors: false).run(
            claim: { claim(item, account: account, now: now) }, publisher: { try publisherFor($0.account) },
            afterPost: hook.map { hook in { try hook($0.item, $0.account, $1) } }, now: now)
    }

    private func claim(_ item: QueueItem, account: String, now: Date) -> PublishingEngine.Claim<QueueJob> {
        let unclaimed = QueueJob(item: item, account: account)
        do {
            switch try Queue.claim(
                item.id, account: account, store: store, holder: holder, lease: lease, actor: actor,
                now: now)
            {
            case .claimed(let i, _):
                return .claimed(
                    QueueJob(item: i, account: account, replyLimit: CreationReplyLimit.rule(store.events)))
            case .suspended(let why): return .skipped(unclaimed.result(.suspended, why))
            case .notDue: return .skipped(unclaimed.result(.skipped, "not due, or another publisher has it"))
            }
        } catch {
            return .skipped(unclaimed.result(.skipped, "cannot claim: \(error)"))
        }
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
