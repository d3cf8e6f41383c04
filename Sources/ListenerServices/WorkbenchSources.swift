import Foundation
import Listening
import SwitchboardCore

/// The listener inside the workbench. It polls only while this process holds the listener lock: at start when
/// nobody else does, and later when the process that held it (`switchboard listen`, another workbench) has quit:
/// `takeOverIfFree()` runs every second or so, so the live feed never stops while one workbench is open.
public final class WorkbenchSources: @unchecked Sendable {
    private let store: Store
    private let mutex = NSLock()
    private var team: TeamConfig?
    private var listener: Listener?
    private var candidate: Listener?
    private var finished: DispatchSemaphore?
    /// Outgoing events, sent while this workbench polls (it holds the listener lock then).
    private var events: Task<Void, Never>?
    /// How the published posts did and crisis reply controls, also only while this workbench polls.
    private var passes: [Task<Void, Never>] = []
    private var stopped = false
    /// How often the running listener looks at team.json (sources added or changed start without a restart).
    public var reloadEvery: TimeInterval = 5

    public init(store: Store, team: TeamConfig?) { (self.store, self.team) = (store, team) }

    /// This process polls the sources.
    public var isRunning: Bool { mutex.withLock { listener != nil } }

    /// The team changed (team.json edited): a listener not yet running starts with it; a running one reads
    /// team.json itself every `reloadEvery` seconds.
    public func setTeam(_ t: TeamConfig) { mutex.withLock { team = t } }

    /// Starts polling when the team has enabled sources and no other process holds the listener lock; true when
    /// this process polls (now or already). A source's schedule continues where the last poller left it.
    @discardableResult
    public func takeOverIfFree() -> Bool {
        mutex.withLock {
            if listener != nil { return true }
            guard !stopped, let team, !team.sources.filter({ $0.isEnabled && $0.isHome(store.site) }).isEmpty else {
                return false
            }
            // Made once and kept while another process polls: a try is then one open and one flock.
            let l = candidate ?? makeListener(team)
            candidate = l
            l.setTeam(team)
            guard (try? l.acquireLock()) != nil else { return false }
            listener = l
            let done = DispatchSemaphore(value: 0)
            finished = done
            let dir = store.dir
            let every = reloadEvery
            Task.detached {
                await l.run(
                    reloadTeam: { try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile) }, reloadEvery: every)
                done.signal()
            }
            let delivery = EventDelivery(store: store, refreshes: false, log: { _ in })
            events = Task.detached { await EventDelivery.loop(delivery) }
            let loop = PublishingLoop(store: store, log: { _ in })
            passes = [Task.detached { await loop.runMetrics() }, Task.detached { await loop.runReplyGates() }]
            return true
        }
    }

    private func makeListener(_ team: TeamConfig) -> Listener {
        let store = self.store
        let spikes = SpikeWatch(store: store, log: { _ in })
        // Failures show in `handoff list`; retried by a listener or `handoff retry`.
        let routing = HandoffRouting(store: store, log: { _ in })
        return Listener(
            store: store, team: team, makeSource: SourceFactory.make(dir: store.dir),
            onIngest: { added in
                spikes.check()
                routing.handle(added)
            })
    }

    /// Stops polling: a poll whose mentions are in hand finishes storing them and saving its state first (waits up
    /// to `timeout`, so no half-written state file stays behind), then the lock is released.
    public func stop(timeout: TimeInterval = 5) {
        let (l, done) = mutex.withLock {
            stopped = true
            events?.cancel()
            for t in passes { t.cancel() }
            return (listener, finished)
        }
        guard let l else { return }
        l.stop()
        _ = done?.wait(timeout: .now() + timeout)
        l.releaseLock()
        mutex.withLock {
            listener = nil
            finished = nil
        }
    }
}
