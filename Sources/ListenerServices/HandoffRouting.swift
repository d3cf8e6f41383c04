import Dispatch
import Foundation
import SwitchboardCore

/// The routing rules at work in the processes that store new mentions (`ingest`, `listen`): hand-offs are recorded
/// at once (before the listener moves on), deliveries run one after another on a background queue, and failed ones
/// are retried on a timer. Reads team.json on every batch, so rule changes apply without a restart.
public final class HandoffRouting: @unchecked Sendable {
    public let store: Store
    public let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "switchboard.handoff-routing")
    private let lock = NSLock()
    private var reported: String?

    public init(store: Store, log: @escaping @Sendable (String) -> Void) { (self.store, self.log) = (store, log) }

    /// A router for the current team.json; nil (after logging the problems once) when the rules don't parse.
    public func router() -> Router? {
        guard let team = try? FileIO.readDocument(TeamConfig.self, from: store.dir.teamFile) else { return nil }
        do {
            let r = try Router(store: store, team: team, actor: "switchboard")
            return r.rules.isEmpty ? nil : r
        } catch {
            let text = "\(error)"
            let first: Bool = lock.withLock {
                defer { reported = text }
                return reported != text
            }
            if first {
                log(
                    "\(Timestamp.format(Date())) routing rules not applied, team.json has problems: "
                        + text.replacingOccurrences(of: "\n", with: "; "))
            }
            return nil
        }
    }

    /// Records the hand-offs of newly stored mentions now and delivers them in the background.
    public func handle(_ mentions: [Mention]) {
        guard !mentions.isEmpty, let r = router() else { return }
        let (won, outcomes) = r.record(mentions)
        for o in outcomes { if case .failed = o.result { log("\(Timestamp.format(Date())) " + RoutingReport.line(o)) } }
        guard !won.isEmpty else { return }
        queue.async { for h in won { self.log("\(Timestamp.format(Date())) " + RoutingReport.line(r.deliver(h))) } }
    }

    /// Retries failed deliveries whose retry time came (and those a dead process left), in the background.
    public func retryDue() {
        queue.async {
            guard let r = self.router() else { return }
            for o in r.retry(onlyDue: true) { self.log("\(Timestamp.format(Date())) retry: " + RoutingReport.line(o)) }
        }
    }

    /// Waits for the deliveries in flight (before the process exits).
    public func drain() { queue.sync {} }

    /// Retries due deliveries every `seconds` until cancelled.
    public static func retryLoop(_ routing: HandoffRouting, every seconds: Double = 60) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            if Task.isCancelled { return }
            routing.retryDue()
        }
    }
}
