import Foundation
import Listening
import SwitchboardCore

/// Reads back how the brand's published posts did (`MetricsCadence`: hourly for 48 hours, then daily for 30 days)
/// and records each reading as a `metrics` action. One batch per account a pass, through that account's publisher
/// (`MetricsReader`), so its rate limiter, quota ledger or usage meter applies; an account the network told to wait
/// (HTTP 429, a spent quota) is not asked again before the time it gave.
public final class MetricsPoller: @unchecked Sendable {
    public let store: Store, http: HTTPClient, actor: String
    public var cadence = MetricsCadence()
    private let lock = NSLock()
    private var notBefore: [String: Date] = [:]

    /// What one pass did for one account.
    public struct Outcome: Sendable, Equatable {
        public var account: String
        public var read: Int
        /// The time the network said to wait until (nil: no limit hit).
        public var waitUntil: Date?
        public var error: String?
    }

    public init(store: Store, http: HTTPClient, actor: String = Actor.current()) {
        (self.store, self.http, self.actor) = (store, http, actor)
    }

    /// The time `account` may be asked again after a rate limit (nil: now).
    public func waiting(_ account: String) -> Date? { lock.withLock { notBefore[account] } }

    /// One pass at `now` with the accounts of `team`: reads the posts that are due and records their counts.
    @discardableResult
    public func poll(team: TeamConfig, now: Date = Date()) async -> [Outcome] {
        guard let q = try? Queue.current(store) else { return [] }
        let site = store.site
        let due = cadence.due(q, now: now).filter { d in
            team.sources.first { $0.id == d.account }?.isHome(site) ?? false
        }
        var out: [Outcome] = []
        for account in Set(due.map(\.account)).sorted() {
            if let until = waiting(account), until > now { continue }
            let posts = due.filter { $0.account == account }
            out.append(await read(account, posts, team: team, now: now))
        }
        return out
    }

    private func read(
        _ account: String, _ posts: [(item: QueueItem, account: String, postID: String)], team: TeamConfig, now: Date
    ) async -> Outcome {
        var outcome = Outcome(account: account, read: 0)
        do {
            guard let src = team.sources.first(where: { $0.id == account }),
                let reader = try Listener.publisher(for: src, dataDir: store.dir, http: http) as? MetricsReader
            else { return outcome }
            let counts = try await reader.metrics(posts.map(\.postID))
            let actions = posts.compactMap { p in
                counts[p.postID].map {
                    PostMetrics(queue: p.item.id, account: account, postID: p.postID, at: now).with(counts: $0).action
                }
            }
            if !actions.isEmpty { _ = try store.record(actions, actor: actor, now: now) }
            outcome.read = actions.count
            lock.withLock { notBefore[account] = nil }
        } catch SourceError.rateLimited(let at, let detail) {
            (outcome.waitUntil, outcome.error) = (at, detail)
        } catch PublishError.rateLimited(let at, let detail) {
            (outcome.waitUntil, outcome.error) = (at, detail)
        } catch {
            outcome.error = "\(error)"
        }
        if let at = outcome.waitUntil { lock.withLock { notBefore[account] = at } }
        return outcome
    }
}
