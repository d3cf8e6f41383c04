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

    /// Reads the counts of published posts that are due (`MetricsPoller`) every `seconds` until cancelled; one log
    /// line per account that read something or hit a limit.
    public func runMetrics(every seconds: Double = 300) async {
        let poller = MetricsPoller(store: store, http: http, actor: actor)
        await run(every: seconds) { team in
            for o in await poller.poll(team: team) where o.read > 0 || o.error != nil {
                line("metrics \(o.account): \(o.read) read" + (o.error.map { ", \($0)" } ?? ""))
            }
        }
    }

    /// Crisis reply controls (`ReplyGatePass`) every `seconds` until cancelled: gates set while a crisis runs,
    /// lifted once it ended; one log line per change.
    public func runReplyGates(every seconds: Double = 60) async {
        let pass = ReplyGatePass(store: store, http: http, actor: actor)
        await run(every: seconds) { team in
            for r in await pass.run(team: team) { line("reply gate " + r.line) }
        }
    }

    /// Publishes due queue items every `seconds` until cancelled.
    public func runQueue(every seconds: Double = 5) async {
        await run(every: seconds) { team in await publishDue(team: team) }
    }
}
