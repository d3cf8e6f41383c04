import Foundation
import Listening
import SwitchboardCore

/// What `switchboard listen` runs: the listener over the team's sources with spike alerts and hand-off routing
/// after every stored batch, and (when it runs until stopped) the outbox, the content queue and the hand-off
/// retries in the background. Every log line goes to `log`.
public final class ListenService: @unchecked Sendable {
    public let store: Store
    public let team: TeamConfig
    public let log: @Sendable (String) -> Void
    public let listener: Listener, spikes: SpikeWatch, routing: HandoffRouting

    /// `makeSource` defaults to `SourceFactory.make` for the store's data directory.
    public init(
        store: Store, team: TeamConfig, makeSource: Listener.SourceFactory? = nil,
        log: @escaping @Sendable (String) -> Void
    ) {
        (self.store, self.team, self.log) = (store, team, log)
        let spikes = SpikeWatch(store: store, log: log)
        let routing = HandoffRouting(store: store, log: log)
        (self.spikes, self.routing) = (spikes, routing)
        listener = Listener(
            store: store, team: team, makeSource: makeSource ?? SourceFactory.make(dir: store.dir),
            log: log,
            onIngest: { added in
                spikes.check()
                routing.handle(added)
            })
    }

    /// Takes the listener lock (one listener per data directory), then logs the store's warnings and a line
    /// when no source is enabled.
    public func start() throws {
        try listener.acquireLock()
        for w in store.warnings { log("warning: \(w)") }
        if enabledSources.isEmpty {
            log("\(Timestamp.format(Date())) no enabled sources in team.json (add one with `switchboard sources add`)")
        }
    }

    /// Releases the lock after waiting for the hand-off deliveries and alert commands in flight.
    public func finish() {
        listener.releaseLock()
        routing.drain()
        spikes.drain()
    }

    public var enabledSources: [SourceConfig] { team.sources.filter(\.isEnabled) }

    /// Polls every enabled source that is due once; false when a source failed.
    public func runOnce() async -> Bool {
        let outcomes = await listener.runOnce(onlyDue: true)
        return !outcomes.contains { $0.error != nil }
    }

    /// Runs until SIGTERM or SIGINT (after the writes in flight), re-reading team.json as the listener does.
    public func run() async {
        log(
            "\(Timestamp.format(Date())) listening on \(store.dir.displayPath): "
                + enabledSources.map(\.id).joined(separator: ", "))
        let publishing = PublishingLoop(store: store, log: log)
        let outbox = Task.detached { await publishing.runOutbox() }
        // Due posts of the content queue too (the suspend switch is checked at each post).
        let queue = Task.detached { await publishing.runQueue() }
        // Failed hand-off deliveries are retried (1 minute, doubling up to an hour).
        let handoffs = Task.detached { [routing] in await HandoffRouting.retryLoop(routing) }
        let listener = self.listener
        let signals = SignalStop.install {
            listener.stop()
            outbox.cancel()
            queue.cancel()
            handoffs.cancel()
        }
        let dir = store.dir
        await listener.run(reloadTeam: { try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile) })
        outbox.cancel()
        queue.cancel()
        handoffs.cancel()
        signals.cancel()
        log("\(Timestamp.format(Date())) stopped")
    }
}
