import Foundation
import Listening
import SwitchboardCore

/// Publishes due queue items every few seconds while the listener runs (next to `OutboxLoop`).
public struct QueueLoop: Sendable {
    public let store: Store
    public let http: HTTPClient
    public let log: @Sendable (String) -> Void
    private let publisher: QueuePublisher

    public init(store: Store, http: HTTPClient = URLSessionHTTPClient(timeout: 30), actor: String = Actor.current(),
                log: @escaping @Sendable (String) -> Void) {
        self.store = store; self.http = http; self.log = log
        publisher = QueuePublisher(store: store, actor: actor)
    }

    /// One pass: publishes what is due at `now` with the accounts of `team`, one log line per post.
    @discardableResult
    public func publishDue(team: TeamConfig, now: Date = Date()) async -> [QueuePublishResult] {
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: http)
        let results = await publisher.publishDue(publisherFor: publishers, now: now)
        for r in results {
            let head = "\(Timestamp.format(Date())) queue \(r.id) → \(r.account): "
            switch r.outcome {
            case .published: log(head + "published \(r.url ?? "")")
            case .failed: log(head + "failed: \(r.message ?? "")")
            case .suspended: log(head + "held (suspended)")
            case .skipped: break
            }
        }
        return results
    }

    /// Publishes due items every `seconds` until cancelled (the suspend switch is checked at each post).
    public func run(every seconds: Double = 5) async {
        await TeamLoop.run(store: store, every: seconds) { team in await publishDue(team: team) }
    }
}
