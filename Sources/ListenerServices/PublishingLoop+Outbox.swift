import Foundation
import Listening
import SwitchboardCore

/// The outbox: replies queued by a workbench or `reply`, or waiting for a retry, are sent.
extension PublishingLoop {
    /// One pass: sends what is due with the publishers of `team`, one log line per entry sent or failed.
    @discardableResult
    public func sendDue(team: TeamConfig) async -> [OutboxResult] {
        let publishers = OutboxSender.publishers(team: team, dataDir: store.dir, http: http)
        let results = await OutboxSender(store: store, actor: actor).sendDue(
            publisherFor: publishers, sendsHere: OutboxSender.sendsHere(team: team, site: store.site))
        for r in results {
            switch r.outcome {
            case .sent(let ref): line("outbox \(r.id): sent \(ref.url ?? ref.id)")
            case .failed(let m, _): line("outbox \(r.id): failed: \(m)")
            case .skipped: break
            }
        }
        return results
    }

    /// Sends due outbox entries every `seconds` until cancelled.
    public func runOutbox(every seconds: Double = 5) async {
        await run(every: seconds) { team in await sendDue(team: team) }
    }
}
