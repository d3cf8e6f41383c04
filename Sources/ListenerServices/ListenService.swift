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
    /// Outgoing events (team.json's `"events"`), sent by the process holding the listener lock.
    public let events: EventDelivery

    /// `makeSource` defaults to `SourceFactory.make` for the store's data directory.
    /// `afterIngest` runs after every stored batch, after the alerts and routing (the command brings the history
    /// index up to date there).
    public init(
        store: Store, team: TeamConfig, makeSource: Listener.SourceFactory? = nil,
        afterIngest: (@Sendable () -> Void)? = nil, log: @escaping @Sendable (String) -> Void
    ) {
        (self.store, self.team, self.log) = (store, team, log)
        let spikes = SpikeWatch(store: store, log: log)
        let routing = HandoffRouting(store: store, log: log)
        (self.spikes, self.routing) = (spikes, routing)
        events = EventDelivery(store: store, log: log)
        listener = Listener(
            store: store, team: team, makeSource: makeSource ?? SourceFactory.make(dir: store.dir),
            log: log,
            onIngest: { added in
                spikes.check()
                routing.handle(added)
                afterIngest?()
            })
    }

    /// Takes the listener lock (one listener per data directory), then logs the store's warnings and a line
    /// when no source is enabled.
    /// `quiet`: no line for "no enabled sources" (cron with `--quiet`: nothing happened).
    public func start(quiet: Bool = false) throws {
        try listener.acquireLock()
        for w in store.warnings { log(L10n.t("cli.warning", ["text": w])) }
        if enabledSources.isEmpty && !quiet {
            log("\(Timestamp.format(Date())) " + L10n.t("listen.noSources"))
        }
    }

    /// Releases the lock after waiting for the hand-off deliveries and alert commands in flight.
    public func finish() {
        listener.releaseLock()
        routing.drain()
        spikes.drain()
    }

    public var enabledSources: [SourceConfig] { team.sources.filter { $0.isEnabled && $0.isHome(store.site) } }

    /// SIGHUP, besides re-reading team.json at once: the caller reopens its log file here (after logrotate).
    public var onHangup: (@Sendable () -> Void)?

    /// Polls every enabled source that is due once; false when a source failed or its state could not be saved.
    public func runOnce() async -> Bool {
        let outcomes = await listener.runOnce(onlyDue: true)
        await events.pass()
        return !outcomes.contains { $0.error != nil || $0.stateError != nil }
    }

    /// Runs until SIGTERM or SIGINT (after the writes in flight), re-reading team.json as the listener does.
    public func run() async {
        let publishing = PublishingLoop(store: store, log: log)
        let outbox = Task.detached { await publishing.runOutbox() }
        // Due posts of the content queue too (the suspend switch is checked at each post).
        let queue = Task.detached { await publishing.runQueue() }
        // How the published posts did: hourly for 48 hours, then daily for 30 days (checked every 5 minutes).
        let metrics = Task.detached { await publishing.runMetrics() }
        // Crisis reply controls: set while a crisis runs, lifted when it ends.
        let gates = Task.detached { await publishing.runReplyGates() }
        // Failed hand-off deliveries are retried (1 minute, doubling up to an hour).
        let handoffs = Task.detached { [routing] in await HandoffRouting.retryLoop(routing) }
        let outgoing = Task.detached { [events] in await EventDelivery.loop(events) }
        let listener = self.listener
        let log = self.log
        let hangup = onHangup
        let signals = SignalStop.install(
            {
                listener.stop()
                outbox.cancel()
                queue.cancel()
                metrics.cancel()
                gates.cancel()
                handoffs.cancel()
                outgoing.cancel()
            },
            hangup: {
                hangup?()
                log("\(Timestamp.format(Date())) SIGHUP: " + L10n.t("listen.hangup"))
                listener.reloadSoon()
            })
        // Said once the signals are handled (a SIGHUP right after this line must not end the listener).
        log(
            "\(Timestamp.format(Date())) listening on \(store.dir.displayPath): "
                + enabledSources.map(\.id).joined(separator: ", "))
        // A team.json that stops parsing keeps the settings in use, said once (and to alert_command); once more
        // when it is fixed.
        let spikes = self.spikes
        let watch = TeamFileWatch(
            file: store.dir.teamFile, log: log,
            alert: { spikes.tell(listener.team.alertCommand, message: $0) })
        await listener.run(reloadTeam: { watch.read() })
        outbox.cancel()
        queue.cancel()
        handoffs.cancel()
        outgoing.cancel()
        signals.cancel()
        log("\(Timestamp.format(Date())) " + L10n.t("listen.stopped"))
    }
}
