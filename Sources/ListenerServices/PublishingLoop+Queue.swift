import Foundation
import Listening
import SwitchboardCore

/// The content queue: due posts are published (the suspend switch is checked at each post).
extension PublishingLoop {
    /// One pass: publishes what is due at `now` with the accounts of `team`, one log line per post.
    @discardableResult
    public func publishDue(team: TeamConfig, now: Date = Date()) async -> [QueuePublishResult] {
        let publishers = QueuePublisher.publishers(team: team, dataDir: store.dir, http: http)
        let site = store.site
        let results = await QueuePublisher(store: store, actor: actor).publishDue(
            publisherFor: publishers, now: now,
            postsHere: { id in team.sources.first { $0.id == id }?.isHome(site) ?? true })
        for r in results {
            let head = "queue \(r.id) → \(r.account): "
            switch r.outcome {
            case .published: line(head + "published \(r.url ?? "")")
            case .failed: line(head + "failed: \(r.message ?? "")")
            case .suspended: line(head + "held (suspended)")
            case .skipped: break
            }
        }
        return results
    }

    /// Publishes due queue items every `seconds` until cancelled.
    public func runQueue(every seconds: Double = 5) async {
        await run(every: seconds) { team in await publishDue(team: team) }
    }
}
