import Foundation
import Listening
import SwitchboardCore

/// The listener inside the workbench, started only when no other process holds the listener lock.
public final class WorkbenchSources: @unchecked Sendable {
    private let listener: Listener
    public private(set) var isRunning = false

    public init(store: Store, team: TeamConfig) {
        let spikes = SpikeWatch(store: store, log: { _ in })
        // Failures show in `handoff list`; retried by a listener or `handoff retry`.
        let routing = HandoffRouting(store: store, log: { _ in })
        listener = Listener(
            store: store, team: team, makeSource: SourceFactory.make(dir: store.dir),
            onIngest: { added in
                spikes.check()
                routing.handle(added)
            })
        guard !team.sources.filter(\.isEnabled).isEmpty, (try? listener.acquireLock()) != nil else { return }
        isRunning = true
        let l = listener
        let dir = store.dir
        Task.detached { await l.run(reloadTeam: { try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile) }) }
    }

    public func stop() {
        guard isRunning else { return }
        listener.stop()
        listener.releaseLock()
    }
}
