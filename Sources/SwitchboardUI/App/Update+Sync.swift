import Foundation
import SwitchboardCore

extension Update {
    /// A sync every `interval` of team.json's `sync` section (the first at once), when none runs.
    static func syncIfDue(_ s: inout AppState) -> [Effect] {
        guard let cfg = s.settings.sync, !s.sync.running else { return [] }
        if let t = s.sync.startedAt, s.chrome.now.timeIntervalSince(t) < cfg.interval { return [] }
        return startSync(&s)
    }

    static func startSync(_ s: inout AppState) -> [Effect] {
        s.sync.running = true
        s.sync.startedAt = s.chrome.now
        return [.sync]
    }

    /// What the other sites must see now — a suspend of the queue, the start of a real crisis — is followed by a sync at
    /// once (effects run in order, so the record is written first), when a remote is set and no sync runs already.
    static func thenSyncAtOnce(_ s: inout AppState, _ fx: [Effect]) -> [Effect] {
        guard s.settings.sync != nil, !s.sync.running else { return fx }
        return fx + startSync(&s)
    }

    /// `:sync`: a sync now.
    static func syncCommand(_ s: inout AppState) -> [Effect] {
        guard s.settings.sync != nil else {
            say(&s, L10n.t("msg.syncNoRemote"), error: true)
            return []
        }
        if s.sync.running {
            say(&s, L10n.t("msg.syncRunning"))
            return []
        }
        say(&s, L10n.t("msg.syncing"))
        return startSync(&s)
    }

    static func synced(_ s: inout AppState, _ o: SyncOutcome) {
        s.sync.running = false
        if let why = o.failure {
            s.sync.failure = why
            say(&s, L10n.t("msg.syncFailed", ["error": sanitizeForScreen(why)]), error: true)
            return
        }
        s.sync.failure = nil
        s.sync.lastAt = o.at
        for f in o.conflicts { say(&s, L10n.t("msg.syncConflict", ["file": sanitizeForScreen(f)]), error: true) }
        if o.conflicts.isEmpty, let text = o.summary { say(&s, text) }
    }

    /// After a sync brought an earlier claim by another site: the losing claimant (me) is told.
    static func claimsLost(_ s: inout AppState, old: [String: MentionState]) {
        // Only on a site that syncs, and not for what the first load found (that was news before this session).
        guard s.settings.sync != nil, !old.isEmpty else { return }
        let me = s.settings.user
        for (k, st) in s.states where st.sync != nil {
            guard st.lostClaim(of: me) != nil, old[k]?.lostClaim(of: me) == nil else { continue }
            let winner = st.sync?.claim
            // The mention as the feed names it (its author), else its key.
            let author = s.feed.keyIndex[k].map { s.feed.items[Int($0)].author }
            let what = author.map { $0.hasPrefix("@") ? $0 : "@" + $0 } ?? k
            say(
                &s,
                L10n.t(
                    "msg.claimLost",
                    [
                        "what": sanitizeForScreen(what), "user": sanitizeForScreen(winner?.user ?? "-"),
                        "site": sanitizeForScreen(winner?.stamp.site ?? "-"),
                    ]), error: true)
        }
    }
}
