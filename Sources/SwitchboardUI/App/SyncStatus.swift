import Foundation
import SwitchboardCore

/// The workbench's part of a team across servers: when it last synced through git, whether a sync runs now, and
/// why the last one failed (the status bar's `⇅` slot).
public struct SyncStatus: Sendable {
    /// A sync runs now (never two at once).
    public var running = false
    /// When the running or last sync started (the next one is due `interval` later).
    public var startedAt: Date?
    /// When the last sync succeeded.
    public var lastAt: Date?
    /// Why the last sync failed (nil: it worked).
    public var failure: String?

    /// The status bar's slot: `⇅ 2m ago`, `⇅ failed`, `⇅ …` (the first sync runs).
    func short(now: Date) -> String {
        if failure != nil { return L10n.t("status.syncFailed") }
        guard let at = lastAt else { return L10n.t("status.syncing") }
        return L10n.t(
            "status.syncAgo", ["age": LocalFormat.ago(now.timeIntervalSince(at))])
    }
}
