import Foundation
import SwitchboardCore

/// `listen` on a site of a team that syncs through git: a sync every `interval` on a thread of its own (a sync
/// blocks on git), one log line when something came in or went out, or when it failed.
enum SyncLoop {
    static func start(_ sync: GitSync, log: @escaping @Sendable (String) -> Void) {
        let (dir, site, settings) = (sync.dir, sync.site, sync.settings)
        Thread.detachNewThread {
            while true {
                _ = once(GitSync(dir: dir, site: site, settings: settings), log: log)
                Thread.sleep(forTimeInterval: settings.interval)
            }
        }
    }

    /// One sync with its log line; false when it failed.
    static func once(_ sync: GitSync, log: @Sendable (String) -> Void) -> Bool {
        let t0 = Date()
        do {
            let r = try sync.run()
            if !r.incoming.isEmpty || r.outgoing > 0 || !r.conflicts.isEmpty {
                log(
                    "\(Timestamp.format(Date())) "
                        + SyncCommand.summary(r, site: sync.site, seconds: Date().timeIntervalSince(t0)))
            }
            for f in r.conflicts { log("\(Timestamp.format(Date())) " + L10n.t("listen.syncConflict", ["file": f])) }
            return true
        } catch {
            log("\(Timestamp.format(Date())) " + L10n.t("listen.syncFailed", ["error": "\(error)"]))
            return false
        }
    }
}
