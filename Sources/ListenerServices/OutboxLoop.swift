import Foundation
import Listening
import SwitchboardCore

/// Sends due outbox entries every few seconds while the listener runs: replies queued by a workbench or `reply`,
/// or waiting for a retry.
public struct OutboxLoop: Sendable {
    public let store: Store
    public let http: HTTPClient
    public let log: @Sendable (String) -> Void
    private let sender: OutboxSender

    public init(store: Store, http: HTTPClient = URLSessionHTTPClient(timeout: 30), actor: String = Actor.current(),
                log: @escaping @Sendable (String) -> Void) {
        self.store = store; self.http = http; self.log = log
        sender = OutboxSender(store: store, actor: actor)
    }

    /// One pass: sends what is due with the publishers of `team`, one log line per entry sent or failed.
    @discardableResult
    public func sendDue(team: TeamConfig) async -> [OutboxResult] {
        let results = await sender.sendDue(publisherFor: OutboxSender.publishers(team: team, dataDir: store.dir, http: http))
        for r in results {
            switch r.outcome {
            case .sent(let ref): log("\(Timestamp.format(Date())) outbox \(r.id): sent \(ref.url ?? ref.id)")
            case .failed(let m, _): log("\(Timestamp.format(Date())) outbox \(r.id): failed: \(m)")
            case .skipped: break
            }
        }
        return results
    }

    /// Sends due entries every `seconds` until cancelled.
    public func run(every seconds: Double = 5) async {
        await TeamLoop.run(store: store, every: seconds) { team in await sendDue(team: team) }
    }
}
