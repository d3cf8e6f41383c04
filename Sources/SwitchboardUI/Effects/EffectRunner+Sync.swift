import Foundation
import SwitchboardCore

extension EffectRunner {
    /// One git sync on a thread of its own (it blocks on git): team.json's `sync` remote, this directory's site.
    /// Never two at once in this process (the UI starts none while one runs; the gate holds against the rest).
    func performSync() -> [Message] {
        let dir = store.dir
        // The sync's time is when it started (the clock is the main loop's).
        let at = clock()
        guard let site = dir.site else {
            return [.synced(SyncOutcome(at: at, failure: L10n.t("msg.syncNoSite")))]
        }
        guard let team, let settings = try? SyncSettings(team: team), settings.remote != nil else {
            return [.synced(SyncOutcome(at: at, failure: L10n.t("msg.syncNoRemote")))]
        }
        background.startThread {
            guard EffectRunner.syncGate.try() else {
                return [.synced(SyncOutcome(at: at, failure: L10n.t("msg.syncRunning")))]
            }
            defer { EffectRunner.syncGate.unlock() }
            do {
                let r = try GitSync(dir: dir, site: site, settings: settings).run()
                let total = r.incoming.values.reduce(0, +)
                var o = SyncOutcome(at: at, conflicts: r.conflicts)
                if total > 0 || r.outgoing > 0 {
                    o.summary = L10n.t("msg.synced", ["in": total, "out": r.outgoing])
                }
                return [.synced(o)]
            } catch let e as SwitchboardError {
                return [.synced(SyncOutcome(at: at, failure: e.message))]
            } catch {
                return [.synced(SyncOutcome(at: at, failure: "\(error)"))]
            }
        }
        return []
    }

    /// Held while a sync runs in this process.
    static let syncGate = NSLock()
}
